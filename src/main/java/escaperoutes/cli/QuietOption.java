package escaperoutes.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --quiet} option of the commands that write a folder. */
final class QuietOption {
    @Option(names = "--quiet", description = "no progress bar or summary, only the folder path")
    boolean quiet;

    /** Where a job's progress goes: the error stream, or nowhere when quiet. */
    PrintWriter progressTo(PrintWriter err) {
        return quiet ? null : err;
    }
}
