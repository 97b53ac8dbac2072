package escaperoutes.cli;

import escaperoutes.sweep.InvalidSweepSpecException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRunner;
import escaperoutes.sweep.SweepSpecReader;
import escaperoutes.sweep.SweepRows;
import escaperoutes.stats.Quantiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The benchmark of the sweep executor on local threads: runs per second on 1 and on 2 threads, in one JVM after a
 * warm-up, so that neither the JIT compiler's first seconds nor the machine's drift from one minute to the next
 * decide the ratio. Rounds alternate a slice of the sweep on 1 thread and the same slice on 2; each round's ratio
 * pairs two measurements taken a minute apart at most, and the median of the rounds counts. Each point's rows are
 * made as the sweep makes them, then dropped: nothing is written.
 */
@Command(name = "bench-sweep", mixinStandardHelpOptions = true,
        description = "Measure a sweep's runs per second on 1 and 2 local threads (alternating rounds in one JVM, "
                + "after a warm-up) and the speed-up of 2 threads.")
final class SweepBenchCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SPEC", defaultValue = "scenarios/sweeps/enforcement.json",
            description = "sweep spec, default ${DEFAULT-VALUE}")
    Path specFile;

    @Option(names = "--points", paramLabel = "P", defaultValue = "40",
            description = "points of the slice each round runs (its first P), default ${DEFAULT-VALUE}")
    int points;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5",
            description = "rounds of 1 thread then 2 threads, default ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "40",
            description = "points run untimed first, on 2 threads, for the JIT compiler, default ${DEFAULT-VALUE}")
    int warmup;

    @Override
    int execute(PrintWriter out, PrintWriter err)
            throws InvalidSweepSpecException, InterruptedException, IOException {
        if (points < 1 || rounds < 1 || warmup < 0) {
            err.println("error: --points and --rounds must be at least 1, --warmup at least 0");
            return Main.BAD_INPUT;
        }
        SweepPlan plan = SweepPlan.of(new SweepSpecReader().read(specFile));
        int slice = Math.min(points, plan.points());
        out.printf(Locale.ROOT, "sweep %s: points 0-%d × %d replications per round, %d processors, %s%n",
                plan.name(), slice - 1, plan.replications(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version());
        // The warm-up runs other points than the rounds (the last ones), so the rounds do not meet a warm cache.
        runsPerSecond(plan, Math.max(0, plan.points() - warmup), plan.points(), 2);

        double[] one = new double[rounds];
        double[] two = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            one[r] = runsPerSecond(plan, 0, slice, 1);
            two[r] = runsPerSecond(plan, 0, slice, 2);
            ratios[r] = two[r] / one[r];
            out.printf(Locale.ROOT, "round %d: 1 thread %.2f runs/s, 2 threads %.2f runs/s: %.2f×%n", r + 1, one[r],
                    two[r], ratios[r]);
        }
        out.printf(Locale.ROOT, "median of %d rounds: 1 thread %.2f runs/s, 2 threads %.2f runs/s; 2 threads ÷ 1 "
                + "thread %.2f× (range %.2f–%.2f×)%n", rounds, median(one), median(two), median(ratios),
                Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow());
        return Main.OK;
    }

    private static double runsPerSecond(SweepPlan plan, int from, int to, int threads)
            throws InterruptedException, IOException {
        long[] characters = new long[1];
        long t0 = System.nanoTime();
        SweepRunner.run(plan, from, to, threads, null, (point, runs) -> {
            characters[0] += SweepRows.resultRows(plan, point, runs).length();
            if (plan.estimatesSensitivity()) {
                characters[0] += SweepRows.outputRows(plan, point, runs).length();
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (characters[0] == 0) {
            throw new IllegalStateException("no rows were made");
        }
        return (double) (to - from) * plan.replications() / seconds;
    }

    private static double median(double[] values) {
        return Quantiles.quantile(Quantiles.sortedPresent(values), 0.5);
    }
}
