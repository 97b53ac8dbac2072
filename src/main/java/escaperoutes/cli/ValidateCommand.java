package escaperoutes.cli;

import escaperoutes.scenario.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and report every problem at once (exit code 2 if there is any).")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario JSON file")
    Path scenarioFile;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioInput.readOrReport(scenarioFile, spec.commandLine().getErr());
        if (scenario == null) {
            return Main.BAD_INPUT;
        }
        spec.commandLine().getOut().printf("%s: valid scenario '%s' (%s to %s; %d provinces, %d places, %d legs, "
                        + "%d regimes, %d events)%n", scenarioFile, scenario.name(), scenario.start(), scenario.end(),
                scenario.provinces().size(), scenario.places().size(), scenario.legs().size(),
                scenario.regimes().size(), scenario.events().size());
        return Main.OK;
    }
}
