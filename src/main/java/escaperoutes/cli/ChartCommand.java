package escaperoutes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.chart.ChartFolder;
import escaperoutes.chart.InvalidResultFolderException;
import escaperoutes.io.Json;
import escaperoutes.io.Table;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "Redraw the charts (charts/*.png and *.svg) and report.html of a result folder made by run, "
                + "calibrate, compare, sweep or sweep-merge, from the tables in it (for example after editing them, or "
                + "for a folder made by an older version). A folder that is missing files or holds malformed ones is "
                + "reported and left as it was.")
final class ChartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT_FOLDER",
            description = "a folder written by run, calibrate, compare, sweep or sweep-merge")
    Path folder;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ChartFolder.Drawn drawn = ChartFolder.draw(folder, shippedBaseline());
            spec.commandLine().getOut().println(drawn.count() + " charts in " + folder.resolve(ChartFolder.CHARTS)
                    + "; report: " + drawn.report());
            return Main.OK;
        } catch (InvalidResultFolderException e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    /**
     * The shipped baseline ({@code scenarios/baseline.json} of the checkout the program runs from), resolved as a
     * run folder records a scenario, for the report's list of what a scenario changes; null if it is not there or
     * does not read (the report then says so).
     */
    static JsonNode shippedBaseline() {
        Path file = RunCommand.programDirectory().resolve("scenarios").resolve("baseline.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.mapper().valueToTree(new ScenarioReader().read(file));
        } catch (InvalidScenarioException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Draws a folder the program has just written, from the tables it wrote ({@code written}, in memory); a problem
     * with them is the program's own failure.
     */
    static ChartFolder.Drawn drawOwn(Path dir, List<Table> written) throws IOException {
        try {
            return ChartFolder.draw(dir, written, shippedBaseline());
        } catch (InvalidResultFolderException e) {
            throw new IllegalStateException("the charts of the folder just written failed: " + e.getMessage(), e);
        }
    }
}
