package escaperoutes.cli;

import escaperoutes.calibration.ObservedSeries;
import escaperoutes.experiment.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.io.Json;
import escaperoutes.output.Manifest;
import escaperoutes.output.ResultTables;
import escaperoutes.output.RunFolder;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.stats.Quantiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run replications of a scenario and write a new results folder: annual.csv, summary.csv, "
                + "routes.csv, origins.csv, cohorts.csv, scenario.resolved.json, manifest.json, the charts "
                + "(charts/*.png, *.svg) and report.html.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario JSON file")
    Path scenarioFile;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "100",
            description = "replications (independent runs), default ${DEFAULT-VALUE}")
    int replications;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "run seed; with the replication number it seeds every random stream, default ${DEFAULT-VALUE}")
    long seed;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the folder to create (must not exist), default results/<scenario name>/<UTC timestamp>")
    Path out;

    @Option(names = "--quiet", description = "no progress or summary table, only the folder path")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replications < 1) {
            err.println("error: --replications must be at least 1, found " + replications);
            return Main.BAD_INPUT;
        }
        int threadCount = threads.count();
        if (threadCount < 1) {
            err.println("error: --threads must be at least 1, found " + threadCount);
            return Main.BAD_INPUT;
        }
        ScenarioReader.Read read = ScenarioInput.readWithParentsOrReport(scenarioFile, err);
        if (read == null) {
            return Main.BAD_INPUT;
        }
        Scenario scenario = read.scenario();
        if (!ScenarioInput.fitsInMemory(scenarioFile, "$", () -> ScenarioCompiler.compile(scenario),
                Math.min(replications, threadCount), err)) {
            return Main.BAD_INPUT;
        }
        Path runDir = this.out != null ? this.out
                : RunFolder.defaultRunDir(Path.of("results"), scenario.name(), Instant.now());
        if (Files.exists(runDir)) {
            err.println("error: " + runDir + " already exists; a run never overwrites a folder (choose another --out)");
            return Main.BAD_INPUT;
        }
        ObservedSeries observed = ObservedSeries.shipped();
        Progress progress = new Progress(quiet ? null : err, "replications", replications);
        List<RunResult> results = runIntoFolder(runDir, scenario, read.files(), seed, replications, threadCount,
                progress, observed, List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0])),
                err);
        if (results == null) {
            return Main.BAD_INPUT;
        }
        if (!quiet) {
            printArrivals(out, results, observed);
        }
        out.println(runDir);
        return Main.OK;
    }

    /**
     * Runs replications 0…n−1 of a scenario and writes a run folder at {@code runDir} (which must not exist):
     * through a temporary folder renamed when complete, removed if the JVM stops first (Ctrl-C). Null, after saying
     * why on {@code err}, when the folder cannot be created.
     *
     * @param scenarioFiles the scenario's file and the files it extends, nearest first, for the manifest
     */
    static List<RunResult> runIntoFolder(Path runDir, Scenario scenario, List<Path> scenarioFiles, long seed,
                                         int replications, int threads, Progress progress, ObservedSeries observed,
                                         List<String> commandLine, PrintWriter err)
            throws IOException, InterruptedException {
        ModelConfig config = ScenarioCompiler.compile(scenario);
        RunFolder folder;
        try {
            folder = RunFolder.create(runDir);
        } catch (IOException e) {
            err.println("error: cannot create the run folder " + runDir + ": " + e.getMessage());
            return null;
        }
        // Ctrl-C ends the JVM without unwinding this method: the hook removes the unfinished folder.
        Thread cleanUp = new Thread(() -> {
            try {
                folder.abandon();
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM is going down
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try (folder) {
            Instant started = Instant.now();
            List<RunResult> results = Replications.run(config, seed, replications, threads, progress::update,
                    r -> (days, totalDays) -> progress.days(r, days, totalDays));
            progress.finish();
            Instant finished = Instant.now();
            Json.write(folder.path().resolve("scenario.resolved.json"), scenario);
            ResultTables.writeAll(folder.path(), results, observed);
            Path scenarioFile = scenarioFiles.get(0);
            new Manifest(seed, replications, threads, Manifest.currentProgramVersion(),
                    Manifest.gitCommit(programDirectory()), scenarioFile.toString(), Manifest.sha256(scenarioFile),
                    Manifest.InputFile.of(scenarioFiles.subList(1, scenarioFiles.size())), observed.source(),
                    observed.sha256(), started.toString(), finished.toString(), Manifest.currentJavaVersion(),
                    commandLine).write(folder.path());
            ChartCommand.drawOwn(folder.path());
            folder.commit();
            return results;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it has nothing left to remove
            }
        }
    }

    /** Simulated arrivals against the observed series, year by year. */
    private static void printArrivals(PrintWriter out, List<RunResult> results, ObservedSeries observed) {
        RunResult first = results.get(0);
        out.printf("%-6s %28s %9s %26s %9s%n", "year", "arrivals: median [5%-95%]", "observed",
                "share women: median", "observed");
        for (int year = first.firstYear(); year <= first.lastYear(); year++) {
            final int y = year;
            double[] all = results.stream().mapToDouble(r -> r.value(Measure.ARRIVALS, y, SexGroup.ALL)).toArray();
            double[] share = results.stream().mapToDouble(r -> {
                double total = r.value(Measure.ARRIVALS, y, SexGroup.ALL);
                return total == 0 ? Double.NaN : r.value(Measure.ARRIVALS, y, SexGroup.FEMALE) / total;
            }).toArray();
            double[] a = Quantiles.summarize(all);
            double[] s = Quantiles.summarize(share);
            OptionalLong obs = observed.single(year, SexGroup.ALL);
            OptionalLong obsWomen = observed.single(year, SexGroup.FEMALE);
            String shareObserved = obs.isPresent() && obs.getAsLong() > 0
                    ? String.format("%.0f%%", 100.0 * obsWomen.getAsLong() / obs.getAsLong()) : "";
            out.printf("%-6d %28s %9s %26s %9s%n", year,
                    String.format("%.0f [%.0f-%.0f]", a[2], a[1], a[3]),
                    obs.isPresent() ? Long.toString(obs.getAsLong()) : "",
                    Double.isNaN(s[2]) ? "" : String.format("%.0f%%", 100 * s[2]), shareObserved);
        }
    }

    /** The checkout the program runs from (for the git commit in the manifest), or the working directory. */
    static Path programDirectory() {
        try {
            Path code = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/escape-routes.jar or target/classes → the project folder
            Path target = code.getParent();
            return target != null && target.getParent() != null ? target.getParent() : Path.of(".");
        } catch (Exception e) {
            return Path.of(".");
        }
    }
}
