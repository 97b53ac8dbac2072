package escaperoutes.cli;

import escaperoutes.io.InvalidInputException;
import escaperoutes.model.ModelConfig;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.io.Problem;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioSize;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reading input for a command: on bad input, every problem is printed (and the command exits with code 2). */
final class ScenarioInput {
    private ScenarioInput() {
    }

    /** The scenario, or null after printing its problems. */
    static Scenario readOrReport(Path file, PrintWriter err) {
        ScenarioReader.Read read = readWithParentsOrReport(file, err);
        return read == null ? null : read.scenario();
    }

    /** The scenario and the files it extends, or null after printing its problems. */
    static ScenarioReader.Read readWithParentsOrReport(Path file, PrintWriter err) {
        try {
            return new ScenarioReader().readWithParents(file);
        } catch (InvalidScenarioException e) {
            report(e, err);
            return null;
        }
    }

    /** A configuration to check, which may turn out not to validate. */
    interface ConfigSource {
        ModelConfig get() throws InvalidScenarioException;
    }

    /**
     * Whether {@code atOnce} replications of the configuration fit in memory ({@link ScenarioSize#check}); if not,
     * or if it does not validate, prints why (with the persons and bytes it would need).
     *
     * @param file  the file the configuration comes from; {@code where}, the JSON path in it to report at
     */
    static boolean fitsInMemory(Path file, String where, ConfigSource config, int atOnce, PrintWriter err) {
        try {
            ScenarioSize.check(file.toString(), where, config.get(), atOnce);
            return true;
        } catch (InvalidScenarioException e) {
            report(e, err);
            return false;
        }
    }

    /** Prints every problem of bad input, one a line. */
    static void report(InvalidInputException e, PrintWriter err) {
        err.println("error: " + e.getMessage() + ":");
        for (Problem problem : e.problems()) {
            err.println("  " + problem);
        }
    }
}
