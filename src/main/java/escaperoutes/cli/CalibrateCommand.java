package escaperoutes.cli;

import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.experiment.CalibrateJob;
import escaperoutes.experiment.JobRefused;
import escaperoutes.io.Csv;
import escaperoutes.scenario.InvalidScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit a scenario's free parameters to the observed arrivals and write a new folder: "
                + "calibrated.json (a scenario run accepts), fit.csv, metrics.json, trace.csv, the calibrated scenario's "
                + "run tables (annual.csv, summary.csv, routes.csv, origins.csv), the charts (charts/*.png, *.svg) "
                + "and report.html.")
final class CalibrateCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario to calibrate")
    Path scenarioFile;

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "calibration spec: free parameters, targets, loss, budget (see README)")
    Path specFile;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--final-replications", paramLabel = "N", defaultValue = "40",
            description = "replications of the best candidate for fit.csv and metrics.json, default ${DEFAULT-VALUE}")
    int finalReplications;

    @Option(names = "--name", paramLabel = "NAME",
            description = "name of the calibrated scenario (its results folders are named after it), default the "
                    + "calibrated scenario's own name")
    String name;

    @CommandLine.Mixin
    FolderOptions folder;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws InvalidCalibrationSpecException, InvalidScenarioException,
            JobRefused, IOException, InterruptedException {
        CalibrationSpecReader.ResolvedCalibration calibration = new CalibrationSpecReader().resolve(specFile,
                scenarioFile);
        calibration.notes().forEach(note -> err.println("note: " + note));
        CalibrateJob.Result result = CalibrateJob.run(new CalibrateJob.Request(calibration, threads.count(),
                finalReplications, name, folder.out, commandLine()), folder.quiet.progressTo(err));
        if (!folder.quiet.quiet) {
            FitMetrics fit = result.fit();
            if (result.annualVariation() != null) {
                out.printf("annual variation %.2f from the misses of %s (dispersion %.2f; searched with %s)%s%n",
                        result.annualVariation().annualVariation(), result.fitWindow(),
                        result.annualVariation().dispersion(),
                        Csv.exact(result.annualVariation().searchedWith()),
                        result.annualVariation().atUpperBound() ? ": the largest allowed, still narrower than the "
                                + "misses" : "");
            }
            out.printf("loss %.2f after %d evaluations (%s, %.1f evaluations/s)%n", result.search().best().loss(),
                    result.search().evaluations(), result.search().stoppedBecause(),
                    result.search().evaluations() / Math.max(result.searchSeconds(), 1e-9));
            out.printf("fit %s: median |log error| %.3f, 90%% band covers %.0f%% of years, women's share off by "
                            + "%.1f points on average; dispersion %.2f (about 1 when the bands are as wide as the misses)%n",
                    result.fitWindow(), fit.medianAbsLogError(), 100 * fit.coverage90(), fit.femaleShareMaePoints(),
                    fit.dispersion());
            if (result.evidenceItems() > 0) {
                out.printf("evidence: %d of %d items inside their ranges (evidence.csv)%n", result.evidenceInside(),
                        result.evidenceItems());
            }
        }
        out.println(result.folder());
        return Main.OK;
    }
}
