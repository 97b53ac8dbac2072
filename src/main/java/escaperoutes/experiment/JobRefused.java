package escaperoutes.experiment;

/**
 * A job that cannot start with the input it was given (a bad option value, a folder that exists); the message says
 * what is wrong and what to do. Nothing has been written. The command line turns it into exit code 2.
 */
public final class JobRefused extends Exception {
    private static final long serialVersionUID = 1L;

    public JobRefused(String message) {
        super(message);
    }

    /** Refuses unless {@code value >= 1}: "OPTION must be at least 1, found VALUE". */
    static void requireAtLeastOne(String option, long value) throws JobRefused {
        if (value < 1) {
            throw new JobRefused(option + " must be at least 1, found " + value);
        }
    }
}
