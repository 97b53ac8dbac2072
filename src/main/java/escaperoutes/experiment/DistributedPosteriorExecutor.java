package escaperoutes.experiment;

import escaperoutes.posterior.AbcSmc;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An executor that simulates a posterior's proposals on a cluster instead of local threads ({@code posterior
 * --executor spark}). The default build has none; the {@code -Pspark} build adds Apache Spark's, found here through
 * {@link java.util.ServiceLoader} so that nothing outside the Spark build refers to Spark's classes. A session lasts the whole
 * posterior (one cluster connection for every generation); each batch of proposals it evaluates is scored on the
 * workers by {@link PosteriorWorker}, rebuilt there from the calibration's texts, so the sample is the one local
 * threads give.
 */
public interface DistributedPosteriorExecutor {

    /** The name given to {@code posterior --executor}. */
    String name();

    /** Connects to the cluster for one posterior. */
    Session open(Job job) throws IOException;

    /**
     * A posterior to sample.
     *
     * @param name              the posterior's name, for the cluster's job list
     * @param calibration       the calibration, as texts the workers rebuild it from
     * @param master            the cluster's master URL, or null: the submitting tool's, else local threads
     * @param localThreads      threads when no master is given anywhere
     * @param proposalsPerTask  proposals in one task: enough to make a task's scheduling cost small against its
     *                          simulations (each ~0.1 s per replication), few enough to balance the load
     */
    record Job(String name, CalibrationTexts calibration, String master, int localThreads, int proposalsPerTask) {
        public Job {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(calibration, "calibration");
            if (localThreads < 1 || proposalsPerTask < 1) {
                throw new IllegalArgumentException("localThreads and proposalsPerTask must be at least 1");
            }
        }
    }

    /** An open connection: evaluates batches of proposals; closed when the posterior ends. */
    interface Session extends AbcSmc.ProposalBatches, AutoCloseable {
        /** What runs the proposals, for posterior.json: the executor and its master, such as {@code spark local[2]}. */
        String describe();

        @Override
        void close();
    }

    /**
     * The executors on the class path (none in the default build; see {@link escaperoutes.io.ServiceProviders}).
     */
    static List<DistributedPosteriorExecutor> available() {
        return escaperoutes.io.ServiceProviders.available(DistributedPosteriorExecutor.class);
    }

    /** The executor named {@code name}, if this build has it. */
    static Optional<DistributedPosteriorExecutor> find(String name) {
        return available().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
