package escaperoutes.cli;

import escaperoutes.experiment.JobRefused;
import escaperoutes.experiment.SweepMergeJob;
import escaperoutes.sweep.InvalidSweepSpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sweep-merge", mixinStandardHelpOptions = true,
        description = "Join the folders of every chunk of a sweep (sweep --chunk I/N) into one new folder with the "
                + "same files as the whole sweep run at once, sensitivity.csv included.")
final class SweepMergeCommand extends JobCommand {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the chunks' folders, in any order")
    List<Path> dirs;

    @CommandLine.Mixin
    FolderOptions folder;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws InvalidSweepSpecException, JobRefused, IOException {
        SweepMergeJob.Result result = SweepMergeJob.run(dirs, folder.out, commandLine());
        if (!folder.quiet.quiet) {
            out.printf("merged %d chunks: %d points × %d replications%n", result.chunks(), result.plan().points(),
                    result.plan().replications());
            SweepCommand.printSensitivity(out, result.plan(), result.sensitivity());
        }
        out.println(result.folder());
        return Main.OK;
    }
}
