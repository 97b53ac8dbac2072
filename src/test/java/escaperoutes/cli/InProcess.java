package escaperoutes.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;

/**
 * Runs a command line in-process through {@link Main#execute}, as the command tests do, with its output and error
 * streams captured: commands take their streams as arguments and return their exit code, so no process is started
 * and nothing is written to the console.
 */
public final class InProcess {

    /** The outcome of one command line: its exit code and what it wrote to standard output and to standard error. */
    public record Outcome(int code, String out, String err) {
    }

    private InProcess() {
    }

    /** Runs the command line whose words are {@code args}, each as {@link String#valueOf} writes it. */
    public static Outcome execute(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] text = Stream.of(args).map(String::valueOf).toArray(String[]::new);
        int code = Main.execute(text, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }
}
