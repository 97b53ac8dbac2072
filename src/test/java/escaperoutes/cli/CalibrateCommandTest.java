package escaperoutes.cli;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.scenario.ScenarioReaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibrate command end to end, on the small test scenario and the shipped observed series (2010-2011). */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    private static final String SPEC = """
            {
              "parameters": [
                {"path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 5000, "logScale": true},
                {"path": "$.attempts.femaleShare", "lower": 0.3, "upper": 0.9}
              ],
              "fitWindow": {"from": 2010, "to": 2010},
              "holdOutWindow": {"from": 2011, "to": 2011},
              "replications": 3,
              "budget": 20,
              "seed": 4
            }
            """;

    @Test
    void writesACalibratedScenarioThatRunAccepts() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC);
        Path out = dir.resolve("cal");
        Outcome o = execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out", out.toString(),
                "--threads", "2", "--final-replications", "5", "--quiet");
        assertEquals(0, o.code(), o.err());
        assertEquals(out + System.lineSeparator(), o.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("annual.csv", "calibrated.json", "calibration-spec.json", "charts", "cohorts.csv", "fit.csv",
                    "manifest.json", "metrics.json", "origins.csv", "report.html", "routes.csv", "summary.csv",
                    "trace.csv"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertEquals("evaluation,$.attempts.attemptsPerYear,$.attempts.femaleShare,loss,problem", trace.get(0));
        assertEquals(21, trace.size(), "header and the 20 evaluations of the budget");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(20, metrics.get("evaluations").asInt());
        assertEquals(2, metrics.get("freeParameters").asInt());
        assertEquals("2010-2010", metrics.get("fit").get("window").asText());
        assertEquals("2011-2011", metrics.get("holdOut").get("window").asText());
        double bestInTrace = trace.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[3])).min()
                .orElseThrow();
        assertEquals(bestInTrace, metrics.get("loss").asDouble(), 1e-3 * bestInTrace);
        List<String> fit = Files.readAllLines(out.resolve("fit.csv"));
        assertEquals(3, fit.size());
        assertTrue(fit.get(1).startsWith("2010,fit,2402,1811,591,"), fit.get(1));
        assertTrue(fit.get(2).startsWith("2011,hold-out,2706,1911,795,"), fit.get(2));

        Outcome run = execute("run", out.resolve("calibrated.json").toString(), "--replications", "2", "--out",
                dir.resolve("run").toString(), "--quiet");
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void theSameSeedGivesTheSameCalibration() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC);
        assertEquals(0, execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("a").toString(), "--threads", "1", "--final-replications", "2", "--quiet").code());
        assertEquals(0, execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("b").toString(), "--threads", "2", "--final-replications", "2", "--quiet").code());
        assertEquals(Files.readString(dir.resolve("a/trace.csv")), Files.readString(dir.resolve("b/trace.csv")));
        assertEquals(Files.readString(dir.resolve("a/calibrated.json")),
                Files.readString(dir.resolve("b/calibrated.json")));
    }

    @Test
    void aBadSpecIsReportedAndLeavesNoFolder() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC.replace("\"lower\": 100", "\"lower\": 6000")
                .replace("\"budget\": 20", "\"budgett\": 20"));
        Outcome o = execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("cal").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("$.budgett: unknown key 'budgett'"), o.err());
        assertTrue(o.err().contains("$.parameters[0]"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(dir.resolve("cal")));
    }

    private static final String EVIDENCE = """
            id,measure,period_start,period_end,statistic,value,low,high,source
            spring-returns,repatriations,2011-03,2011-05,sum,40,20,80,made up for the test
            hiding,hiding_china_end,2010,2010,value_at_end,3000,1000,9000,made up for the test
            """;

    @Test
    void evidenceIsFittedAndReportedItemByItem() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Files.writeString(dir.resolve("evidence.csv"), EVIDENCE);
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC.replace("\"seed\": 4",
                "\"seed\": 4, \"evidence\": {\"file\": \"evidence.csv\", \"items\": [{\"id\": \"hiding\"}, "
                        + "{\"id\": \"spring-returns\", \"weight\": 3}]}"));
        Path out = dir.resolve("cal");
        Outcome o = execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out", out.toString(),
                "--threads", "2", "--final-replications", "4");
        assertEquals(0, o.code(), o.err());
        List<String> rows = Files.readAllLines(out.resolve("evidence.csv"));
        assertEquals("item,measure,period,statistic,kind,value,low,high,weight,simulated_mean,simulated_p05,"
                + "simulated_p95,inside,loss,source", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("hiding,hiding_china_end,2010,value_at_end,interval,3000,1000,9000,1,"),
                rows.get(1));
        assertTrue(rows.get(2).startsWith("spring-returns,repatriations,2011-03 to 2011-05,sum,interval,40,20,80,3,"),
                rows.get(2));
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        long inside = rows.stream().skip(1).filter(r -> r.split(",")[12].equals("yes")).count();
        assertEquals(2, metrics.get("evidence").get("items").asInt());
        assertEquals(inside, metrics.get("evidence").get("inside").asLong());
        assertTrue(o.out().contains("evidence: " + inside + " of 2 items inside their ranges"), o.out());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double mean = Double.parseDouble(f[9]);
            boolean within = Double.parseDouble(f[6]) <= mean && mean <= Double.parseDouble(f[7]);
            assertEquals(within ? "yes" : "no", f[12], row);
        }
    }

    @Test
    void badEvidenceExitsTwoWithTheFileAndLineAndWritesNothing() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Files.writeString(dir.resolve("evidence.csv"), EVIDENCE
                + "late,repatriations,2012,2012,sum,40,20,80,after the small scenario ends\n"
                + "odd,share_arrivals_via_thailand,2011,2011,share,0.5,0.2,1.5,a share above 1\n");
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC.replace("\"seed\": 4",
                "\"seed\": 4, \"evidence\": {\"file\": \"evidence.csv\"}"));
        Outcome o = execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("cal").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("evidence.csv:5: share_arrivals_via_thailand is a share: low and high must lie "
                + "within [0, 1], found [0.2, 1.5]"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(dir.resolve("cal")));

        Files.writeString(dir.resolve("evidence.csv"), EVIDENCE
                + "late,repatriations,2012,2012,sum,40,20,80,after the small scenario ends\n");
        o = execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out", dir.resolve("cal"));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("evidence.csv:4: period 2012 of 'late' lies outside the whole years the scenario "
                + "simulates (2010-2011)"), o.err());
        Path unknown = Files.writeString(dir.resolve("spec.json"), SPEC.replace("\"seed\": 4",
                "\"seed\": 4, \"evidence\": {\"items\": [{\"id\": \"hiding-2013\"}]}"));
        o = execute("calibrate", scenario.toString(), "--spec", unknown.toString(), "--out", dir.resolve("cal"));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("$.evidence.items[0].id: no evidence item 'hiding-2013'"), o.err());
        assertFalse(Files.exists(dir.resolve("cal")));
    }

    @Test
    void fromMissesSetsTheAnnualVariationWhoseBandsAreAsWideAsTheMisses() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC
                .replace("\"fitWindow\": {\"from\": 2010, \"to\": 2010},", "\"fitWindow\": {\"from\": 2010, \"to\": 2011},")
                .replace("\"holdOutWindow\": {\"from\": 2011, \"to\": 2011},", "")
                .replace("\"budget\": 20", "\"budget\": 6")
                .replace("\"seed\": 4", "\"seed\": 4, \"annualVariation\": \"from_misses\""));
        Path out = dir.resolve("cal");
        Outcome o = execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out", out.toString(),
                "--threads", "2", "--final-replications", "6");
        assertEquals(0, o.code(), o.err());

        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        JsonNode variation = metrics.get("annualVariation");
        double sigma = variation.get("estimated").asDouble();
        JsonNode calibrated = new ObjectMapper().readTree(out.resolve("calibrated.json").toFile());
        assertEquals(sigma, calibrated.get("annualVariation").asDouble(), 0);
        assertTrue(calibrated.get("sources").get("$.annualVariation").asText()
                .startsWith("estimated by escape-routes calibrate from the misses of the fit window 2010-2011"));
        assertEquals(0, variation.get("searchedWith").asDouble(), 0, "the small scenario has none");
        assertTrue(o.out().contains(String.format("annual variation %.2f from the misses of 2010-2011 (dispersion "
                + "%.2f; searched with 0)", sigma, variation.get("dispersion").asDouble())), o.out());
        // The closing runs are the estimate's: their dispersion is the one reported.
        assertEquals(variation.get("dispersion").asDouble(), metrics.get("fit").get("dispersion").asDouble(), 1e-12);
        // The smallest step wide enough: at most 1 there, above 1 one step below (when there is one).
        assertFalse(variation.get("atUpperBound").asBoolean());
        assertTrue(variation.get("dispersion").asDouble() <= 1);
        assertTrue(sigma > 0, "chance alone leaves this fit's bands narrower than its misses: " + variation);
        boolean stepBelowTried = false;
        for (JsonNode trial : variation.get("trials")) {
            if (Math.abs(trial.get("annualVariation").asDouble() - (sigma - 0.01)) < 1e-9) {
                stepBelowTried = true;
                assertTrue(trial.get("dispersion").asDouble() > 1, trial.toString());
            }
        }
        assertTrue(stepBelowTried, variation.toString());

        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<h3>Year-to-year variation</h3>"), "the report shows the estimate");
        assertTrue(report.contains("Estimated after the search from the misses of 2010-2011"), "and its window");

        // score runs the same replications of the calibrated scenario: the same fit.csv, byte for byte.
        Outcome score = execute("score", out.resolve("calibrated.json").toString(), "--spec", spec.toString(),
                "--replications", "6", "--out", dir.resolve("score").toString(), "--quiet");
        assertEquals(0, score.code(), score.err());
        assertEquals(Files.readString(out.resolve("fit.csv")), Files.readString(dir.resolve("score/fit.csv")));

        Outcome one = execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("one").toString(), "--final-replications", "1");
        assertEquals(2, one.code());
        assertTrue(one.err().contains("--final-replications must be at least 2"), one.err());
        assertFalse(Files.exists(dir.resolve("one")));
    }
}
