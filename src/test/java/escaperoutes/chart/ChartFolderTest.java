package escaperoutes.chart;

import escaperoutes.io.AtomicFiles;
import escaperoutes.io.Csv;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.cli.Main;
import escaperoutes.scenario.ScenarioReaderTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The charts and report that run, compare and calibrate write (headless), and {@code chart} on good and bad
 * folders. The folders are made once, by the real commands on the small test scenario.
 */
class ChartFolderTest {
    private static final String CALIBRATION_SPEC = """
            {"parameters": [{"path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 5000, "logScale": true}],
             "observed": "observed.csv", "fitWindow": {"from": 2010, "to": 2010}, "holdOutWindow": {"from": 2011, "to": 2011},
             "replications": 2, "budget": 8, "seed": 4}
            """;
    /**
     * An evidence.csv written by hand: an interval the simulated mean lies in, a documented minimum it overshoots, a
     * share, a count whose best value is 0 and whose simulated statistic could not be computed (NA), and an exact
     * count; a source with markup.
     */
    static final String EVIDENCE = """
            item,measure,period,statistic,kind,value,low,high,weight,simulated_mean,simulated_p05,simulated_p95,inside,loss,source
            repatriated-2002,repatriations,2002,sum,interval,4809,3000,6000,1,3590.12,3421.5,3787,yes,1.47409,"CASS (2003), activists ~5,000 a year"
            repatriated-2020-2024apr,repatriations,2020-01 to 2024-04,sum,minimum,670,670,1500,1,3982.38,3854.85,4111.2,no,9.5,HRW 2024: at least 670
            via-thailand-2016,share_arrivals_via_thailand,2016,share,interval,0.72,0.65,0.79,0.5,0.787647,0.771096,0.798614,yes,3.58757,MOU <via> Korea Herald & co
            direct-none,arrivals_direct_sea_or_dmz,2010,sum,interval,0,0,8,1,NA,NA,NA,no,100,none reported
            vietnam-airlift-2004,arrivals_via_vietnam,2004,sum,exact,468,468,468,1,494,487.35,501.95,yes,1.39308,Yonhap
            """;
    /** The charts of a calibration folder without evidence.csv, as they were before evidence was charted. */
    private static final Set<String> CALIBRATION_CHARTS = Set.of("arrivals", "arrivals-by-sex", "share-women",
            "routes", "origins", "in-china", "repatriations", "cohorts", "calibration-loss", "calibration-errors");
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @TempDir
    static Path shared;
    static Path run;
    static Path comparison;
    static Path calibration;

    @TempDir
    Path dir;


    @BeforeAll
    static void makeFolders() throws IOException {
        Path small = Files.writeString(shared.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path twice = Files.writeString(shared.resolve("twice.json"),
                "{\"extends\": \"small.json\", \"name\": \"twice\", \"attempts\": {\"attemptsPerYear\": 800}}");
        // The small scenario ends in 2011, and observed years after a scenario's end are an error: its own series.
        Files.writeString(shared.resolve("observed.csv"), """
                period_start,period_end,male,female,total,note
                2010,2010,40,110,150,hand-made for this test
                2011,2011,35,95,130,
                """);
        Path spec = Files.writeString(shared.resolve("spec.json"), CALIBRATION_SPEC);
        run = shared.resolve("run");
        comparison = shared.resolve("cmp");
        calibration = shared.resolve("cal");
        for (Outcome o : List.of(
                execute("run", small, "--replications", 4, "--out", run, "--quiet"),
                execute("compare", small, twice, "--replications", 3, "--out", comparison, "--quiet"),
                execute("calibrate", small, "--spec", spec, "--out", calibration, "--final-replications", 3,
                        "--quiet"))) {
            assertEquals(Main.OK, o.code(), o.err());
        }
    }

    @Test
    void aRunFolderHasEveryRunChartInBothFormatsAndAReport() throws Exception {
        assertEquals(Set.of("arrivals", "arrivals-by-sex", "share-women", "routes", "origins", "in-china", "repatriations"),
                chartNames(run).stream().filter(n -> !n.equals("cohorts")).collect(java.util.stream.Collectors.toSet()));
        assertChartsAndReportComplete(run);
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("Run: small"), "title");
        assertTrue(report.contains("Parameters that differ from the shipped baseline"), "baseline section");
        assertTrue(report.contains("scenarioSha256"), "manifest");
    }

    @Test
    void aComparisonFolderHasTheDifferenceAndCumulativeCharts() throws Exception {
        assertEquals(Set.of("comparison-arrivals", "comparison-difference", "comparison-cumulative"),
                Set.copyOf(chartNames(comparison)));
        assertChartsAndReportComplete(comparison);
        String report = Files.readString(comparison.resolve("report.html"));
        assertTrue(report.contains("twice against small"), "what the second scenario changes");
        assertTrue(report.contains("<code>$.attempts.attemptsPerYear</code>"), "the changed parameter is listed");
    }

