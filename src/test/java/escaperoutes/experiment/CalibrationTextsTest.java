package escaperoutes.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.posterior.AbcSmc;
import escaperoutes.scenario.ScenarioReaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A calibration carried as texts (what a cluster's worker receives) and rebuilt elsewhere scores every point as the
 * original does, with the user's own observed series and evidence file, and without the original folder.
 */
class CalibrationTextsTest {
    @TempDir
    Path dir;

    private static final String SPEC = """
            {
              "parameters": [
                {"path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 5000, "logScale": true},
                {"path": "$.attempts.femaleShare", "lower": 0.3, "upper": 0.9}
              ],
              "observed": "data/my-observed.csv",
              "fitWindow": {"from": 2010, "to": 2011},
              "evidence": {"file": "data/my-evidence.csv", "weight": 2},
              "seed": 4,
              "posterior": {"particles": 20, "replicationsPerParticle": 2}
            }
            """;

    @Test
    void theRebuiltCalibrationScoresPointsAsTheOriginal() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/my-observed.csv"), """
                period_start,period_end,male,female,total,note
                2010,2010,580,1800,2380,
                2011,2011,800,1900,2700,
                """);
        Files.writeString(dir.resolve("data/my-evidence.csv"), """
                id,measure,period_start,period_end,statistic,value,low,high,source
                hiding,hiding_china_end,2010,2010,value_at_end,3000,1000,9000,made up for the test
                """);
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC);
        CalibrationSpecReader.ResolvedCalibration original = new CalibrationSpecReader().resolve(spec, scenario);
        CalibrationTexts texts = CalibrationTexts.of(original);
        assertTrue(texts.observedCsv().contains("2010,2010,580,1800"), texts.observedCsv());
        assertTrue(texts.evidenceCsv().contains("hiding,hiding_china_end"), texts.evidenceCsv());
        assertEquals("observed.csv", escaperoutes.io.Json.mapper().readTree(texts.spec()).get("observed").asText());
        assertEquals(64, texts.sha256().length());
        assertEquals(texts.sha256(), CalibrationTexts.of(original).sha256(), "the same texts, the same checksum");

        // The original folder is gone when the worker rebuilds it.
        Files.delete(dir.resolve("data/my-observed.csv"));
        Files.delete(dir.resolve("data/my-evidence.csv"));
        CalibrationSpecReader.ResolvedCalibration rebuilt = texts.resolve();
        assertEquals(original.spec().posteriorSettings(), rebuilt.spec().posteriorSettings());
        assertEquals(1, rebuilt.evidence().size());
        AbcSmc.Simulator a = PosteriorJob.simulator(original);
        AbcSmc.Simulator b = PosteriorJob.simulator(rebuilt);
        for (double[] unit : new double[][] {{0.2, 0.5}, {0.7, 0.9}, {0.5, 0.1}}) {
            assertEquals(a.distance(unit, 17), b.distance(unit, 17));
        }
        // Another observed series changes the checksum.
        CalibrationTexts other = new CalibrationTexts(texts.spec(), texts.scenario(),
                texts.observedCsv().replace("580", "581"), texts.evidenceCsv());
        assertNotEquals(texts.sha256(), other.sha256());
    }

    @Test
    void shippedFilesAreNotCarried() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC.replace("\"observed\": \"data/my-observed.csv\",",
                "").replace("\"evidence\": {\"file\": \"data/my-evidence.csv\", \"weight\": 2},", ""));
        CalibrationTexts texts = CalibrationTexts.of(new CalibrationSpecReader().resolve(spec, scenario));
        assertNull(texts.observedCsv(), "the shipped series is in every worker's jar");
        assertNull(texts.evidenceCsv());
        assertEquals(2, texts.resolve().spec().parameters().size());
    }
}
