package escaperoutes.experiment;

import escaperoutes.calibration.AnnualVariationEstimate;
import escaperoutes.calibration.CalibrationSpec;
import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.Calibrator;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.Objective;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.observe.RunResult;
import escaperoutes.output.CalibrationFiles;
import escaperoutes.output.Manifest;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Scale;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioSize;
import escaperoutes.simulation.Replications;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code calibrate} job: searches a scenario's free parameters against the observed arrivals, then runs the best
 * candidate's final replications, into a new folder written in place ({@link JobFolder#inPlace}: an interrupted
 * calibration keeps its {@code trace.csv} and best {@code calibrated.json} so far), with {@code fit.csv},
 * {@code metrics.json}, {@code evidence.csv} when the spec fits evidence, the calibrated scenario's run tables, the
 * manifest, the charts and the report.
 */
public final class CalibrateJob {

    /**
     * What to calibrate.
     *
     * @param calibration the spec, checked against its scenario
     * @param name        name of the calibrated scenario, or null for the scenario's own
     * @param out         the folder to create, or null for {@link ResultsLayout}'s default
     */
    public record Request(CalibrationSpecReader.ResolvedCalibration calibration, int threads, int finalReplications,
                          String name, Path out, List<String> commandLine) {
    }

    /**
     * The folder written and what to tell the user.
     *
     * @param searchSeconds wall-clock seconds of the search (the final replications aside)
     * @param fit           the fit window's metrics of the final replications
     * @param evidenceItems  evidence items fitted; {@code evidenceInside} of them inside their ranges
     * @param annualVariation the year-to-year variation estimated after the search, or null when the spec keeps
     *                        the scenario's
     */
    public record Result(Path folder, Calibrator.Result search, double searchSeconds, CalibrationSpec.Window fitWindow,
                         FitMetrics fit, int evidenceItems, int evidenceInside,
                         AnnualVariationEstimate.Result annualVariation) {
    }

    private CalibrateJob() {
    }

    public static Result run(Request request, PrintWriter progressTo)
            throws JobRefused, IOException, InvalidScenarioException, InterruptedException {
        if (request.threads() < 1 || request.finalReplications() < 1) {
            throw new JobRefused("--threads and --final-replications must be at least 1");
        }
        if (request.name() != null && request.name().isBlank()) {
            throw new JobRefused("--name must not be blank");
        }
        CalibrationSpecReader.ResolvedCalibration resolved = request.calibration();
        CalibrationSpec cs = resolved.spec();
        boolean estimateVariation = cs.annualVariation() == CalibrationSpec.AnnualVariation.FROM_MISSES;
        if (estimateVariation && request.finalReplications() < 2) {
            throw new JobRefused("the spec's \"annualVariation\": \"from_misses\" measures the spread of the final "
                    + "replications: --final-replications must be at least 2");
        }
        Scenario base = resolved.scenario();
        ParameterSpace space = resolved.space();
        // The candidate expected to create the most persons within the bounds, its replications run at once on
        // the threads, must fit in memory.
        double[] lower = space.parameters().stream().mapToDouble(p -> p.scale().lower()).toArray();
        double[] upper = space.parameters().stream().mapToDouble(p -> p.scale().upper()).toArray();
        ScenarioSize.check(resolved.specFile().toString(), "$.parameters",
                ScenarioSize.largestWithin(clampedStart(space), lower, upper, space::configAt),
                Math.min(Math.max(cs.replications(), request.finalReplications()), request.threads()));
        try (JobFolder folder = JobFolder.inPlace(request.out(), base.name() + "-calibration", "a calibration")) {
            Path dir = folder.path();
            Instant started = Instant.now();
            Json.write(dir.resolve(ResultFiles.CALIBRATION_SPEC), cs);
            List<Table> tables = new ArrayList<>();
            Calibrator.Result result = search(request, space, dir, progressTo, tables);
            double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;

            Scenario best = calibrated(space, result.best().values(), base, cs, request.name());
            List<RunResult> runs;
            AnnualVariationEstimate.Result variation = null;
            if (estimateVariation) {
                variation = estimateVariation(best, resolved, request, progressTo);
                best = variation.scenario();
                runs = variation.runs();
                Json.write(dir.resolve(ResultFiles.CALIBRATED), best);
            } else {
                runs = Replications.run(ScenarioCompiler.compile(best), cs.seed(), request.finalReplications(),
                        request.threads(), null);
            }
            // The calibrated scenario's own run tables, as run would write them, for the charts and the report.
            FittedRuns fitted = FittedRuns.write(dir, resolved, runs, tables);
            Map<String, Object> metrics = metrics(request, space, result, seconds, fitted, runs);
            if (variation != null) {
                metrics.put("annualVariation", variationReport(variation, cs, request.finalReplications()));
            }
            Json.write(dir.resolve(ResultFiles.METRICS), metrics);
            Manifest manifest = FittedRuns.manifest(resolved, cs.replications(), request.threads(), started,
                    request.commandLine());
            return new Result(folder.commit(manifest, tables), result, seconds, cs.fitWindow(), fitted.fit(),
                    fitted.evidence().size(), fitted.evidenceInside(), variation);
        }
    }

