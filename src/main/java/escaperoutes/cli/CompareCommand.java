package escaperoutes.cli;

import escaperoutes.calibration.ObservedSeries;
import escaperoutes.experiment.Comparison;
import escaperoutes.observe.Measure;
import escaperoutes.observe.SexGroup;
import escaperoutes.output.ComparisonManifest;
import escaperoutes.output.ComparisonTables;
import escaperoutes.io.Json;
import escaperoutes.output.Manifest;
import escaperoutes.output.RunFolder;
import escaperoutes.model.ModelConfig;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run two or more scenarios on common random numbers (the same seed and replications) and "
                + "compare each with the first: per year and measure, each scenario's mean and 5/50/95%% quantiles "
                + "and those of the paired difference, and the differences summed over a window. Writes a new "
                + "folder: comparison.csv, differences.csv, cumulative.csv, each scenario's resolved JSON, "
                + "manifest.json, the charts (charts/*.png, *.svg) and report.html.")
final class CompareCommand implements Callable<Integer> {
    private static final Pattern WINDOW = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO",
            description = "scenario JSON files: the base first, then the scenarios compared with it")
    List<Path> scenarioFiles;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "100",
            description = "replications of each scenario, default ${DEFAULT-VALUE}")
    int replications;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "run seed, shared by every scenario (common random numbers), default ${DEFAULT-VALUE}")
    long seed;

    @CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--window", paramLabel = "FROM-TO",
            description = "calendar years of the cumulative differences, e.g. 2025-2030 or 2027; default: every "
                    + "simulated year")
    String window;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the folder to create (must not exist), default results/compare/<UTC timestamp>")
    Path out;

    @Option(names = "--quiet", description = "no progress or tables, only the folder path")
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
        if (scenarioFiles.size() < 2) {
            err.println("error: compare needs at least two scenarios, the base and one to compare with it; found "
                    + scenarioFiles.size());
            return Main.BAD_INPUT;
        }
        // Every file is read before any is refused, so that one attempt lists every problem.
        List<ScenarioReader.Read> reads = new ArrayList<>();
        for (Path file : scenarioFiles) {
            reads.add(ScenarioInput.readWithParentsOrReport(file, err));
        }
        if (reads.contains(null)) {
            return Main.BAD_INPUT;
        }
        Scenario base = reads.get(0).scenario();
        boolean samePeriod = true;
        for (int i = 1; i < reads.size(); i++) {
            Scenario s = reads.get(i).scenario();
            if (!s.start().equals(base.start()) || !s.end().equals(base.end())) {
                err.println("error: " + scenarioFiles.get(i) + ": runs " + s.start() + " to " + s.end() + ", but the "
                        + "base " + scenarioFiles.get(0) + " runs " + base.start() + " to " + base.end()
                        + "; compared scenarios must cover the same days (set \"start\" and \"end\")");
                samePeriod = false;
            }
        }
        if (!samePeriod) {
            return Main.BAD_INPUT;
        }
        Comparison.Window years = windowYears(base, err);
        if (years == null) {
            return Main.BAD_INPUT;
        }
        Path dir = this.out != null ? this.out : RunFolder.defaultRunDir(Path.of("results"), "compare", Instant.now());
        if (Files.exists(dir)) {
            err.println("error: " + dir + " already exists; a comparison never overwrites a folder (choose another "
                    + "--out)");
            return Main.BAD_INPUT;
        }

        List<String> labels = labels(reads);
        List<Comparison.Compared> compared = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            compared.add(new Comparison.Compared(labels.get(i), ScenarioCompiler.compile(reads.get(i).scenario())));
        }
        boolean fit = true;
        for (int i = 0; i < compared.size(); i++) {
            ModelConfig config = compared.get(i).config();
            fit &= ScenarioInput.fitsInMemory(scenarioFiles.get(i), "$", () -> config,
                    Math.min(replications, threadCount), err);
        }
        if (!fit) {
            return Main.BAD_INPUT;
        }
        ObservedSeries observed = ObservedSeries.shipped();
        RunFolder folder;
        try {
            folder = RunFolder.create(dir);
        } catch (IOException e) {
            err.println("error: cannot create the folder " + dir + ": " + e.getMessage());
            return Main.BAD_INPUT;
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
        Comparison comparison;
        try (folder) {
            Instant started = Instant.now();
            Progress progress = new Progress(quiet ? null : err, "replications", replications * compared.size());
            comparison = Comparison.run(compared, seed, replications, threadCount, years, observed.lastYear(),
                    progress::update);
            progress.finish();
            Instant finished = Instant.now();
            ComparisonTables.writeAll(folder.path(), comparison);
            List<ComparisonManifest.ComparedScenario> entries = new ArrayList<>();
            for (int i = 0; i < reads.size(); i++) {
                String resolved = labels.get(i) + ".resolved.json";
                Json.write(folder.path().resolve(resolved), reads.get(i).scenario());
                List<Path> files = reads.get(i).files();
                entries.add(new ComparisonManifest.ComparedScenario(labels.get(i), files.get(0).toString(),
                        Manifest.sha256(files.get(0)), resolved,
                        Manifest.InputFile.of(files.subList(1, files.size()))));
            }
            new ComparisonManifest(seed, replications, threadCount, years.toString(), observed.lastYear(),
                    Manifest.currentProgramVersion(), Manifest.gitCommit(RunCommand.programDirectory()), entries,
                    observed.source(), observed.sha256(), started.toString(), finished.toString(),
                    Manifest.currentJavaVersion(), List.of(spec.commandLine().getParseResult().originalArgs()
                    .toArray(new String[0]))).write(folder.path());
            ChartCommand.drawOwn(folder.path());
            folder.commit();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it has nothing left to remove
            }
        }
        if (!quiet) {
            for (int s = 1; s < comparison.labels().size(); s++) {
                printArrivals(out, comparison, s);
            }
        }
        out.println(dir);
        return Main.OK;
    }

    /** The --window years, or every simulated year; null after saying what is wrong. */
    private Comparison.Window windowYears(Scenario base, PrintWriter err) {
        int first = base.start().getYear();
        int last = base.end().getYear();
        if (window == null) {
            return new Comparison.Window(first, last);
        }
        Matcher m = WINDOW.matcher(window.strip());
        if (!m.matches()) {
            err.println("error: --window: expected years FROM-TO such as 2025-2030, or one year such as 2027; found \""
                    + window + "\"");
            return null;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from > to) {
            err.println("error: --window " + window + ": ends before it starts");
            return null;
        }
        if (from < first || to > last) {
            err.println("error: --window " + window + ": the scenarios run from " + first + " to " + last
                    + "; choose years within them");
            return null;
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

    /**
     * Per year of the window: median arrivals of the base and of scenario s, and the paired difference with its 90%
     * interval; then the same for their sums over the window.
     */
    private static void printArrivals(PrintWriter out, Comparison c, int s) {
        String arrivals = Measure.ARRIVALS.key();
        String base = c.labels().get(0);
        String other = c.labels().get(s);
        int baseWidth = Math.max(base.length(), 8);
        int otherWidth = Math.max(other.length(), 8);
        out.printf(Locale.ROOT, "%n%s against %s: arrivals per year (persons, median of %d replications), %s%n",
                other, base, c.replications(), c.window());
        out.printf(Locale.ROOT, "%-6s %" + baseWidth + "s %" + otherWidth + "s %28s%n", "year", base, other,
                "difference: median [5%-95%]");
        for (int year = c.window().fromYear(); year <= c.window().toYear(); year++) {
            Comparison.Summary b = c.summary(0, arrivals, year, SexGroup.ALL);
            Comparison.Summary o = c.summary(s, arrivals, year, SexGroup.ALL);
            Comparison.Summary d = c.difference(s, arrivals, year, SexGroup.ALL);
            out.printf(Locale.ROOT, "%-6s %" + baseWidth + ".0f %" + otherWidth + ".0f %28s%n",
                    year + (c.isProjected(year) ? "*" : ""), b.p50(), o.p50(), interval(d));
        }
        out.printf(Locale.ROOT, "arrivals %s, summed: %s %.0f, %s %.0f; difference %s%n", c.window(), base,
                c.cumulativeSummary(0, arrivals, SexGroup.ALL).p50(), other,
                c.cumulativeSummary(s, arrivals, SexGroup.ALL).p50(),
                interval(c.cumulativeDifference(s, arrivals, SexGroup.ALL)));
        if (c.isProjected(c.window().toYear())) {
            out.printf("* projected: after the last observed year, %d%n", c.lastObservedYear());
        }
    }

    private static String interval(Comparison.Summary d) {
        return String.format(Locale.ROOT, "%+.0f [%+.0f, %+.0f]", d.p50(), d.p05(), d.p95());
    }
}
