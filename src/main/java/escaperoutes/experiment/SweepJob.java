package escaperoutes.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.AtomicFiles;
import escaperoutes.io.Csv;
import escaperoutes.io.Json;
import escaperoutes.io.Problem;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.output.Manifest;
import escaperoutes.output.SweepFolder;
import escaperoutes.output.SweepManifest;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.model.ModelConfig;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioSize;
import escaperoutes.sweep.DistributedSweepExecutor;
import escaperoutes.sweep.InvalidSweepSpecException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRows;
import escaperoutes.sweep.SweepRunner;
import escaperoutes.sweep.SweepSpec;
import escaperoutes.sweep.SweepSpecReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sweep} job: every point of a sweep (or of one chunk of it) on local threads or on a distributed
 * executor, into a folder that grows point by point and can be resumed ({@link SweepFolder}: a journal records each
 * point once its rows are synced; the manifest, written last, marks the folder complete). An interrupted sweep is
 * continued by the same command. A whole sweep's folder also gets {@code sensitivity.csv}, the charts and the report.
 */
public final class SweepJob {
    private static final Pattern CHUNK = Pattern.compile("(\\d+)/(\\d+)");
    /** Points whose problems are listed when their scenarios do not validate. */
    private static final int POINT_PROBLEMS_SHOWN = 10;
    /** The default folder, inside the sweep's, of the Spark workers' rows before the driver appends them. */
    public static final String SPARK_PARTS = "spark-parts";

    /**
     * A sweep to run.
     *
     * @param out         the folder: created, or continued if it holds this sweep unfinished; null for the default
     *                    (the latest unfinished folder of this sweep under {@link ResultsLayout}, or a new one)
     * @param resume      a folder to continue (refused if it holds another sweep); not with {@code out}
     * @param chunk       {@code I/N}, or null for the whole sweep
     * @param executor    {@code threads}, or the name of a distributed executor ({@code spark})
     * @param sparkMaster with a distributed executor: its master, or null for its default
     * @param sparkParts  with a distributed executor: the URI of the folder for the workers' rows, or null
     */
    public record Request(SweepSpecReader.ResolvedSweep sweep, int threads, Path out, Path resume, String chunk,
                          String executor, String sparkMaster, String sparkParts, int runsPerTask,
                          List<String> commandLine) {
    }

    /**
     * What the session did.
     *
     * @param alreadyComplete the folder held this sweep finished: nothing was run
     * @param runs            runs of this session
     * @param runsBefore      runs done before it (a resumed folder, or parts a distributed executor reused)
     * @param executedBy      {@code threads}, or the distributed executor and its master
     * @param sensitivity     the sensitivity indices (a whole sweep whose design estimates them), else empty
     */
    public record Result(Path folder, SweepPlan plan, boolean alreadyComplete, int runs, int runsBefore,
                         double seconds, String executedBy, List<SweepPlan.SensitivityRow> sensitivity) {
    }

    private SweepJob() {
    }

