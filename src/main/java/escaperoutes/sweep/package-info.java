/**
 * Parameter sweeps of a scenario: the sweep spec ({@link escaperoutes.sweep.SweepSpec}) and its reader,
 * which checks it against the base scenario and reports every problem with its JSON path; the plan
 * ({@link escaperoutes.sweep.SweepPlan}), which turns the spec into points with the designs of
 * {@link escaperoutes.design}, a scenario per point, the outputs kept of each run and the sensitivity estimates; and
 * the local executor ({@link escaperoutes.sweep.SweepRunner}), which runs every (point, replication) on threads and
 * hands the results on in point order; and the interface of executors on a cluster
 * ({@link escaperoutes.sweep.DistributedSweepExecutor}), which the {@code -Pspark} build implements with Apache Spark
 * ({@code escaperoutes.spark}, in {@code src/spark}). Like calibration, a sweep is a loop around "configuration + seed →
 * RunResult": this package reads its spec but writes nothing; {@link escaperoutes.output.SweepFolder} writes the
 * results, resumably, from the plain values {@link escaperoutes.sweep.SweepRows} makes of the plan.
 */
package escaperoutes.sweep;