    @Test
    void aCalibrationFolderHasTheLossAndErrorChartsBesideTheRunCharts() throws Exception {
        List<String> names = chartNames(calibration);
        assertTrue(names.containsAll(List.of("arrivals", "share-women", "calibration-loss", "calibration-errors")),
                names.toString());
        assertChartsAndReportComplete(calibration);
        String report = Files.readString(calibration.resolve("report.html"));
        assertTrue(report.contains("MASE against naive persistence"), "fit metrics");
        assertTrue(report.contains("<code>$.attempts.attemptsPerYear</code>"), "calibrated parameters");
    }

    @Test
    void aCalibrationWithoutEvidenceDrawsTheChartsItDrewBefore() throws Exception {
        assertFalse(Files.exists(calibration.resolve("evidence.csv")));
        assertEquals(CALIBRATION_CHARTS, Set.copyOf(chartNames(calibration)));
        assertFalse(Files.readString(calibration.resolve("report.html")).contains("Independent evidence"));
    }

    @Test
    void aCalibrationWithEvidenceHasTheEvidenceChartAndATableOfEveryItem() throws Exception {
        Path copy = copyOf(calibration);
        Files.writeString(copy.resolve("evidence.csv"), EVIDENCE);
        Outcome o = execute("chart", copy);
        assertEquals(Main.OK, o.code(), o.err());
        Set<String> expected = new TreeSet<>(CALIBRATION_CHARTS);
        expected.add("evidence");
        assertEquals(expected, Set.copyOf(chartNames(copy)));
        assertChartsAndReportComplete(copy);
        String report = Files.readString(copy.resolve("report.html"));
        assertTrue(report.contains("<h2>Independent evidence</h2>"), "the evidence section");
        int section = report.indexOf("<h2>Independent evidence</h2>");
        assertTrue(report.indexOf("src=\"charts/evidence.png\"") > section, "the chart stands in its section");
        // Persons whole from 100 up, three significant digits below; shares as percentages; the loss term.
        assertTrue(report.contains("<tr><td class=\"l\">repatriated-2002</td><td class=\"l\">repatriations "
                + "<span class=\"meta\">(sum)</span></td><td class=\"l\">2002</td><td>3,000 – <b>4,809</b> – 6,000"
                + "</td><td>3,590 [3,422–3,787]</td><td>yes</td><td>1.47</td><td class=\"l\">CASS (2003), "
                + "activists ~5,000 a year</td></tr>"), report);
        assertTrue(report.contains("<tr class=\"outside\"><td class=\"l\">repatriated-2020-2024apr</td>"),
                "an item outside its range is marked");
        assertTrue(report.contains("<td>670 – <b>670</b> – 1,500 <span class=\"meta\">(minimum)</span></td>"
                + "<td>3,982 [3,855–4,111]</td><td><span class=\"flag\">no</span></td><td>9.5</td>"), report);
        assertTrue(report.contains("<td>65.0% – <b>72.0%</b> – 79.0%</td><td>78.8% [77.1%–79.9%]</td><td>yes</td>"
                + "<td>3.59</td><td class=\"l\">MOU &lt;via&gt; Korea Herald &amp; co</td>"), report);
        assertTrue(report.contains("<td>0 – <b>0</b> – 8</td><td>NA</td><td><span class=\"flag\">no</span></td>"
                + "<td>100</td>"), report);
        assertTrue(report.contains("<td>468 – <b>468</b> – 468 <span class=\"meta\">(exact)</span></td>"
                + "<td>494 [487–502]</td><td>yes</td>"), report);
    }

    /** A job hands evidence.csv over in memory with its other tables: the same chart as drawn from the file. */
    @Test
    void evidenceHandedOverInMemoryDrawsTheSameChart() throws Exception {
        Path fromFile = copyOf(calibration);
        Files.writeString(fromFile.resolve("evidence.csv"), EVIDENCE);
        assertEquals(Main.OK, execute("chart", fromFile).code());
        Path inMemory = copyOf(fromFile);
        AtomicFiles.deleteRecursively(inMemory.resolve("charts"));
        List<Table> tables = List.of(Csv.read(inMemory.resolve("evidence.csv")));
        Files.delete(inMemory.resolve("evidence.csv"));
        ChartFolder.Drawn drawn = ChartFolder.draw(inMemory, tables, null);
        assertTrue(drawn.charts().stream().anyMatch(c -> c.name().equals("evidence")));
        for (String file : List.of("charts/evidence.png", "charts/evidence.svg")) {
            assertTrue(Arrays.equals(Files.readAllBytes(fromFile.resolve(file)),
                    Files.readAllBytes(inMemory.resolve(file))), file);
        }
    }

