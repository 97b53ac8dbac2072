package escaperoutes.spark;

import escaperoutes.sweep.DistributedSweepExecutor;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Runs a sweep's points as Spark tasks (see the package overview): one task per batch of whole points of about
 * {@code runsPerTask} runs, one partition per task, so Spark spreads them over its executors and re-runs a failed
 * one. The rows come back through part files, not through the driver's memory: the driver collects only each task's
 * few numbers, and appends the parts in point order as they are written, deleting each.
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
        List<SweepBatchTask.Batch> toRun = new ArrayList<>();
        int reused = 0;
        for (SweepBatchTask.Batch b : all) {
            if (PartFiles.isWhole(fs, partOf(job, b), job.sweepSha256(), b.first(), b.last())) {
                reused += b.runs(replications);
            } else {
                toRun.add(b);
            }
        }
        listener.reused(reused);
        SparkConf conf = SparkContexts.conf("escape-routes sweep " + job.plan().name(), job.settings().master(),
                job.settings().localThreads());
        if (toRun.isEmpty()) {
            for (SweepBatchTask.Batch b : all) {
                append(fs, job, b, sink);
            }
        } else {
            runAndAppend(conf, all, toRun, job, listener, fs, sink);
        }
        removeLeftovers(fs, new Path(parts), job.sweepSha256());
        return "spark " + conf.get("spark.master");
    }

    /**
     * Runs one Spark job of one task per batch in {@code toRun}, each writing its part, and meanwhile appends the
     * parts of {@code all} in point order as soon as each is written, so that the folder fills while the job runs
     * and the appending overlaps the runs.
     */
    private static void runAndAppend(SparkConf conf, List<SweepBatchTask.Batch> all, List<SweepBatchTask.Batch> toRun,
                                     Job job, Listener listener, FileSystem fs, RowSink sink)
            throws IOException, InterruptedException {
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            Map<SweepBatchTask.Batch, Integer> taskOf = new HashMap<>();
            for (int i = 0; i < toRun.size(); i++) {
                taskOf.put(toRun.get(i), i);
            }
            int replications = job.plan().replications();
            // Set when a task's part is written (its task ended successfully). Guarded by itself, as are the runs
            // counted and the listener's calls, so that the count it is told only grows.
            boolean[] written = new boolean[toRun.size()];
            int[] runs = new int[1];
            spark.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    int index = end.taskInfo().index();
                    if (!end.taskInfo().successful() || index >= written.length) {
                        return;
                    }
                    synchronized (written) {
                        // A retried or speculative copy of a task that already finished is not counted twice.
                        if (!written[index]) {
                            written[index] = true;
                            runs[0] += toRun.get(index).runs(replications);
                            listener.done(runs[0]);
                            written.notifyAll();
                        }
                    }
                }
            });
            SweepBatchTask task = new SweepBatchTask(job.resolvedSpec(), job.resolvedScenario(), job.sweepSha256(),
                    job.settings().parts());
            JavaFutureAction<List<SweepBatchTask.Batch>> action =
                    spark.parallelize(toRun, toRun.size()).map(task).collectAsync();
            try {
                for (SweepBatchTask.Batch b : all) {
                    Integer index = taskOf.get(b);
                    if (index != null) {
                        boolean seen;
                        synchronized (written) {
                            while (!written[index] && !action.isDone()) {
                                written.wait(200);
                            }
                            seen = written[index];
                        }
                        if (!seen) {
                            // The job ended before its listener heard of this task: get() throws if the job failed;
                            // if it succeeded, every part is written.
                            action.get();
                        }
                    }
                    append(fs, job, b, sink);
                }
                List<SweepBatchTask.Batch> done = action.get();
                if (done.size() != toRun.size()) {
                    throw new IOException("Spark returned " + done.size() + " of " + toRun.size() + " batches");
                }
                // The listener may hear of the last tasks after the job's end, or not at all once the context
                // stops: the count is settled here.
                synchronized (written) {
                    Arrays.fill(written, true);
                    runs[0] = toRun.stream().mapToInt(b -> b.runs(replications)).sum();
                    listener.done(runs[0]);
                }
            } catch (ExecutionException e) {
                // Spark throws SparkException, a checked exception its Scala code does not declare.
                if (SparkContexts.isStopping(spark)) {
                    // Spark's shutdown hook stopped the context: the JVM is ending (Ctrl-C, SIGTERM).
                    throw new InterruptedException("the Spark context was stopped");
                }
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                throw new IOException("the Spark job failed: " + cause.getMessage(), cause);
            } finally {
                if (!action.isDone()) {
                    action.cancel(true);
                    awaitRunningTasks(spark);
                }
            }
        }
    }

    /**
     * Waits (10 s at most) until the tasks of a cancelled job have stopped, which they do between two runs, so that
     * none writes a part or reports to a context already stopped.
     */
    private static void awaitRunningTasks(JavaSparkContext spark) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Arrays.stream(spark.statusTracker().getExecutorInfos()).allMatch(e -> e.numRunningTasks() == 0)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Hands a written part's rows to the sink, then deletes the part. */
    private static void append(FileSystem fs, Job job, SweepBatchTask.Batch b, RowSink sink) throws IOException {
        Path part = partOf(job, b);
        if (!fs.exists(part)) {
            throw new SetupException("the task of points " + b.first() + "-" + b.last() + " finished, but its part "
                    + part + " is not there for the driver: --spark-parts must be a folder that the driver and every "
                    + "worker reach (a shared disk, HDFS, an object store), not a folder of each machine's own disk");
        }
        PartFiles.Rows rows = PartFiles.read(fs, part, job.sweepSha256(), b.first(), b.last());
        sink.accept(rows.firstPoint(), rows.lastPoint(), rows.results(), rows.outputs());
        fs.delete(part, false);
    }

    private static Path partOf(Job job, SweepBatchTask.Batch b) {
        return PartFiles.path(job.settings().parts(), job.sweepSha256(), b.first(), b.last());
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
