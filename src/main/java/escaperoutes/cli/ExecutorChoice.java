package escaperoutes.cli;

import picocli.CommandLine.Option;

/** Where a job's simulations run — local threads or a distributed executor (Apache Spark) — and Spark's master. */
final class ExecutorChoice {
    @Option(names = "--executor", paramLabel = "E", defaultValue = "threads",
            description = "where the runs run: threads (local threads, the default) or spark (Apache Spark: needs "
                    + "the -Pspark build; see the README's Spark section); the results are the same")
    String executor;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "with --executor spark: the master (local[2], spark://host:7077, yarn, k8s://…); default "
                    + "spark-submit's --master, else local[T] with T = --threads")
    String sparkMaster;
}
