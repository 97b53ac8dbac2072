package escaperoutes.sweep;

import escaperoutes.simulation.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.RunResult;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the (point, replication) units of a slice of a sweep on local threads and hands each point's replications,
 * in point order, to a sink on the calling thread. Each unit is one model run on its own instance, so the results —
 * and whatever the sink writes — are the same whatever the number of threads. Workers may run a few units ahead of
 * the oldest unfinished one (sixteen per thread); results that finish early wait, so memory stays bounded.
 */
public final class SweepRunner {

    /** Receives the replications of each point, in point order, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface PointSink {
        void accept(int point, List<RunResult> replications) throws IOException;
    }

    /**
     * Units submitted ahead of the oldest unfinished one, per thread: enough that a slow unit at the head does not
     * leave the other threads idle, few enough that the results waiting their turn stay small (a few tens of
     * kilobytes each).
     */
    private static final int AHEAD_PER_THREAD = 16;

    private SweepRunner() {
    }

    /**
     * Runs points {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param runsDone told the number of runs finished so far in this call (from worker threads); may be null
     */
    public static void run(SweepPlan plan, int from, int to, int threads, IntConsumer runsDone, PointSink sink)
            throws InterruptedException, IOException {
        int replications = plan.replications();
        // A configuration is compiled once for the replications that share it (a point's, or a posterior draw's).
        int shared = plan.replicationsPerConfiguration();
        long seed = plan.seed();
        if (threads <= 1) {
            int done = 0;
            for (int point = from; point < to; point++) {
                ModelConfig config = null;
                List<RunResult> runs = new ArrayList<>(replications);
                for (int r = 0; r < replications; r++) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    if (r % shared == 0) {
                        config = plan.configAt(point, r);
                    }
                    runs.add(Replications.runOne(config, seed, r));
                    if (runsDone != null) {
                        runsDone.accept(++done);
                    }
                }
                sink.accept(point, runs);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            long units = (long) (to - from) * replications;
            int ahead = threads * AHEAD_PER_THREAD;
            AtomicInteger done = new AtomicInteger();
            Deque<Future<RunResult>> pending = new ArrayDeque<>();
            // Each configuration is compiled (a few milliseconds) by a task of its own, submitted one group of
            // replications ahead of the runs that use it: the workers find it ready, and the main thread, which
            // shares the cores with them, only writes rows.
            Future<ModelConfig> config = pool.submit(() -> plan.configAt(from, 0));
            Future<ModelConfig> nextConfig = null;
            long submitted = 0;
            List<RunResult> runs = new ArrayList<>(replications);
            int point = from;
            for (long consumed = 0; consumed < units; consumed++) {
                while (submitted < units && submitted - consumed < ahead) {
                    int replication = (int) (submitted % replications);
                    if (replication % shared == 0) {
                        if (nextConfig != null) {
                            config = nextConfig;
                        }
                        long following = submitted + shared;
                        int followingPoint = (int) (from + following / replications);
                        int followingReplication = (int) (following % replications);
                        nextConfig = following < units
                                ? pool.submit(() -> plan.configAt(followingPoint, followingReplication)) : null;
                    }
                    Future<ModelConfig> unitConfig = config;
                    pending.add(pool.submit(() -> {
                        RunResult result = Replications.runOne(Replications.resultOf(unitConfig), seed, replication);
                        int finished = done.incrementAndGet();
                        if (runsDone != null) {
                            runsDone.accept(finished);
                        }
                        return result;
                    }));
                    submitted++;
                }
                runs.add(Replications.resultOf(pending.removeFirst()));
                if (runs.size() == replications) {
                    sink.accept(point++, runs);
                    runs = new ArrayList<>(replications);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
