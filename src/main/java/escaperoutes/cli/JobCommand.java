package escaperoutes.cli;

import escaperoutes.experiment.JobRefused;
import escaperoutes.io.InvalidInputException;
import escaperoutes.io.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command: parses its options, reads its input and calls a job. Bad input — a file with problems (each listed with
 * its file and JSON path or line) or a job's refusal — is reported on the error stream and becomes exit code 2;
 * anything else that fails is an internal failure ({@link Main}).
 */
abstract class JobCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(spec.commandLine().getOut(), err);
        } catch (InvalidInputException e) {
            report(e, err);
            return Main.BAD_INPUT;
        } catch (JobRefused e) {
            e.messages().forEach(message -> err.println("error: " + message));
            return Main.BAD_INPUT;
        }
    }

    /** The command's work; returns its exit code. */
    abstract int execute(PrintWriter out, PrintWriter err)
            throws InvalidInputException, JobRefused, IOException, InterruptedException;

    /** The arguments as given, for the manifest. */
    List<String> commandLine() {
        return List.copyOf(spec.commandLine().getParseResult().originalArgs());
    }

    /** Prints every problem of bad input, one a line. */
    static void report(InvalidInputException e, PrintWriter err) {
        err.println("error: " + e.getMessage() + ":");
        for (Problem problem : e.problems()) {
            err.println("  " + problem);
        }
    }
}
