package escaperoutes.cli;

import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file, merged onto the files it extends, and report every problem at once "
                + "(exit code 2 if there is any).")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario JSON file")
    Path scenarioFile;

    @Override
    public Integer call() {
        ScenarioReader.Read read = ScenarioInput.readWithParentsOrReport(scenarioFile, spec.commandLine().getErr());
        if (read == null) {
            return Main.BAD_INPUT;
        }
        Scenario scenario = read.scenario();
        List<String> parents = read.files().subList(1, read.files().size()).stream().map(Path::toString).toList();
        spec.commandLine().getOut().printf("%s: valid scenario '%s' (%s%s to %s; %d provinces, %d places, %d legs, "
                        + "%d regimes, %d events)%n", scenarioFile, scenario.name(),
                parents.isEmpty() ? "" : "extends " + String.join(" → ", parents) + "; ", scenario.start(),
                scenario.end(), scenario.provinces().size(), scenario.places().size(), scenario.legs().size(),
                scenario.regimes().size(), scenario.events().size());
        return Main.OK;
    }
}
