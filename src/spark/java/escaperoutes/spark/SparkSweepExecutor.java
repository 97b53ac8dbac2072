package escaperoutes.spark;

import escaperoutes.batch.DistributedSweepExecutor;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Runs a sweep's points as Spark tasks (see the package overview): one task per batch of whole points of about
 * {@code runsPerTask} runs, one partition per task, so Spark spreads them over its executors and re-runs a failed
 * one. The rows come back through part files, not through the driver's memory: the driver collects only each task's
 * few numbers, then appends the parts in point order and deletes them.
 */
public final class SparkSweepExecutor implements DistributedSweepExecutor {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String run(Job job, Listener listener, RowSink sink) throws IOException, InterruptedException {
        int replications = job.plan().replications();
        List<SweepBatchTask.Batch> all = batches(job.from(), job.to(), replications, job.settings().runsPerTask());
        URI parts = job.settings().parts();
        FileSystem fs = PartFiles.fileSystem(parts);
        // Batches whose part an interrupted session left whole are not run again.
        List<SweepBatchTask.Batch> batches = new ArrayList<>();
        int reused = 0;
        for (SweepBatchTask.Batch b : all) {
            if (PartFiles.isWhole(fs, PartFiles.path(parts, job.sweepSha256(), b.first(), b.last()),
                    job.sweepSha256(), b.first(), b.last())) {
                reused += b.runs(replications);
            } else {
                batches.add(b);
            }
        }
        listener.reused(reused);
        SparkConf conf = new SparkConf().setAppName("escape-routes sweep " + job.plan().name());
        if (job.settings().master() != null) {
            conf.setMaster(job.settings().master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + job.settings().localThreads() + "]");
        }
        boolean local = conf.get("spark.master").startsWith("local");
        // Our own progress bar replaces Spark's; the web UI is for clusters.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        String master = conf.get("spark.master");
        if (!batches.isEmpty()) {
            runTasks(conf, batches, job, listener);
        }
        for (SweepBatchTask.Batch b : all) {
            Path part = PartFiles.path(parts, job.sweepSha256(), b.first(), b.last());
            PartFiles.Rows rows = PartFiles.read(fs, part, job.sweepSha256(), b.first(), b.last());
            sink.accept(rows.firstPoint(), rows.lastPoint(), rows.results(), rows.outputs());
            fs.delete(part, false);
        }
        removeLeftovers(fs, new Path(parts), job.sweepSha256());
        return "spark " + master;
    }

    /** One Spark job of one task per batch; each writes its part. */
    private static void runTasks(SparkConf conf, List<SweepBatchTask.Batch> batches, Job job, Listener listener)
            throws IOException, InterruptedException {
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            AtomicInteger runs = new AtomicInteger();
            AtomicBoolean[] finished = new AtomicBoolean[batches.size()];
            for (int i = 0; i < finished.length; i++) {
                finished[i] = new AtomicBoolean();
            }
            spark.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    int index = end.taskInfo().index();
                    // A retried or speculative copy of a task that already finished is not counted twice.
                    if (end.taskInfo().successful() && index < finished.length
                            && finished[index].compareAndSet(false, true)) {
                        listener.done(runs.addAndGet(batches.get(index).runs(job.plan().replications())));
                    }
                }
            });
            SweepBatchTask task = new SweepBatchTask(job.resolvedSpec(), job.resolvedScenario(), job.sweepSha256(),
                    job.settings().parts());
            List<SweepBatchTask.Done> done;
            try {
                done = spark.parallelize(batches, batches.size()).map(task).collect();
            } catch (Exception e) {
                // Spark throws SparkException, a checked exception its Scala code does not declare.
                if (isStopping(spark)) {
                    // Spark's shutdown hook stopped the context: the JVM is ending (Ctrl-C, SIGTERM).
                    throw new InterruptedException("the Spark context was stopped");
                }
                if (e instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                throw new IOException("the Spark job failed: " + e.getMessage(), e);
            }
            if (done.size() != batches.size()) {
                throw new IOException("Spark returned " + done.size() + " of " + batches.size() + " batches");
            }
        }
    }

    /**
     * Whether the context is being stopped. Spark's shutdown hook cancels the running job before it marks the
     * context stopped, so the mark is awaited a little.
     */
    private static boolean isStopping(JavaSparkContext spark) throws InterruptedException {
        for (int i = 0; i < 40 && !spark.sc().isStopped(); i++) {
            Thread.sleep(50);
        }
        return spark.sc().isStopped();
    }

    /**
     * Points {@code from…to-1} in batches of whole points, each of {@code max(1, runsPerTask / replications)}
     * points but the last. The batches depend only on where the run starts, so a sweep resumed at the same point
     * (parts are appended only after the whole job) meets the parts written before the interruption.
     */
    static List<SweepBatchTask.Batch> batches(int from, int to, int replications, int runsPerTask) {
        int size = Math.max(1, runsPerTask / replications);
        List<SweepBatchTask.Batch> batches = new ArrayList<>();
        for (int first = from; first < to; first += size) {
            batches.add(new SweepBatchTask.Batch(first, Math.min(to, first + size) - 1));
        }
        return batches;
    }

    /**
     * Deletes what this sweep's tasks left in the parts folder (temporary files of attempts that were stopped, parts
     * of batches cut differently before a resumption), then the folder itself if nothing else is in it.
     */
    private static void removeLeftovers(FileSystem fs, Path folder, String sweepSha256) throws IOException {
        if (!fs.exists(folder)) {
            return;
        }
        String prefix = sweepSha256.substring(0, 16);
        for (FileStatus f : fs.listStatus(folder)) {
            String name = f.getPath().getName();
            if (f.isFile() && (name.startsWith(prefix) || name.startsWith("." + prefix))) {
                fs.delete(f.getPath(), false);
            }
        }
        if (fs.listStatus(folder).length == 0) {
            fs.delete(folder, false);
        }
    }
}