    /**
     * The optimiser's search, each evaluation appended to {@code trace.csv} and the best scenario so far written as
     * {@code calibrated.json} as it is found (so an interrupted calibration keeps both); the trace's table is added
     * to {@code tables}.
     */
    private static Calibrator.Result search(Request request, ParameterSpace space, Path dir, PrintWriter progressTo,
                                            List<Table> tables) throws IOException {
        CalibrationSpecReader.ResolvedCalibration resolved = request.calibration();
        CalibrationSpec cs = resolved.spec();
        Objective objective = new Objective(resolved.observed(), cs.fitWindow().from(), cs.fitWindow().to(),
                cs.loss().lossWeights(), resolved.negativeBinomialSize(), resolved.evidence(), cs.seed(),
                cs.replications(), request.threads());
        Progress progress = new Progress(progressTo, "evaluations", cs.budget());
        Calibrator.Result result;
        try (CalibrationFiles.Trace trace = new CalibrationFiles.Trace(dir,
                cs.parameters().stream().map(CalibrationSpec.Parameter::path).toList())) {
            result = new Calibrator(space, objective).run(cs.optimizer(), cs.budget(), cs.seed(),
                    clampedStart(space), (evaluation, best) -> {
                        try {
                            trace.write(evaluation.number(), evaluation.values(), evaluation.loss(),
                                    evaluation.problem());
                            if (evaluation == best) {
                                Json.write(dir.resolve(ResultFiles.CALIBRATED), calibrated(space, best.values(),
                                        resolved.scenario(), cs, request.name()));
                            }
                        } catch (IOException | InvalidScenarioException e) {
                            throw new IllegalStateException("cannot write the best scenario so far: " + e, e);
                        }
                        progress.update(evaluation.number(), "best loss " + String.format("%.1f", best.loss()));
                    });
            tables.add(trace.table());
        }
        progress.finish();
        return result;
    }

    /** The calibrated scenario with σ set from the fit window's misses; each σ tried goes to the progress line. */
    private static AnnualVariationEstimate.Result estimateVariation(Scenario best,
            CalibrationSpecReader.ResolvedCalibration resolved, Request request, PrintWriter progressTo)
            throws InvalidScenarioException, InterruptedException {
        CalibrationSpec cs = resolved.spec();
        return AnnualVariationEstimate.estimate(best, resolved.observed(), cs.fitWindow().from(),
                cs.fitWindow().to(), cs.seed(), request.finalReplications(), request.threads(), trial -> {
                    if (progressTo != null) {
                        progressTo.printf("annual variation %.2f: dispersion %.3f%n", trial.annualVariation(),
                                trial.dispersion());
                        progressTo.flush();
                    }
                });
    }

