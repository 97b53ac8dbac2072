package escaperoutes.experiment;

import escaperoutes.calibration.ObservedSeries;
import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.RunResult;
import escaperoutes.simulation.Replications;
import escaperoutes.output.ComparisonManifest;
import escaperoutes.output.Manifest;
import escaperoutes.io.Problem;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioSize;
import escaperoutes.simulation.Comparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code compare} job: every scenario on the same seed and replications (common random numbers), each paired
 * with the first, into a new folder ({@code comparison.csv}, {@code differences.csv}, {@code cumulative.csv}, each
 * scenario's resolved JSON, the manifest, the charts and the report). With a posterior's folder, replication r of
 * every scenario runs at posterior draw r / 2 (the same parameters and the same random streams for every
 * scenario: what-ifs that extend the base are read again onto the base at the draw), and {@code variance.csv} splits
 * each summed difference's variance between the parameters and chance.
 */
public final class CompareJob {
    private static final Pattern WINDOW = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    /**
     * What to compare.
     *
     * @param scenarios     the base first, then the scenarios compared with it, each with the files it extends
     * @param window        {@code FROM-TO} or one year, the years of the summed differences; null for every year
     * @param out           the folder to create, or null for {@link ResultsLayout}'s default
     * @param posterior     a posterior's folder whose draws the replications run at (pairs of replications share a
     *                      draw), or null for the scenarios' own parameters
     */
    public record Request(List<ScenarioReader.Read> scenarios, long seed, int replications, int threads, String window,
                          Path out, Path posterior, List<String> commandLine) {
        /** A comparison of the scenarios' own parameters. */
        public Request(List<ScenarioReader.Read> scenarios, long seed, int replications, int threads, String window,
                       Path out, List<String> commandLine) {
            this(scenarios, seed, replications, threads, window, out, null, commandLine);
        }
    }

    /** The folder written and the comparison in it; {@code overPosterior} when its replications ran posterior draws. */
    public record Result(Path folder, Comparison comparison, boolean overPosterior) {
    }

    private CompareJob() {
    }

    public static Result run(Request request, PrintWriter progressTo)
            throws JobRefused, InvalidScenarioException, IOException, InterruptedException {
        JobRefused.requireAtLeastOne("--replications", request.replications());
        JobRefused.requireAtLeastOne("--threads", request.threads());
        List<ScenarioReader.Read> reads = request.scenarios();
        if (reads.size() < 2) {
            throw new JobRefused("compare needs at least two scenarios, the base and one to compare with it; found "
                    + reads.size());
        }
        Scenario base = reads.get(0).scenario();
        List<String> differentPeriods = new ArrayList<>();
        for (int i = 1; i < reads.size(); i++) {
            Scenario s = reads.get(i).scenario();
            if (!s.start().equals(base.start()) || !s.end().equals(base.end())) {
                differentPeriods.add(reads.get(i).files().get(0) + ": runs " + s.start() + " to " + s.end()
                        + ", but the base " + reads.get(0).files().get(0) + " runs " + base.start() + " to "
                        + base.end() + "; compared scenarios must cover the same days (set \"start\" and \"end\")");
            }
        }
        if (!differentPeriods.isEmpty()) {
            throw new JobRefused(differentPeriods);
        }
        Comparison.Window years = windowYears(request.window(), base);
        List<String> labels = labels(reads);
        List<Comparison.Compared> compared = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            compared.add(new Comparison.Compared(labels.get(i), ScenarioCompiler.compile(reads.get(i).scenario())));
        }
        PosteriorFolder posterior = null;
        // drawConfigs.get(i).get(d): scenario i at posterior draw d
        List<List<ModelConfig>> drawConfigs = new ArrayList<>();
        if (request.posterior() != null) {
            if (request.replications() % 2 != 0 || request.replications() < 4) {
                throw new JobRefused("--replications " + request.replications() + ": with --posterior, an even "
                        + "number of at least 4: replications 2d and 2d + 1 share posterior draw d, which separates "
                        + "the parameters' share of each difference's variance from chance");
            }
            posterior = PosteriorFolder.read(request.posterior());
            drawConfigs = atDraws(reads, posterior, request.replications() / 2, request.seed());
        }
        // Every scenario's replications that run at once must fit in memory; all that do not are listed.
        List<InvalidScenarioException> tooLarge = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            List<ModelConfig> configs = posterior == null ? List.of(compared.get(i).config()) : drawConfigs.get(i);
            try {
                for (ModelConfig config : configs) {
                    ScenarioSize.check(reads.get(i).files().get(0).toString(), "$", config,
                            Math.min(request.replications(), request.threads()));
                }
            } catch (InvalidScenarioException e) {
                tooLarge.add(e);
            }
        }
        if (tooLarge.size() == 1) {
            throw tooLarge.get(0);
        } else if (!tooLarge.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            tooLarge.forEach(e -> problems.addAll(e.problems()));
            throw new InvalidScenarioException(tooLarge.size() + " of the compared scenarios", problems);
        }
        ObservedSeries observed = ObservedSeries.shipped();
        try (JobFolder folder = JobFolder.staged(request.out(), "compare", "a comparison")) {
            Instant started = Instant.now();
            Progress progress = new Progress(progressTo, "replications", request.replications() * compared.size());
            Comparison comparison = posterior == null
                    ? Comparison.run(compared, request.seed(), request.replications(), request.threads(), years,
                            observed.lastYear(), progress::update)
                    : Comparison.of(labels, overDraws(drawConfigs, request.seed(), request.replications(),
                            request.threads(), progress), request.seed(), years, observed.lastYear());
            progress.finish();
            Instant finished = Instant.now();
            List<Table> tables = new ArrayList<>(ResultValues.writeComparison(folder.path(), comparison));
            if (posterior != null) {
                tables.add(ResultValues.writeVariance(folder.path(), comparison));
            }
            List<ComparisonManifest.ComparedScenario> entries = new ArrayList<>();
            for (int i = 0; i < reads.size(); i++) {
                String resolved = ResultFiles.resolvedScenario(labels.get(i));
                Json.write(folder.path().resolve(resolved), reads.get(i).scenario());
                List<Path> read = reads.get(i).files();
                entries.add(new ComparisonManifest.ComparedScenario(labels.get(i), read.get(0).toString(),
                        Manifest.sha256(read.get(0)), resolved, Manifest.InputFile.of(read.subList(1, read.size()))));
            }
            ComparisonManifest manifest = new ComparisonManifest(request.seed(), request.replications(),
                    request.threads(), years.toString(), observed.lastYear(), Manifest.currentProgramVersion(),
                    Program.gitCommit(), entries, posterior == null ? null
                    : new ComparisonManifest.PosteriorSource(posterior.dir().toString(), posterior.stateSha256(),
                            request.replications() / 2), observed.source(), observed.sha256(), started.toString(),
                    finished.toString(), Manifest.currentJavaVersion(), request.commandLine());
            return new Result(folder.commit(manifest, tables), comparison, posterior != null);
        }
    }

    /**
     * Every scenario's replications over posterior draws: replication r of scenario i runs at draw r / 2 with the
     * comparison's seed, so replication r of every scenario shares both the parameters and the random streams.
     */
    private static List<List<RunResult>> overDraws(List<List<ModelConfig>> drawConfigs, long seed, int replications,
                                                   int threads, Progress progress) throws InterruptedException {
        List<List<RunResult>> results = new ArrayList<>();
        for (List<ModelConfig> configs : drawConfigs) {
            int before = results.size() * replications;
            results.add(Replications.runEach(r -> configs.get(r / 2), seed, replications, threads,
                    done -> progress.update(before + done)));
        }
        return results;
    }

    /**
     * Every scenario at every posterior draw: the base with the posterior's parameters set to the draw; a scenario
     * that extends the base (directly or through other files) read again onto that base, so that what it copies
     * from the base ({@code $copy}, {@code $times}) carries the draw's values and what it sets itself stays its
     * own; a scenario that does not extend it with the parameters set directly.
     */
    private static List<List<ModelConfig>> atDraws(List<ScenarioReader.Read> reads, PosteriorFolder posterior,
                                                   int draws, long seed)
            throws JobRefused, InvalidScenarioException, IOException {
        Path baseFile = reads.get(0).files().get(0);
        ParameterSpace baseSpace = posterior.spaceOver(reads.get(0).scenario(), baseFile.toString());
        List<double[]> values = posterior.draws(draws, seed);
        List<List<ModelConfig>> configs = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            configs.add(new ArrayList<>());
        }
        ScenarioReader reader = new ScenarioReader();
        List<ParameterSpace> direct = new ArrayList<>(java.util.Collections.nCopies(reads.size(), null));
        for (int d = 0; d < draws; d++) {
            Scenario baseAtDraw = baseSpace.scenarioAt(values.get(d));
            JsonNode tree = Json.mapper().valueToTree(baseAtDraw);
            configs.get(0).add(ScenarioCompiler.compile(baseAtDraw));
            for (int i = 1; i < reads.size(); i++) {
                Path file = reads.get(i).files().get(0);
                Optional<Scenario> onto = reader.readOnto(file, baseFile, tree, baseFile + " at posterior draw " + d);
                if (onto.isPresent()) {
                    configs.get(i).add(ScenarioCompiler.compile(onto.get()));
                } else {
                    if (direct.get(i) == null) {
                        direct.set(i, posterior.spaceOver(reads.get(i).scenario(), file.toString()));
                    }
                    configs.get(i).add(direct.get(i).configAt(values.get(d)));
                }
            }
        }
        return configs;
    }

    /** The --window years, or every simulated year. */
    private static Comparison.Window windowYears(String window, Scenario base) throws JobRefused {
        int first = base.start().getYear();
        int last = base.end().getYear();
        if (window == null) {
            return new Comparison.Window(first, last);
        }
        Matcher m = WINDOW.matcher(window.strip());
        if (!m.matches()) {
            throw new JobRefused("--window: expected years FROM-TO such as 2025-2030, or one year such as 2027; "
                    + "found \"" + window + "\"");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from > to) {
            throw new JobRefused("--window " + window + ": ends before it starts");
        }
        if (from < first || to > last) {
            throw new JobRefused("--window " + window + ": the scenarios run from " + first + " to " + last
                    + "; choose years within them");
        }
        return new Comparison.Window(from, to);
    }

    /** Each scenario's name; a name given again gets -2, -3, … so that rows and files stay apart. */
    private static List<String> labels(List<ScenarioReader.Read> reads) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (ScenarioReader.Read read : reads) {
            String name = read.scenario().name();
            int n = seen.merge(name, 1, Integer::sum);
            labels.add(n == 1 ? name : name + "-" + n);
        }
        return labels;
    }
}
