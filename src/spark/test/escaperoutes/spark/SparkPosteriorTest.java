package escaperoutes.spark;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.cli.Main;
import escaperoutes.scenario.ScenarioReaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The posterior's proposals simulated on Spark's local master ({@code local[2]}), against local threads: the same
 * sample, particle for particle, and the same predictive runs — also with an observed series and an evidence file of
 * the user's own, which the workers receive as texts.
 */
class SparkPosteriorTest {
    @TempDir
    Path dir;

    @Test
    void sparkLocalSamplesTheSamePosteriorAsThreads() throws Exception {
        Path scenario = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        // The user's own observed series (2010-2011) beside the spec: the workers receive it as text.
        Files.writeString(dir.resolve("my-observed.csv"), """
                period_start,period_end,male,female,total,note
                2010,2010,580,1800,2380,
                2011,2011,800,1900,2700,
                """);
        Path spec = Files.writeString(dir.resolve("spec.json"), """
                {
                  "parameters": [
                    {"path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 5000, "logScale": true},
                    {"path": "$.attempts.femaleShare", "lower": 0.3, "upper": 0.9}
                  ],
                  "observed": "my-observed.csv",
                  "fitWindow": {"from": 2010, "to": 2011},
                  "seed": 4,
                  "posterior": {"particles": 20, "maxGenerations": 3, "predictiveDraws": 4}
                }
                """);
        Outcome threads = execute("posterior", scenario, "--spec", spec, "--out", dir.resolve("threads"),
                "--threads", 2, "--quiet");
        assertEquals(Main.OK, threads.code(), threads.err());
        // Tasks of 3 proposals: each batch is cut into several tasks, run on two threads.
        Outcome spark = execute("posterior", scenario, "--spec", spec, "--out", dir.resolve("spark"), "--executor",
                "spark", "--spark-master", "local[2]", "--proposals-per-task", 3, "--quiet");
        assertEquals(Main.OK, spark.code(), spark.err());
        for (String file : List.of("posterior.csv", "posterior-summary.csv", "summary.csv", "fit.csv",
                "prior-density.csv")) {
            assertEquals(Files.readString(dir.resolve("threads").resolve(file)),
                    Files.readString(dir.resolve("spark").resolve(file)), file);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode onSpark = json.readTree(dir.resolve("spark/posterior.json").toFile());
        assertEquals("spark local[2]", onSpark.get("executor").asText());
        assertEquals("threads 2", json.readTree(dir.resolve("threads/posterior.json").toFile()).get("executor")
                .asText());
        assertEquals(3, onSpark.get("generations").asInt());
        assertEquals(1 + 3 * 20, Files.readAllLines(dir.resolve("spark/posterior.csv")).size());

        // A sweep over this posterior: the workers rebuild its draws from sweep.resolved.json.
        Path sweep = Files.writeString(dir.resolve("women.json"), """
                {"scenario": "small.json",
                 "parameters": [{"name": "women", "path": "$.attempts.femaleShare", "levels": [0.5, 0.75]}],
                 "design": {"kind": "grid"},
                 "replications": 4, "seed": 3,
                 "outputs": {"measures": ["arrivals"], "sexes": ["all"]},
                 "posterior": {"folder": "spark"}}
                """);
        Outcome local = execute("sweep", sweep, "--out", dir.resolve("sweep-threads"), "--threads", 2, "--quiet");
        assertEquals(Main.OK, local.code(), local.err());
        Outcome cluster = execute("sweep", sweep, "--out", dir.resolve("sweep-spark"), "--executor", "spark",
                "--spark-master", "local[2]", "--runs-per-task", 2, "--quiet");
        assertEquals(Main.OK, cluster.code(), cluster.err());
        assertEquals(Files.readString(dir.resolve("sweep-threads/results.csv")),
                Files.readString(dir.resolve("sweep-spark/results.csv")));
    }
}
