package escaperoutes.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option shared by the commands that run replications. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads, default: the number of processors; results do not depend on it")
    Integer threads;

    /** The number of threads to use: the option, or the number of processors. */
    int count() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
