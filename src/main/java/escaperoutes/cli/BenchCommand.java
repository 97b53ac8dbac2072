package escaperoutes.cli;

import escaperoutes.simulation.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.RunResult;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.stats.Quantiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The performance benchmark of the model: wall time per replication on one thread, agent events per second, the
 * cost of 10× the agents, and the throughput of 2 threads against 1. A measurement, not a test: it prints figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure time per replication, events per second, scaling with agents and with threads.")
final class BenchCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", defaultValue = "scenarios/baseline.json",
            description = "scenario JSON file, default ${DEFAULT-VALUE}")
    Path scenarioFile;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "30",
            description = "timed replications at 1× scale, default ${DEFAULT-VALUE}")
    int replications;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "40",
            description = "untimed replications first, for the JIT, default ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--scale", paramLabel = "X", defaultValue = "10",
            description = "agents-per-person factor of the scaling measurement, default ${DEFAULT-VALUE}")
    double scale;

    @Option(names = "--seed", defaultValue = "1", description = "seed, default ${DEFAULT-VALUE}")
    long seed;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws InvalidScenarioException, InterruptedException {
        Scenario scenario = new ScenarioReader().read(scenarioFile);
        ModelConfig config = ScenarioCompiler.compile(scenario);
        out.printf("scenario %s, %s to %s, seed %d, %d processors, %s%n", scenario.name(), scenario.start(),
                scenario.end(), seed, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name")
                        + " " + Runtime.version());

        double personsPerReplication = oneThread(out, config);
        scaling(out, config, personsPerReplication);
        threads(out, config);
        return Main.OK;
    }

    /** Time per replication on one thread after a warm-up; returns the agents per replication. */
    private double oneThread(PrintWriter out, ModelConfig config) {
        for (int r = 0; r < warmup; r++) {
            Replications.runOne(config, seed, 1000 + r);
        }
        double[] millis = new double[replications];
        long events = 0;
        long persons = 0;
        for (int r = 0; r < replications; r++) {
            long t0 = System.nanoTime();
            RunResult result = Replications.runOne(config, seed, r);
            millis[r] = (System.nanoTime() - t0) / 1e6;
            events += result.personEvents();
            persons += result.persons();
        }
        double mean = Arrays.stream(millis).average().orElse(Double.NaN);
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = Quantiles.quantile(sorted, 0.5);
        out.printf("1 thread, scale 1: %.1f ms per replication (median %.1f, min %.1f, max %.1f), %.0f agents, "
                        + "%.0f events, %.2f million events/s%n", mean, median, sorted[0], sorted[sorted.length - 1],
                (double) persons / replications, (double) events / replications,
                events / (Arrays.stream(millis).sum() / 1e3) / 1e6);
        return (double) persons / replications;
    }

    /** The cost of {@code --scale} times the agents, against the time at scale 1. */
    private void scaling(PrintWriter out, ModelConfig config, double personsPerReplication) {
        // The scaling figure pairs each 10× replication with 1× replications run just before it, in rounds, and
        // takes the median of the rounds' ratios: on a shared machine the speed drifts over a minute, and pairing
        // keeps that drift out of the ratio.
        ModelConfig scaled = config.withScale(config.scale() * scale);
        Replications.runOne(scaled, seed, 999);
        int rounds = 5;
        int perRound = Math.max(3, replications / 3);
        double[] ratios = new double[rounds];
        double[] scaledTimes = new double[rounds];
        long scaledPersons = 0;
        for (int round = 0; round < rounds; round++) {
            double small = 0;
            for (int r = 0; r < perRound; r++) {
                small += timeOne(config, 2000 + round * perRound + r);
            }
            small /= perRound;
            long t0 = System.nanoTime();
            RunResult result = Replications.runOne(scaled, seed, round);
            scaledTimes[round] = (System.nanoTime() - t0) / 1e6;
            scaledPersons += result.persons();
            ratios[round] = scaledTimes[round] / small;
        }
        Arrays.sort(ratios);
        Arrays.sort(scaledTimes);
        out.printf("1 thread, scale %.0f: %.1f ms per replication (median of %d), %.0f agents: %.1f× the agents in "
                        + "%.1f× the time (median of %d rounds, each against the mean of %d replications at scale 1;"
                        + " range %.1f–%.1f×)%n",
                scale, scaledTimes[rounds / 2], rounds, (double) scaledPersons / rounds,
                (double) scaledPersons / rounds / personsPerReplication, ratios[rounds / 2], rounds,
                perRound, ratios[0], ratios[rounds - 1]);
    }

    /** Replications per second on 1 and 2 threads. */
    private void threads(PrintWriter out, ModelConfig config) throws InterruptedException {
        // Batches on 1 and 2 threads alternate, three of each, and the median rate of each counts: a single pair
        // of batches was at the mercy of where a garbage collection fell.
        int batch = Math.max(4, replications);
        double[] oneThread = new double[3];
        double[] twoThreads = new double[3];
        for (int round = 0; round < 3; round++) {
            oneThread[round] = throughput(config, batch, 1);
            twoThreads[round] = throughput(config, batch, 2);
        }
        Arrays.sort(oneThread);
        Arrays.sort(twoThreads);
        out.printf("throughput, median of 3 batches of %d replications: 1 thread %.2f/s, 2 threads %.2f/s: %.2f×%n",
                batch, oneThread[1], twoThreads[1], twoThreads[1] / oneThread[1]);
    }

    private double timeOne(ModelConfig config, int replication) {
        long t0 = System.nanoTime();
        Replications.runOne(config, seed, replication);
        return (System.nanoTime() - t0) / 1e6;
    }

    private double throughput(ModelConfig config, int count, int threads) throws InterruptedException {
        long t0 = System.nanoTime();
        Replications.run(config, seed, count, threads, null);
        return count / ((System.nanoTime() - t0) / 1e9);
    }
}
