package escaperoutes.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How many replications, on which seed and how many threads: the options of the commands that run scenarios (run,
 * compare).
 */
final class ReplicationOptions {
    @Option(names = "--replications", paramLabel = "N", defaultValue = "100",
            description = "replications (independent runs) of each scenario, default ${DEFAULT-VALUE}")
    int replications;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "run seed; with the replication number it seeds every random stream, and compared "
                    + "scenarios share it (common random numbers), default ${DEFAULT-VALUE}")
    long seed;

    @CommandLine.Mixin
    ThreadsOption threads;
}
