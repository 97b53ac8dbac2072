package escaperoutes.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.calibration.CalibrationSpec;
import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.Objective;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.RandomStreams;
import escaperoutes.observe.RunResult;
import escaperoutes.output.Manifest;
import escaperoutes.output.PosteriorFiles;
import escaperoutes.parameter.Parameter;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Prior;
import escaperoutes.parameter.Scale;
import escaperoutes.posterior.AbcSmc;
import escaperoutes.posterior.PosteriorSummary;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioSize;
import escaperoutes.simulation.Replications;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code posterior} job: samples the posterior of a calibration spec's free parameters by ABC-SMC
 * ({@link AbcSmc}), each proposal scored by {@code calibrate}'s loss on replications with seeds of its own, into a
 * folder written in place: after every generation, {@code posterior.csv}, {@code generations.csv} and the sampler's
 * state, so that an interrupted run keeps its generations and {@code --resume} continues it. At the end the
 * posterior predictive runs — replication r at posterior draw r — are written as a run's tables, with the fit and
 * the evidence of a calibration, the per-parameter summary, the prior densities, {@code posterior.json}, the
 * manifest, the charts and the report.
 */
public final class PosteriorJob {

    /**
     * What to sample.
     *
     * @param maxSimulations overrides the spec's {@code posterior.maxSimulations}, or null
     * @param out            the folder to create, or null for {@link ResultsLayout}'s default
     * @param resume         a folder of an interrupted posterior of the same spec and scenario to continue, or null
     */
    public record Request(CalibrationSpecReader.ResolvedCalibration calibration, int threads, Long maxSimulations,
                          Path out, Path resume, List<String> commandLine, Cluster cluster) {
        /** A request whose proposals run on local threads. */
        public Request(CalibrationSpecReader.ResolvedCalibration calibration, int threads, Long maxSimulations,
                       Path out, Path resume, List<String> commandLine) {
            this(calibration, threads, maxSimulations, out, resume, commandLine, null);
        }
    }

    /**
     * Where the proposals run when not on local threads.
     *
     * @param executor         the executor's name ({@code spark})
     * @param master           its master URL, or null (the submitting tool's, else local[threads])
     * @param proposalsPerTask proposals per cluster task
     */
    public record Cluster(String executor, String master, int proposalsPerTask) {
    }

    /** The folder written and what to tell the user. */
    public record Result(Path folder, AbcSmc.Result sampling, double seconds, FitMetrics fit,
                         List<PosteriorSummary.Row> summary, int evidenceItems, int evidenceInside) {
    }

    /** The stream that draws the posterior predictive runs' particles. */
    static final String PREDICTIVE_STREAM = "posterior-predictive";

    private PosteriorJob() {
    }

