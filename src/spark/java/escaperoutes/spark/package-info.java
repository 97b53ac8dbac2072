/**
 * The Apache Spark executors of sweeps and posteriors, compiled only in the {@code -Pspark} build (Spark is a provided
 * dependency: the cluster, or {@code spark-submit}, brings it). The driver ({@link
 * escaperoutes.spark.SparkSweepExecutor}) cuts the points to run into batches of whole points (~100 runs each) and
 * makes one Spark task of each; a task ({@link escaperoutes.spark.SweepBatchTask}) rebuilds the sweep from its
 * resolved spec and scenario, runs its batch and writes the rows to a part file ({@link
 * escaperoutes.spark.PartFiles}) on a file system the driver reads too, returning only a few numbers; while the
 * job runs, the driver appends each part, in point order, to the sweep folder, which journals them as local
 * threads' points are journalled. The rows are made by the same code as on threads, so the tables are
 * byte-identical. A batch whose part already exists (written before an interruption) is not run again.
 *
 * <p>A posterior ({@link escaperoutes.spark.SparkPosteriorExecutor}) keeps one Spark context for all its
 * generations; each batch of proposals the sampler asks for is one job of tasks ({@link
 * escaperoutes.spark.ProposalBatchTask}) of consecutive proposals, which the workers simulate from the calibration's
 * texts and the round (previous generation and tolerance) and return through the driver's memory, in order.
 */
package escaperoutes.spark;
