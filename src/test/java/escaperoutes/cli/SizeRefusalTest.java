package escaperoutes.cli;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.scenario.ScenarioReaderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario of absurd size validates, but every command that would run it refuses it before writing anything,
 * with exit code 2, naming the file and the persons and bytes it would need.
 */
class SizeRefusalTest {

    /**
     * The small scenario (2010-2011, the crackdown halving attempts in 2011) at 10⁹ attempts a year: 150 in stock
     * + 10⁹ × 547.5 / 365.25 = 1,498,973,306 attempts; × 38 bytes = 53.0 GiB, 106.1 GiB for two at once.
     */
    private static final String NEEDS = "too large to run: a replication would create about 1,498,973,456 persons "
            + "(150 already in China at the start, 1,498,973,306 attempts over 2.0 years, at scale 1), 53.0 GiB at 38 "
            + "bytes a person; 106.1 GiB for the 2 replications run at once, but this Java may use ";

    @TempDir
    Path dir;
    private Path huge;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        huge = Files.writeString(dir.resolve("huge.json"), """
                {"extends": "small.json", "name": "huge", "attempts": {"attemptsPerYear": 1e9}}""");
    }

    private void assertRefused(Outcome o, Path file, String where) {
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertEquals("error: " + file + ": 1 problem:", o.err().lines().findFirst().orElseThrow());
        String problem = o.err().lines().skip(1).findFirst().orElseThrow();
        assertTrue(problem.startsWith("  " + file + ": " + where + ": " + NEEDS), problem);
        assertEquals("", o.out());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written");
    }

    @Test
    void runValidatesButRefusesToRun() {
        assertEquals(Main.OK, execute("validate", huge).code());
        assertRefused(execute("run", huge, "--replications", 4, "--threads", 2, "--out", dir.resolve("out")), huge,
                "$");
    }

    @Test
    void compareRefusesTheScenarioThatDoesNotFit() {
        Path small = dir.resolve("small.json");
        assertRefused(execute("compare", small, huge, "--replications", 2, "--threads", 2, "--out",
                dir.resolve("out")), huge, "$");
    }

    @Test
    void calibrateRefusesBoundsThatCanReachTheSize() throws IOException {
        Files.writeString(dir.resolve("observed.csv"), "period_start,period_end,male,female,total\n"
                + "2010,2010,40,110,150\n2011,2011,35,95,130\n");
        Path spec = Files.writeString(dir.resolve("calibration.json"), """
                {"parameters": [{"path": "$.attempts.attemptsPerYear", "lower": 200, "upper": 1e9}],
                 "observed": "observed.csv", "fitWindow": {"from": 2010, "to": 2011}, "replications": 2,
                 "budget": 4, "optimizer": "nelder_mead"}""");
        assertRefused(execute("calibrate", dir.resolve("small.json"), "--spec", spec, "--threads", 2,
                "--final-replications", 2, "--out", dir.resolve("out")), spec, "$.parameters");
    }

    @Test
    void sweepRefusesItsLargestPointAndSoDoesThatPointAlone() throws IOException {
        Path spec = Files.writeString(dir.resolve("sweep.json"), """
                {"name": "huge-sweep", "scenario": "small.json",
                 "parameters": [{"name": "attempts", "path": "$.attempts.attemptsPerYear", "levels": [200, 1e9]}],
                 "design": {"kind": "grid"}, "replications": 2}""");
        assertRefused(execute("sweep", spec, "--threads", 2, "--out", dir.resolve("out"), "--quiet"), spec,
                "$.parameters: point 1");
        assertRefused(execute("sweep", spec, "--only-point", 1, "--threads", 2, "--out", dir.resolve("out"),
                "--quiet"), spec, "$.parameters: point 1");
    }
}