    public static Result run(Request request, PrintWriter progressTo)
            throws JobRefused, IOException, InvalidScenarioException, InterruptedException {
        CalibrationSpecReader.ResolvedCalibration resolved = request.calibration();
        CalibrationSpec cs = resolved.spec();
        CalibrationSpec.Posterior settings = cs.posteriorSettings();
        long maxSimulations = request.maxSimulations() != null ? request.maxSimulations() : settings.maxSimulations();
        if (request.threads() < 1) {
            throw new JobRefused("--threads must be at least 1");
        }
        if (maxSimulations < settings.particles()) {
            throw new JobRefused("the simulation budget (" + maxSimulations + ") is smaller than one generation's "
                    + settings.particles() + " particles: no generation could finish");
        }
        if (request.out() != null && request.resume() != null) {
            throw new JobRefused("--out and --resume exclude each other: a resumed posterior writes into its folder");
        }
        Scenario base = resolved.scenario();
        ParameterSpace space = resolved.space();
        List<Prior> priors = resolved.priors();
        List<Scale> scales = space.parameters().stream().map(Parameter::scale).toList();
        List<String> paths = cs.parameters().stream().map(CalibrationSpec.Parameter::path).toList();
        double[] lower = scales.stream().mapToDouble(Scale::lower).toArray();
        double[] upper = scales.stream().mapToDouble(Scale::upper).toArray();
        ScenarioSize.check(resolved.specFile().toString(), "$.parameters",
                ScenarioSize.largestWithin(lower.clone(), lower, upper, space::configAt), request.threads());

        // As the folder's files read back: through text, so that 100 and 100.0 compare as the files hold them.
        JsonNode specTree = Json.mapper().readTree(Json.mapper().writeValueAsString(cs));
        JsonNode scenarioTree = Json.mapper().readTree(Json.mapper().writeValueAsString(base));
        List<AbcSmc.Generation> done = List.of();
        if (request.resume() != null) {
            done = resumable(request.resume(), specTree, scenarioTree, space.dimension());
        }
        DistributedPosteriorExecutor executor = null;
        if (request.cluster() != null) {
            JobRefused.requireAtLeastOne("--proposals-per-task", request.cluster().proposalsPerTask());
            String name = request.cluster().executor();
            executor = DistributedPosteriorExecutor.find(name).orElseThrow(() -> new JobRefused("--executor " + name
                    + ": " + (name.equals("spark") ? "this build of escape-routes has no Spark executor; run "
                    + "./escape-routes --spark posterior ..., or build with `mvn -B -Pspark -DskipTests package` "
                    + "and run target/escape-routes-spark.jar with spark-submit (see the README's Spark section)"
                    : "expected threads or spark")));
        }
        try (DistributedPosteriorExecutor.Session session = executor == null ? null
                : executor.open(new DistributedPosteriorExecutor.Job(base.name() + " posterior",
                        CalibrationTexts.of(resolved), request.cluster().master(), request.threads(),
                        request.cluster().proposalsPerTask()));
             JobFolder folder = request.resume() != null ? JobFolder.resumedInPlace(request.resume())
                : JobFolder.inPlace(request.out(), base.name() + "-posterior", "a posterior")) {
            Path dir = folder.path();
            Instant started = Instant.now();
            Json.write(dir.resolve(ResultFiles.CALIBRATION_SPEC), cs);
            Json.write(dir.resolve(ResultFiles.RESOLVED_SCENARIO), base);

            AbcSmc.Settings abc = new AbcSmc.Settings(settings.particles(), settings.quantile(),
                    settings.targetTolerance(), settings.minAcceptanceRate(), maxSimulations,
                    settings.maxGenerations(), cs.seed(), request.threads(),
                    settings.kernel() == CalibrationSpec.Kernel.LOCAL ? AbcSmc.KernelChoice.LOCAL
                            : AbcSmc.KernelChoice.GLOBAL);
            List<AbcSmc.Generation> generations = new ArrayList<>(done);
            List<Table> tables = new ArrayList<>();
            long startedNanos = System.nanoTime();
            AbcSmc.Listener written = generation -> {
                generations.add(generation);
                try {
                    tables.clear();
                    tables.addAll(PosteriorFiles.writeGenerations(dir, generations, paths, scales));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write the generations so far: " + e, e);
                }
                long simulations = generations.stream().mapToLong(AbcSmc.Generation::simulations).sum();
                progressTo.printf("generation %d: tolerance %.4g, acceptance %.3f, ESS %.0f, %d simulations in "
                                + "all, %.0f s%n", generation.number(), generation.tolerance(),
                        generation.acceptanceRate(), generation.effectiveSampleSize(), simulations,
                        (System.nanoTime() - startedNanos) / 1e9);
                progressTo.flush();
            };
            AbcSmc.Result sampling;
            String executedBy;
            if (session == null) {
                sampling = sampler(resolved).run(abc, simulator(resolved), done, written);
                executedBy = "threads " + request.threads();
            } else {
                sampling = sampler(resolved).run(abc, session, done, written);
                executedBy = session.describe();
            }
            if (sampling.generations().isEmpty()) {
                throw new JobRefused("no generation finished: " + sampling.stoppedBecause() + " (proposals whose "
                        + "scenario is invalid count as simulations; raise --max-simulations or narrow the bounds)");
            }
            if (tables.isEmpty()) {
                // A resumed run that stopped at once: its generations are written again from the state.
                tables.addAll(PosteriorFiles.writeGenerations(dir, sampling.generations(), paths, scales));
            }
            double seconds = sampling.generations().stream().mapToDouble(AbcSmc.Generation::seconds).sum();

            AbcSmc.Generation posterior = sampling.last();
            List<PosteriorSummary.Row> summary = PosteriorSummary.of(posterior, paths, priors, scales);
            tables.add(PosteriorFiles.writeSummary(dir, summary));
            tables.add(PosteriorFiles.writePriorDensity(dir, paths, priors, scales));

            List<RunResult> runs = predictive(space, posterior, settings.predictiveDraws(), cs.seed(),
                    request.threads());
            FittedRuns fitted = FittedRuns.write(dir, resolved, runs, tables);
            Json.write(dir.resolve(ResultFiles.POSTERIOR_METRICS), metrics(request, sampling, seconds, settings,
                    fitted, executedBy));
            Manifest manifest = FittedRuns.manifest(resolved, settings.predictiveDraws(), request.threads(), started,
                    request.commandLine());
            return new Result(folder.commit(manifest, tables), sampling, seconds, fitted.fit(), summary,
                    fitted.evidence().size(), fitted.evidenceInside());
        }
    }

    /** The sampler over the calibration's priors, on its parameters' search scales. */
    static AbcSmc sampler(CalibrationSpecReader.ResolvedCalibration resolved) {
        return new AbcSmc(resolved.priors(), resolved.space().parameters().stream().map(Parameter::scale).toList());
    }

