package escaperoutes.cli;

import picocli.CommandLine.Option;

/** Where a sweep's runs run: local threads, or a distributed executor (Apache Spark) and its settings. */
final class ExecutorOptions {
    @Option(names = "--executor", paramLabel = "E", defaultValue = "threads",
            description = "where the runs run: threads (local threads, the default) or spark (Apache Spark: needs "
                    + "the -Pspark build; see the README's Spark section)")
    String executor;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "with --executor spark: the master (local[2], spark://host:7077, yarn, k8s://…); default "
                    + "spark-submit's --master, else local[T] with T = --threads")
    String sparkMaster;

    @Option(names = "--spark-parts", paramLabel = "URI",
            description = "with --executor spark: where workers write each task's rows for the driver to collect, a "
                    + "folder every worker and the driver reach (file:/shared/…, hdfs://…, s3a://…); default the "
                    + "sweep folder's spark-parts/, enough when all run on one machine")
    String sparkParts;

    @Option(names = "--runs-per-task", paramLabel = "N", defaultValue = "100",
            description = "with --executor spark: runs per Spark task (whole points; default ${DEFAULT-VALUE})")
    int runsPerTask;
}