    @Test
    void chartRedrawsAFolderToTheSameFiles() throws Exception {
        Path copy = copyOf(run);
        AtomicFiles.deleteRecursively(copy.resolve("charts"));
        Files.delete(copy.resolve("report.html"));
        Outcome o = execute("chart", copy);
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(chartNames(run), chartNames(copy));
        assertChartsAndReportComplete(copy);
    }

    /**
     * run, compare and calibrate draw their charts from the tables they have just written, in memory; drawing the
     * same folder back from its files gives the same bytes: every PNG, every SVG and the report.
     */
    @Test
    void theChartsDrawnInMemoryEqualThoseDrawnFromTheFolder() throws Exception {
        for (Path folder : List.of(run, comparison, calibration)) {
            assertSameChartsWhenRedrawn(folder);
        }
    }

    /** The tables handed over in memory are drawn as they are: the folder needs no CSV file at all. */
    @Test
    void tablesHandedOverInMemoryAreNotReadFromTheFolder() throws Exception {
        Path copy = copyOf(run);
        AtomicFiles.deleteRecursively(copy.resolve("charts"));
        List<Table> tables = new ArrayList<>();
        for (ResultTable t : List.of(ResultTable.ANNUAL,
                ResultTable.SUMMARY, ResultTable.ROUTES,
                ResultTable.ORIGINS, ResultTable.COHORTS)) {
            tables.add(Csv.read(copy.resolve(t.file())));
            Files.delete(copy.resolve(t.file()));
        }
        ChartFolder.Drawn drawn = ChartFolder.draw(copy, tables, null);
        assertEquals(chartNames(run).size(), drawn.count());
        for (String name : chartNames(run)) {
            assertTrue(Arrays.equals(Files.readAllBytes(run.resolve("charts/" + name + ".svg")),
                    Files.readAllBytes(copy.resolve("charts/" + name + ".svg"))), name);
        }
    }

    /** Redraws a copy of {@code folder} with {@code chart} and compares every chart file and the report. */
    static void assertSameChartsWhenRedrawn(Path folder) throws Exception {
        Path copy = Files.createTempDirectory(folder.getParent(), "redrawn");
        AtomicFiles.deleteRecursively(copy);
        copyTree(folder, copy);
        AtomicFiles.deleteRecursively(copy.resolve("charts"));
        Files.delete(copy.resolve("report.html"));
        Outcome o = execute("chart", copy);
        assertEquals(Main.OK, o.code(), o.err());
        List<String> files;
        try (Stream<Path> listed = Files.list(folder.resolve("charts"))) {
            files = listed.map(p -> "charts/" + p.getFileName()).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (String file : files) {
            assertTrue(Arrays.equals(Files.readAllBytes(folder.resolve(file)),
                    Files.readAllBytes(copy.resolve(file))), folder + ": " + file + " differs when drawn from the folder");
        }
        assertEquals(Files.readString(folder.resolve("report.html")), Files.readString(copy.resolve("report.html")),
                folder + ": report.html");
        assertEquals(files.size(), chartNames(copy).size() * 2, "the redrawn folder has the same charts");
    }

    @Test
    void chartOnSomethingElseSaysWhatIsWrongAndWritesNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        bad(empty, "error: " + empty + ": not a result folder of escape-routes (it has none of annual.csv, "
                + "trace.csv, posterior.csv, comparison.csv, points.csv)");
        bad(dir.resolve("nowhere"), "error: " + dir.resolve("nowhere") + ": not a folder");
    }

