package escaperoutes.cli;

import escaperoutes.chart.ChartFolder;
import escaperoutes.chart.InvalidResultFolderException;
import escaperoutes.experiment.Program;
import escaperoutes.io.ResultFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "Redraw the charts (charts/*.png and *.svg) and report.html of a result folder made by run, "
                + "calibrate, score, posterior, compare, sweep or sweep-merge, from the tables in it (for example after "
                + "editing them, or for a folder made by an older version). A folder that is missing files or holds "
                + "malformed ones is reported and left as it was.")
final class ChartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT_FOLDER",
            description = "a folder written by run, calibrate, score, posterior, compare, sweep or sweep-merge")
    Path folder;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ChartFolder.Drawn drawn = ChartFolder.draw(folder, Program.shippedBaseline());
            spec.commandLine().getOut().println(drawn.count() + " charts in " + folder.resolve(ResultFiles.CHARTS)
                    + "; report: " + drawn.report());
            return Main.OK;
        } catch (InvalidResultFolderException e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
