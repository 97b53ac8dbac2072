package escaperoutes.cli;

import escaperoutes.calibration.ObservedSeries;
import escaperoutes.experiment.JobRefused;
import escaperoutes.experiment.RunJob;
import escaperoutes.observe.Measure;
import escaperoutes.stats.Quantiles;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run replications of a scenario and write a new results folder: annual.csv, summary.csv, "
                + "routes.csv, origins.csv, cohorts.csv, scenario.resolved.json, manifest.json, the charts "
                + "(charts/*.png, *.svg) and report.html.")
final class RunCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario JSON file")
    Path scenarioFile;

    @CommandLine.Mixin
    ReplicationOptions run;

    @CommandLine.Mixin
    FolderOptions folder;

    @Override
    int execute(PrintWriter out, PrintWriter err)
            throws InvalidScenarioException, JobRefused, IOException, InterruptedException {
        ScenarioReader.Read scenario = new ScenarioReader().readWithParents(scenarioFile);
        RunJob.Result result = RunJob.run(new RunJob.Request(scenario, run.seed, run.replications, run.threads.count(),
                folder.out, commandLine()), folder.quiet.progressTo(err));
        if (!folder.quiet.quiet) {
            printArrivals(out, result.results(), result.observed());
        }
        out.println(result.folder());
        return Main.OK;
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
}
