package escaperoutes.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.model.Duration;
import escaperoutes.model.EscapeModel;
import escaperoutes.model.HidingBehaviour;
import escaperoutes.model.InitialStock;
import escaperoutes.model.Leg;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.Person;
import escaperoutes.model.Place;
import escaperoutes.model.Status;
import escaperoutes.model.TestNetworks;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outcomes of each year's crossers, checked against a log of every person's own history kept beside the
 * recorder: on the baseline (every mechanism, the initial stock, retries after repatriation), and on chains whose
 * answers can be worked out by hand.
 */
class CohortOutcomesTest {

    /** One person's history as the log saw it. */
    private static final class History {
        Status first;
        Status last;
        /** Day of the first crossing from North Korea into China, NaN if none. */
        double firstCrossing = Double.NaN;
        int crossings;
        int sex;
    }

    /** Passes every transition on to the recorder and keeps each person's history. */
    private static final class Log implements ModelListener {
        final Map<Person, History> people = new IdentityHashMap<>();
        private final ModelListener next;

        Log(ModelListener next) {
            this.next = next;
        }

        @Override
        public void transition(Person person, Status from, Status to, double day) {
            History h = people.computeIfAbsent(person, p -> new History());
            if (h.first == null) {
                h.first = to;
                h.sex = person.sex().index();
            }
            if (from == Status.TRAVELLING_NK && to == Status.TRANSIT_CHINA) {
                if (h.crossings++ == 0) {
                    h.firstCrossing = day;
                }
            }
            h.last = to;
            next.transition(person, from, to, day);
        }
    }

    private record Run(RunResult result, Log log, ModelConfig config) {
    }

    private static Run run(ModelConfig config, long seed) {
        Recorder recorder = new Recorder(config);
        Log log = new Log(recorder);
        EscapeModel model = new EscapeModel(config, seed, 0, log);
        model.runToEnd();
        return new Run(recorder.result(0, model.personEvents(), model.personsCreated()), log, config);
    }

    private static double total(RunResult r, int year, SexGroup sex) {
        double sum = 0;
        for (CohortOutcome outcome : CohortOutcome.values()) {
            sum += r.cohortOutcome(year, outcome, sex);
        }
        return sum;
    }

