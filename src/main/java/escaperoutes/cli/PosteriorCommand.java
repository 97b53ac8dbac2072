package escaperoutes.cli;

import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.experiment.JobRefused;
import escaperoutes.experiment.PosteriorJob;
import escaperoutes.posterior.PosteriorSummary;
import escaperoutes.scenario.InvalidScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "posterior", mixinStandardHelpOptions = true,
        description = "Sample the Bayesian posterior of a calibration spec's free parameters (ABC-SMC over the spec's "
                + "priors, scored by calibrate's loss) and write a new folder: posterior.csv, posterior-summary.csv, "
                + "generations.csv, the posterior predictive run tables (summary.csv, ...), fit.csv, evidence.csv, "
                + "posterior.json, the charts and report.html. Interrupted, it keeps its finished generations; "
                + "--resume continues it.")
final class PosteriorCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario whose parameters are sampled")
    Path scenarioFile;

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "calibration spec: free parameters with their priors, targets, loss, posterior settings "
                    + "(see README)")
    Path specFile;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--max-simulations", paramLabel = "N",
            description = "stop before more simulations than N (a quick look), instead of the spec's "
                    + "posterior.maxSimulations")
    Long maxSimulations;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "continue the interrupted posterior in DIR, made with the same spec and scenario")
    Path resume;

    @CommandLine.Mixin
    FolderOptions folder;

    @CommandLine.Mixin
    ExecutorChoice executor;

    @Option(names = "--proposals-per-task", paramLabel = "N", defaultValue = "8",
            description = "with --executor spark: proposals simulated by one Spark task (default ${DEFAULT-VALUE})")
    int proposalsPerTask;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws InvalidCalibrationSpecException, InvalidScenarioException,
            JobRefused, IOException, InterruptedException {
        CalibrationSpecReader.ResolvedCalibration calibration = new CalibrationSpecReader().resolve(specFile,
                scenarioFile);
        calibration.notes().forEach(note -> err.println("note: " + note));
        if (executor.executor.equals("threads") && executor.sparkMaster != null) {
            throw new JobRefused("--spark-master goes with --executor spark");
        }
        PosteriorJob.Cluster cluster = executor.executor.equals("threads") ? null
                : new PosteriorJob.Cluster(executor.executor, executor.sparkMaster, proposalsPerTask);
        PosteriorJob.Result result = PosteriorJob.run(new PosteriorJob.Request(calibration, threads.count(),
                maxSimulations, folder.out, resume, commandLine(), cluster), folder.quiet.quiet ? new PrintWriter(
                        Writer.nullWriter()) : err);
        if (!folder.quiet.quiet) {
            long simulations = result.sampling().generations().stream().mapToLong(g -> g.simulations()).sum();
            out.printf("%d generations, %d simulations in %.0f s (%s); %d particles, effective sample size %.0f%n",
                    result.sampling().generations().size(), simulations, result.seconds(),
                    result.sampling().stoppedBecause(), result.sampling().last().particles().size(),
                    result.sampling().last().effectiveSampleSize());
            out.printf("%-70s %12s %12s %12s %6s%n", "parameter", "p05", "p50", "p95", "width");
            for (PosteriorSummary.Row r : result.summary()) {
                out.printf("%-70s %12.4g %12.4g %12.4g %6.2f%n", r.parameter(), r.p05(), r.p50(), r.p95(),
                        r.widthRatio());
            }
            out.println("(width: the posterior's 90% interval over the prior's, on the search scale)");
            FitMetrics fit = result.fit();
            out.printf("posterior predictive, fit %s: median |log error| %.3f, 90%% band covers %.0f%% of years%n",
                    calibration.spec().fitWindow(), fit.medianAbsLogError(), 100 * fit.coverage90());
            if (result.evidenceItems() > 0) {
                out.printf("evidence: %d of %d items inside their ranges (evidence.csv)%n", result.evidenceInside(),
                        result.evidenceItems());
            }
        }
        out.println(result.folder());
        return Main.OK;
    }
}
