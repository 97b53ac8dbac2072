package escaperoutes.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.model.Duration;
import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.MultiplierKind;
import escaperoutes.model.Person;
import escaperoutes.model.Sex;
import escaperoutes.model.Status;
import escaperoutes.model.TestNetworks;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.simulation.Replications;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sim.util.Interval;
import sim.util.Properties;

/** The window's model, controls and map, driven without a display (MASON's GUIState steps without a console). */
class WindowModelTest {

    /**
     * Same seed, no edits: the window's run counts, year by year and by sex, exactly what {@code run}'s replication 0
     * counts (its days per step, the map listening and the inspector's refreshes change nothing). The window plays
     * the first 10 years (the whole run would take 13 s here, for no more certainty), compared with the whole run's.
     */
    @Test
    void theWindowsRunIsReplicationZeroOfItsSeed() throws Exception {
        Scenario baseline = new ScenarioReader().read(Path.of("scenarios/baseline.json"));
        ModelConfig config = ScenarioCompiler.compile(baseline);
        EscapeRoutesWithUI gui = new EscapeRoutesWithUI(baseline, config, 7);
        int years = 10;
        gui.stopAtDay(config.calendar().yearStartDay(years));
        // A month a step rather than a week: a quarter of the map's updates, the same results.
        ((EnforcementControls) gui.getSimulationInspectedObject()).setDaysPerStep(30);
        Properties properties = Properties.getProperties(gui.getSimulationInspectedObject());
        properties.setValue(index(properties, "Segment"), config.segments().indexOf("nk_border"));
        int women = index(properties, "WomenMultiplier");
        gui.start();
        while (gui.step()) {
            // As MASON's console does after each step: its slider, showing the multiplier (1.2999999999999998 for
            // the border's attempts in 2000), writes back the position below (1.29), which must change nothing.
            double shown = (double) properties.getValue(women);
            properties.setValue(women, (int) (shown / 0.01) * 0.01);
        }
        EscapeModel model = gui.model();
        assertEquals(config.calendar().yearStartDay(years), model.daysDone());
        RunResult window = gui.recorder().result(0, model.personEvents(), model.personsCreated());
        RunResult run = Replications.runOne(config, 7, 0);
        for (int year = run.firstYear(); year < run.firstYear() + years; year++) {
            for (SexGroup sex : SexGroup.values()) {
                assertEquals(run.value(Measure.ARRIVALS, year, sex), window.value(Measure.ARRIVALS, year, sex),
                        year + " " + sex);
                assertEquals(run.value(Measure.BORDER_CROSSINGS, year, sex),
                        window.value(Measure.BORDER_CROSSINGS, year, sex), year + " " + sex);
            }
        }
        assertEquals(config.places().size(), gui.view().nodes.length);
    }

    /** Days of border crossings (North Korea → China). */
    private static final class Crossings implements ModelListener {
        final List<Double> days = new ArrayList<>();

        @Override
        public void transition(Person person, Status from, Status to, double day) {
            if (from == Status.TRAVELLING_NK && to == Status.TRANSIT_CHINA) {
                days.add(day);
            }
        }
    }

    /**
     * The border's ATTEMPT multiplier set to 0 through the inspector's property (MASON's Properties, as the console
     * sets it) on day 100: on the chain network (attempts at 10 a day, two legs of a day each to China, no risks)
     * crossings go on until the people already on their way are across, and none happens from day 102 on.
     */
    @Test
    void theAttemptMultiplierSetToZeroThroughItsPropertyStopsNewCrossings() {
        Duration day = new Duration.Fixed(1);
        double[][] noRisks = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        ModelConfig config = TestNetworks.chain(3_650, 300, 300, new Duration[] {day, day, day, day}, noRisks);
        Crossings crossings = new Crossings();
        EscapeModel model = new EscapeModel(config, 3, 0, crossings);
        EnforcementControls controls = new EnforcementControls(() -> model);
        Properties properties = Properties.getProperties(controls);
        model.setDaysPerStep(10);
        model.start();
        while (model.daysDone() < 100) {
            model.schedule.step(model);
        }
        assertEquals("2000-04-10", properties.getValue(index(properties, "Date")));
        properties.setValue(index(properties, "Segment"), config.segments().indexOf("nk"));
        properties.setValue(index(properties, "Kind"), MultiplierKind.ATTEMPT.ordinal());
        int women = index(properties, "WomenMultiplier");
        assertTrue(properties.getDomain(women) instanceof Interval, "a slider: " + properties.getDomain(women));
        assertEquals(1.0, properties.getValue(women));
        properties.setValue(women, 0.0);
        assertEquals(0.0, properties.getValue(women));
        while (model.schedule.step(model)) {
            // to the end
        }
        assertTrue(crossings.days.stream().filter(d -> d < 100).count() > 900, "crossings before day 100");
        assertTrue(crossings.days.stream().anyMatch(d -> d >= 100 && d < 102), "people already on their way cross");
        assertEquals(List.of(), crossings.days.stream().filter(d -> d >= 102).toList());
    }

    /**
     * A multiplier set while the console is stopped holds for the run the next start builds, from its first day to
     * the end of the first regime; the run after that starts from the scenario again.
     */
    @Test
    void aMultiplierSetBeforeStartHoldsForTheNextRun() throws Exception {
        Scenario baseline = new ScenarioReader().read(Path.of("scenarios/baseline.json"));
        ModelConfig config = ScenarioCompiler.compile(baseline);
        EscapeRoutesWithUI gui = new EscapeRoutesWithUI(baseline, config, 7);
        Properties properties = Properties.getProperties(gui.getSimulationInspectedObject());
        int border = config.segments().indexOf("nk_border");
        properties.setValue(index(properties, "Segment"), border);
        properties.setValue(index(properties, "Kind"), MultiplierKind.ATTEMPT.ordinal());
        properties.setValue(index(properties, "MenMultiplier"), 0.0);
        gui.start();
        assertEquals(0.0, gui.model().regimeMultiplier(border, MultiplierKind.ATTEMPT, Sex.MALE, 0));
        assertEquals(0.0, properties.getValue(index(properties, "MenMultiplier")));
        assertTrue(gui.model().regimeMultiplier(border, MultiplierKind.ATTEMPT, Sex.FEMALE, 0) > 0);
        gui.finish();
        gui.start();
        assertTrue(gui.model().regimeMultiplier(border, MultiplierKind.ATTEMPT, Sex.MALE, 0) > 0);
    }

    @Test
    void whatTheSliderWritesBackWhenRefreshedIsNoChange() {
        assertTrue(EnforcementControls.isSliderEcho(1.29, 1.2999999999999998));
        assertTrue(EnforcementControls.isSliderEcho(1.3, 1.3));
        assertTrue(!EnforcementControls.isSliderEcho(1.28, 1.2999999999999998));
        assertTrue(!EnforcementControls.isSliderEcho(0.0, 1.3));
        assertTrue(!EnforcementControls.isSliderEcho(1.31, 1.3));
    }

    private static int index(Properties properties, String name) {
        for (int i = 0; i < properties.numProperties(); i++) {
            if (properties.getName(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no property " + name);
    }
}
