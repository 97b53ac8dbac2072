package escaperoutes.simulation;

import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ProgressListener;
import escaperoutes.observe.Recorder;
import escaperoutes.observe.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/** Runs replications of one configuration, each on its own model instance (MASON's generators are not shared). */
public final class Replications {
    private Replications() {
    }

    /** One replication: the same (config, seed, replication) always gives the same result. */
    public static RunResult runOne(ModelConfig config, long seed, int replication) {
        return runOne(config, seed, replication, ProgressListener.NONE);
    }

    /** One replication, telling {@code progress} the simulated days done as it goes. */
    public static RunResult runOne(ModelConfig config, long seed, int replication, ProgressListener progress) {
        Recorder recorder = new Recorder(config);
        EscapeModel model = new EscapeModel(config, seed, replication, recorder, progress);
        model.runToEnd();
        return recorder.result(replication, model.personEvents(), model.personsCreated());
    }

    /**
     * Replications 0..count-1 on {@code threads} threads, returned in replication order.
     *
     * @param progress told the number of replications finished so far (from worker threads), may be null
     */
    public static List<RunResult> run(ModelConfig config, long seed, int count, int threads, IntConsumer progress)
            throws InterruptedException {
        return run(config, seed, count, threads, progress, r -> ProgressListener.NONE);
    }

    /**
     * As {@link #run(ModelConfig, long, int, int, IntConsumer)}, and each replication tells the listener
     * {@code days} gives for its number the simulated days it has done (so that a long one shows progress).
     */
    public static List<RunResult> run(ModelConfig config, long seed, int count, int threads, IntConsumer progress,
                                      IntFunction<ProgressListener> days) throws InterruptedException {
        return runEach(r -> config, seed, count, threads, progress, days);
    }

    /**
     * Replications 0..count-1 where replication r runs {@code configOf.apply(r)} (a posterior draw, say), on
     * {@code threads} threads, returned in replication order; as {@link #run(ModelConfig, long, int, int, IntConsumer)}
     * otherwise.
     */
    public static List<RunResult> runEach(IntFunction<ModelConfig> configOf, long seed, int count, int threads,
                                          IntConsumer progress) throws InterruptedException {
        return runEach(configOf, seed, count, threads, progress, r -> ProgressListener.NONE);
    }

    private static List<RunResult> runEach(IntFunction<ModelConfig> configOf, long seed, int count, int threads,
                                           IntConsumer progress, IntFunction<ProgressListener> days)
            throws InterruptedException {
        if (threads <= 1) {
            List<RunResult> results = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                results.add(runOne(configOf.apply(r), seed, r, days.apply(r)));
                if (progress != null) {
                    progress.accept(r + 1);
                }
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "replication");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<RunResult>> futures = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                final int replication = r;
                futures.add(pool.submit(() -> {
                    RunResult result = runOne(configOf.apply(replication), seed, replication, days.apply(replication));
                    int finished = done.incrementAndGet();
                    if (progress != null) {
                        progress.accept(finished);
                    }
                    return result;
                }));
            }
            List<RunResult> results = new ArrayList<>(count);
            for (Future<RunResult> future : futures) {
                results.add(resultOf(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task's result (a replication's, say), rethrowing what failed inside it as it was thrown (unchecked). */
    public static <T> T resultOf(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
