package escaperoutes.experiment;

import escaperoutes.calibration.ObservedSeries;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.RunResult;
import escaperoutes.output.Manifest;
import escaperoutes.output.ResultTables;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioSize;
import escaperoutes.simulation.Replications;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The {@code run} job: replications 0…n−1 of one scenario into a new run folder ({@code annual.csv},
 * {@code summary.csv}, {@code routes.csv}, {@code origins.csv}, {@code cohorts.csv}, {@code scenario.resolved.json},
 * the manifest, the charts and the report). A sweep's {@code --only-point} writes the same folder for one point.
 */
public final class RunJob {

    /**
     * What to run.
     *
     * @param out         the folder to create, or null for {@link ResultsLayout}'s default
     * @param commandLine the arguments as given, for the manifest
     */
    public record Request(ScenarioReader.Read scenario, long seed, int replications, int threads, Path out,
                          List<String> commandLine) {
    }

    /** The folder written, the replications' results and the observed series they were set beside. */
    public record Result(Path folder, List<RunResult> results, ObservedSeries observed) {
    }

    private RunJob() {
    }

    /**
     * Checks the request and runs it.
     *
     * @param progressTo where the progress bar goes; null for none
     */
    public static Result run(Request request, PrintWriter progressTo)
            throws JobRefused, InvalidScenarioException, IOException, InterruptedException {
        JobRefused.requireAtLeastOne("--replications", request.replications());
        JobRefused.requireAtLeastOne("--threads", request.threads());
        ScenarioReader.Read read = request.scenario();
        ModelConfig config = compiledToFit(read.scenario(), read.files().get(0).toString(), "$",
                Math.min(request.replications(), request.threads()));
        return runScenario(read.scenario(), config, read.files(), request.seed(), request.replications(),
                request.threads(), request.out(), request.commandLine(), progressTo);
    }

    /**
     * The scenario's configuration, refused ({@link ScenarioSize#check}) if {@code atOnce} of its replications would
     * not fit in memory; the refusal names {@code source} at {@code where}.
     */
    static ModelConfig compiledToFit(Scenario scenario, String source, String where, int atOnce)
            throws InvalidScenarioException {
        ModelConfig config = ScenarioCompiler.compile(scenario);
        ScenarioSize.check(source, where, config, atOnce);
        return config;
    }

    /** Replications 0…n−1 of {@code config}, with the progress bar on {@code progressTo} (null: none). */
    static List<RunResult> replicationsWithProgress(ModelConfig config, long seed, int replications, int threads,
                                                    PrintWriter progressTo) throws InterruptedException {
        Progress progress = new Progress(progressTo, "replications", replications);
        List<RunResult> results = Replications.run(config, seed, replications, threads, progress::update,
                replication -> (days, totalDays) -> progress.days(replication, days, totalDays));
        progress.finish();
        return results;
    }

    /**
     * Runs a scenario already read, compiled and found to fit in memory, into a new run folder.
     *
     * @param scenarioFiles the scenario's file and the files it extends, nearest first, for the manifest
     */
    static Result runScenario(Scenario scenario, ModelConfig config, List<Path> scenarioFiles, long seed,
                              int replications, int threads, Path out, List<String> commandLine,
                              PrintWriter progressTo)
            throws JobRefused, IOException, InterruptedException {
        ObservedSeries observed = ObservedSeries.shipped();
        try (JobFolder folder = JobFolder.staged(out, scenario.name(), "a run")) {
            Instant started = Instant.now();
            List<RunResult> results = replicationsWithProgress(config, seed, replications, threads, progressTo);
            Instant finished = Instant.now();
            Json.write(folder.path().resolve(ResultFiles.RESOLVED_SCENARIO), scenario);
            List<Table> tables = ResultTables.writeAll(folder.path(), results, observed::single);
            Path scenarioFile = scenarioFiles.get(0);
            Manifest manifest = new Manifest(seed, replications, threads, Manifest.currentProgramVersion(),
                    Program.gitCommit(), scenarioFile.toString(), Manifest.sha256(scenarioFile),
                    Manifest.InputFile.of(scenarioFiles.subList(1, scenarioFiles.size())), observed.source(),
                    observed.sha256(), started.toString(), finished.toString(), Manifest.currentJavaVersion(),
                    commandLine);
            return new Result(folder.commit(manifest, tables), results, observed);
        }
    }
}