    /**
     * Runs the request's sweep (or continues it).
     *
     * @param err where the progress bar (unless {@code quiet}), warnings and the notice of an interruption go
     */
    public static Result run(Request request, PrintWriter err, boolean quiet)
            throws JobRefused, InvalidSweepSpecException, IOException, InterruptedException {
        JobRefused.requireAtLeastOne("--threads", request.threads());
        if (request.out() != null && request.resume() != null) {
            throw new JobRefused("give --out or --resume, not both (--resume DIR continues DIR)");
        }
        int[] chunk = chunk(request.chunk());
        Optional<DistributedSweepExecutor> distributed = distributedExecutor(request);
        SweepSpecReader.ResolvedSweep resolved = withPosteriorDraws(request.sweep());
        SweepPlan plan = SweepPlan.of(resolved);
        if (chunk[1] > plan.points()) {
            throw new JobRefused("--chunk " + request.chunk() + ": the sweep has " + plan.points() + " points, so at "
                    + "most " + plan.points() + " chunks");
        }
        SweepPlan.Slice slice = plan.chunk(chunk[0], chunk[1]);
        SweepFolder.Identity identity = SweepRows.identity(plan, resolved.scenario(), chunk[0], chunk[1]);

        Path dir = folderOf(request, plan, identity);
        boolean continuing = request.resume() != null || Files.exists(dir);
        if (continuing && SweepFolder.isComplete(dir)) {
            return alreadyComplete(dir, identity, plan, err, quiet);
        }
        Instant started = Instant.now();
        String gitCommit = Program.gitCommit();
        SweepFolder folder = open(dir, continuing, plan, resolved, slice, identity, request.threads(), gitCommit,
                started, err, quiet);

        int totalRuns = slice.size() * plan.replications();
        int runsBefore = folder.pointsDoneBefore() * plan.replications();
        AtomicInteger sessionRuns = new AtomicInteger();
        // Runs a distributed executor found done in its parts folder, left by an interrupted session.
        AtomicInteger reusedRuns = new AtomicInteger();
        Path shownDir = dir;
        // Ctrl-C ends the JVM without unwinding this method; what is written stays, and this says how to go on.
        String continueWith = (request.chunk() == null ? "" : " --chunk " + request.chunk())
                + (distributed.isPresent() ? " --executor " + request.executor() : "");
        List<SweepPlan.SensitivityRow> sensitivity = List.of();
        List<Table> tables = new ArrayList<>(List.of(SweepRows.points(plan, dir)));
        long sessionNanos;
        String executedBy;
        try (folder; ShutdownHook hook = ShutdownHook.install(() -> {
            err.printf("%ninterrupted: %d of %d runs are saved in %s%s; the same command continues the sweep, or "
                    + "sweep %s --resume %s%s%n", (folder.nextPoint() - identity.firstPoint()) * plan.replications(),
                    totalRuns, shownDir, distributed.isPresent() ? ", and the Spark tasks that finished left their "
                    + "rows in the parts folder, which continuing reuses" : "", resolved.specFile(), shownDir,
                    continueWith);
            err.flush();
        })) {
            Progress progress = new Progress(quiet ? null : err, "runs", totalRuns, runsBefore);
            long t0 = System.nanoTime();
            executedBy = runPoints(request, plan, slice, identity, folder, distributed, progress, sessionRuns,
                    reusedRuns);
            sessionNanos = System.nanoTime() - t0;
            progress.finish();
            if (chunk[1] == 1 && plan.estimatesSensitivity()) {
                SweepRows.Sensitivity indices = SweepRows.writeSensitivity(folder.path(), plan);
                sensitivity = indices.rows();
                tables.addAll(indices.tables());
            }
            manifest(request, plan, identity, folder, executedBy, gitCommit).write(folder.path());
            folder.complete();
            // Parts an interrupted Spark session left, when threads finished the sweep: no longer needed.
            if (Files.isDirectory(dir.resolve(SPARK_PARTS))) {
                AtomicFiles.deleteRecursively(dir.resolve(SPARK_PARTS));
            }
        }
        if (chunk[1] == 1) {
            JobFolder.drawCharts(dir, tables);
        }
        return new Result(dir, plan, false, sessionRuns.get(), runsBefore + reusedRuns.get(), sessionNanos / 1e9,
                executedBy, sensitivity);
    }

    /**
     * The sweep's folder: {@code --resume} or {@code --out} as given; else the latest unfinished folder of this
     * sweep (and chunk) under {@link ResultsLayout}, or a new one there.
     */
    private static Path folderOf(Request request, SweepPlan plan, SweepFolder.Identity identity) throws IOException {
        if (request.resume() != null || request.out() != null) {
            return request.resume() != null ? request.resume() : request.out();
        }
        return SweepFolder.findUnfinished(ResultsLayout.foldersOf(plan.name()), identity).orElseGet(() ->
                ResultsLayout.newChunkFolder(plan.name(), Instant.now(), identity.chunk(), identity.chunks()));
    }

