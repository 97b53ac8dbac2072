package escaperoutes.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.chart.Palette;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.simulation.Replications;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window itself, in a JVM of its own on a private Xvfb ({@link TestDisplay}): {@code gui --days --snapshot} on
 * the baseline. Skipped, with the reason, on a machine with neither Xvfb nor a display.
 */
class GuiWindowTest {
    private static final Path BASELINE = Path.of("scenarios/baseline.json");
    private static TestDisplay display;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDisplay() throws Exception {
        display = TestDisplay.start();
    }

    @AfterAll
    static void stopDisplay() throws Exception {
        if (display != null) {
            display.close();
        }
    }

    /**
     * A simulated year of the baseline: exit 0, one node on the map per place of the scenario (provinces and
     * places), people on it, the year's arrivals those of {@code run}'s replication 0 on the same seed, and a PNG
     * that is a picture — many colours, the women's dots among them.
     */
    @Test
    void theConsoleRunsAYearOfTheBaselineAndWritesASnapshot() throws Exception {
        Path png = dir.resolve("window.png");
        TestDisplay.Outcome run = TestDisplay.java(display.display, 120, dir, "escaperoutes.cli.Main", "gui",
                BASELINE.toString(), "--days", "365", "--snapshot", png.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Matcher shown = Pattern.compile("ran baseline to 1999-01-01 \\(day 365\\): the map shows (\\d+) places and "
                + "(\\d+) people").matcher(run.out());
        assertTrue(shown.find(), run.out());
        Scenario baseline = new ScenarioReader().read(BASELINE);
        assertEquals(baseline.provinces().size() + baseline.places().size(), Integer.parseInt(shown.group(1)));
        assertTrue(Integer.parseInt(shown.group(2)) > 1000, "people on the map: " + shown.group(2));
        // The console's run is run's replication 0 of the seed (1, the default of both).
        RunResult replication0 = Replications.runOne(ScenarioCompiler.compile(baseline), 1, 0);
        String arrivals = String.format("arrivals in the years completed: 1998 %.0f",
                replication0.value(Measure.ARRIVALS, 1998, SexGroup.ALL));
        assertTrue(run.out().contains(arrivals + System.lineSeparator()), arrivals + " in " + run.out());

        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 1000 && image.getHeight() > 600, image.getWidth() + "x" + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        int women = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                women += rgb == (Palette.WOMEN.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        assertTrue(colours.size() > 50, "colours in the snapshot: " + colours.size());
        assertTrue(women > 100, "pixels in the women's colour: " + women);
    }

    /** Bad input to gui is refused before any window opens: exit 2, with the reason. */
    @Test
    void aBadDaysIsRefused() throws Exception {
        TestDisplay.Outcome run = TestDisplay.java(display.display, 60, dir, "escaperoutes.cli.Main", "gui",
                BASELINE.toString(), "--days", "0");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: --days 0: the scenario runs 12053 days (1998-01-01 to 2030-12-31)"),
                run.err());
    }
}
