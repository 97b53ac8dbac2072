package escaperoutes.cli;

import escaperoutes.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.sweep.DistributedSweepExecutor;
import escaperoutes.sweep.InvalidSweepSpecException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRunner;
import escaperoutes.sweep.SweepSpec;
import escaperoutes.sweep.SweepSpecReader;
import escaperoutes.calibration.ObservedSeries;
import escaperoutes.observe.RunResult;
import escaperoutes.io.Json;
import escaperoutes.output.Manifest;
import escaperoutes.output.RunFolder;
import escaperoutes.output.SweepFolder;
import escaperoutes.output.SweepManifest;
import escaperoutes.output.SweepTables;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.io.Problem;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every point of a parameter sweep (a spec file: base scenario, parameters, design, "
                + "replications, outputs) on local threads, or on Apache Spark, and write results.csv, points.csv, "
                + "sensitivity.csv, sweep.resolved.json, manifest.json, charts/ and report.html to a new folder. "
                + "Interrupted (Ctrl-C, a crash), the same command continues where it stopped.")
final class SweepCommand implements Callable<Integer> {
    private static final Pattern CHUNK = Pattern.compile("(\\d+)/(\\d+)");
    /** Points whose problems are listed when their scenarios do not validate. */
    private static final int POINT_PROBLEMS_SHOWN = 10;
    /** The default folder, inside the sweep's, of the Spark workers' rows before the driver appends them. */
    static final String SPARK_PARTS = "spark-parts";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "sweep spec JSON file")
    Path specFile;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the sweep's folder: created if it does not exist, continued if it holds this sweep "
                    + "unfinished; default results/<sweep name>/<UTC time>, or the latest unfinished folder of "
                    + "this sweep there")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "continue the unfinished sweep in DIR (refused if the spec or its scenario changed)")
    Path resume;

    @Option(names = "--chunk", paramLabel = "I/N",
            description = "run only chunk I of N (1 ≤ I ≤ N): contiguous slices of the points, for a job array; "
                    + "join the chunks' folders with sweep-merge")
    String chunk;

    @Option(names = "--only-point", paramLabel = "P",
            description = "run point P alone, with the sweep's seed and replications, and write a run folder "
                    + "(annual.csv, … , scenario.resolved.json) whose numbers are the sweep's for that point")
    Integer onlyPoint;

    @Option(names = "--quiet", description = "no progress bar or summary, only the folder path")
    boolean quiet;

    @Option(names = "--executor", paramLabel = "E", defaultValue = "threads",
            description = "where the runs run: threads (local threads, the default) or spark (Apache Spark: needs "
                    + "the -Pspark build; see the README's Spark section)")
    String executor;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "with --executor spark: the master (local[2], spark://host:7077, yarn, k8s://…); default "
                    + "spark-submit's --master, else local[T] with T = --threads")
    String sparkMaster;

    @Option(names = "--spark-parts", paramLabel = "URI",
            description = "with --executor spark: where workers write each task's rows for the driver to collect, a "
                    + "folder every worker and the driver reach (file:/shared/…, hdfs://…, s3a://…); default the "
                    + "sweep folder's spark-parts/, enough when all run on one machine")
    String sparkParts;

    @Option(names = "--runs-per-task", paramLabel = "N", defaultValue = "100",
            description = "with --executor spark: runs per Spark task (whole points; default ${DEFAULT-VALUE})")
    int runsPerTask;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads.count();
        if (threadCount < 1) {
            err.println("error: --threads must be at least 1, found " + threadCount);
            return Main.BAD_INPUT;
        }
        if (this.out != null && resume != null) {
            err.println("error: give --out or --resume, not both (--resume DIR continues DIR)");
            return Main.BAD_INPUT;
        }
        int chunkIndex = 1;
        int chunkCount = 1;
        if (chunk != null) {
            Matcher m = CHUNK.matcher(chunk.strip());
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1
                    || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                err.println("error: --chunk: expected I/N with 1 ≤ I ≤ N, such as 3/10 (the third of ten chunks); "
                        + "found \"" + chunk + "\"");
                return Main.BAD_INPUT;
            }
            chunkIndex = Integer.parseInt(m.group(1));
            chunkCount = Integer.parseInt(m.group(2));
        }
        Optional<DistributedSweepExecutor> distributed = Optional.empty();
        if (!executor.equals("threads")) {
            distributed = DistributedSweepExecutor.find(executor);
            if (distributed.isEmpty()) {
                err.println("error: --executor " + executor + ": " + (executor.equals("spark")
                        ? "this build of escape-routes has no Spark executor; build it with `mvn -B -Pspark "
                        + "-DskipTests package` and run target/escape-routes-spark.jar with spark-submit, or "
                        + "./escape-routes --spark (see the README's Spark section)"
                        : "expected threads or spark"));
                return Main.BAD_INPUT;
            }
        } else if (sparkMaster != null || sparkParts != null) {
            err.println("error: --spark-master and --spark-parts go with --executor spark");
            return Main.BAD_INPUT;
        }
        if (runsPerTask < 1) {
            err.println("error: --runs-per-task must be at least 1, found " + runsPerTask);
            return Main.BAD_INPUT;
        }
        URI partsUri = null;
        if (sparkParts != null) {
            try {
                partsUri = new URI(sparkParts);
            } catch (URISyntaxException e) {
                err.println("error: --spark-parts: not a URI (" + e.getMessage() + ")");
                return Main.BAD_INPUT;
            }
        }
        if (onlyPoint != null && (chunk != null || resume != null || distributed.isPresent())) {
            err.println("error: --only-point runs one point into a run folder, on local threads; it takes neither "
                    + "--chunk, --resume nor --executor " + executor);
            return Main.BAD_INPUT;
        }

        SweepSpecReader.ResolvedSweep resolved;
        try {
            resolved = new SweepSpecReader().read(specFile);
        } catch (InvalidSweepSpecException e) {
            ScenarioInput.report(e, err);
            return Main.BAD_INPUT;
        }
        SweepPlan plan = SweepPlan.of(resolved);
        if (onlyPoint != null) {
            return runOnePoint(plan, resolved, threadCount, out, err);
        }
        if (chunkCount > plan.points()) {
            err.println("error: --chunk " + chunk + ": the sweep has " + plan.points() + " points, so at most "
                    + plan.points() + " chunks");
            return Main.BAD_INPUT;
        }
        SweepPlan.Slice slice = plan.chunk(chunkIndex, chunkCount);
        SweepFolder.Identity identity = SweepFolder.identity(plan, resolved.scenario(), chunkIndex, chunkCount);

        Path dir = resume != null ? resume : this.out;
        boolean continuing = resume != null || (dir != null && Files.exists(dir));
        if (dir == null) {
            Path results = Path.of("results");
            Optional<Path> unfinished = SweepFolder.findUnfinished(results.resolve(plan.name()), identity);
            if (unfinished.isPresent()) {
                dir = unfinished.get();
                continuing = true;
            } else {
                dir = RunFolder.defaultRunDir(results, plan.name(), Instant.now());
                if (chunkCount > 1) {
                    dir = dir.resolveSibling(dir.getFileName() + "-chunk-" + chunkIndex + "-of-" + chunkCount);
                }
            }
        }
        if (continuing && SweepFolder.isComplete(dir)) {
            return alreadyComplete(dir, identity, out, err);
        }

        Instant started = Instant.now();
        String gitCommit = Manifest.gitCommit(RunCommand.programDirectory());
        SweepFolder folder;
        try {
            if (continuing) {
                folder = SweepFolder.resume(dir, identity, started);
                if (!quiet) {
                    err.printf("continuing the sweep in %s: %d of %d points done%n", dir, folder.pointsDoneBefore(),
                            slice.size());
                }
                if (folder.gitCommitAtStart() != null && !folder.gitCommitAtStart().equals(gitCommit)) {
                    err.println("warning: the sweep was started by the program at commit "
                            + folder.gitCommitAtStart() + ", this is " + gitCommit + "; if the model has changed "
                            + "since, the runs before and after this resumption differ");
                }
            } else {
                List<Problem> problems = plan.checkPoints(slice, threadCount, POINT_PROBLEMS_SHOWN);
                if (!problems.isEmpty()) {
                    ScenarioInput.report(new InvalidSweepSpecException(specFile.toString(), problems.stream()
                            .map(p -> new Problem(specFile + ": " + p.path(), p.message())).toList()), err);
                    return Main.BAD_INPUT;
                }
                int largest = ScenarioSize.largestOf(slice.from(), slice.to(), plan::configAt);
                if (!ScenarioInput.fitsInMemory(specFile, "$.parameters: point " + largest,
                        () -> plan.configAt(largest), Math.min(threadCount, slice.size() * plan.replications()), err)) {
                    return Main.BAD_INPUT;
                }
                folder = SweepFolder.create(dir, plan, resolved.scenario(), identity, gitCommit, started);
            }
        } catch (SweepFolder.Refused e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        }

        int totalRuns = slice.size() * plan.replications();
        int runsBefore = folder.pointsDoneBefore() * plan.replications();
        AtomicInteger sessionRuns = new AtomicInteger();
        // Runs a distributed executor found done in its parts folder, left by an interrupted session.
        AtomicInteger reusedRuns = new AtomicInteger();
        Path shownDir = dir;
        SweepFolder opened = folder;
        // Ctrl-C ends the JVM without unwinding this method; what is written stays, and this says how to go on.
        boolean distributedSpark = distributed.isPresent();
        Thread interrupted = new Thread(() -> {
            err.printf("%ninterrupted: %d of %d runs are saved in %s%s; the same command continues the sweep, or "
                    + "sweep %s --resume %s%s%n", (opened.nextPoint() - identity.firstPoint()) * plan.replications(),
                    totalRuns, shownDir, distributedSpark ? ", and the Spark tasks that finished left their rows in "
                    + "the parts folder, which continuing reuses" : "", specFile, shownDir,
                    (chunk == null ? "" : " --chunk " + chunk) + (distributedSpark ? " --executor " + executor : ""));
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        List<SweepPlan.SensitivityRow> sensitivity = List.of();
        long sessionNanos;
        String executedBy = "threads";
        try (folder) {
            Progress progress = new Progress(quiet ? null : err, "runs", totalRuns, runsBefore);
            long t0 = System.nanoTime();
            if (distributed.isPresent()) {
                URI parts = partsUri != null ? partsUri : folder.path().resolve(SPARK_PARTS).toUri();
                DistributedSweepExecutor.Job job = new DistributedSweepExecutor.Job(plan,
                        SweepFolder.resolvedSpec(plan), SweepFolder.resolvedScenario(resolved.scenario()),
                        identity.sweepSha256(), folder.nextPoint(), slice.to(),
                        new DistributedSweepExecutor.Settings(sparkMaster, threadCount, parts, runsPerTask));
                try {
                    executedBy = distributed.get().run(job, new DistributedSweepExecutor.Listener() {
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
                    }, opened::appendPoints);
                } catch (DistributedSweepExecutor.SetupException e) {
                    progress.finish();
                    err.println("error: " + e.getMessage() + ". The points appended so far are saved: set it "
                            + "right, and the same command continues the sweep");
                    return Main.BAD_INPUT;
                }
            } else {
                SweepRunner.run(plan, folder.nextPoint(), slice.to(), threadCount, done -> {
                    sessionRuns.set(done);
                    progress.update(done);
                }, (point, runs) -> opened.append(plan, point, runs));
            }
            sessionNanos = System.nanoTime() - t0;
            progress.finish();
            if (chunkCount == 1 && plan.estimatesSensitivity()) {
                sensitivity = SweepTables.writeSensitivity(folder.path(), plan);
            }
            manifest(plan, resolved, identity, folder, threadCount, executedBy, gitCommit).write(folder.path());
            folder.complete();
            // Parts an interrupted Spark session left, when threads finished the sweep: no longer needed.
            if (Files.isDirectory(dir.resolve(SPARK_PARTS))) {
                AtomicFiles.deleteRecursively(dir.resolve(SPARK_PARTS));
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to
            }
        }
        if (chunkCount == 1) {
            ChartCommand.drawOwn(dir);
        }
        if (!quiet) {
            int runs = sessionRuns.get();
            double seconds = sessionNanos / 1e9;
            int before = runsBefore + reusedRuns.get();
            out.printf(Locale.ROOT, "%d runs (%d points × %d replications%s) in %.1f s: %.2f runs/s %s%n",
                    runs, runs / plan.replications(), plan.replications(),
                    before > 0 ? ", after " + before + " done before" : "", seconds,
                    runs / Math.max(seconds, 1e-9), executedBy.equals("threads")
                            ? "on " + threadCount + " thread" + (threadCount == 1 ? "" : "s") : "with " + executedBy);
            printSensitivity(out, plan, sensitivity);
        }
        out.println(dir);
        return Main.OK;
    }

    /** The answer to resuming a folder whose sweep is complete: nothing to do if it is this sweep. */
    private int alreadyComplete(Path dir, SweepFolder.Identity identity, PrintWriter out, PrintWriter err)
            throws IOException {
        JsonNode manifest = Json.mapper().readTree(dir.resolve(Manifest.FILE_NAME).toFile());
        if (!identity.sweepSha256().equals(manifest.path("sweepSha256").asText())
                || !identity.chunkLabel().equals(manifest.path("chunk").asText())) {
            err.println("error: " + dir + " holds a finished sweep, not this one (its spec, base scenario or chunk "
                    + "differ); a sweep never overwrites a folder: choose another --out");
            return Main.BAD_INPUT;
        }
        if (!quiet) {
            err.println("the sweep in " + dir + " is already complete; nothing to do");
        }
        out.println(dir);
        return Main.OK;
    }

    private SweepManifest manifest(SweepPlan plan, SweepSpecReader.ResolvedSweep resolved,
                                   SweepFolder.Identity identity, SweepFolder folder, int threadCount,
                                   String executedBy, String gitCommit) throws IOException {
        List<Path> files = resolved.scenarioFiles();
        return new SweepManifest(plan.name(), identity.sweepSha256(), plan.spec().design().kind().jsonName(),
                plan.points(), plan.replications(), plan.seed(), identity.chunkLabel(), identity.firstPoint(),
                identity.lastPoint(), (long) identity.pointCount() * plan.replications(),
                executedBy.equals("threads") ? Integer.valueOf(threadCount) : null, executedBy,
                specFile.toString(), Manifest.sha256(specFile), files.get(0).toString(),
                Manifest.sha256(files.get(0)), Manifest.InputFile.of(files.subList(1, files.size())),
                Manifest.currentProgramVersion(), gitCommit, folder.startedAt().toString(),
                folder.resumedAt().stream().map(Instant::toString).toList(), Instant.now().toString(),
                Manifest.currentJavaVersion(), commandLine(), List.of());
    }

    private List<String> commandLine() {
        return List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0]));
    }

    /** {@code --only-point}: one point's replications into an ordinary run folder. */
    private int runOnePoint(SweepPlan plan, SweepSpecReader.ResolvedSweep resolved, int threadCount,
                            PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (onlyPoint < 0 || onlyPoint >= plan.points()) {
            err.println("error: --only-point " + onlyPoint + ": the sweep's points are 0 to " + (plan.points() - 1));
            return Main.BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = plan.scenarioAt(onlyPoint);
        } catch (InvalidScenarioException e) {
            ScenarioInput.report(e, err);
            return Main.BAD_INPUT;
        }
        if (!ScenarioInput.fitsInMemory(specFile, "$.parameters: point " + onlyPoint,
                () -> ScenarioCompiler.compile(scenario), Math.min(threadCount, plan.replications()), err)) {
            return Main.BAD_INPUT;
        }
        Path dir = this.out != null ? this.out
                : RunFolder.defaultRunDir(Path.of("results"), scenario.name(), Instant.now());
        if (Files.exists(dir)) {
            err.println("error: " + dir + " already exists; a run never overwrites a folder (choose another --out)");
            return Main.BAD_INPUT;
        }
        if (!quiet) {
            StringBuilder values = new StringBuilder();
            double[] v = plan.values(onlyPoint);
            for (int i = 0; i < v.length; i++) {
                values.append(i == 0 ? "" : ", ").append(plan.parameterNames().get(i)).append(" = ")
                        .append(SweepTables.parameterValue(v[i]));
            }
            err.printf("point %d (%s): %s; seed %d, replications 0-%d%n", onlyPoint, plan.role(onlyPoint), values,
                    plan.seed(), plan.replications() - 1);
        }
        Progress progress = new Progress(quiet ? null : err, "replications", plan.replications());
        List<RunResult> results = RunCommand.runIntoFolder(dir, scenario, resolved.scenarioFiles(), plan.seed(),
                plan.replications(), threadCount, progress, ObservedSeries.shipped(), commandLine(), err);
        if (results == null) {
            return Main.BAD_INPUT;
        }
        out.println(dir);
        return Main.OK;
    }

    /** The sensitivity indices of each output, with their intervals, for the console. */
    static void printSensitivity(PrintWriter out, SweepPlan plan, List<SweepPlan.SensitivityRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        SweepSpec.Sensitivity s = plan.spec().sensitivity();
        boolean morris = plan.spec().design().kind() == SweepSpec.Kind.MORRIS;
        int width = Math.max(9, plan.parameterNames().stream().mapToInt(String::length).max().orElse(9));
        for (SweepSpec.Output o : s.outputs()) {
            out.printf(Locale.ROOT, "%n%s: %s, %.0f%% bootstrap intervals%n", o.name(),
                    morris ? "Morris elementary effects (output units per whole range)" : "Sobol indices",
                    100 * s.confidenceLevel());
            out.printf(Locale.ROOT, "  %-" + width + "s %26s %26s%n", "parameter", morris ? "mu*" : "first order",
                    morris ? "sigma" : "total");
            for (String parameter : plan.parameterNames()) {
                List<SweepPlan.SensitivityRow> mine = rows.stream()
                        .filter(r -> r.output().equals(o.name()) && r.parameter().equals(parameter)).toList();
                SweepPlan.SensitivityRow a = find(mine, morris ? SweepPlan.MU_STAR : SweepPlan.FIRST_ORDER);
                SweepPlan.SensitivityRow b = find(mine, morris ? SweepPlan.SIGMA : SweepPlan.TOTAL);
                out.printf(Locale.ROOT, "  %-" + width + "s %26s %26s%n", parameter, interval(a), interval(b));
            }
        }
    }

    private static SweepPlan.SensitivityRow find(List<SweepPlan.SensitivityRow> rows, String index) {
        return rows.stream().filter(r -> r.index().equals(index)).findFirst().orElseThrow();
    }

    private static String interval(SweepPlan.SensitivityRow r) {
        String value = String.format(Locale.ROOT, "%.3g", r.value());
        return Double.isNaN(r.low()) ? value
                : String.format(Locale.ROOT, "%s [%.3g, %.3g]", value, r.low(), r.high());
    }
}