    /** The annualVariation block of metrics.json: the value searched with, the estimate and every σ tried. */
    private static Map<String, Object> variationReport(AnnualVariationEstimate.Result estimate, CalibrationSpec cs,
                                                       int replications) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("searchedWith", estimate.searchedWith());
        v.put("estimated", estimate.annualVariation());
        v.put("dispersion", estimate.dispersion());
        v.put("atUpperBound", estimate.atUpperBound());
        v.put("window", cs.fitWindow().toString());
        v.put("replications", replications);
        v.put("trials", estimate.trials());
        return v;
    }

    /** metrics.json: the search, the parameters found, each window's fit metrics and the checks. */
    private static Map<String, Object> metrics(Request request, ParameterSpace space, Calibrator.Result result,
                                               double seconds, FittedRuns fitted, List<RunResult> runs) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", result.best().loss());
        metrics.put("evaluations", result.evaluations());
        metrics.put("stoppedBecause", result.stoppedBecause());
        metrics.put("searchSeconds", seconds);
        metrics.put("evaluationsPerSecond", result.evaluations() / Math.max(seconds, 1e-9));
        metrics.put("freeParameters", space.dimension());
        metrics.put("parameters", parameterReport(space, result.best().values()));
        metrics.put("finalReplications", request.finalReplications());
        fitted.report(metrics, request.calibration(), runs);
        return metrics;
    }

    /** The spec's start: the base scenario's values, moved inside the bounds where they lie outside. */
    private static double[] clampedStart(ParameterSpace space) {
        double[] start = space.baseValues();
        for (int i = 0; i < start.length; i++) {
            Scale scale = space.parameters().get(i).scale();
            start[i] = Math.min(scale.upper(), Math.max(scale.lower(), start[i]));
        }
        return start;
    }

    private static Scenario calibrated(ParameterSpace space, double[] values, Scenario base, CalibrationSpec cs,
                                       String name) throws InvalidScenarioException {
        Scenario s = space.scenarioAt(values);
        String note = "Calibrated by escape-routes calibrate (" + cs.optimizer().jsonName() + ", fit "
                + cs.fitWindow() + ", seed " + cs.seed() + ") from: " + base.description();
        return new Scenario(name != null ? name : s.name(), note, s.start(), s.end(), s.scale(), s.provinces(),
                s.attempts(), s.places(), s.legs(), s.china(), s.northKorea(), s.initialStock(), s.regimes(),
                s.afterLastRegime(), s.events(), s.noRouteWaitDays(), s.annualVariation(), s.sources());
    }

    private static List<Map<String, Object>> parameterReport(ParameterSpace space, double[] values) {
        List<Map<String, Object>> report = new ArrayList<>();
        double[] unit = space.toUnit(values);
        for (int i = 0; i < values.length; i++) {
            Scale scale = space.parameters().get(i).scale();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", space.parameters().get(i).path().toString());
            row.put("value", values[i]);
            row.put("lower", scale.lower());
            row.put("upper", scale.upper());
            row.put("logScale", scale instanceof Scale.Logarithmic);
            // Within 0.1% of the search interval of a bound: the optimum may lie beyond it.
            row.put("atBound", unit[i] < 1e-3 || unit[i] > 1 - 1e-3);
            report.add(row);
        }
        return report;
    }

    /** The evidence block of metrics.json (and a posterior's posterior.json): the file, the count inside, the loss. */
    static Map<String, Object> evidenceReport(CalibrationSpecReader.ResolvedCalibration calibration,
                                              List<CalibrationFiles.EvidenceRow> evidence) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("source", calibration.evidenceFile().source());
        e.put("sha256", calibration.evidenceFile().sha256());
        e.put("items", evidence.size());
        e.put("inside", evidence.stream().filter(CalibrationFiles.EvidenceRow::inside).count());
        e.put("outside", evidence.stream().filter(r -> !r.inside()).map(CalibrationFiles.EvidenceRow::item).toList());
        e.put("loss", evidence.stream().mapToDouble(CalibrationFiles.EvidenceRow::loss).sum());
        return e;
    }

    /** A window's fit metrics, as metrics.json (and a posterior's posterior.json) give them. */
    static Map<String, Object> windowReport(CalibrationSpec.Window window, FitMetrics m) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("window", window.toString());
        w.put("years", m.rows().size());
        w.put("medianAbsLogError", m.medianAbsLogError());
        w.put("averageRelativeDifference", m.averageRelativeDifference());
        w.put("maseAgainstPersistence", m.mase());
        w.put("coverage50", m.coverage50());
        w.put("coverage90", m.coverage90());
        w.put("femaleShareMaePoints", m.femaleShareMaePoints());
        w.put("dispersion", m.dispersion());
        return w;
    }
}
