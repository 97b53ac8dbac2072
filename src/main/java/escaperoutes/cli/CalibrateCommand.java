package escaperoutes.cli;

import escaperoutes.calibration.CalibrationSpec;
import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.Calibrator;
import escaperoutes.calibration.Checks;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.InvalidCalibrationSpecException;
import escaperoutes.calibration.Objective;
import escaperoutes.calibration.ParameterSpace;
import escaperoutes.experiment.Replications;
import escaperoutes.observe.RunResult;
import escaperoutes.output.CalibrationFiles;
import escaperoutes.io.Json;
import escaperoutes.output.ResultTables;
import escaperoutes.output.Manifest;
import escaperoutes.output.RunFolder;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioPath;
import escaperoutes.scenario.ScenarioSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit a scenario's free parameters to the observed arrivals and write a new folder: "
                + "calibrated.json (a scenario run accepts), fit.csv, metrics.json, trace.csv, the calibrated scenario's "
                + "run tables (annual.csv, summary.csv, routes.csv, origins.csv), the charts (charts/*.png, *.svg) "
                + "and report.html.")
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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

    @Option(names = "--out", paramLabel = "DIR",
            description = "the folder to create (must not exist), default results/<scenario>-calibration/<UTC time>")
    Path out;

    @Option(names = "--name", paramLabel = "NAME",
            description = "name of the calibrated scenario (its results folders are named after it), default the "
                    + "calibrated scenario's own name")
    String name;

    @Option(names = "--quiet", description = "no progress bar or summary, only the folder path")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InvalidScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads.count();
        if (threadCount < 1 || finalReplications < 1) {
            err.println("error: --threads and --final-replications must be at least 1");
            return Main.BAD_INPUT;
        }
        if (name != null && name.isBlank()) {
            err.println("error: --name must not be blank");
            return Main.BAD_INPUT;
        }
        CalibrationSpecReader.ResolvedCalibration resolved;
        try {
            resolved = new CalibrationSpecReader().resolve(specFile, scenarioFile);
        } catch (InvalidCalibrationSpecException e) {
            ScenarioInput.report(e, err);
            return Main.BAD_INPUT;
        }
        CalibrationSpec cs = resolved.spec();
        Scenario base = resolved.scenario();
        List<ParameterSpace.Parameter> parameters = cs.parameters().stream()
                .map(p -> new ParameterSpace.Parameter(ScenarioPath.parse(p.path()), p.lower(), p.upper(),
                        p.logScale(), p.alsoPaths().stream().map(ScenarioPath::parse).toList()))
                .toList();
        ParameterSpace space = new ParameterSpace(base, parameters);
        double[] lower = parameters.stream().mapToDouble(ParameterSpace.Parameter::lower).toArray();
        double[] upper = parameters.stream().mapToDouble(ParameterSpace.Parameter::upper).toArray();
        if (!ScenarioInput.fitsInMemory(specFile, "$.parameters", () -> ScenarioSize.largestWithin(clampedStart(space),
                lower, upper, values -> ScenarioCompiler.compile(space.scenarioAt(values))),
                Math.min(Math.max(cs.replications(), finalReplications), threadCount), err)) {
            return Main.BAD_INPUT;
        }
        Path dir = this.out != null ? this.out
                : RunFolder.defaultRunDir(Path.of("results"), base.name() + "-calibration", Instant.now());
        if (Files.exists(dir)) {
            err.println("error: " + dir + " already exists; a calibration never overwrites a folder");
            return Main.BAD_INPUT;
        }
        // Written in place, not renamed at the end: an interrupted calibration keeps its trace and best scenario.
        Files.createDirectories(dir);
        // On Ctrl-C the files written so far stay; only a half-written replacement of one of them is removed.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.newDirectoryStream(dir, "*.tmp")) {
                for (Path tmp : files) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM is going down
            }
        }));
        Instant started = Instant.now();

        Double size = cs.loss().totals() == CalibrationSpec.Totals.NEGATIVE_BINOMIAL
                ? cs.loss().negativeBinomialSize() : null;
        Objective objective = new Objective(resolved.observed(), cs.fitWindow().from(), cs.fitWindow().to(),
                cs.loss().lossWeights(), size, cs.seed(), cs.replications(), threadCount);
        Json.write(dir.resolve("calibration-spec.json"), cs);

        Progress progress = new Progress(quiet ? null : err, "evaluations", cs.budget());
        Calibrator.Result result;
        try (CalibrationFiles.Trace trace = new CalibrationFiles.Trace(dir,
                cs.parameters().stream().map(CalibrationSpec.Parameter::path).toList())) {
            double[] start = clampedStart(space);
            result = new Calibrator(space, objective).run(cs.optimizer(), cs.budget(), cs.seed(), start,
                    (evaluation, best) -> {
                        try {
                            trace.write(evaluation);
                            if (evaluation == best) {
                                Json.write(dir.resolve(CalibrationFiles.CALIBRATED),
                                        calibrated(space, best.values(), base, cs, name));
                            }
                        } catch (IOException | InvalidScenarioException e) {
                            throw new IllegalStateException("cannot write the best scenario so far: " + e, e);
                        }
                        progress.update(evaluation.number(), "best loss " + String.format("%.1f", best.loss()));
                    });
        }
        progress.finish();
        Instant searched = Instant.now();

        Scenario best = calibrated(space, result.best().values(), base, cs, name);
        List<RunResult> runs;
        try {
            runs = Replications.run(ScenarioCompiler.compile(best), cs.seed(), finalReplications, threadCount, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted: the best scenario so far and the trace are in " + dir);
            return Main.INTERNAL_FAILURE;
        }
        FitMetrics fit = FitMetrics.compute(runs, resolved.observed(), cs.fitWindow().from(), cs.fitWindow().to());
        List<FitMetrics> windows = new ArrayList<>(List.of(fit));
        List<String> names = new ArrayList<>(List.of("fit"));
        FitMetrics holdOut = null;
        if (cs.holdOutWindow() != null) {
            holdOut = FitMetrics.compute(runs, resolved.observed(), cs.holdOutWindow().from(),
                    cs.holdOutWindow().to());
            windows.add(holdOut);
            names.add("hold-out");
        }
        CalibrationFiles.writeFit(dir, windows, names);
        // The calibrated scenario's own run tables, as run would write them, for the charts and the report.
        ResultTables.writeAll(dir, runs, resolved.observed());
        double seconds = (searched.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", result.best().loss());
        metrics.put("evaluations", result.evaluations());
        metrics.put("stoppedBecause", result.stoppedBecause());
        metrics.put("searchSeconds", seconds);
        metrics.put("evaluationsPerSecond", result.evaluations() / Math.max(seconds, 1e-9));
        metrics.put("freeParameters", space.dimension());
        metrics.put("parameters", parameterReport(space, result.best().values()));
        metrics.put("finalReplications", finalReplications);
        metrics.put("fit", windowReport(cs.fitWindow(), fit));
        if (holdOut != null) {
            metrics.put("holdOut", windowReport(cs.holdOutWindow(), holdOut));
        }
        metrics.put("checks", Checks.compute(runs));
        Json.write(dir.resolve(CalibrationFiles.METRICS), metrics);
        new Manifest(cs.seed(), cs.replications(), threadCount, Manifest.currentProgramVersion(),
                Manifest.gitCommit(RunCommand.programDirectory()), scenarioFile.toString(),
                Manifest.sha256(scenarioFile),
                Manifest.InputFile.of(resolved.scenarioFiles().subList(1, resolved.scenarioFiles().size())),
                resolved.observed().source(), resolved.observed().sha256(),
                started.toString(), Instant.now().toString(), Manifest.currentJavaVersion(),
                List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0]))).write(dir);
        ChartCommand.drawOwn(dir);
        if (!quiet) {
            out.printf("loss %.2f after %d evaluations (%s, %.1f evaluations/s)%n", result.best().loss(),
                    result.evaluations(), result.stoppedBecause(), result.evaluations() / Math.max(seconds, 1e-9));
            out.printf("fit %s: median |log error| %.3f, 90%% band covers %.0f%% of years, women's share off by "
                            + "%.1f points on average%n", cs.fitWindow(), fit.medianAbsLogError(),
                    100 * fit.coverage90(), fit.femaleShareMaePoints());
        }
        out.println(dir);
        return Main.OK;
    }

    /** The spec's start: the base scenario's values, moved inside the bounds where they lie outside. */
    private static double[] clampedStart(ParameterSpace space) {
        double[] start = space.baseValues();
        for (int i = 0; i < start.length; i++) {
            ParameterSpace.Parameter p = space.parameters().get(i);
            start[i] = Math.min(p.upper(), Math.max(p.lower(), start[i]));
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
            ParameterSpace.Parameter p = space.parameters().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", p.path().toString());
            row.put("value", values[i]);
            row.put("lower", p.lower());
            row.put("upper", p.upper());
            row.put("logScale", p.logScale());
            // Within 0.1% of the search interval of a bound: the optimum may lie beyond it.
            row.put("atBound", unit[i] < 1e-3 || unit[i] > 1 - 1e-3);
            report.add(row);
        }
        return report;
    }

    private static Map<String, Object> windowReport(CalibrationSpec.Window window, FitMetrics m) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("window", window.toString());
        w.put("years", m.rows().size());
        w.put("medianAbsLogError", m.medianAbsLogError());
        w.put("averageRelativeDifference", m.averageRelativeDifference());
        w.put("maseAgainstPersistence", m.mase());
        w.put("coverage50", m.coverage50());
        w.put("coverage90", m.coverage90());
        w.put("femaleShareMaePoints", m.femaleShareMaePoints());
        return w;
    }
}
