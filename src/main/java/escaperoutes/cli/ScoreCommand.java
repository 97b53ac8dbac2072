package escaperoutes.cli;

import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.experiment.JobRefused;
import escaperoutes.experiment.ScoreJob;
import escaperoutes.scenario.InvalidScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Measure a scenario as it stands against a calibration spec's targets (observed arrivals, "
                + "loss, evidence) without searching, and write a new folder: fit.csv, evidence.csv, metrics.json, "
                + "the run tables, scenario.resolved.json, the charts (charts/*.png, *.svg) and report.html. "
                + "Replications and seed are a calibration's closing runs': scoring its calibrated.json with its "
                + "spec writes the same fit.csv and evidence.csv.")
final class ScoreCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario to score")
    Path scenarioFile;

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "calibration spec whose targets to score against (its free parameters are not "
                    + "varied, and the scenario need not have them; see README)")
    Path specFile;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "40",
            description = "replications of the scenario (the spec's seed), default ${DEFAULT-VALUE}, as many as "
                    + "calibrate's closing runs")
    int replications;

    @CommandLine.Mixin
    ThreadsOption threads;

    @CommandLine.Mixin
    FolderOptions folder;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws InvalidCalibrationSpecException, InvalidScenarioException,
            JobRefused, IOException, InterruptedException {
        CalibrationSpecReader.ResolvedCalibration calibration = new CalibrationSpecReader().resolveTargets(specFile,
                scenarioFile);
        calibration.notes().forEach(note -> err.println("note: " + note));
        ScoreJob.Result result = ScoreJob.run(new ScoreJob.Request(calibration, replications, threads.count(),
                folder.out, commandLine()), folder.quiet.progressTo(err));
        if (!folder.quiet.quiet) {
            out.printf("loss %.2f over %d replications%n", result.loss(), replications);
            window(out, "fit", result.fitWindow().toString(), result.fit());
            if (result.holdOut() != null) {
                window(out, "hold-out", result.holdOutWindow().toString(), result.holdOut());
            }
            if (result.evidenceItems() > 0) {
                out.printf("evidence: %d of %d items inside their ranges (evidence.csv)%n", result.evidenceInside(),
                        result.evidenceItems());
            }
        }
        out.println(result.folder());
        return Main.OK;
    }

    private static void window(PrintWriter out, String name, String years, FitMetrics m) {
        long inBand = Math.round(m.coverage90() * m.rows().size());
        out.printf("%s %s: %d of %d single years inside the 90%% band, median |log error| %.3f, women's share "
                        + "off by %.1f points on average, MASE against persistence %.2f%n", name, years, inBand,
                m.rows().size(), m.medianAbsLogError(), m.femaleShareMaePoints(), m.mase());
    }
}
