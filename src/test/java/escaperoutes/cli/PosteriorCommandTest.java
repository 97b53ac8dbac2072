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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The posterior command end to end, on the small test scenario and the shipped observed series (2010-2011). */
class PosteriorCommandTest {
    @TempDir
    Path dir;

    private static final String SPEC = """
            {
              "parameters": [
                {"path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 5000, "logScale": true},
                {"path": "$.attempts.femaleShare", "lower": 0.3, "upper": 0.9,
                 "prior": {"distribution": "normal", "mean": 0.7, "sd": 0.1, "source": "made up for the test"}}
              ],
              "fitWindow": {"from": 2010, "to": 2011},
              "seed": 4,
              "posterior": {"particles": 20, "maxGenerations": 3, "predictiveDraws": 6}
            }
            """;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
    }

    private Path spec(String text) throws Exception {
        return Files.writeString(dir.resolve("spec.json"), text);
    }

    @Test
    void writesThePosteriorFolderTheSameWhateverTheThreads() throws Exception {
        Path scenario = scenario();
        Path spec = spec(SPEC);
        Outcome one = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("a").toString(), "--threads", "1", "--quiet");
        assertEquals(0, one.code(), one.err());
        Outcome two = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("b").toString(), "--threads", "2");
        assertEquals(0, two.code(), two.err());
        assertTrue(two.out().contains("3 generations"), two.out());
        // Everything but the seconds each generation took (posterior-state.csv and generations.csv hold them).
        for (String file : List.of("posterior.csv", "posterior-summary.csv", "summary.csv", "fit.csv",
                "prior-density.csv")) {
            assertEquals(Files.readString(dir.resolve("a").resolve(file)),
                    Files.readString(dir.resolve("b").resolve(file)), file);
        }
        List<String> posterior = Files.readAllLines(dir.resolve("a/posterior.csv"));
        assertEquals("generation,particle,weight,distance,$.attempts.attemptsPerYear,$.attempts.femaleShare",
                posterior.get(0));
        assertEquals(1 + 3 * 20, posterior.size(), "header and 3 generations of 20 particles");
        List<String> summary = Files.readAllLines(dir.resolve("a/posterior-summary.csv"));
        assertEquals("parameter,log_scale,lower,upper,prior,prior_low,prior_high,mean,p05,p50,p95,ess,width_ratio",
                summary.get(0));
        assertTrue(summary.get(1).startsWith("$.attempts.attemptsPerYear,true,100,5000,log_uniform,"),
                summary.get(1));
        // The normal prior's 5% and 95% quantiles: 0.7 ∓ 1.6449 × 0.1 (truncation at 0.3 and 0.9 moves them
        // slightly: the upper tail loses 2.3% of the mass, the lower 0.003%).
        String[] women = summary.get(2).split(",");
        assertEquals("normal", women[4]);
        assertEquals(0.7 - 0.1 * 1.7, Double.parseDouble(women[5]), 0.02);
        assertEquals(0.7 + 0.1 * 1.5, Double.parseDouble(women[6]), 0.02);
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("a/posterior.json").toFile());
        assertEquals(3, metrics.get("generations").asInt());
        assertEquals("maximum of 3 generations reached", metrics.get("stoppedBecause").asText());
        assertEquals(20, metrics.get("particles").asInt());
        // The posterior predictive runs: 6 draws, each one replication.
        assertEquals(1 + 6 * 3, Files.readAllLines(dir.resolve("a/annual.csv")).stream()
                .filter(l -> l.startsWith("replication") || l.contains(",2010,arrivals,")).count());
    }

    @Test
    void aResumedPosteriorContinuesAsIfUninterrupted() throws Exception {
        Path scenario = scenario();
        Path spec = spec(SPEC);
        assertEquals(0, execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("whole").toString(), "--quiet").code());
        // Stopped by its budget after generation 1 (20 + at most 40 simulations), then resumed with the full budget.
        Outcome first = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("part").toString(), "--max-simulations", "60", "--quiet");
        assertEquals(0, first.code(), first.err());
        int generations = new ObjectMapper().readTree(dir.resolve("part/posterior.json").toFile())
                .get("generations").asInt();
        assertTrue(generations < 3, "generations " + generations);
        Outcome resumed = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--resume",
                dir.resolve("part").toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        for (String file : List.of("posterior.csv", "posterior-summary.csv", "summary.csv")) {
            assertEquals(Files.readString(dir.resolve("whole").resolve(file)),
                    Files.readString(dir.resolve("part").resolve(file)), file);
        }
    }

    @Test
    void aResumeWithAnotherSpecIsRefused() throws Exception {
        Path scenario = scenario();
        assertEquals(0, execute("posterior", scenario.toString(), "--spec", spec(SPEC).toString(), "--out",
                dir.resolve("p").toString(), "--max-simulations", "20", "--quiet").code());
        String before = Files.readString(dir.resolve("p/posterior-state.csv"));
        Path other = spec(SPEC.replace("\"upper\": 5000", "\"upper\": 6000"));
        Outcome o = execute("posterior", scenario.toString(), "--spec", other.toString(), "--resume",
                dir.resolve("p").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("differs from the spec given"), o.err());
        assertEquals(before, Files.readString(dir.resolve("p/posterior-state.csv")));
    }

    @Test
    void badPriorsAreReportedWithTheirPathAndNothingIsWritten() throws Exception {
        Path scenario = scenario();
        Path spec = spec(SPEC.replace("\"mean\": 0.7, \"sd\": 0.1", "\"mean\": 1.2, \"sd\": 0")
                .replace("\"logScale\": true}", "\"logScale\": true, \"prior\": {\"distribution\": \"log_normal\", "
                        + "\"median\": 500}}"));
        Outcome o = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("p").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(spec + ": $.parameters[1].prior.mean: 1.2 is outside the parameter's interval "
                + "[0.3, 0.9]"), o.err());
        assertTrue(o.err().contains("$.parameters[1].prior.sd: must be greater than 0, found 0"), o.err());
        assertTrue(o.err().contains("$.parameters[0].prior.sdLog: missing: a log_normal prior needs median and sdLog"),
                o.err());
        assertTrue(o.err().contains("$.parameters[0].prior.source: missing"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(dir.resolve("p")));
    }

    /** A posterior of the small scenario's crackdown multiplier, for the comparisons below. */
    private Path crackdownPosterior() throws Exception {
        Path spec = spec("""
                {
                  "parameters": [
                    {"path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 5000, "logScale": true},
                    {"path": "$.regimes[name=crackdown].multipliers.nk_border.attempt.female", "lower": 0.1,
                     "upper": 1}
                  ],
                  "fitWindow": {"from": 2010, "to": 2011},
                  "seed": 4,
                  "posterior": {"particles": 20, "maxGenerations": 2, "predictiveDraws": 4}
                }
                """);
        Path out = dir.resolve("posterior");
        Outcome o = execute("posterior", scenario().toString(), "--spec", spec.toString(), "--out", out.toString(),
                "--quiet");
        assertEquals(0, o.code(), o.err());
        return out;
    }

    @Test
    void compareOverThePosteriorPairsDrawsAndSplitsTheVariance() throws Exception {
        Path posterior = crackdownPosterior();
        Path other = Files.writeString(dir.resolve("later.json"), ScenarioReaderTest.SMALL_SCENARIO
                .replace("\"name\": \"small\"", "\"name\": \"later\"")
                .replace("\"start\": \"2011-01-01\"", "\"start\": \"2011-07-01\""));
        Path out = dir.resolve("cmp");
        Outcome o = execute("compare", scenario().toString(), other.toString(), "--posterior", posterior.toString(),
                "--replications", "8", "--seed", "3", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("over the posterior (4 draws, 2 replications each)"), o.out());
        List<String> variance = Files.readAllLines(out.resolve("variance.csv"));
        assertEquals("scenario,measure,sex,from_year,to_year,difference_variance,chance_variance,"
                + "parameter_variance,parameter_share", variance.get(0));
        assertTrue(variance.stream().anyMatch(l -> l.startsWith("later,arrivals,all,2010,2011,")), variance.get(1));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(posterior.toString(), manifest.get("posterior").get("folder").asText());
        assertEquals(4, manifest.get("posterior").get("draws").asInt());
        // The same seed gives the same draws and results.
        Path again = dir.resolve("cmp2");
        assertEquals(0, execute("compare", scenario().toString(), other.toString(), "--posterior",
                posterior.toString(), "--replications", "8", "--seed", "3", "--out", again.toString(), "--quiet",
                "--threads", "1").code());
        assertEquals(Files.readString(out.resolve("cumulative.csv")), Files.readString(again.resolve("cumulative.csv")));
        assertEquals(Files.readString(out.resolve("variance.csv")), Files.readString(again.resolve("variance.csv")));
    }

    @Test
    void aPosteriorWhoseParametersAScenarioLacksIsRefused() throws Exception {
        Path posterior = crackdownPosterior();
        Path other = Files.writeString(dir.resolve("renamed.json"), ScenarioReaderTest.SMALL_SCENARIO
                .replace("\"name\": \"crackdown\"", "\"name\": \"clampdown\""));
        Outcome o = execute("compare", scenario().toString(), other.toString(), "--posterior", posterior.toString(),
                "--replications", "4", "--out", dir.resolve("cmp").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(posterior.resolve("calibration-spec.json") + ": $.parameters[1].path: "
                + "$.regimes[name=crackdown].multipliers.nk_border.attempt.female is not a number of " + other),
                o.err());
        assertFalse(Files.exists(dir.resolve("cmp")));
        Outcome odd = execute("compare", scenario().toString(), scenario().toString(), "--posterior",
                posterior.toString(), "--replications", "5", "--out", dir.resolve("cmp").toString());
        assertEquals(2, odd.code(), odd.err());
        assertTrue(odd.err().contains("with --posterior, an even number of at least 4"), odd.err());
        Outcome notPosterior = execute("compare", scenario().toString(), scenario().toString(), "--posterior",
                dir.toString(), "--replications", "4", "--out", dir.resolve("cmp").toString());
        assertEquals(2, notPosterior.code(), notPosterior.err());
        assertTrue(notPosterior.err().contains("not a posterior's folder"), notPosterior.err());
        assertFalse(Files.exists(dir.resolve("cmp")));
    }

    @Test
    void anUnknownExecutorOrASparkOptionWithoutSparkIsRefused() throws Exception {
        Path scenario = scenario();
        Path spec = spec(SPEC);
        Outcome unknown = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("p").toString(), "--executor", "dask");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("--executor dask: expected threads or spark"), unknown.err());
        Outcome master = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("p").toString(), "--spark-master", "local[2]");
        assertEquals(2, master.code(), master.err());
        assertTrue(master.err().contains("--spark-master goes with --executor spark"), master.err());
        Outcome perTask = execute("posterior", scenario.toString(), "--spec", spec.toString(), "--out",
                dir.resolve("p").toString(), "--executor", "spark", "--proposals-per-task", "0");
        assertEquals(2, perTask.code(), perTask.err());
        assertTrue(perTask.err().contains("--proposals-per-task must be at least 1, found 0"), perTask.err());
        assertFalse(Files.exists(dir.resolve("p")));
    }

    @Test
    void aSweepRunsItsPointsOverThePosteriorsDraws() throws Exception {
        Path posterior = crackdownPosterior();
        Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path spec = Files.writeString(dir.resolve("women.json"), """
                {"scenario": "small.json",
                 "parameters": [{"name": "women", "path": "$.attempts.femaleShare", "levels": [0.5, 0.75]}],
                 "design": {"kind": "grid"},
                 "replications": 4, "seed": 3,
                 "outputs": {"measures": ["arrivals"], "sexes": ["all"]},
                 "posterior": {"folder": "posterior"}}
                """);
        Outcome two = execute("sweep", spec.toString(), "--out", dir.resolve("s2").toString(), "--threads", "2",
                "--quiet");
        assertEquals(0, two.code(), two.err());
        Outcome one = execute("sweep", spec.toString(), "--out", dir.resolve("s1").toString(), "--threads", "1",
                "--quiet");
        assertEquals(0, one.code(), one.err());
        assertEquals(Files.readString(dir.resolve("s1/results.csv")), Files.readString(dir.resolve("s2/results.csv")));
        JsonNode resolved = new ObjectMapper().readTree(dir.resolve("s2/sweep.resolved.json").toFile());
        JsonNode draws = resolved.get("posterior").get("draws");
        assertEquals(2, draws.size(), "4 replications: 2 draws");
        assertEquals(2, draws.get(0).size(), "a value per posterior parameter");
        assertEquals("$.attempts.attemptsPerYear", resolved.get("posterior").get("parameters").get(0).get("path")
                .asText());
        assertEquals(64, resolved.get("posterior").get("stateSha256").asText().length());

        // Not a posterior's folder: refused at the spec's JSON path, nothing written.
        Path notPosterior = Files.writeString(dir.resolve("bad.json"), Files.readString(spec)
                .replace("\"folder\": \"posterior\"", "\"folder\": \"s1\""));
        Outcome bad = execute("sweep", notPosterior.toString(), "--out", dir.resolve("s3").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains(notPosterior + ": $.posterior.folder: " + dir.resolve("s1")
                + ": not a posterior's folder"), bad.err());
        assertFalse(Files.exists(dir.resolve("s3")));
        Outcome onePoint = execute("sweep", spec.toString(), "--only-point", "0", "--out",
                dir.resolve("s4").toString());
        assertEquals(2, onePoint.code(), onePoint.err());
        assertTrue(onePoint.err().contains("over a posterior every pair of replications has its own"),
                onePoint.err());
    }
}
