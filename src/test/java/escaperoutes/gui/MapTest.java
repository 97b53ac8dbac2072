package escaperoutes.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.model.Duration;
import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.Person;
import escaperoutes.model.Status;
import escaperoutes.model.TestNetworks;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The map's projection and its people, without a display. */
class MapTest {
    private static final double DELTA = 1e-9;

    /**
     * 12 map units a degree, and 40 (10/3 as many) inside 122-133° E and 37-44° N: the west edge (97° E) is at 0,
     * 122° E at 25 × 12 = 300, 133° E at 300 + 11 × 40 = 740; the north edge (49.5° N) at 0, 44° N at 5.5 × 12 = 66,
     * 37° N at 66 + 7 × 40 = 346, 11.5° N at 346 + 25.5 × 12 = 652.
     */
    @Test
    void theProjectionMagnifiesKoreaAndTheBorder() {
        assertEquals(0, MapPositions.eastOf(97), DELTA);
        assertEquals(300, MapPositions.eastOf(122), DELTA);
        assertEquals(740, MapPositions.eastOf(133), DELTA);
        assertEquals(764, MapPositions.eastOf(135), DELTA);
        assertEquals(0, MapPositions.southOf(49.5), DELTA);
        assertEquals(66, MapPositions.southOf(44), DELTA);
        assertEquals(346, MapPositions.southOf(37), DELTA);
        assertEquals(652, MapPositions.southOf(11.5), DELTA);
    }

    /**
     * A scenario's location wins over the shipped network's position; every place of the baseline has one, and a
     * place with none goes to the row beneath the map.
     */
    @Test
    void positionsComeFromTheScenarioThenTheShippedNetwork() throws Exception {
        Scenario baseline = new ScenarioReader().read(Path.of("scenarios/baseline.json"));
        ModelConfig config = ScenarioCompiler.compile(baseline);
        MapPositions shipped = MapPositions.of(baseline, config);
        int beijing = config.places().stream().filter(p -> p.id().equals("beijing")).findFirst().orElseThrow().index();
        assertEquals(MapPositions.eastOf(116.4), shipped.x(beijing), DELTA);
        assertEquals(MapPositions.southOf(39.9), shipped.y(beijing), DELTA);
        for (int i = 0; i < config.places().size(); i++) {
            assertTrue(!shipped.unplaced(i), config.places().get(i).id() + " has no position");
        }

        List<Scenario.PlaceSpec> places = new ArrayList<>();
        for (Scenario.PlaceSpec p : baseline.places()) {
            places.add(p.id().equals("beijing")
                    ? new Scenario.PlaceSpec("beijing", p.name(), p.country(), p.hiding(), p.segment(),
                            new Scenario.Location(110.0, 30.0))
                    : p);
        }
        Scenario edited = new Scenario(baseline.name(), baseline.description(), baseline.start(), baseline.end(),
                baseline.scale(), baseline.provinces(), baseline.attempts(), places, baseline.legs(),
                baseline.china(), baseline.northKorea(), baseline.initialStock(), baseline.regimes(),
                baseline.afterLastRegime(), baseline.events(), baseline.noRouteWaitDays(),
                baseline.annualVariation(), baseline.sources());
        MapPositions moved = MapPositions.of(edited, config);
        assertEquals(MapPositions.eastOf(110.0), moved.x(beijing), DELTA);
        assertEquals(MapPositions.southOf(30.0), moved.y(beijing), DELTA);
    }

    /**
     * On the chain network (home → border → China → Laos → South Korea, legs of 2, 1, 5 and 7 days, no risks) a
     * person is on the map from the attempt until arrival 15 days later: after every step, the dots are exactly the
     * people who set out by the day sampled and had not arrived by it.
     */
    @Test
    void theMapShowsEveryoneOnTheWayAndNobodyElse() {
        Duration[] days = {new Duration.Fixed(2), new Duration.Fixed(1), new Duration.Fixed(5), new Duration.Fixed(7)};
        double[][] noRisks = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        ModelConfig config = TestNetworks.chain(1_000, 200, 300, days, noRisks);
        MapPositions positions = MapPositions.of(emptyScenario(), config);
        // home, border, transit and sk are no ids of the shipped network: in the row beneath the map; laos is one.
        assertTrue(positions.unplaced(0) && !positions.unplaced(3));
        assertEquals(positions.bottom() + 15, positions.y(0), DELTA);
        PersonTracks tracks = new PersonTracks(config, positions);
        MapView view = new MapView(config, positions, tracks);
        List<Double> attempts = new ArrayList<>();
        List<Double> arrivals = new ArrayList<>();
        ModelListener both = new ModelListener() {
            @Override
            public boolean wantsLegs() {
                return true;
            }

            @Override
            public void leg(Person person, int leg, double fromDay, double toDay) {
                tracks.leg(person, leg, fromDay, toDay);
            }

            @Override
            public void transition(Person person, Status from, Status to, double day) {
                tracks.transition(person, from, to, day);
                if (from == Status.NOT_STARTED) {
                    attempts.add(day);
                }
                if (to == Status.ARRIVED) {
                    arrivals.add(day);
                }
            }
        };
        EscapeModel model = new EscapeModel(config, 5, 0, both);
        model.setDaysPerStep(3);
        model.start();
        int checked = 0;
        while (model.schedule.step(model)) {
            double day = model.daysDone();
            view.update(day);
            long onTheWay = attempts.stream().filter(a -> a <= day).count()
                    - arrivals.stream().filter(a -> a <= day).count();
            assertEquals(onTheWay, view.dots(), "day " + day);
            checked += onTheWay > 0 ? 1 : 0;
        }
        assertTrue(checked > 50, "steps with people on the map: " + checked);
        assertEquals(config.places().size(), view.nodes.length);
    }

    /** A scenario with no places of its own: every position comes from the shipped network or the row beneath. */
    private static Scenario emptyScenario() {
        return new Scenario("none", "", null, null, 1.0, List.of(), null, List.of(), List.of(), null, null,
                List.of(), List.of(), null, List.of(), 30, 0, java.util.Map.of());
    }
}
