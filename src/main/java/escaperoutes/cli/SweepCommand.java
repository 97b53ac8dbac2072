package escaperoutes.cli;

import escaperoutes.experiment.JobRefused;
import escaperoutes.experiment.SweepJob;
import escaperoutes.io.InvalidInputException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepSpec;
import escaperoutes.sweep.SweepSpecReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every point of a parameter sweep (a spec file: base scenario, parameters, design, "
                + "replications, outputs) on local threads, or on Apache Spark, and write results.csv, points.csv, "
                + "sensitivity.csv, sweep.resolved.json, manifest.json, charts/ and report.html to a new folder. "
                + "Interrupted (Ctrl-C, a crash), the same command continues where it stopped.")
final class SweepCommand extends JobCommand {
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

    @CommandLine.Mixin
    QuietOption quiet;

    @CommandLine.Mixin
    ExecutorOptions executor;

    @Override
    int execute(PrintWriter out, PrintWriter err)
            throws InvalidInputException, JobRefused, IOException, InterruptedException {
        SweepJob.Request request = new SweepJob.Request(new SweepSpecReader().read(specFile), threads.count(),
                this.out, resume, chunk, executor.choice.executor, executor.choice.sparkMaster, executor.sparkParts,
                executor.runsPerTask, commandLine());
        if (onlyPoint != null) {
            out.println(SweepJob.runPoint(request, onlyPoint, quiet.progressTo(err)).folder());
            return Main.OK;
        }
        SweepJob.Result result = SweepJob.run(request, err, quiet.quiet);
        if (!quiet.quiet && !result.alreadyComplete()) {
            SweepPlan plan = result.plan();
            int runs = result.runs();
            out.printf(Locale.ROOT, "%d runs (%d points × %d replications%s) in %.1f s: %.2f runs/s %s%n",
                    runs, runs / plan.replications(), plan.replications(),
                    result.runsBefore() > 0 ? ", after " + result.runsBefore() + " done before" : "",
                    result.seconds(), runs / Math.max(result.seconds(), 1e-9), result.executedBy().equals("threads")
                            ? "on " + request.threads() + " thread" + (request.threads() == 1 ? "" : "s")
                            : "with " + result.executedBy());
            printSensitivity(out, plan, result.sensitivity());
        }
        out.println(result.folder());
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