    @Test
    void chartReportsTheFileAndLineOfMalformedData() throws Exception {
        Path missing = copyOf(run);
        Files.delete(missing.resolve("routes.csv"));
        bad(missing, "error: " + missing.resolve("routes.csv") + ": the file is missing");

        Path shortRow = copyOf(run);
        List<String> lines = new ArrayList<>(Files.readAllLines(shortRow.resolve("annual.csv")));
        lines.set(3, "0,2010,arrivals");
        Files.write(shortRow.resolve("annual.csv"), lines);
        bad(shortRow, "error: " + shortRow.resolve("annual.csv") + ": line 4: 3 fields where the header has 5");

        Path notNumber = copyOf(run);
        String annual = Files.readString(notNumber.resolve("annual.csv"));
        Files.writeString(notNumber.resolve("annual.csv"), annual.replaceFirst("\n0,2010,attempts,female,[^\n]*",
                "\n0,2010,attempts,female,many"));
        bad(notNumber, "error: " + notNumber.resolve("annual.csv") + ": line 2: column 'value' holds 'many', "
                + "not a number");

        Path noColumn = copyOf(run);
        Files.writeString(noColumn.resolve("origins.csv"), "replication,year,sex,value\n");
        bad(noColumn, "error: " + noColumn.resolve("origins.csv") + ": line 1: the column 'province' is missing "
                + "(the header is: replication,year,sex,value)");

        Path evidenceNotNumber = copyOf(calibration);
        Files.writeString(evidenceNotNumber.resolve("evidence.csv"),
                EVIDENCE.replace("sum,minimum,670,670,1500", "sum,minimum,670,some,1500"));
        bad(evidenceNotNumber, "error: " + evidenceNotNumber.resolve("evidence.csv") + ": line 3: column 'low' holds "
                + "'some', not a number");

        Path evidenceOutOfOrder = copyOf(calibration);
        Files.writeString(evidenceOutOfOrder.resolve("evidence.csv"),
                EVIDENCE.replace("share,interval,0.72,0.65,0.79", "share,interval,0.72,0.79,0.65"));
        bad(evidenceOutOfOrder, "error: " + evidenceOutOfOrder.resolve("evidence.csv") + ": line 4: the range is out "
                + "of order (low ≤ value ≤ high expected)");

        Path evidenceKind = copyOf(calibration);
        Files.writeString(evidenceKind.resolve("evidence.csv"), EVIDENCE.replace(",exact,", ",roughly,"));
        bad(evidenceKind, "error: " + evidenceKind.resolve("evidence.csv") + ": line 6: kind 'roughly' is not one "
                + "of interval, minimum, maximum, exact");

        Path badJson = copyOf(run);
        Files.writeString(badJson.resolve("manifest.json"), "{\"seed\": 1,");
        Outcome o = execute("chart", badJson);
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().startsWith("error: " + badJson.resolve("manifest.json") + ": malformed JSON at line 1"),
                o.err());
    }

    /** A bad folder: exit 2, the message, no stack trace, and the folder exactly as it was. */
    static void bad(Path folder, String message) throws IOException {
        Set<String> before = Files.exists(folder) ? listing(folder) : Set.of();
        Outcome o = execute("chart", folder);
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertEquals(message, o.err().strip());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals("", o.out());
        assertEquals(before, Files.exists(folder) ? listing(folder) : Set.of(), "nothing written");
    }

    /** Every chart as a PNG of the stated size and a well-formed SVG, and a report that links only to files there. */
    static void assertChartsAndReportComplete(Path folder) throws Exception {
        List<String> names = chartNames(folder);
        assertFalse(names.isEmpty());
        String report = Files.readString(folder.resolve("report.html"));
        for (String name : names) {
            Path png = folder.resolve("charts").resolve(name + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(ChartImages.WIDTH, image.getWidth(), name);
            assertEquals(ChartImages.HEIGHT, image.getHeight(), name);
            assertTrue(Files.size(png) > 10_000, name + ".png is " + Files.size(png) + " bytes: too small for a chart");
            Path svg = folder.resolve("charts").resolve(name + ".svg");
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            // Batik names SVG 1.0's DTD; there is no network to fetch it from, nor a need.
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = xml.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName(), name);
            assertEquals(Integer.toString(ChartImages.WIDTH), doc.getDocumentElement().getAttribute("width"), name);
            assertTrue(Files.size(svg) > 10_000, name + ".svg is too small for a chart");
            assertTrue(report.contains("src=\"charts/" + name + ".png\""), "the report shows " + name);
        }
        Matcher m = REFERENCE.matcher(report);
        int references = 0;
        while (m.find()) {
            String target = m.group(1);
            assertFalse(target.contains("://"), "no network: " + target);
            assertTrue(Files.isRegularFile(folder.resolve(target)), "the report links to a missing " + target);
            references++;
        }
        assertEquals(3 * names.size(), references, "each chart: the image, its SVG and its PNG link");
        assertFalse(Files.list(folder).anyMatch(p -> p.getFileName().toString().startsWith(".")),
                "no temporary files left");
    }

    static List<String> chartNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("charts"))) {
            List<String> pngs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            return pngs;
        }
    }

    private Path copyOf(Path folder) throws IOException {
        Path copy = Files.createTempDirectory(dir, "copy");
        copyTree(folder, copy);
        return copy;
    }

    private static void copyTree(Path folder, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(folder.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            Set<String> names = new TreeSet<>();
            for (Path p : files.toList()) {
                names.add(folder.relativize(p) + (Files.isRegularFile(p) ? ":" + Files.size(p) + ":"
                        + Files.getLastModifiedTime(p).toMillis() : ""));
            }
            return names;
        }
    }
}
