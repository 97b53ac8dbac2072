package escaperoutes.chart;

import escaperoutes.io.AtomicFiles;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Draws a result folder's charts into {@code charts/} (PNG and SVG) and writes {@code report.html}. The folder is
 * read and checked first; the charts are drawn into a temporary folder that replaces {@code charts/} only when
 * every one is written, so a failure leaves the folder as it was.
 */
public final class ChartFolder {

    private ChartFolder() {
    }

    /** What was drawn. */
    public record Drawn(ResultFolder folder, List<Chart> charts, Path report) {
        public int count() {
            return charts.size();
        }
    }

    /**
     * Reads {@code dir}, draws its charts and writes its report.
     *
     * @param shippedBaseline the shipped baseline scenario, resolved as a run records it, for the report's list of
     *                        parameters that differ from it; null if it is not at hand
     */
    public static Drawn draw(Path dir, JsonNode shippedBaseline) throws InvalidResultFolderException, IOException {
        return draw(dir, List.of(), shippedBaseline);
    }

    /**
     * Draws the charts and writes the report of a folder a job has just written, from the tables it wrote, still
     * in memory ({@code written}): the same charts and report as {@link #draw(Path, JsonNode)} draws from the
     * folder, without parsing those tables again. The folder's other files (the JSON documents, and a sweep's
     * results.csv where its charts need it) are read.
     */
    public static Drawn draw(Path dir, List<Table> written, JsonNode shippedBaseline)
            throws InvalidResultFolderException, IOException {
        ResultFolder folder = ResultFolder.read(dir, written);
        List<Chart> charts = Charts.all(folder);
        Path finalCharts = dir.resolve(ResultFiles.CHARTS);
        // Not Files.createTempDirectory: its folders are private to the user, and charts are for sharing.
        Path temp = Files.createDirectory(dir.resolve(".charts.partial-" + Long.toHexString(System.nanoTime())));
        try {
            // Each chart is its own object graph, so they can be drawn in parallel (on the common pool).
            try {
                charts.parallelStream().forEach(c -> {
                    try {
                        ChartImages.writePng(c.chart(), temp.resolve(c.name() + ".png"));
                        ChartImages.writeSvg(c.chart(), temp.resolve(c.name() + ".svg"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Path old = null;
            if (Files.exists(finalCharts)) {
                old = dir.resolve(".charts.old-" + temp.getFileName().toString().substring(".charts.partial-".length()));
                Files.move(finalCharts, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, finalCharts, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                AtomicFiles.deleteRecursively(old);
            }
        } finally {
            if (Files.exists(temp)) {
                AtomicFiles.deleteRecursively(temp);
            }
        }
        Path report = dir.resolve(ResultFiles.REPORT);
        Report.write(folder, charts, shippedBaseline, report);
        return new Drawn(folder, charts, report);
    }

}
