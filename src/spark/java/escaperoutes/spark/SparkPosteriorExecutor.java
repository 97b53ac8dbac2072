package escaperoutes.spark;

import escaperoutes.experiment.DistributedPosteriorExecutor;
import escaperoutes.posterior.AbcSmc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Simulates a posterior's proposals as Spark tasks: one Spark context for the whole posterior, and for each batch
 * the sampler asks for, one job of tasks of about {@code proposalsPerTask} consecutive proposals each. A task
 * returns its proposals' points and distances (a few hundred bytes each), so they come back through the driver's
 * memory, in order; the workers rebuild the calibration from its texts once per JVM.
 */
public final class SparkPosteriorExecutor implements DistributedPosteriorExecutor {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session open(Job job) {
        SparkConf conf = new SparkConf().setAppName("escape-routes " + job.name());
        if (job.master() != null) {
            conf.setMaster(job.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + job.localThreads() + "]");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
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
        public List<AbcSmc.Proposal> evaluate(AbcSmc.Round round, long from, int count)
                throws InterruptedException {
            List<ProposalBatchTask.Range> ranges = ranges(from, count, job.proposalsPerTask());
            ProposalBatchTask task = new ProposalBatchTask(job.calibration(), sha256, round);
            JavaFutureAction<List<List<AbcSmc.Proposal>>> action =
                    spark.parallelize(ranges, ranges.size()).map(task).collectAsync();
            try {
                List<AbcSmc.Proposal> proposals = new ArrayList<>(count);
                action.get().forEach(proposals::addAll);
                return proposals;
            } catch (ExecutionException e) {
                if (spark.sc().isStopped()) {
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

    /** Proposals {@code from … from + count − 1} in ranges of at most {@code perTask}, in order. */
    static List<ProposalBatchTask.Range> ranges(long from, int count, int perTask) {
        List<ProposalBatchTask.Range> ranges = new ArrayList<>();
        for (long first = from; first < from + count; first += perTask) {
            ranges.add(new ProposalBatchTask.Range(first, (int) Math.min(perTask, from + count - first)));
        }
        return ranges;
    }
}
