package escaperoutes.cli;

import escaperoutes.gui.GuiSession;
import escaperoutes.model.ModelConfig;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioSize;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open MASON's console on a scenario: a map with every person on it, live charts, and the "
                + "current regime's multipliers to change as it runs. With --days N --snapshot FILE: play N "
                + "simulated days, write a PNG of the map and charts, and exit.")
final class GuiCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario JSON file")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "run seed: the window runs replication 0 of it, the first replication of `run --seed S` "
                    + "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--days", paramLabel = "N",
            description = "play N simulated days at once and pause (1 to the scenario's length in days)")
    Integer days;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "with --days: then write a PNG of the map and charts to FILE and exit")
    Path snapshot;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws InvalidScenarioException, InterruptedException {
        // Asked before anything touches AWT's windows: without a display the first window would throw.
        if (GraphicsEnvironment.isHeadless()) {
            err.println("error: gui needs a display, and there is none (DISPLAY is not set, or Java runs headless);"
                    + " on a machine without one, run it under xvfb-run -a");
            return Main.BAD_INPUT;
        }
        if (snapshot != null && days == null) {
            err.println("error: --snapshot needs --days N: the number of simulated days to play before it");
            return Main.BAD_INPUT;
        }
        if (snapshot != null) {
            Path folder = snapshot.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                err.println("error: --snapshot " + snapshot + ": folder " + folder + " does not exist");
                return Main.BAD_INPUT;
            }
        }
        ScenarioReader.Read read = new ScenarioReader().readWithParents(scenarioFile);
        ModelConfig config = ScenarioCompiler.compile(read.scenario());
        ScenarioSize.check(scenarioFile.toString(), "$", config, 1);
        double length = config.calendar().endDay();
        if (days != null && (days < 1 || days > length)) {
            err.printf("error: --days %d: the scenario runs %.0f days (%s to %s); give 1 to %.0f%n", days, length,
                    read.scenario().start(), read.scenario().end(), length);
            return Main.BAD_INPUT;
        }
        try {
            return GuiSession.open(read.scenario(), config, seed, days, snapshot, out, err);
        } catch (java.awt.AWTError | java.awt.HeadlessException e) {
            err.println("error: gui could not open a window on display " + System.getenv("DISPLAY") + ": "
                    + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