    @Test
    void outcomesAddUpToFirstCrossingsAndMatchEachPersonsFinalStatus() throws Exception {
        ModelConfig config = ScenarioCompiler.compile(new ScenarioReader().read(Path.of("scenarios/baseline.json")))
                .withScale(0.1);
        Run run = run(config, 23);
        RunResult r = run.result();
        int firstYear = config.calendar().firstYear();
        int years = config.calendar().years();
        double perAgent = 1 / config.scale();

        // The people already in China: their first transition is into hiding, not onto the road.
        long stockSize = 0;
        for (InitialStock stock : config.initialStock()) {
            stockSize += Math.round(stock.persons() * config.scale());
        }
        long stock = 0;
        long stockCrossedAgain = 0;
        long crossers = 0;
        long crossedAgain = 0;
        // expected[year][outcome][sex] and first crossings[year][sex], agents, from the log alone.
        long[][][] expected = new long[years][CohortOutcome.COUNT][2];
        long[][] firstCrossings = new long[years][2];
        for (History h : run.log().people.values()) {
            if (h.first != Status.TRAVELLING_NK && h.first != Status.TRANSIT_ABROAD) {
                stock++;
                if (!Double.isNaN(h.firstCrossing)) {
                    stockCrossedAgain++;
                }
                continue;
            }
            if (Double.isNaN(h.firstCrossing)) {
                continue;
            }
            crossers++;
            if (h.crossings > 1) {
                crossedAgain++;
            }
            int y = config.calendar().yearIndex(h.firstCrossing);
            firstCrossings[y][h.sex]++;
            expected[y][CohortOutcome.of(h.last).ordinal()][h.sex]++;
        }
        assertEquals(stockSize, stock, "initial stock");
        assertTrue(stockCrossedAgain > 0, "some of the initial stock must cross during the run, to be left out");
        assertTrue(crossedAgain > 0, "some must be sent back and cross again, to stay in their first cohort");

        double cohortTotal = 0;
        double[] outcomeTotals = new double[CohortOutcome.COUNT];
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            for (SexGroup sex : SexGroup.values()) {
                long crossed = sex == SexGroup.ALL ? firstCrossings[y][0] + firstCrossings[y][1]
                        : firstCrossings[y][sex.ordinal()];
                assertEquals(crossed * perAgent, total(r, year, sex), 1e-6, "first crossings in " + year + " " + sex);
                assertTrue(total(r, year, sex) <= r.value(Measure.BORDER_CROSSINGS, year, sex) + 1e-6,
                        "first crossings are some of the year's crossings");
                for (CohortOutcome outcome : CohortOutcome.values()) {
                    long[] e = expected[y][outcome.ordinal()];
                    long n = sex == SexGroup.ALL ? e[0] + e[1] : e[sex.ordinal()];
                    assertEquals(n * perAgent, r.cohortOutcome(year, outcome, sex), 1e-6,
                            outcome + " of the " + year + " cohort, " + sex);
                }
            }
            cohortTotal += total(r, year, SexGroup.ALL);
            for (CohortOutcome outcome : CohortOutcome.values()) {
                outcomeTotals[outcome.ordinal()] += r.cohortOutcome(year, outcome, SexGroup.ALL);
            }
        }
        assertEquals(crossers * perAgent, cohortTotal, 1e-6, "every person who crossed, in exactly one cohort");
        for (CohortOutcome outcome : CohortOutcome.values()) {
            assertTrue(outcomeTotals[outcome.ordinal()] > 0, "the baseline must produce some " + outcome);
        }
        assertTrue(cohortTotal < r.sum(Measure.BORDER_CROSSINGS, firstYear, firstYear + years - 1, SexGroup.ALL),
                "crossings after a repatriation are not first crossings");
    }

    private static final Duration[] FIXED = {new Duration.Fixed(2), new Duration.Fixed(1), new Duration.Fixed(5),
        new Duration.Fixed(7)};

    /**
     * Nothing goes wrong on the chain home →2d→ border →1d→ China →5d→ Laos →7d→ South Korea (all women), run over
     * 2000-01-01..2001-12-31 (days 0 to 731; 2001 starts on day 366). A person crossing on day c is in Laos from
     * c + 5 and in South Korea from c + 12, so at the end everyone with c &lt; 719 has arrived, 719 ≤ c &lt; 726 is in
     * Laos and 726 ≤ c is still in China; the whole 2000 cohort has arrived.
     */
    @Test
    void withoutHazardsCrossersHaveArrivedOrAreStillOnTheWay() {
        double[][] safe = new double[4][3];
        Run run = run(TestNetworks.chain(3_000, 731, 731, FIXED, safe), 5);
        RunResult r = run.result();
        long[][] expected = new long[2][CohortOutcome.COUNT];
        for (History h : run.log().people.values()) {
            double c = h.firstCrossing;
            if (Double.isNaN(c)) {
                continue;
            }
            CohortOutcome outcome = c < 719 ? CohortOutcome.REACHED_SOUTH_KOREA
                    : c < 726 ? CohortOutcome.IN_THIRD_COUNTRY : CohortOutcome.IN_CHINA;
            expected[c < 366 ? 0 : 1][outcome.ordinal()]++;
        }
        assertTrue(expected[1][CohortOutcome.IN_THIRD_COUNTRY.ordinal()] > 0
                && expected[1][CohortOutcome.IN_CHINA.ordinal()] > 0, "the run must end with people on the way");
        assertEquals(0, expected[0][CohortOutcome.IN_CHINA.ordinal()] + expected[0][CohortOutcome.IN_THIRD_COUNTRY
                .ordinal()]);
        for (int y = 0; y < 2; y++) {
            for (CohortOutcome outcome : CohortOutcome.values()) {
                assertEquals(expected[y][outcome.ordinal()], r.cohortOutcome(2000 + y, outcome, SexGroup.FEMALE),
                        outcome + " of the " + (2000 + y) + " cohort");
                assertEquals(0.0, r.cohortOutcome(2000 + y, outcome, SexGroup.MALE));
            }
            // No turning back and no retries: every crossing is a first crossing.
            assertEquals(r.value(Measure.BORDER_CROSSINGS, 2000 + y, SexGroup.ALL), total(r, 2000 + y, SexGroup.ALL));
        }
        assertTrue(r.cohortOutcome(2000, CohortOutcome.REACHED_SOUTH_KOREA, SexGroup.ALL) > 2_500);
    }

    /**
     * Attempts during the first 360 days of 2000 only (so every crossing, 3 days after setting out, falls in 2000),
     * a 30 % chance of arrest at the border (caught, home for good: in no cohort) and certain death on the China →
     * Laos leg: every crosser died within five days of crossing, and nobody crossed in 2001.
     */
    @Test
    void withACertainDeathLegEveryCrosserDied() {
        double[][] risks = {{0, 0, 0}, {0, 0.3, 0}, {1, 0, 0}, {0, 0, 0}};
        RunResult r = run(TestNetworks.chain(3_000, 360, 731, FIXED, risks), 9).result();
        double crossed = r.value(Measure.BORDER_CROSSINGS, 2000, SexGroup.ALL);
        double attempts = r.value(Measure.ATTEMPTS, 2000, SexGroup.ALL);
        assertEquals(0.7 * attempts, crossed, 3 * Math.sqrt(attempts * 0.7 * 0.3), "crossings");
        assertEquals(crossed, r.cohortOutcome(2000, CohortOutcome.DIED, SexGroup.ALL));
        assertEquals(crossed, r.cohortOutcome(2000, CohortOutcome.DIED, SexGroup.FEMALE));
        assertEquals(crossed, total(r, 2000, SexGroup.ALL));
        assertEquals(0.0, total(r, 2001, SexGroup.ALL));
        assertTrue(r.value(Measure.BORDER_CAUGHT, 2000, SexGroup.ALL) > 0, "some were caught and are in no cohort");
    }

    /**
     * A chain whose China stop also has a leg back to the border in North Korea, taken half the time: people cross,
     * walk back, and cross again (the entry day moves each time), all on one trip. Each person is counted once, in
     * the year of the first crossing, and in the outcome of their last status, as the log of their history says.
     */
    @Test
    void crossingAgainOnTheSameTripKeepsTheFirstCrossingsCohort() {
        List<Place> places = List.of(
                new Place(0, "home", "north_korea", 0, false, 0),
                new Place(1, "border", "north_korea", 0, false, 0),
                new Place(2, "transit", "china", 1, false, 1),
                new Place(3, "laos", "laos", 2, false, 2),
                new Place(4, "sk", "south_korea", 3, false, 2));
        List<Leg> legs = List.of(
                new Leg(0, 1, 1.0, new Duration.Fixed(2), 0, 0, 0, 0),
                new Leg(1, 2, 1.0, new Duration.Fixed(1), 0, 0, 0, 0),
                new Leg(2, 1, 1.0, new Duration.Fixed(20), 0, 0, 0, 1),
                new Leg(2, 3, 1.0, new Duration.Fixed(5), 0, 0, 0, 1),
                new Leg(3, 4, 1.0, new Duration.Fixed(7), 0, 0, 0, 2));
        ModelConfig config = TestNetworks.config(List.of("north_korea", "china", "laos", "south_korea"),
                List.of("nk", "cn", "exit", "attemptsOff"), places, legs, 2_000, 731, 731,
                new HidingBehaviour(1.0, 0.0, new Duration.Fixed(1)), 0.0, List.of(), List.of());
        Run run = run(config, 3);
        RunResult r = run.result();
        long[][] expected = new long[2][CohortOutcome.COUNT];
        long crossers = 0;
        for (History h : run.log().people.values()) {
            if (!Double.isNaN(h.firstCrossing)) {
                crossers++;
                expected[config.calendar().yearIndex(h.firstCrossing)][CohortOutcome.of(h.last).ordinal()]++;
            }
        }
        double crossings = r.sum(Measure.BORDER_CROSSINGS, 2000, 2001, SexGroup.ALL);
        assertTrue(crossings > 1.5 * crossers, crossings + " crossings by " + crossers + " persons");
        assertTrue(expected[1][CohortOutcome.IN_NORTH_KOREA.ordinal()] > 0, "someone must end the run walking back");
        for (int y = 0; y < 2; y++) {
            for (CohortOutcome outcome : CohortOutcome.values()) {
                assertEquals(expected[y][outcome.ordinal()], r.cohortOutcome(2000 + y, outcome, SexGroup.ALL),
                        outcome + " of the " + (2000 + y) + " cohort");
            }
        }
    }

    @Test
    void everyStatusHasOneOutcome() {
        assertEquals(List.of(Status.ARRIVED), statusesOf(CohortOutcome.REACHED_SOUTH_KOREA));
        assertEquals(List.of(Status.NOT_STARTED, Status.TRAVELLING_NK, Status.DETAINED_NK, Status.WAITING_NK,
                Status.STAYED_NK), statusesOf(CohortOutcome.IN_NORTH_KOREA));
        assertEquals(List.of(Status.DIED), statusesOf(CohortOutcome.DIED));
        assertEquals(List.of(Status.HIDING_CHINA, Status.TRANSIT_CHINA, Status.DETAINED_CHINA),
                statusesOf(CohortOutcome.IN_CHINA));
        assertEquals(List.of(Status.TRANSIT_ABROAD), statusesOf(CohortOutcome.IN_THIRD_COUNTRY));
    }

    private static List<Status> statusesOf(CohortOutcome outcome) {
        return java.util.Arrays.stream(Status.values()).filter(s -> CohortOutcome.of(s) == outcome).toList();
    }
}
