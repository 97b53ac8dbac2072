package escaperoutes.experiment;

import escaperoutes.calibration.CalibrationSpec;
import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.Objective;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.RunResult;
import escaperoutes.output.Manifest;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code score} job: a scenario as it stands, measured against everything a calibration spec fits — the observed
 * arrivals of its windows, with its loss, and its evidence items — without searching anything. It runs the
 * replications a calibration's closing runs would (the spec's seed, replications 0…n−1), so scoring a calibration's
 * {@code calibrated.json} with its spec and as many replications writes the same {@code fit.csv} and
 * {@code evidence.csv} as the calibration did. The spec's free parameters play no part (read with
 * {@link CalibrationSpecReader#resolveTargets}: a what-if without a regime the spec frees is scored too). Into a new folder, complete or absent ({@link JobFolder#staged}):
 * {@code fit.csv}, {@code evidence.csv} when the spec fits evidence, {@code metrics.json}, the run tables,
 * {@code scenario.resolved.json}, {@code calibration-spec.json}, the manifest, the charts and the report.
 */
public final class ScoreJob {

    /**
     * What to score.
     *
     * @param calibration  the spec, checked against the scenario to score
     * @param replications runs of the scenario (the spec's seed, replications 0…n−1)
     * @param out          the folder to create, or null for {@link ResultsLayout}'s default
     * @param commandLine  the arguments as given, for the manifest
     */
    public record Request(CalibrationSpecReader.ResolvedCalibration calibration, int replications, int threads,
                          Path out, List<String> commandLine) {
    }

    /**
     * The folder written and what to tell the user.
     *
     * @param loss           the spec's loss (arrivals of the fit window and evidence) over these replications
     * @param evidenceItems  evidence items the spec fits; {@code evidenceInside} of them inside their ranges
     */
    public record Result(Path folder, double loss, CalibrationSpec.Window fitWindow, FitMetrics fit,
                         CalibrationSpec.Window holdOutWindow, FitMetrics holdOut, int evidenceItems,
                         int evidenceInside) {
    }

    private ScoreJob() {
    }

    public static Result run(Request request, PrintWriter progressTo)
            throws JobRefused, IOException, InvalidScenarioException, InterruptedException {
        JobRefused.requireAtLeastOne("--replications", request.replications());
        JobRefused.requireAtLeastOne("--threads", request.threads());
        CalibrationSpecReader.ResolvedCalibration resolved = request.calibration();
        CalibrationSpec cs = resolved.spec();
        Scenario scenario = resolved.scenario();
        ModelConfig config = RunJob.compiledToFit(scenario, resolved.scenarioFiles().get(0).toString(), "$",
                Math.min(request.replications(), request.threads()));
        try (JobFolder folder = JobFolder.staged(request.out(), scenario.name() + "-score", "a score")) {
            Path dir = folder.path();
            Instant started = Instant.now();
            List<RunResult> runs = RunJob.replicationsWithProgress(config, cs.seed(), request.replications(),
                    request.threads(), progressTo);
            Json.write(dir.resolve(ResultFiles.RESOLVED_SCENARIO), scenario);
            Json.write(dir.resolve(ResultFiles.CALIBRATION_SPEC), cs);
            List<Table> tables = new ArrayList<>();
            FittedRuns fitted = FittedRuns.write(dir, resolved, runs, tables);
            Objective objective = new Objective(resolved.observed(), cs.fitWindow().from(), cs.fitWindow().to(),
                    cs.loss().lossWeights(), resolved.negativeBinomialSize(), resolved.evidence(), cs.seed(),
                    request.replications(), request.threads());
            double loss = objective.score(runs).total();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("loss", loss);
            metrics.put("replications", request.replications());
            fitted.report(metrics, resolved, runs);
            Json.write(dir.resolve(ResultFiles.METRICS), metrics);
            Manifest manifest = FittedRuns.manifest(resolved, request.replications(), request.threads(), started,
                    request.commandLine());
            return new Result(folder.commit(manifest, tables), loss, cs.fitWindow(), fitted.fit(),
                    cs.holdOutWindow(), fitted.holdOut(), fitted.evidence().size(), fitted.evidenceInside());
        }
    }
}
