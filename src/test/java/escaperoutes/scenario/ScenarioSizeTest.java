package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.Json;
import escaperoutes.io.Problem;
import escaperoutes.model.Duration;
import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.TestNetworks;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioSizeTest {
    private static final double EPS = 1e-9;

    /**
     * The small scenario runs 730 days, 2010-2011; from 2011-01-01 (day 365) the crackdown halves attempts from
     * both provinces (both in nk_border): 150 in stock + 400 a year × (365 + 0.5 × 365) days / 365.25.
     */
    private static final double SMALL_PERSONS = 150 + 400 * 547.5 / 365.25;

    private static ModelConfig small(double attemptsPerYear) throws Exception {
        JsonNode tree = Json.mapper().readTree(ScenarioReaderTest.SMALL_SCENARIO);
        ((ObjectNode) tree.get("attempts")).put("attemptsPerYear", attemptsPerYear);
        return ScenarioCompiler.compile(new ScenarioReader().fromTree(tree, "small.json"));
    }

    @Test
    void theEstimateIsTheStockPlusEachRateTimesItsAttemptMultiplierOverTheDays() throws Exception {
        ScenarioSize.Estimate e = ScenarioSize.estimate(small(400));
        assertEquals(150, e.initialStock(), EPS);
        assertEquals(400 * 547.5 / 365.25, e.attempts(), EPS);
        assertEquals(0, e.fixedRateAttempts(), EPS);
        assertEquals(0, e.chainAttempts(), EPS);
        assertEquals(730 / 365.25, e.years(), EPS);
        assertEquals(SMALL_PERSONS, e.persons(), EPS);
        assertEquals(SMALL_PERSONS * 38, e.bytes(), EPS);
        // Scale multiplies every part (the stock rounded as the model rounds it).
        assertEquals(2 * SMALL_PERSONS, ScenarioSize.estimate(small(400).withScale(2)).persons(), EPS);
    }

    /**
     * Chain defection adds a bound, hand-computed on the small scenario (730 days, highest attempt multiplier 1,
     * 599.59 persons otherwise): with 0.1 attempts per resident a year for a 12-month window each person funds at
     * most F = 0.1 / 365.25 × 365.25 = 0.1, so C ≤ 599.59 × 0.1 / 0.9; without a window the 1,000 residents at the
     * start fund for the whole run too, F = 0.1 × 730 / 365.25, C ≤ (1,000 × F + 599.59 × F) / (1 − F); at 1 a year
     * F ≥ 1 and C ≤ (1,000 + 599.59)(e^{730/365.25} − 1). And the model creates fewer than the bound.
     */
    @Test
    void chainDefectionAddsAnUpperBoundOnItsAttempts() throws Exception {
        ModelConfig config = small(400);
        double others = ScenarioSize.estimate(config).persons();
        assertEquals(SMALL_PERSONS, others, EPS);
        double perDay = 0.1 / 365.25;
        ModelConfig windowed = config.withChainDefection(new escaperoutes.model.ChainDefection(perDay, 0.5, 1000, 0, 1,
                12));
        assertEquals(others * 0.1 / 0.9, ScenarioSize.estimate(windowed).chainAttempts(), 1e-6);
        double f = 0.1 * 730 / 365.25;
        ModelConfig forEver = config.withChainDefection(new escaperoutes.model.ChainDefection(perDay, 0.5, 1000, 0, 1));
        assertEquals((1000 * f + others * f) / (1 - f), ScenarioSize.estimate(forEver).chainAttempts(), 1e-6);
        ModelConfig fast = config.withChainDefection(new escaperoutes.model.ChainDefection(1 / 365.25, 0.5, 1000, 0, 1));
        assertEquals((1000 + others) * Math.expm1(730 / 365.25), ScenarioSize.estimate(fast).chainAttempts(), 1e-6);
        for (ModelConfig c : List.of(windowed, forEver, fast)) {
            EscapeModel model = new EscapeModel(c, 3, 0, ModelListener.NONE);
            model.runToEnd();
            assertTrue(model.personsCreated() < ScenarioSize.estimate(c).persons(),
                    model.personsCreated() + " created, bound " + ScenarioSize.estimate(c).persons());
        }
    }

    /** 20,000 attempts a year for the first 365 days of 1,095: 20,000 × 365 / 365.25 expected, Poisson. */
    @Test
    void theModelCreatesTheEstimatedPersons() {
        Duration[] days = {new Duration.Fixed(2), new Duration.Fixed(1), new Duration.Fixed(5), new Duration.Fixed(7)};
        double[][] risks = {{0, 0.1, 0.05}, {0.02, 0.15, 0}, {0, 0.08, 0.04}, {0.01, 0, 0}};
        ModelConfig config = TestNetworks.chain(20_000, 365, 3 * 365, days, risks);
        double expected = 20_000 * 365 / 365.25;
        assertEquals(expected, ScenarioSize.estimate(config).persons(), EPS);
        EscapeModel model = new EscapeModel(config, 5, 0, ModelListener.NONE);
        model.runToEnd();
        assertEquals(expected, model.personsCreated(), 3 * Math.sqrt(expected));
    }

    /**
     * Two replications of the small scenario at once need 2 × 749.59 × 38 = 56,968.8 bytes, of which three quarters
     * of the heap may hold: 76,000 bytes are enough, 75,000 (56,250 usable) are not.
     */
    @Test
    void aRunBeyondThreeQuartersOfTheHeapIsRefusedWithWhatItWouldNeed() throws Exception {
        ModelConfig config = small(400);
        ScenarioSize.check("small.json", "$", config, 2, 76_000);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioSize.check("small.json", "$", config, 2, 75_000));
        assertEquals("small.json: 1 problem", e.getMessage());
        assertEquals(List.of(new Problem("small.json: $", "too large to run: a replication would create about 750 "
                + "persons (150 already in China at the start, 600 attempts over 2.0 years, at scale 1), 27.8 KiB at "
                + "38 bytes a person; 55.6 KiB for the 2 replications run at once, but this Java may use 54.9 KiB of "
                + "its 73.2 KiB heap (-Xmx); at most about 740 persons a replication fit. Lower attemptsPerYear, "
                + "fixedAttemptsPerYear, the initial stock or the scale, run fewer replications at once (--threads), "
                + "or give Java more memory.")), e.problems());
    }

    @Test
    void moreThanTheModelCanNumberIsRefusedWhateverTheMemory() throws Exception {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioSize.check("huge.json", "$", small(1e300), 1, Long.MAX_VALUE));
        String message = e.problems().get(0).message();
        assertTrue(message.startsWith("too large to run: a replication would create about 1.50e+300 persons"),
                message);
        assertTrue(message.contains("more than the 2,147,483,647 persons the model can number"), message);
    }

    /** Persons ∝ scale = v0 / v1: the largest corner of [1, 4]² is v0 = 4, v1 = 1, found from the start (2, 2). */
    @Test
    void theLargestWithinABoxIsAtTheCornerEachValueRaisesAlone() throws Exception {
        ModelConfig base = small(400);
        ModelConfig largest = ScenarioSize.largestWithin(new double[] {2, 2}, new double[] {1, 1},
                new double[] {4, 4}, v -> base.withScale(v[0] / v[1]));
        assertEquals(4.0, largest.scale());
        // Values that do not validate (v0 > 3 here) are passed over: of the rest, (2, 1) gives the most.
        ModelConfig valid = ScenarioSize.largestWithin(new double[] {2, 2}, new double[] {1, 1},
                new double[] {4, 4}, v -> {
                    if (v[0] > 3) {
                        throw new InvalidScenarioException("test", List.of(new Problem("$", "v0 > 3")));
                    }
                    return base.withScale(v[0] / v[1]);
                });
        assertEquals(2.0, valid.scale());
    }

    @Test
    void largestOfPointsIsTheIndexWithTheMostPersons() throws Exception {
        List<ModelConfig> points = List.of(small(400), small(900), small(100));
        assertEquals(1, ScenarioSize.largestOf(0, 3, points::get));
        assertEquals(2, ScenarioSize.largestOf(2, 3, points::get));
    }
}
