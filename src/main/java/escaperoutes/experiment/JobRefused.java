package escaperoutes.experiment;

import java.util.List;

/**
 * A job that cannot start with the input it was given (a bad option value, a folder that exists); the message says
 * what is wrong and what to do. Nothing has been written. The command line turns it into exit code 2.
 */
public final class JobRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> messages;

    public JobRefused(String message) {
        this(List.of(message));
    }

    /** A refusal for several reasons at once (every compared scenario that runs over other days, say). */
    public JobRefused(List<String> messages) {
        super(String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    /** Each reason, to be reported on a line of its own. */
    public List<String> messages() {
        return messages;
    }

    /** Refuses unless {@code value >= 1}: "OPTION must be at least 1, found VALUE". */
    static void requireAtLeastOne(String option, long value) throws JobRefused {
        if (value < 1) {
            throw new JobRefused(option + " must be at least 1, found " + value);
        }
    }
}
