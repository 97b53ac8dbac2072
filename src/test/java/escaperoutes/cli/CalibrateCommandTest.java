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
}