    /**
     * Runs the points of the slice not yet in the folder, appending each to it in point order, on local threads or
     * on the distributed executor; returns what ran them ({@code threads}, or the executor and its master).
     *
     * @param sessionRuns set to the runs this session has done; {@code reusedRuns}, to those a distributed executor
     *                    found done by an interrupted session
     */
    private static String runPoints(Request request, SweepPlan plan, SweepPlan.Slice slice,
                                    SweepFolder.Identity identity, SweepFolder folder,
                                    Optional<DistributedSweepExecutor> distributed, Progress progress,
                                    AtomicInteger sessionRuns, AtomicInteger reusedRuns)
            throws JobRefused, IOException, InterruptedException {
        if (distributed.isPresent()) {
            URI parts = request.sparkParts() != null ? uri(request.sparkParts())
                    : folder.path().resolve(SPARK_PARTS).toUri();
            DistributedSweepExecutor.Job job = new DistributedSweepExecutor.Job(plan,
                    SweepRows.resolvedSpec(plan), Json.text(request.sweep().scenario()),
                    identity.sweepSha256(), folder.nextPoint(), slice.to(),
                    new DistributedSweepExecutor.Settings(request.sparkMaster(), request.threads(), parts,
                            request.runsPerTask()));
            try {
                return distributed.get().run(job, new DistributedSweepExecutor.Listener() {
                    @Override
                    public void reused(int runs) {
                        reusedRuns.set(runs);
                        progress.addAlreadyDone(runs);
                    }

                    @Override
                    public void done(int runs) {
                        sessionRuns.set(runs);
                        progress.update(runs);
                    }
                }, folder::appendPoints);
            } catch (DistributedSweepExecutor.SetupException e) {
                progress.finish();
                throw new JobRefused(e.getMessage() + ". The points appended so far are saved: set it right, "
                        + "and the same command continues the sweep");
            }
        } else {
            SweepRunner.run(plan, folder.nextPoint(), slice.to(), request.threads(), done -> {
                sessionRuns.set(done);
                progress.update(done);
            }, (point, runs) -> SweepRows.append(folder, plan, point, runs));
            return "threads";
        }
    }

    /**
     * {@code --only-point}: point {@code point} alone, with the sweep's seed and replications, on local threads, into
     * an ordinary run folder ({@code request.out()} or the default) whose numbers are the sweep's for that point.
     *
     * @param err where the point's values and the progress bar go; null for neither
     */
    public static RunJob.Result runPoint(Request request, int point, PrintWriter err)
            throws JobRefused, InvalidScenarioException, IOException, InterruptedException {
        JobRefused.requireAtLeastOne("--threads", request.threads());
        if (request.chunk() != null || request.resume() != null || !request.executor().equals("threads")) {
            throw new JobRefused("--only-point runs one point into a run folder, on local threads; it takes neither "
                    + "--chunk, --resume nor --executor " + request.executor());
        }
        SweepSpecReader.ResolvedSweep resolved = request.sweep();
        if (resolved.spec().posterior() != null) {
            throw new JobRefused("--only-point runs one parameter set into a run folder; over a posterior every pair "
                    + "of replications has its own (run the sweep, or compare --posterior for one scenario)");
        }
        SweepPlan plan = SweepPlan.of(resolved);
        if (point < 0 || point >= plan.points()) {
            throw new JobRefused("--only-point " + point + ": the sweep's points are 0 to " + (plan.points() - 1));
        }
        Scenario scenario = plan.scenarioAt(point);
        ModelConfig config = RunJob.compiledToFit(scenario, resolved.specFile().toString(),
                "$.parameters: point " + point, Math.min(request.threads(), plan.replications()));
        if (err != null) {
            StringBuilder values = new StringBuilder();
            double[] v = plan.values(point);
            for (int i = 0; i < v.length; i++) {
                values.append(i == 0 ? "" : ", ").append(plan.parameterNames().get(i)).append(" = ")
                        .append(Csv.exact(v[i]));
            }
            err.printf("point %d (%s): %s; seed %d, replications 0-%d%n", point, plan.role(point), values,
                    plan.seed(), plan.replications() - 1);
        }
        return RunJob.runScenario(scenario, config, resolved.scenarioFiles(), plan.seed(), plan.replications(),
                request.threads(), request.out(), request.commandLine(), err);
    }

