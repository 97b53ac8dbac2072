package escaperoutes.cli;

import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file, merged onto the files it extends, and report every problem at once "
                + "(exit code 2 if there is any).")
final class ValidateCommand extends JobCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario JSON file")
    Path scenarioFile;

    @Override
    int execute(PrintWriter out, PrintWriter err) throws InvalidScenarioException {
        ScenarioReader.Read read = new ScenarioReader().readWithParents(scenarioFile);
        Scenario scenario = read.scenario();
        List<String> parents = read.files().subList(1, read.files().size()).stream().map(Path::toString).toList();
        out.printf("%s: valid scenario '%s' (%s%s to %s; %d provinces, %d places, %d legs, "
                        + "%d regimes, %d events)%n", scenarioFile, scenario.name(),
                parents.isEmpty() ? "" : "extends " + String.join(" → ", parents) + "; ", scenario.start(),
                scenario.end(), scenario.provinces().size(), scenario.places().size(), scenario.legs().size(),
                scenario.regimes().size(), scenario.events().size());
        return Main.OK;
    }
}
