package escaperoutes.chart;

import static escaperoutes.chart.HandMadePosterior.ARREST;
import static escaperoutes.chart.HandMadePosterior.ATTEMPTS;
import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.cli.Main;
import escaperoutes.io.Column;
import escaperoutes.io.Csv;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts and report of a posterior folder ({@link HandMadePosterior}, written by hand, so no simulation runs):
 * the sampler's charts beside the run, fit and evidence charts of the posterior predictive runs, the report's
 * Posterior section, and malformed posterior files reported with their file and line.
 */
class PosteriorFolderTest {
    private static final String ATTEMPTS_CHART = "posterior-parameter-attempts-attemptsPerYear";
    private static final String ARREST_CHART = "posterior-parameter-legs-3-arrest";
    /** Every chart of the hand-made posterior folder (it has no cohorts.csv, so no cohorts chart). */
    private static final Set<String> CHARTS = Set.of("arrivals", "arrivals-by-sex", "share-women", "routes",
            "origins", "in-china", "repatriations", "predictive-errors", "evidence", ATTEMPTS_CHART, ARREST_CHART,
            "posterior-pair-1", "posterior-generations");

    @TempDir
    Path dir;

    @Test
    void chartDrawsEveryChartOfAPosteriorFolderAndItsReport() throws Exception {
        Path folder = HandMadePosterior.write(dir.resolve("posterior"));
        Outcome o = execute("chart", folder);
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().startsWith(CHARTS.size() + " charts in "), o.out());
        assertEquals(CHARTS, Set.copyOf(ChartFolderTest.chartNames(folder)));
        ChartFolderTest.assertChartsAndReportComplete(folder);
        assertEquals(ResultFolder.Kind.POSTERIOR, ResultFolder.read(folder).kind());
    }

    @Test
    void theReportHasThePosteriorSectionWithEveryParameterAndGeneration() throws Exception {
        Path folder = HandMadePosterior.write(dir.resolve("posterior"));
        assertEquals(Main.OK, execute("chart", folder).code());
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue(report.contains("<h1>Posterior: hand-made</h1>"), "title");
        assertTrue(report.contains(" · seed 7 · 2 replications per particle · 3 posterior predictive runs · "),
                "replications per particle and predictive runs, from posterior.json");
        int section = report.indexOf("<h2>Posterior</h2>");
        int predictive = report.indexOf("<h2>Posterior predictive runs</h2>");
        assertTrue(section > 0 && predictive > section, "the Posterior section, then the predictive runs' charts");
        assertTrue(report.contains("<b>2 generations</b> of 30 particles, 150 simulations of 2 replications each "
                + "in 3.9 s; stopped because: the acceptance rate fell below 0.3. The last generation (1) is the "
                + "posterior sample: effective sample size 26, final tolerance 41.5"), report);
        // Each parameter's row: scale, prior and its range, posterior mean, median [5%–95%], ESS, width ratio.
        assertTrue(report.contains("<tr><td class=\"l\"><code>" + ATTEMPTS + "</code></td><td>log</td>"
                + "<td class=\"l\">log-uniform</td><td>122–4,113</td><td>903</td><td>862 [452–1,634]</td>"
                + "<td>26</td><td>0.33</td><td class=\"l\">narrowed a lot</td></tr>"), report);
        assertTrue(report.contains("<tr><td class=\"l\"><code>" + ARREST + "</code></td><td>linear</td>"
                + "<td class=\"l\">normal</td><td>0.0763–0.547</td><td>0.352</td><td>0.35 [0.22–0.49]</td>"
                + "<td>26</td><td>0.57</td><td class=\"l\">narrowed somewhat</td></tr>"), report);
        assertTrue(report.contains("near 1 the data said little about it, and the answer rests on the prior"),
                "what the width ratio means");
        assertTrue(report.contains("<tr><td>0</td><td>none (all kept)</td><td>100.0%</td><td>30</td><td>30</td>"
                + "<td>30</td><td>0.8</td></tr>"), "generation 0");
        assertTrue(report.contains("<tr><td>1</td><td>41.5</td><td>25.0%</td><td>150</td><td>120</td>"
                + "<td>26</td><td>3.1</td></tr>"), "generation 1");
        // The sampler's charts stand in the Posterior section, the run charts after it.
        for (String chart : List.of(ATTEMPTS_CHART, ARREST_CHART, "posterior-pair-1", "posterior-generations")) {
            int at = report.indexOf("src=\"charts/" + chart + ".png\"");
            assertTrue(at > section && at < predictive, chart + " in the Posterior section");
        }
        assertTrue(report.indexOf("src=\"charts/arrivals.png\"") > predictive, "the predictive arrivals");
        // The predictive fit as a calibration's report gives it, and the evidence of the predictive runs.
        int fit = report.indexOf("<h2>Posterior predictive fit</h2>");
        assertTrue(fit > predictive, "the predictive fit section");
        assertTrue(report.contains("<tr><td class=\"l\">MASE against naive persistence</td><td>0.5000</td>"
                + "<td></td></tr>"), "MASE in the fit window, none in the empty hold-out");
        assertTrue(report.contains("Independent evidence: 3 of 5 items inside their plausible ranges (outside: "
                + "repatriated-2020-2024apr, direct-none); their part of the distance 116."), report);
        assertTrue(report.contains("Simulated: the mean [5%–95%] over the posterior predictive runs."), report);
        assertTrue(report.indexOf("<h2>Independent evidence</h2>") > fit);
        assertTrue(report.contains("over 3 posterior predictive runs, each at its own draw from the posterior."),
                "the per-year table says what its replications are");
        assertFalse(report.contains("Calibrated parameters"), "no single calibrated scenario");
        assertTrue(report.contains("Values of the base scenario that differ from the shipped baseline"), report);
    }

    @Test
    void theRunChartsSayTheyAreThePosteriorPredictive() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadePosterior.write(dir.resolve("posterior")));
        List<Chart> charts = Charts.all(f);
        for (Chart c : charts) {
            if (Set.of("arrivals", "arrivals-by-sex", "share-women", "routes", "origins", "in-china",
                    "repatriations", "predictive-errors", "evidence").contains(c.name())) {
                assertTrue(c.title().toLowerCase(java.util.Locale.ROOT).contains("posterior predictive"),
                        c.name() + ": " + c.title());
            }
            assertFalse(c.title().contains("best candidate") || c.title().startsWith("Calibration"), c.title());
            assertFalse(c.caption().contains("final replications"), c.name() + ": " + c.caption());
        }
        Chart attempts = charts.stream().filter(c -> c.name().equals(ATTEMPTS_CHART)).findFirst().orElseThrow();
        assertEquals("Posterior of " + ATTEMPTS, attempts.title());
        assertTrue(subtitles(attempts).contains("median 862, 90% interval 452 to 1,634  ·  prior log-uniform, 90% "
                + "122 to 4,113  ·  width ratio 0.33"), subtitles(attempts));
        Chart pair = charts.stream().filter(c -> c.name().equals("posterior-pair-1")).findFirst().orElseThrow();
        double r = ChartData.weightedCorrelation(f.posterior.unitValues(0), f.posterior.unitValues(1),
                f.posterior.weights);
        assertTrue(r > 0.5, "the fixture's pair is made correlated: r = " + r);
        assertTrue(subtitles(pair).contains("x: " + ATTEMPTS + "  ·  y: " + ARREST + "  ·  weighted r = "
                + PosteriorCharts.correlation(r)), subtitles(pair));
        assertTrue(attempts.chart().getXYPlot().getDomainAxis() instanceof SweepCharts.PlainLogAxis,
                "a log-scale parameter's axis is logarithmic");
    }

    /** The posterior sample is the last generation, its weights normalised; the histogram integrates to 1. */
    @Test
    void thePosteriorSampleIsTheLastGenerationNormalised() throws Exception {
        ResultFolder f = ResultFolder.read(HandMadePosterior.write(dir.resolve("posterior")));
        PosteriorTables t = f.posterior;
        assertEquals(1, t.lastGeneration);
        assertEquals(HandMadePosterior.PARTICLES, t.weights.length);
        assertEquals(1, java.util.Arrays.stream(t.weights).sum(), 1e-12);
        assertEquals(List.of(ATTEMPTS, ARREST), t.parameters.stream().map(PosteriorTables.Parameter::path).toList());
        assertEquals(Double.NaN, t.generations.get(0).tolerance(), "generation 0 has none");
        assertEquals(41.5, t.generations.get(1).tolerance());
        double[] density = ChartData.unitHistogram(t.unitValues(0), t.weights, PosteriorCharts.HISTOGRAM_BINS);
        assertEquals(1, java.util.Arrays.stream(density).sum() / PosteriorCharts.HISTOGRAM_BINS, 1e-12);
        assertEquals(101, t.priorDensities.get(0).values().length);
        assertEquals(2020, f.window("fit")[0]);
        assertEquals(null, f.window("hold-out"));
    }

    @Test
    void withoutItsBaseScenarioTheFolderIsNamedAfterTheScenarioFile() throws Exception {
        Path folder = HandMadePosterior.write(dir.resolve("posterior"));
        Files.delete(folder.resolve("scenario.resolved.json"));
        Outcome o = execute("chart", folder);
        assertEquals(Main.OK, o.code(), o.err());
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue(report.contains("<h1>Posterior: hand-made</h1>"), "from the manifest's scenarioFile");
        assertTrue(report.contains("<p class=\"meta\">Simulated 2020 to 2021."), report);
        assertFalse(report.contains("differ from the shipped baseline"), "no scenario to compare");
        ChartFolderTest.assertChartsAndReportComplete(folder);
    }

    /**
     * A job hands its tables over in memory, numbers as numbers: generation 0's missing tolerance is then NaN
     * where the file holds "NA"; both draw the same charts and report.
     */
    @Test
    void tablesHandedOverInMemoryDrawTheSameChartsAsTheFiles() throws Exception {
        Path fromFile = HandMadePosterior.write(dir.resolve("from-file"));
        assertEquals(Main.OK, execute("chart", fromFile).code());
        Path inMemory = HandMadePosterior.write(dir.resolve("in-memory"));
        Table.Builder generations = Table.builder(inMemory.resolve("generations.csv").toString(),
                ResultTable.GENERATIONS.columns());
        generations.number(0).number(Double.NaN).number(1).number(30).number(30).number(30)
                .number(0.8);
        generations.number(1).number(41.5).number(0.25).number(150).number(120).number(26.4).number(3.1);
        List<Table> tables = List.of(generations.build(), Csv.read(inMemory.resolve("posterior.csv")),
                Csv.read(inMemory.resolve("posterior-summary.csv")), Csv.read(inMemory.resolve("prior-density.csv")));
        assertEquals("NA", tables.get(0).text(0, Column.TOLERANCE), "the in-memory table's text");
        for (String file : List.of("generations.csv", "posterior.csv", "posterior-summary.csv", "prior-density.csv")) {
            Files.delete(inMemory.resolve(file));
        }
        ChartFolder.draw(inMemory, tables, null);
        ChartFolder.draw(fromFile, null);
        for (String chart : ChartFolderTest.chartNames(fromFile)) {
            for (String ext : List.of(".png", ".svg")) {
                assertArrayEquals(Files.readAllBytes(fromFile.resolve("charts").resolve(chart + ext)),
                        Files.readAllBytes(inMemory.resolve("charts").resolve(chart + ext)), chart + ext);
            }
        }
        assertEquals(Files.readString(fromFile.resolve("report.html")), Files.readString(inMemory.resolve("report.html")));
    }

    @Test
    void aMalformedPosteriorSummaryNamesTheFileAndLine() throws Exception {
        Path noColumn = HandMadePosterior.write(dir.resolve("no-column"));
        Files.writeString(noColumn.resolve("posterior-summary.csv"), HandMadePosterior.SUMMARY
                .replace(",width_ratio\n", "\n").replace(",0.33\n", "\n").replace(",0.574\n", "\n"));
        InvalidResultFolderException e = assertThrows(InvalidResultFolderException.class,
                () -> ResultFolder.read(noColumn));
        assertEquals(noColumn.resolve("posterior-summary.csv") + ": line 1: the column 'width_ratio' is missing (the "
                + "header is: parameter,log_scale,lower,upper,prior,prior_low,prior_high,mean,p05,p50,p95,ess)",
                e.getMessage());

        Path notNumber = HandMadePosterior.write(dir.resolve("not-number"));
        Files.writeString(notNumber.resolve("posterior-summary.csv"),
                HandMadePosterior.SUMMARY.replace("0.352,0.22,0.35,0.49", "0.352,0.22,about a third,0.49"));
        e = assertThrows(InvalidResultFolderException.class, () -> ResultFolder.read(notNumber));
        assertEquals(notNumber.resolve("posterior-summary.csv") + ": line 3: column 'p50' holds 'about a third', "
                + "not a number", e.getMessage());
        // Through the command: exit 2, the message, nothing written.
        ChartFolderTest.bad(notNumber, "error: " + e.getMessage());

        Path outOfOrder = HandMadePosterior.write(dir.resolve("out-of-order"));
        Files.writeString(outOfOrder.resolve("posterior-summary.csv"),
                HandMadePosterior.SUMMARY.replace("0.352,0.22,0.35,0.49", "0.352,0.22,0.6,0.49"));
        ChartFolderTest.bad(outOfOrder, "error: " + outOfOrder.resolve("posterior-summary.csv") + ": line 3: "
                + "quantiles out of order (p05 ≤ p50 ≤ p95 expected)");

        Path prior = HandMadePosterior.write(dir.resolve("prior"));
        Files.writeString(prior.resolve("posterior-summary.csv"), HandMadePosterior.SUMMARY.replace(",normal,",
                ",gamma,"));
        ChartFolderTest.bad(prior, "error: " + prior.resolve("posterior-summary.csv") + ": line 3: prior 'gamma' is "
                + "not one of uniform, log_uniform, normal, log_normal");
    }

    @Test
    void theOtherPosteriorFilesAreCheckedToo() throws Exception {
        Path outside = HandMadePosterior.write(dir.resolve("outside"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(outside.resolve("posterior.csv")));
        // Line 32 is generation 1's first particle: an attempts rate beyond the upper bound 5000.
        lines.set(31, lines.get(31).replaceFirst(",[^,]+,([^,]+)$", ",9000,$1"));
        Files.write(outside.resolve("posterior.csv"), lines);
        ChartFolderTest.bad(outside, "error: " + outside.resolve("posterior.csv") + ": line 32: '" + ATTEMPTS
                + "' = 9000 lies outside the parameter's interval [100, 5000] (posterior-summary.csv)");

        Path noParameter = HandMadePosterior.write(dir.resolve("no-parameter"));
        Files.writeString(noParameter.resolve("posterior.csv"), "generation,particle,weight,distance," + ATTEMPTS
                + "\n1,0,1,3,900\n");
        ChartFolderTest.bad(noParameter, "error: " + noParameter.resolve("posterior.csv") + ": line 1: the column '"
                + ARREST + "' is missing (the header is: generation,particle,weight,distance," + ATTEMPTS + ")");

        Path tolerance = HandMadePosterior.write(dir.resolve("tolerance"));
        Files.writeString(tolerance.resolve("generations.csv"), HandMadePosterior.GENERATIONS.replace("41.5", "small"));
        ChartFolderTest.bad(tolerance, "error: " + tolerance.resolve("generations.csv") + ": line 3: column "
                + "'tolerance' holds 'small', not a number");

        Path lastGeneration = HandMadePosterior.write(dir.resolve("last-generation"));
        Files.writeString(lastGeneration.resolve("generations.csv"), HandMadePosterior.GENERATIONS
                .lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
        ChartFolderTest.bad(lastGeneration, "error: " + lastGeneration.resolve("generations.csv") + ": its last "
                + "generation is 0, but that of posterior.csv is 1");

        Path density = HandMadePosterior.write(dir.resolve("density"));
        Files.writeString(density.resolve("prior-density.csv"), HandMadePosterior.priorDensity()
                .replace(ARREST + ",", "$.legs[4].arrest,"));
        ChartFolderTest.bad(density, "error: " + density.resolve("prior-density.csv") + ": line 103: parameter "
                + "'$.legs[4].arrest' is not in posterior-summary.csv");

        Path missingField = HandMadePosterior.write(dir.resolve("missing-field"));
        Files.writeString(missingField.resolve("posterior.json"), HandMadePosterior.POSTERIOR_JSON
                .replace("\"finalTolerance\": 41.5,", ""));
        ChartFolderTest.bad(missingField, "error: " + missingField.resolve("posterior.json") + ": the field "
                + "'finalTolerance' is missing");

        Path textField = HandMadePosterior.write(dir.resolve("text-field"));
        Files.writeString(textField.resolve("posterior.json"), HandMadePosterior.POSTERIOR_JSON
                .replace("\"simulations\": 150", "\"simulations\": \"many\""));
        ChartFolderTest.bad(textField, "error: " + textField.resolve("posterior.json") + ": the field "
                + "'simulations' holds \"many\", not a number");

        Path noManifest = HandMadePosterior.write(dir.resolve("no-manifest"));
        Files.delete(noManifest.resolve("manifest.json"));
        Files.writeString(noManifest.resolve("posterior-state.csv"), "generation\n0\n");
        ChartFolderTest.bad(noManifest, "error: " + noManifest.resolve("manifest.json") + ": the file is missing "
                + "(the posterior has not finished: posterior-state.csv holds its last complete generation)");
    }

    @Test
    void aFolderOfPosteriorFilesOnlyIsStillAPosteriorFolder() throws Exception {
        Path folder = HandMadePosterior.write(dir.resolve("posterior"));
        Files.delete(folder.resolve("posterior.csv"));
        // posterior.json names the folder's kind; the missing table is then reported as missing.
        ChartFolderTest.bad(folder, "error: " + folder.resolve("posterior.csv") + ": the file is missing");
    }

    private static String subtitles(Chart chart) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chart.chart().getSubtitleCount(); i++) {
            if (chart.chart().getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                text.append(t.getText()).append('\n');
            }
        }
        return text.toString();
    }
}