    /**
     * The sweep with its posterior's draws filled in, when its spec names a posterior's folder: the posterior's
     * parameters, the checksum of its state and the values at draws 0 … replications / 2 − 1 (drawn as {@code compare
     * --posterior} draws them, with the sweep's seed), which go into {@code sweep.resolved.json} — so that the
     * sweep's checksum changes with the posterior, and its chunks, a resumption and a cluster's workers run the same
     * draws. A folder that is not a posterior, or a posterior parameter that is not a number of the base scenario,
     * is refused naming the spec's JSON path.
     */
    static SweepSpecReader.ResolvedSweep withPosteriorDraws(SweepSpecReader.ResolvedSweep resolved)
            throws JobRefused, IOException {
        SweepSpec spec = resolved.spec();
        if (spec.posterior() == null || spec.posterior().resolved()) {
            return resolved;
        }
        Path folder = resolved.specFile().toAbsolutePath().getParent().resolve(spec.posterior().folder()).normalize();
        PosteriorFolder posterior = PosteriorFolder.read(folder, resolved.specFile() + ": $.posterior.folder: "
                + folder);
        posterior.spaceOver(resolved.scenario(), resolved.scenarioFile().toString());
        List<List<Double>> draws = posterior.draws(spec.replications() / 2, spec.seed()).stream()
                .map(v -> Arrays.stream(v).boxed().toList()).toList();
        List<SweepSpec.PosteriorParameter> parameters = posterior.specParameters().stream()
                .map(p -> new SweepSpec.PosteriorParameter(p.path(), p.alsoPaths())).toList();
        SweepSpec filled = spec.withPosterior(new SweepSpec.Posterior(spec.posterior().folder(), parameters,
                posterior.stateSha256(), draws));
        return new SweepSpecReader.ResolvedSweep(filled, resolved.specFile(), resolved.scenarioFile(),
                resolved.scenario(), resolved.scenarioFiles());
    }

