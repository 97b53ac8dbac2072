package escaperoutes.chart;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.cli.Main;
import escaperoutes.sweep.TestSweeps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts and report of sweep folders written by hand ({@link HandMadeSweep}), and bad sweep folders. */
class SweepChartsTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void aGridWithoutSensitivityOutputsChartsEachWindowSumAndTheLastYearOfEachStock() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeSweep.grid(dir.resolve("grid")));
        assertEquals(ResultFolder.Kind.SWEEP, f.kind());
        SweepResults s = f.sweep;
        assertEquals(List.of("arrivals_2020_2021", "hiding_china_end_2021"),
                s.outputs.stream().map(SweepResults.Output::name).toList());
        assertEquals("arrivals 2020–2021 (sum)", s.outputs.get(0).label());
        assertEquals("hiding in China at the end of 2021", s.outputs.get(1).label());
        assertTrue(s.isTwoParameterGrid());
        assertFalse(s.hasIndices());
        double[] arrivals = ChartData.pointMeans(s.outputs.get(0).values());
        double[] hiding = ChartData.pointMeans(s.outputs.get(1).values());
        for (int p = 0; p < 6; p++) {
            assertEquals(10 * p + 0.5, arrivals[p], EPS, "mean of 10p and 10p + 1");
            assertEquals(100 + p, hiding[p], EPS, "mean of 100 and 100 + 2p");
        }
    }

    @Test
    void aSweepThatKeptOneSexIsChartedForThatSex() throws Exception {
        Path women = HandMadeSweep.grid(dir.resolve("women"));
        String results = Files.readString(women.resolve("results.csv"));
        Files.writeString(women.resolve("results.csv"), String.join("\n", results.lines()
                .filter(l -> !l.contains(",all,")).toList()) + "\n");
        SweepResults s = ResultFolder.read(women).sweep;
        assertEquals(List.of("arrivals, women 2020–2021 (sum)"), s.outputs.stream().map(SweepResults.Output::label)
                .toList());
        // Women's window sum is 2p in both replications.
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, ChartData.pointMeans(s.outputs.get(0).values()), EPS);
    }

    @Test
    void theHeatMapHoldsTheMeanOfEachGridCell() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeSweep.grid(dir.resolve("grid")));
        ChartData.GridCells cells = ChartData.gridCells(f.sweep, f.sweep.outputs.get(0));
        assertArrayEquals(new double[] {1, 2}, cells.x(), EPS);
        assertArrayEquals(new double[] {0.1, 1, 10}, cells.y(), EPS);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(10 * (3 * i + j) + 0.5, cells.mean()[i][j], EPS, "cell a[" + i + "], b[" + j + "]");
            }
        }
        Chart heat = SweepCharts.heatMap(f.sweep, f.sweep.outputs.get(0), Charts.Context.of(f));
        XYZDataset drawn = (XYZDataset) heat.chart().getXYPlot().getDataset();
        assertEquals(6, drawn.getItemCount(0));
        for (int k = 0; k < 6; k++) {
            int i = (int) drawn.getXValue(0, k);
            int j = (int) drawn.getYValue(0, k);
            assertEquals(10 * (3 * i + j) + 0.5, drawn.getZValue(0, k), EPS);
        }
        assertArrayEquals(new String[] {"0.1", "1", "10"}, SweepCharts.values(cells.y()));
    }

    @Test
    void theScatterShowsEachPointsMeanAndEachReplicationOnALogAxisForALogParameter() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeSweep.saltelli(dir.resolve("saltelli")));
        SweepResults.Output o = f.sweep.outputs.get(0);
        assertEquals("arrivals 2020–2021 (sum)", o.label());
        double[] means = ChartData.pointMeans(o.values());
        assertArrayEquals(new double[] {1, 2, 3, 3, 5, 6, 7, 8}, means, EPS,
                "p + 1, but point 3's NA replication is left out");
        Chart scatter = SweepCharts.byParameter(f.sweep, o, Charts.Context.of(f));
        List<?> panels = ((CombinedRangeXYPlot) scatter.chart().getPlot()).getSubplots();
        assertEquals(2, panels.size(), "one panel per parameter");
        XYPlot y = (XYPlot) panels.get(1);
        assertInstanceOf(LogAxis.class, y.getDomainAxis(), "y is swept on a log scale");
        assertInstanceOf(NumberAxis.class, ((XYPlot) panels.get(0)).getDomainAxis());
        XYDataset data = y.getDataset();
        assertEquals(2, data.getSeriesCount(), "each replication, and the means");
        assertEquals(15, data.getItemCount(0), "16 runs but one NA");
        assertEquals(8, data.getItemCount(1));
        double[][] xy = {{0.25, 10}, {0.75, 1.5}, {0.5, 50}, {0.1, 3}, {0.5, 10}, {0.1, 1.5}, {0.25, 50}, {0.75, 3}};
        Set<String> expected = new TreeSet<>();
        Set<String> drawn = new TreeSet<>();
        for (int p = 0; p < 8; p++) {
            expected.add(xy[p][1] + " " + means[p]);
            drawn.add(data.getXValue(1, p) + " " + data.getYValue(1, p));
        }
        assertEquals(expected, drawn);
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0),
                SweepCharts.PlainLogAxis.plainTicks(1, 100));
        assertEquals(List.of(0.3, 0.5, 0.7, 1.0, 1.5), SweepCharts.PlainLogAxis.plainTicks(0.3, 1.5));
    }

    @Test
    void theSensitivityChartHasEachIndexWithItsInterval() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadeSweep.saltelli(dir.resolve("saltelli")));
        Chart chart = SweepCharts.sensitivity(f.sweep, f.sweep.outputs.get(0), Charts.Context.of(f));
        YIntervalSeriesCollection whiskers = (YIntervalSeriesCollection) chart.chart().getXYPlot().getDataset(0);
        assertEquals(List.of("first order (the parameter alone) interval", "total (with its interactions) interval"),
                List.of(whiskers.getSeriesKey(0), whiskers.getSeriesKey(1)));
        // Series 0 (first order) for x, then y; series 1 (total).
        double[][] expected = {{0.5, 0.2, 0.8}, {0.25, -0.1, 0.6}, {0.6, 0.3, 0.9}, {0.4, 0.1, 0.7}};
        for (int k = 0; k < 4; k++) {
            int series = k / 2;
            int item = k % 2;
            assertArrayEquals(expected[k], new double[] {whiskers.getYValue(series, item),
                    whiskers.getStartYValue(series, item), whiskers.getEndYValue(series, item)}, EPS);
        }
    }

    @Test
    void eachFolderGetsItsChartsOnly() throws Exception {
        Path grid = HandMadeSweep.grid(dir.resolve("grid"));
        assertEquals(List.of("by-parameter-arrivals_2020_2021", "grid-arrivals_2020_2021",
                "by-parameter-hiding_china_end_2021", "grid-hiding_china_end_2021"), names(grid));

        // The same points as a Latin hypercube: no grid, no heat map.
        Path latin = HandMadeSweep.grid(dir.resolve("latin"));
        Files.writeString(latin.resolve("manifest.json"), HandMadeSweep.manifest("latin_hypercube", 6, "1/1", 0, 5));
        assertEquals(List.of("by-parameter-arrivals_2020_2021", "by-parameter-hiding_china_end_2021"), names(latin));

        assertEquals(List.of("sensitivity-arrivals_2020_2021", "by-parameter-arrivals_2020_2021"),
                names(HandMadeSweep.saltelli(dir.resolve("saltelli"))));

        // A chunk has no sensitivity.csv; its scatter shows its own points.
        Path chunk = HandMadeSweep.saltelliChunk(dir.resolve("chunk"));
        assertEquals(List.of("by-parameter-arrivals_2020_2021"), names(chunk));
        ResultFolder f = ResultFolder.read(chunk);
        double[] means = ChartData.pointMeans(f.sweep.outputs.get(0).values());
        assertArrayEquals(new double[] {1, 2, 3, 3}, Arrays.copyOf(means, 4), EPS);
        assertTrue(Arrays.stream(means, 4, 8).allMatch(Double::isNaN), "points 4-7 are in the other chunk");
    }

    /**
     * sweep and sweep-merge draw their charts from the tables they hold in memory (points, sensitivity outputs and
     * indices); drawing the folder back from its files gives the same bytes.
     */
    @Test
    void theChartsOfASweepAndOfAMergeEqualThoseDrawnFromTheirFolders() throws Exception {
        Path spec = TestSweeps.writeTiny(dir);
        Path whole = dir.resolve("whole");
        Path merged = dir.resolve("merged");
        for (Outcome o : List.of(execute("sweep", spec, "--out", whole, "--quiet"),
                execute("sweep", spec, "--chunk", "1/2", "--out", dir.resolve("c1"), "--quiet"),
                execute("sweep", spec, "--chunk", "2/2", "--out", dir.resolve("c2"), "--quiet"),
                execute("sweep-merge", dir.resolve("c1"), dir.resolve("c2"), "--out", merged, "--quiet"))) {
            assertEquals(Main.OK, o.code(), o.err());
        }
        ChartFolderTest.assertSameChartsWhenRedrawn(whole);
        ChartFolderTest.assertSameChartsWhenRedrawn(merged);
    }

    @Test
    void chartDrawsEveryChartInBothFormatsAndAReportWithTheIndices() throws Exception {
        for (Path folder : List.of(HandMadeSweep.grid(dir.resolve("grid")),
                HandMadeSweep.saltelli(dir.resolve("saltelli")))) {
            Outcome o = execute("chart", folder);
            assertEquals(Main.OK, o.code(), o.err());
            ChartFolderTest.assertChartsAndReportComplete(folder);
        }
        String report = Files.readString(dir.resolve("saltelli/report.html"));
        assertTrue(report.contains("<h1>Sweep: hand-saltelli</h1>"), "title");
        assertTrue(report.contains("<h2>Sensitivity indices</h2>"), "the indices' table");
        assertTrue(report.contains("<td>0.500 [0.200, 0.800]</td><td>0.600 [0.300, 0.900]</td>"), "x's indices");
        assertTrue(report.contains("90% bootstrap interval"), "the confidence level");
        assertTrue(report.contains("8 points × 2 replications = 16 runs, seed 7"), "the design");
        String grid = Files.readString(dir.resolve("grid/report.html"));
        assertFalse(grid.contains("Sensitivity indices"), "a grid has no indices");
        assertTrue(grid.contains("<td>0.1 to 10</td><td>log</td>"), "b's range and scale");
        assertTrue(grid.contains("<td>1, 2</td><td>levels</td>"), "a's levels");
    }

    @Test
    void aBadSweepFolderIsReportedWithFileAndLineAndLeftAsItWas() throws Exception {
        Path missing = HandMadeSweep.saltelli(dir.resolve("missing"));
        Files.delete(missing.resolve("sensitivity-outputs.csv"));
        bad(missing, "error: " + missing.resolve("sensitivity-outputs.csv") + ": the file is missing");

        Path garbled = HandMadeSweep.grid(dir.resolve("garbled"));
        List<String> points = new ArrayList<>(Files.readAllLines(garbled.resolve("points.csv")));
        points.set(2, "1,1,many,grid");
        Files.write(garbled.resolve("points.csv"), points);
        bad(garbled, "error: " + garbled.resolve("points.csv") + ": line 3: column 'b' holds 'many', not a number");

        Path unknown = HandMadeSweep.saltelli(dir.resolve("unknown"));
        Files.writeString(unknown.resolve("sensitivity.csv"), "output,parameter,index,value,ci_low,ci_high\n"
                + "arrivals_2020_2021,z,total,0.5,0.1,0.9\n");
        bad(unknown, "error: " + unknown.resolve("sensitivity.csv") + ": line 2: parameter 'z' is not one of the "
                + "sweep's");

        Path shortRun = HandMadeSweep.grid(dir.resolve("short"));
        String results = Files.readString(shortRun.resolve("results.csv"));
        Files.writeString(shortRun.resolve("results.csv"), results.replace("5,1,2,10,2020-2021,arrivals,all,51\n", ""));
        bad(shortRun, "error: " + shortRun.resolve("results.csv") + ": no row of 'arrivals_2020_2021' for point 5, "
                + "replication 1");

        Path unfinished = HandMadeSweep.grid(dir.resolve("unfinished"));
        Files.delete(unfinished.resolve("manifest.json"));
        Outcome o = execute("chart", unfinished);
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().startsWith("error: " + unfinished.resolve("manifest.json") + ": the file is missing (a "
                + "sweep writes it only when every point is done"), o.err());
    }


    private static List<String> names(Path folder) throws Exception {
        return Charts.all(ResultFolder.read(folder)).stream().map(Chart::name).toList();
    }

    /** A bad folder: exit 2, the message, and nothing written. */
    private void bad(Path folder, String message) throws IOException {
        Set<String> before = listing(folder);
        Outcome o = execute("chart", folder);
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertEquals(message, o.err().strip());
        assertEquals("", o.out());
        assertEquals(before, listing(folder), "nothing written");
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            Set<String> names = new TreeSet<>();
            for (Path p : files.toList()) {
                names.add(folder.relativize(p) + (Files.isRegularFile(p) ? ":" + Files.size(p) : ""));
            }
            return names;
        }
    }
}
