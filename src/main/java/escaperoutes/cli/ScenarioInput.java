package escaperoutes.cli;

import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Problem;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reading a scenario for a command: on bad input, every problem is printed and null returned. */
final class ScenarioInput {
    private ScenarioInput() {
    }

    static Scenario readOrReport(Path file, PrintWriter err) {
        try {
            return new ScenarioReader().read(file);
        } catch (InvalidScenarioException e) {
            err.println("error: " + e.getMessage() + ":");
            for (Problem problem : e.problems()) {
                err.println("  " + problem);
            }
            return null;
        }
    }
}
