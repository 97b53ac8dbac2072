package escaperoutes.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.output.Manifest;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a job records of the program that ran it: its checkout, commit and the shipped baseline beside it. */
public final class Program {
    private Program() {
    }

    /** The checkout the program runs from (for the git commit in the manifest), or the working directory. */
    public static Path directory() {
        try {
            Path code = Path.of(Program.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/escape-routes.jar or target/classes → the project folder
            Path target = code.getParent();
            return target != null && target.getParent() != null ? target.getParent() : Path.of(".");
        } catch (Exception e) {
            return Path.of(".");
        }
    }

    /** The commit of the checkout the program runs from ({@code -dirty} for uncommitted changes), null if unknown. */
    public static String gitCommit() {
        return Manifest.gitCommit(directory());
    }

    /**
     * The shipped baseline ({@code scenarios/baseline.json} of the checkout the program runs from), resolved as a
     * run folder records a scenario, for the report's list of what a scenario changes; null if it is not there or
     * does not read (the report then says so).
     */
    public static JsonNode shippedBaseline() {
        Path file = directory().resolve("scenarios").resolve("baseline.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.mapper().valueToTree(new ScenarioReader().read(file));
        } catch (InvalidScenarioException | RuntimeException e) {
            return null;
        }
    }
}
