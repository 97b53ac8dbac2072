package escaperoutes.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sim.engine.SimState;

/**
 * A MASON checkpoint of the baseline taken mid-run (MASON's {@code -docheckpoint}) and read back ({@code
 * -checkpoint}) continues exactly as the uninterrupted run: the same arrivals every year.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void aRunReadBackFromItsCheckpointContinuesAsTheUninterruptedRun() throws Exception {
        ModelConfig config = ScenarioCompiler.compile(new ScenarioReader().readWithParents(
                Path.of("scenarios/baseline.json")).scenario());
        MasonMain.ArrivalsReport whole = new MasonMain.ArrivalsReport(config, 3, false);
        EscapeModel uninterrupted = new EscapeModel(config, 3, 0, whole);
        uninterrupted.start();
        while (uninterrupted.schedule.step(uninterrupted)) {
            // to the end
        }
        uninterrupted.finish();

        MasonMain.ArrivalsReport first = new MasonMain.ArrivalsReport(config, 3, false);
        EscapeModel before = new EscapeModel(config, 3, 0, first);
        before.start();
        while (before.daysDone() < 4000 && before.schedule.step(before)) {
            // to day 4,000 (2008)
        }
        File checkpoint = dir.resolve("model.checkpoint").toFile();
        before.writeToCheckpoint(checkpoint);
        EscapeModel after = (EscapeModel) SimState.readFromCheckpoint(checkpoint);
        while (after.schedule.step(after)) {
            // to the end
        }
        after.finish();
        MasonMain.ArrivalsReport resumed = (MasonMain.ArrivalsReport) after.listener();
        for (int year = 1998; year <= 2030; year++) {
            assertEquals(whole.result().value(Measure.ARRIVALS, year, SexGroup.ALL),
                    resumed.result().value(Measure.ARRIVALS, year, SexGroup.ALL), "arrivals in " + year);
        }
    }
}