    /** {@code I/N} as {index, count}; {1, 1} for the whole sweep. */
    private static int[] chunk(String chunk) throws JobRefused {
        if (chunk == null) {
            return new int[] {1, 1};
        }
        Matcher m = CHUNK.matcher(chunk.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1
                || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            throw new JobRefused("--chunk: expected I/N with 1 ≤ I ≤ N, such as 3/10 (the third of ten chunks); "
                    + "found \"" + chunk + "\"");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The distributed executor the request names, or empty for local threads; its options checked. */
    private static Optional<DistributedSweepExecutor> distributedExecutor(Request request) throws JobRefused {
        Optional<DistributedSweepExecutor> distributed = Optional.empty();
        if (!request.executor().equals("threads")) {
            distributed = DistributedSweepExecutor.find(request.executor());
            if (distributed.isEmpty()) {
                throw new JobRefused("--executor " + request.executor() + ": " + (request.executor().equals("spark")
                        ? "this build of escape-routes has no Spark executor; build it with `mvn -B -Pspark "
                        + "-DskipTests package` and run target/escape-routes-spark.jar with spark-submit, or "
                        + "./escape-routes --spark (see the README's Spark section)"
                        : "expected threads or spark"));
            }
        } else if (request.sparkMaster() != null || request.sparkParts() != null) {
            throw new JobRefused("--spark-master and --spark-parts go with --executor spark");
        }
        JobRefused.requireAtLeastOne("--runs-per-task", request.runsPerTask());
        if (request.sparkParts() != null) {
            uri(request.sparkParts());
        }
        return distributed;
    }

    private static URI uri(String sparkParts) throws JobRefused {
        try {
            return new URI(sparkParts);
        } catch (URISyntaxException e) {
            throw new JobRefused("--spark-parts: not a URI (" + e.getMessage() + ")");
        }
    }

    /** Creates the folder (its points' scenarios checked first) or continues it. */
    private static SweepFolder open(Path dir, boolean continuing, SweepPlan plan,
                                    SweepSpecReader.ResolvedSweep resolved, SweepPlan.Slice slice,
                                    SweepFolder.Identity identity, int threads, String gitCommit, Instant started,
                                    PrintWriter err, boolean quiet)
            throws JobRefused, InvalidSweepSpecException, IOException, InterruptedException {
        try {
            if (!continuing) {
                List<Problem> problems = plan.checkPoints(slice, threads, POINT_PROBLEMS_SHOWN);
                if (!problems.isEmpty()) {
                    Path specFile = resolved.specFile();
                    throw new InvalidSweepSpecException(specFile.toString(), problems.stream()
                            .map(p -> new Problem(specFile + ": " + p.path(), p.message())).toList());
                }
                // The run expected to create the most persons, run on every thread at once, must fit in memory
                // (each configuration: configuration u is point u / perPoint, from replication
                // (u % perPoint) × shared on; over a posterior, u % perPoint is the draw).
                int shared = plan.replicationsPerConfiguration();
                int perPoint = plan.replications() / shared;
                IntFunction<ModelConfig> unitConfig = u -> plan.configAt(slice.from() + u / perPoint,
                        (u % perPoint) * shared);
                int largest = ScenarioSize.largestOf(0, slice.size() * perPoint, unitConfig);
                try {
                    ScenarioSize.check(resolved.specFile().toString(), "$.parameters: point "
                                    + (slice.from() + largest / perPoint) + (plan.overPosterior()
                                    ? " at posterior draw " + largest % perPoint : ""),
                            unitConfig.apply(largest), Math.min(threads, slice.size() * plan.replications()));
                } catch (InvalidScenarioException e) {
                    throw new InvalidSweepSpecException(resolved.specFile().toString(), e.problems());
                }
                return SweepRows.create(dir, plan, resolved.scenario(), identity, gitCommit, started);
            }
            SweepFolder folder = SweepFolder.resume(dir, identity, started);
            if (!quiet) {
                err.printf("continuing the sweep in %s: %d of %d points done%n", dir, folder.pointsDoneBefore(),
                        slice.size());
            }
            if (folder.gitCommitAtStart() != null && !folder.gitCommitAtStart().equals(gitCommit)) {
                err.println("warning: the sweep was started by the program at commit " + folder.gitCommitAtStart()
                        + ", this is " + gitCommit + "; if the model has changed since, the runs before and after "
                        + "this resumption differ");
            }
            return folder;
        } catch (SweepFolder.Refused e) {
            throw new JobRefused(e.getMessage());
        }
    }

    /** The answer to continuing a folder whose sweep is complete: nothing to do if it is this sweep. */
    private static Result alreadyComplete(Path dir, SweepFolder.Identity identity, SweepPlan plan, PrintWriter err,
                                          boolean quiet) throws JobRefused, IOException {
        JsonNode manifest = Json.mapper().readTree(dir.resolve(ResultFiles.MANIFEST).toFile());
        if (!identity.sweepSha256().equals(manifest.path("sweepSha256").asText())
                || !identity.chunkLabel().equals(manifest.path("chunk").asText())) {
            throw new JobRefused(dir + " holds a finished sweep, not this one (its spec, base scenario or chunk "
                    + "differ); a sweep never overwrites a folder: choose another --out");
        }
        if (!quiet) {
            err.println("the sweep in " + dir + " is already complete; nothing to do");
        }
        return new Result(dir, plan, true, 0, 0, 0, "", List.of());
    }

    private static SweepManifest manifest(Request request, SweepPlan plan, SweepFolder.Identity identity,
                                          SweepFolder folder, String executedBy, String gitCommit)
            throws IOException {
        SweepSpecReader.ResolvedSweep resolved = request.sweep();
        List<Path> files = resolved.scenarioFiles();
        return new SweepManifest(plan.name(), identity.sweepSha256(), plan.spec().design().kind().jsonName(),
                plan.points(), plan.replications(), plan.seed(), identity.chunkLabel(), identity.firstPoint(),
                identity.lastPoint(), (long) identity.pointCount() * plan.replications(),
                executedBy.equals("threads") ? Integer.valueOf(request.threads()) : null, executedBy,
                resolved.specFile().toString(), Manifest.sha256(resolved.specFile()), files.get(0).toString(),
                Manifest.sha256(files.get(0)), Manifest.InputFile.of(files.subList(1, files.size())),
                Manifest.currentProgramVersion(), gitCommit, folder.startedAt().toString(),
                folder.resumedAt().stream().map(Instant::toString).toList(), Instant.now().toString(),
                Manifest.currentJavaVersion(), request.commandLine(), List.of());
    }
}
