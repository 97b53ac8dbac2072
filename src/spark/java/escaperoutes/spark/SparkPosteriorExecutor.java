package escaperoutes.spark;

import escaperoutes.experiment.DistributedPosteriorExecutor;
import escaperoutes.posterior.AbcSmc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Simulates a posterior's proposals as Spark tasks: one Spark context for the whole posterior, and for each batch
 * the sampler asks for — the numbers of proposals inside the prior's support — one job of tasks of
 * {@code proposalsPerTask} proposals each. A task returns its proposals' distances (eight bytes each), so they come
 * back through the driver's memory, in order; the workers rebuild the calibration from its texts once per JVM.
 */
public final class SparkPosteriorExecutor implements DistributedPosteriorExecutor {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session open(Job job) {
        SparkConf conf = SparkContexts.conf("escape-routes " + job.name(), job.master(), job.localThreads());
        JavaSparkContext spark = new JavaSparkContext(conf);
        spark.setLogLevel("WARN");
        return new SparkSession(spark, job, "spark " + conf.get("spark.master"));
    }

    /** An open Spark context evaluating batches. */
    private static final class SparkSession implements Session {
        private final JavaSparkContext spark;
        private final Job job;
        private final String description;
        private final String sha256;

        SparkSession(JavaSparkContext spark, Job job, String description) {
            this.spark = spark;
            this.job = job;
            this.description = description;
            this.sha256 = job.calibration().sha256();
        }

        @Override
        public int parallelism() {
            return spark.defaultParallelism();
        }

        @Override
        public double[] distances(AbcSmc.Round round, long[] numbers) throws InterruptedException {
            List<long[]> tasks = split(numbers, job.proposalsPerTask());
            ProposalBatchTask task = new ProposalBatchTask(job.calibration(), sha256, round);
            JavaFutureAction<List<double[]>> action = spark.parallelize(tasks, tasks.size()).map(task).collectAsync();
            try {
                double[] distances = new double[numbers.length];
                int at = 0;
                for (double[] part : action.get()) {
                    System.arraycopy(part, 0, distances, at, part.length);
                    at += part.length;
                }
                return distances;
            } catch (ExecutionException e) {
                if (SparkContexts.isStopping(spark)) {
                    // Spark's shutdown hook stopped the context: the JVM is ending (Ctrl-C, SIGTERM).
                    throw new InterruptedException("the Spark context was stopped");
                }
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                throw new IllegalStateException("the Spark job failed: " + cause.getMessage(), cause);
            } finally {
                if (!action.isDone()) {
                    action.cancel(true);
                }
            }
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public void close() {
            spark.close();
        }
    }

    /** The numbers in consecutive pieces of at most {@code perTask}, in order: one task each. */
    static List<long[]> split(long[] numbers, int perTask) {
        List<long[]> pieces = new ArrayList<>();
        for (int first = 0; first < numbers.length; first += perTask) {
            pieces.add(Arrays.copyOfRange(numbers, first, Math.min(numbers.length, first + perTask)));
        }
        return pieces;
    }
}
