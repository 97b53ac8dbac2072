package escaperoutes.cli;

import escaperoutes.gui.MasonMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "mason",
        description = "Run the model with MASON's own command-line loop (SimState.doLoop): MASON's options, e.g. "
                + "-seed 5 -until 3650 -repeat 3, and ours, -scenario FILE (default scenarios/baseline.json). Each "
                + "job is replication 0 of its seed and prints the arrivals of the years it completed; -help lists "
                + "MASON's options.")
final class MasonCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Everything after {@code mason}, for MASON (its options start with one dash, which picocli would claim). */
    @CommandLine.Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        spec.commandLine().getOut().flush();
        return MasonMain.run(arguments.toArray(new String[0]), spec.commandLine().getErr());
    }
}
