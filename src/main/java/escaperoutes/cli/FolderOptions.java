package escaperoutes.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where a job that makes one new folder writes it ({@code --out}), and {@code --quiet}. */
final class FolderOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "the folder to create (must not exist), default results/<name>/<UTC time>, where the "
                    + "name is the scenario's (run), <scenario>-calibration (calibrate), <scenario>-score (score), "
                    + "<scenario>-posterior (posterior), compare (compare) or the sweep's (sweep-merge)")
    Path out;

    @CommandLine.Mixin
    QuietOption quiet;
}
