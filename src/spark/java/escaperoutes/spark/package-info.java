/**
 * The Apache Spark executor of sweeps, compiled only in the {@code -Pspark} build (Spark is a provided
 * dependency: the cluster, or {@code spark-submit}, brings it). The driver ({@link
 * escaperoutes.spark.SparkSweepExecutor}) cuts the points to run into batches of whole points (~100 runs each) and
 * makes one Spark task of each; a task ({@link escaperoutes.spark.SweepBatchTask}) rebuilds the sweep from its
 * resolved spec and scenario, runs its batch and writes the rows to a part file ({@link
 * escaperoutes.spark.PartFiles}) on a file system the driver reads too, returning only a few numbers; while the
 * job runs, the driver appends each part, in point order, to the sweep folder, which journals them as local
 * threads' points are journalled. The rows are made by the same code as on threads, so the tables are
 * byte-identical. A batch whose part already exists (written before an interruption) is not run again.
 */
package escaperoutes.spark;
