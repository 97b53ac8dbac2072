package escaperoutes.cli;

import escaperoutes.experiment.CompareJob;
import escaperoutes.experiment.JobRefused;
import escaperoutes.observe.Measure;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.simulation.Comparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
final class CompareCommand extends JobCommand {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO",
            description = "scenario JSON files: the base first, then the scenarios compared with it")
    List<Path> scenarioFiles;

    @CommandLine.Mixin
    ReplicationOptions run;

    @Option(names = "--window", paramLabel = "FROM-TO",
            description = "calendar years of the cumulative differences, e.g. 2025-2030 or 2027; default: every "
                    + "simulated year")
    String window;

    @Option(names = "--posterior", paramLabel = "DIR",
            description = "run the replications at draws from the posterior in DIR (escape-routes posterior's "
                    + "folder): replications 2d and 2d+1 of every scenario share draw d and their random streams "
                    + "stay paired, so the differences carry the parameters' uncertainty; writes variance.csv, how "
                    + "much of each summed difference's variance comes from the parameters and how much from chance. "
                    + "Needs an even --replications of at least 4")
    Path posterior;

    @CommandLine.Mixin
    FolderOptions folder;

    @Override
    int execute(PrintWriter out, PrintWriter err)
            throws InvalidScenarioException, JobRefused, IOException, InterruptedException {
        // Every file is read before any is refused, so that one attempt lists every problem of every file.
        List<ScenarioReader.Read> scenarios = new ArrayList<>();
        boolean unreadable = false;
        for (Path file : scenarioFiles) {
            try {
                scenarios.add(new ScenarioReader().readWithParents(file));
            } catch (InvalidScenarioException e) {
                report(e, err);
                unreadable = true;
            }
        }
        if (unreadable) {
            return Main.BAD_INPUT;
        }
        CompareJob.Result result = CompareJob.run(new CompareJob.Request(scenarios, run.seed, run.replications,
                run.threads.count(), window, folder.out, posterior, commandLine()), folder.quiet.progressTo(err));
        if (!folder.quiet.quiet) {
            for (int s = 1; s < result.comparison().labels().size(); s++) {
                printArrivals(out, result.comparison(), s);
                if (result.overPosterior()) {
                    Comparison.VarianceSplit v = result.comparison().cumulativeVarianceSplit(s,
                            Measure.ARRIVALS.key(), SexGroup.ALL);
                    if (v.total() > 0) {
                        out.printf(Locale.ROOT, "over the posterior (%d draws, 2 replications each): %.0f%% of the "
                                        + "summed difference's variance from the parameters, %.0f%% from chance "
                                        + "(variance.csv)%n", result.comparison().replications() / 2,
                                100 * v.parameterShare(), 100 * v.chance() / v.total());
                    } else {
                        out.printf(Locale.ROOT, "over the posterior (%d draws, 2 replications each): the summed "
                                + "difference is the same in every replication%n", result.comparison().replications() / 2);
                    }
                }
            }
        }
        out.println(result.folder());
        return Main.OK;
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
