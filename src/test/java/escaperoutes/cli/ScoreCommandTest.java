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

/** The score command end to end, on the small test scenario, a made-up evidence file and the shipped series. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    private static final String EVIDENCE = """
            id,measure,period_start,period_end,statistic,value,low,high,source
            spring-returns,repatriations,2011-03,2011-05,sum,40,20,80,made up for the test
            hiding,hiding_china_end,2010,2010,value_at_end,3000,1000,9000,made up for the test
            """;

    private static final String SPEC = """
            {
              "parameters": [
                {"path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 5000, "logScale": true},
                {"path": "$.attempts.femaleShare", "lower": 0.3, "upper": 0.9}
              ],
              "fitWindow": {"from": 2010, "to": 2010},
              "holdOutWindow": {"from": 2011, "to": 2011},
              "replications": 3,
              "budget": 12,
              "seed": 4,
              "evidence": {"file": "evidence.csv", "weights": {"spring-returns": 3}}
            }
            """;

    private Path scenario;
    private Path spec;

    private void writeInputs() throws Exception {
        scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Files.writeString(dir.resolve("evidence.csv"), EVIDENCE);
        spec = Files.writeString(dir.resolve("spec.json"), SPEC);
    }

    @Test
    void scoringACalibratedScenarioGivesTheCalibrationsOwnFitAndEvidence() throws Exception {
        writeInputs();
        Path cal = dir.resolve("cal");
        assertEquals(0, execute("calibrate", scenario.toString(), "--spec", spec.toString(), "--out", cal.toString(),
                "--final-replications", "5", "--quiet").code());
        Path out = dir.resolve("score");
        Outcome o = execute("score", cal.resolve("calibrated.json").toString(), "--spec", spec.toString(),
                "--replications", "5", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        // The same seed, replications and scenario as the calibration's closing runs: the same files, byte for byte.
        assertEquals(Files.readString(cal.resolve("fit.csv")), Files.readString(out.resolve("fit.csv")));
        assertEquals(Files.readString(cal.resolve("evidence.csv")), Files.readString(out.resolve("evidence.csv")));
        assertEquals(Files.readString(cal.resolve("annual.csv")), Files.readString(out.resolve("annual.csv")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("annual.csv", "calibration-spec.json", "charts", "cohorts.csv", "evidence.csv",
                    "fit.csv", "manifest.json", "metrics.json", "origins.csv", "report.html", "routes.csv",
                    "scenario.resolved.json", "summary.csv"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode scored = json.readTree(out.resolve("metrics.json").toFile());
        JsonNode calibrated = json.readTree(cal.resolve("metrics.json").toFile());
        assertEquals(5, scored.get("replications").asInt());
        assertFalse(scored.has("evaluations"), "nothing was searched");
        assertEquals(calibrated.get("fit"), scored.get("fit"));
        assertEquals(calibrated.get("holdOut"), scored.get("holdOut"));
        assertEquals(calibrated.get("evidence"), scored.get("evidence"));
        assertEquals(calibrated.get("checks"), scored.get("checks"));
        // The loss is the spec's over the scored replications: evidence and the fit window, not the hold-out.
        double evidenceLoss = scored.get("evidence").get("loss").asDouble();
        assertTrue(scored.get("loss").asDouble() > evidenceLoss, scored.toString());
        assertTrue(o.out().startsWith("loss "), o.out());
        assertTrue(o.out().contains("fit 2010-2010: "), o.out());
        assertTrue(o.out().contains("hold-out 2011-2011: "), o.out());
        assertTrue(o.out().contains("evidence: " + scored.get("evidence").get("inside").asInt()
                + " of 2 items inside their ranges"), o.out());

        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<h1>Score: "), report);
        assertTrue(report.contains("nothing searched"), report);
        assertTrue(report.contains("Independent evidence"), report);
        assertTrue(Files.exists(out.resolve("charts/evidence.png")));
        assertTrue(Files.exists(out.resolve("charts/calibration-errors.png")));
        assertFalse(Files.exists(out.resolve("charts/calibration-loss.png")), "no search, so no loss trace");

        // chart redraws a score's folder from its tables.
        Files.delete(out.resolve("report.html"));
        Outcome redrawn = execute("chart", out.toString());
        assertEquals(0, redrawn.code(), redrawn.err());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<h1>Score: "));
    }

    @Test
    void theThreadsDoNotChangeTheScore() throws Exception {
        writeInputs();
        assertEquals(0, execute("score", scenario.toString(), "--spec", spec.toString(), "--replications", "3",
                "--threads", "1", "--out", dir.resolve("a").toString(), "--quiet").code());
        assertEquals(0, execute("score", scenario.toString(), "--spec", spec.toString(), "--replications", "3",
                "--threads", "2", "--out", dir.resolve("b").toString(), "--quiet").code());
        assertEquals(Files.readString(dir.resolve("a/fit.csv")), Files.readString(dir.resolve("b/fit.csv")));
        assertEquals(Files.readString(dir.resolve("a/evidence.csv")), Files.readString(dir.resolve("b/evidence.csv")));
    }

    @Test
    void aScenarioWithoutTheSpecsFreeParametersIsScoredAllTheSame() throws Exception {
        writeInputs();
        // A what-if that drops a regime the spec frees: calibrate refuses the spec, score needs only its targets.
        Path freesARegime = Files.writeString(dir.resolve("regime.json"), SPEC.replace(
                "{\"path\": \"$.attempts.femaleShare\", \"lower\": 0.3, \"upper\": 0.9}",
                "{\"path\": \"$.regimes[name=not-in-the-scenario].multipliers.china_life.departure\", "
                        + "\"lower\": 0.1, \"upper\": 2}"));
        Outcome refused = execute("calibrate", scenario.toString(), "--spec", freesARegime.toString(), "--out",
                dir.resolve("cal").toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("not-in-the-scenario"), refused.err());
        Outcome scored = execute("score", scenario.toString(), "--spec", freesARegime.toString(), "--replications",
                "3", "--out", dir.resolve("a").toString(), "--quiet");
        assertEquals(0, scored.code(), scored.err());
        assertEquals(0, execute("score", scenario.toString(), "--spec", spec.toString(), "--replications", "3",
                "--out", dir.resolve("b").toString(), "--quiet").code());
        assertEquals(Files.readString(dir.resolve("b/fit.csv")), Files.readString(dir.resolve("a/fit.csv")));
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws Exception {
        writeInputs();
        Path unknown = Files.writeString(dir.resolve("unknown.json"), SPEC.replace("\"spring-returns\": 3",
                "\"spring-return\": 3"));
        Outcome o = execute("score", scenario.toString(), "--spec", unknown.toString(), "--out",
                dir.resolve("s").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("$.evidence.weights.spring-return"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(dir.resolve("s")));

        o = execute("score", scenario.toString(), "--spec", spec.toString(), "--replications", "0", "--out",
                dir.resolve("s").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--replications must be at least 1"), o.err());
        assertFalse(Files.exists(dir.resolve("s")));

        Files.createDirectories(dir.resolve("s"));
        o = execute("score", scenario.toString(), "--spec", spec.toString(), "--out", dir.resolve("s").toString());
        assertEquals(2, o.code(), o.err());
        try (Stream<Path> files = Files.list(dir.resolve("s"))) {
            assertEquals(0, files.count(), "an existing folder is refused, never written into");
        }
    }
}
