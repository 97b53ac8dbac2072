package escaperoutes.sweep;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An executor that runs a sweep's (point, replication) units on a cluster instead of local threads. The default
 * build has none; the {@code -Pspark} build adds Apache Spark's ({@code escaperoutes.spark}), found here through
 * {@link java.util.ServiceLoader}, so that nothing outside the Spark build refers to Spark's classes.
 *
 * <p>An executor hands back each batch of consecutive points as the rows {@link escaperoutes.output.SweepTables}
 * writes for them, in point order; the rows of a run are the same whichever executor ran it, so the sweep's tables
 * are byte-identical to those of local threads.
 */
public interface DistributedSweepExecutor {

    /** The name given to {@code sweep --executor}. */
    String name();

    /**
     * Runs points {@code job.from()} (inclusive) to {@code job.to()} (exclusive) and hands their rows to
     * {@code sink}, in point order, on the calling thread.
     *
     * @return what ran them, for the manifest: the executor and its master, such as {@code spark local[2]}
     */
    String run(Job job, Listener listener, RowSink sink) throws IOException, InterruptedException;

    /** Told how the runs go, from any thread. */
    interface Listener {
        /** Once, before any run: runs of the slice whose rows an interrupted session left, so not run again. */
        void reused(int runs);

        /** The number of runs finished so far in this call. */
        void done(int runs);

        /** A listener told nothing. */
        Listener NONE = new Listener() {
            @Override
            public void reused(int runs) {
            }

            @Override
            public void done(int runs) {
            }
        };
    }

    /**
     * A slice of a sweep to run.
     *
     * @param plan             the sweep, for the driver
     * @param resolvedSpec     {@code sweep.resolved.json}: with {@code resolvedScenario}, what the cluster's workers
     *                         rebuild the plan from
     * @param resolvedScenario {@code scenario.resolved.json}, the base scenario with its parents merged in
     * @param sweepSha256      the sweep's checksum (of the two texts), which names its intermediate files
     * @param from             first point to run
     * @param to               the point after the last one
     * @param settings         how to reach and use the cluster
     */
    record Job(SweepPlan plan, String resolvedSpec, String resolvedScenario, String sweepSha256, int from, int to,
               Settings settings) {
        public Job {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(resolvedSpec, "resolvedSpec");
            Objects.requireNonNull(resolvedScenario, "resolvedScenario");
            Objects.requireNonNull(sweepSha256, "sweepSha256");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * How to use the cluster.
     *
     * @param master      the cluster's master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn},
     *                    {@code k8s://…}); null to take it from the submitting tool ({@code spark-submit --master}),
     *                    or else run locally on {@code localThreads} threads
     * @param localThreads threads when no master is given anywhere
     * @param parts       the folder (any URI the cluster's file system reads: {@code file:} on a shared disk,
     *                    {@code hdfs:}, {@code s3a:}) where workers write each batch's rows for the driver to collect
     * @param runsPerTask runs in one task: enough to make a task's scheduling cost small against its runs (a run
     *                    takes ~70 ms), few enough to balance the load and lose little when a worker fails
     */
    record Settings(String master, int localThreads, URI parts, int runsPerTask) {
        public Settings {
            Objects.requireNonNull(parts, "parts");
            if (runsPerTask < 1 || localThreads < 1) {
                throw new IllegalArgumentException("runsPerTask and localThreads must be at least 1");
            }
        }
    }

    /**
     * The cluster cannot run the sweep as set up (a parts folder the workers and the driver do not share, say); the
     * message says what to change. The sweep folder keeps what was appended, so it can be continued.
     */
    final class SetupException extends IOException {
        private static final long serialVersionUID = 1L;

        public SetupException(String message) {
            super(message);
        }
    }

    /** Receives the rows of points {@code firstPoint…lastPoint}, in point order. */
    @FunctionalInterface
    interface RowSink {
        void accept(int firstPoint, int lastPoint, String resultRows, String outputRows) throws IOException;
    }

    /**
     * The executors on the class path (none in the default build; see {@link escaperoutes.io.ServiceProviders}).
     */
    static List<DistributedSweepExecutor> available() {
        return escaperoutes.io.ServiceProviders.available(DistributedSweepExecutor.class);
    }

    /** The executor named {@code name}, if this build has it. */
    static Optional<DistributedSweepExecutor> find(String name) {
        return available().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
