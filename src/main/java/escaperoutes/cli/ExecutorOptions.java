package escaperoutes.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where a sweep's runs run: local threads, or a distributed executor (Apache Spark) and its settings. */
final class ExecutorOptions {
    @CommandLine.Mixin
    ExecutorChoice choice;

    @Option(names = "--spark-parts", paramLabel = "URI",
            description = "with --executor spark: where workers write each task's rows for the driver to collect, a "
                    + "folder every worker and the driver reach (file:/shared/…, hdfs://…, s3a://…); default the "
                    + "sweep folder's spark-parts/, enough when all run on one machine")
    String sparkParts;

    @Option(names = "--runs-per-task", paramLabel = "N", defaultValue = "100",
            description = "with --executor spark: runs per Spark task (whole points; default ${DEFAULT-VALUE})")
    int runsPerTask;
}