    /**
     * The distance of a point: {@code calibrate}'s loss (arrivals and every evidence item of the spec) over the
     * spec's replications per particle, each run with a seed of the proposal's own, on this thread; NaN (a
     * rejection) where the point makes an invalid scenario.
     */
    static AbcSmc.Simulator simulator(CalibrationSpecReader.ResolvedCalibration resolved) {
        CalibrationSpec cs = resolved.spec();
        int perParticle = cs.posteriorSettings().replicationsPerParticle();
        Objective objective = new Objective(resolved.observed(), cs.fitWindow().from(), cs.fitWindow().to(),
                cs.loss().lossWeights(), resolved.negativeBinomialSize(), resolved.evidence(), cs.seed(),
                perParticle, 1);
        ParameterSpace space = resolved.space();
        return (unit, seed) -> {
            double[] values = space.fromUnit(unit);
            if (!space.problemsAt(values).isEmpty()) {
                return Double.NaN;
            }
            ModelConfig config = space.checkedConfigAt(values);
            return objective.score(Replications.run(config, seed, perParticle, 1, null)).total();
        };
    }

    /**
     * The complete generations of the folder to resume, after checking that it was made from the same spec and
     * scenario (as resolved, defaults written out): another spec's particles would be a different posterior.
     */
    private static List<AbcSmc.Generation> resumable(Path dir, JsonNode spec, JsonNode scenario, int dimension)
            throws JobRefused, IOException {
        if (!Files.isDirectory(dir)) {
            throw new JobRefused("--resume " + dir + ": no such folder");
        }
        Path specFile = dir.resolve(ResultFiles.CALIBRATION_SPEC);
        Path scenarioFile = dir.resolve(ResultFiles.RESOLVED_SCENARIO);
        if (!Files.exists(specFile) || !Files.exists(scenarioFile)
                || !Files.exists(dir.resolve(ResultFiles.POSTERIOR_STATE))) {
            throw new JobRefused("--resume " + dir + ": not a posterior's folder (it needs "
                    + ResultFiles.CALIBRATION_SPEC + ", " + ResultFiles.RESOLVED_SCENARIO + " and "
                    + ResultFiles.POSTERIOR_STATE + ")");
        }
        if (!Json.mapper().readTree(specFile.toFile()).equals(spec)) {
            throw new JobRefused("--resume " + dir + ": " + specFile + " differs from the spec given; a posterior "
                    + "resumes only with the spec it started with");
        }
        if (!Json.mapper().readTree(scenarioFile.toFile()).equals(scenario)) {
            throw new JobRefused("--resume " + dir + ": " + scenarioFile + " differs from the scenario given; a "
                    + "posterior resumes only on the scenario it started with");
        }
        try {
            return PosteriorFiles.readState(dir, dimension);
        } catch (InvalidCsvException e) {
            throw new JobRefused("--resume " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The posterior predictive runs: {@code draws} particles resampled by weight, replication r run at draw r with
     * the spec's seed, so that a comparison made with the same posterior and seed pairs its replications.
     */
    static List<RunResult> predictive(ParameterSpace space, AbcSmc.Generation posterior, int draws, long seed,
                                      int threads) throws InterruptedException {
        List<ModelConfig> configs = predictiveConfigs(space, posterior, draws, seed);
        return Replications.runEach(configs::get, seed, draws, threads, null);
    }

    /** The configurations of the posterior draws 0 .. draws − 1 (resampled from the last generation by weight). */
    static List<ModelConfig> predictiveConfigs(ParameterSpace space, AbcSmc.Generation posterior, int draws,
                                               long seed) {
        double u = new RandomStreams(seed, 0).stream(PREDICTIVE_STREAM).nextDouble();
        List<ModelConfig> configs = new ArrayList<>(draws);
        for (AbcSmc.Particle p : PosteriorSummary.resample(posterior, draws, u)) {
            configs.add(space.checkedConfigAt(space.fromUnit(p.unit())));
        }
        return configs;
    }

    private static Map<String, Object> metrics(Request request, AbcSmc.Result sampling, double seconds,
                                               CalibrationSpec.Posterior settings, FittedRuns fitted,
                                               String executedBy) {
        CalibrationSpec cs = request.calibration().spec();
        AbcSmc.Generation last = sampling.last();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stoppedBecause", sampling.stoppedBecause());
        m.put("generations", sampling.generations().size());
        m.put("simulations", sampling.generations().stream().mapToLong(AbcSmc.Generation::simulations).sum());
        m.put("seconds", seconds);
        m.put("executor", executedBy);
        m.put("particles", last.particles().size());
        m.put("effectiveSampleSize", last.effectiveSampleSize());
        // Generation 0 alone has no tolerance (it keeps every simulated proposal): JSON's null, not Infinity.
        m.put("finalTolerance", Double.isFinite(last.tolerance()) ? last.tolerance() : null);
        m.put("replicationsPerParticle", settings.replicationsPerParticle());
        m.put("predictiveDraws", settings.predictiveDraws());
        m.put("fit", CalibrateJob.windowReport(cs.fitWindow(), fitted.fit()));
        if (fitted.holdOut() != null) {
            m.put("holdOut", CalibrateJob.windowReport(cs.holdOutWindow(), fitted.holdOut()));
        }
        if (!fitted.evidence().isEmpty()) {
            m.put("evidence", CalibrateJob.evidenceReport(request.calibration(), fitted.evidence()));
        }
        return m;
    }
}
