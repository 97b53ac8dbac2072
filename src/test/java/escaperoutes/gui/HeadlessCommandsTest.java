package escaperoutes.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.simulation.Replications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of this package that need no display, each in a JVM of its own without one. */
class HeadlessCommandsTest {
    @TempDir
    Path dir;

    /** Without a display, gui says so in one line and exits 2, before reading anything. */
    @Test
    void guiWithoutADisplayExitsTwoWithOneLine() throws Exception {
        TestDisplay.Outcome run = TestDisplay.java(null, 60, dir, "escaperoutes.cli.Main", "gui",
                "scenarios/baseline.json");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: gui needs a display, and there is none"), run.err());
    }

    /**
     * MASON's loop with -until 400 runs past day 400 and exits 0, printing the year 1998 it completed; the count is
     * replication 0 of the seed, as {@code run} has it.
     */
    @Test
    void masonsLoopRunsUntilTheDayAndExitsZero() throws Exception {
        TestDisplay.Outcome run = TestDisplay.java(null, 60, dir, "escaperoutes.gui.MasonMain", "-until", "400",
                "-seed", "5");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Matcher days = Pattern.compile("seed 5: (\\d+) days simulated").matcher(run.out());
        assertTrue(days.find(), run.out() + run.err());
        int simulated = Integer.parseInt(days.group(1));
        assertTrue(simulated >= 400 && simulated <= 402, "days simulated: " + simulated);
        Matcher year = Pattern.compile("\\n1998 +(\\d+) +(\\d+) +(\\d+)").matcher(run.out());
        assertTrue(year.find(), run.out());
        ModelConfig config = ScenarioCompiler.compile(new ScenarioReader().read(Path.of("scenarios/baseline.json")));
        RunResult expected = Replications.runOne(config, 5, 0);
        assertEquals(Math.round(expected.value(Measure.ARRIVALS, 1998, SexGroup.ALL)), Long.parseLong(year.group(1)));
        assertEquals(Math.round(expected.value(Measure.ARRIVALS, 1998, SexGroup.FEMALE)),
                Long.parseLong(year.group(2)));
    }

    /**
     * MASON's checkpoints: a job saved every 400 days ({@code -docheckpoint}) and continued from the checkpoint of
     * day 400 ({@code -checkpoint}, its scenario taken from the checkpoint) prints the same arrivals as the job run
     * through; a file that is not a checkpoint is refused with exit code 2.
     */
    @Test
    void aJobContinuedFromItsCheckpointEndsAsTheJobRunThrough() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        String scenario = Path.of("scenarios/baseline.json").toAbsolutePath().toString();
        TestDisplay.Outcome through = TestDisplay.java(null, 60, dir, work.toFile(), "escaperoutes.gui.MasonMain",
                "-scenario", scenario, "-until", "1000", "-seed", "5", "-docheckpoint", "400");
        assertEquals(0, through.exitCode(), through.out() + through.err());
        Path checkpoint = work.resolve("400.0.EscapeModel.checkpoint");
        assertTrue(Files.exists(checkpoint), through.err());
        TestDisplay.Outcome continued = TestDisplay.java(null, 60, dir, work.toFile(), "escaperoutes.gui.MasonMain",
                "-checkpoint", checkpoint.toString(), "-until", "1000");
        assertEquals(0, continued.exitCode(), continued.out() + continued.err());
        assertTrue(continued.err().contains("Recovered job: 0 Seed: 5"), continued.err());
        assertTrue(through.out().contains("1999 "), through.out());
        assertEquals(through.out(), continued.out());

        Path notCheckpoint = Files.writeString(work.resolve("notes.txt"), "not a checkpoint");
        TestDisplay.Outcome refused = TestDisplay.java(null, 60, dir, work.toFile(), "escaperoutes.gui.MasonMain",
                "-checkpoint", notCheckpoint.toString(), "-until", "1000");
        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("not a checkpoint of this model"), refused.err());
    }
}
