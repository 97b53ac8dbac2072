package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overriding a multiplier while a run goes (what the window's enforcement controls do). */
class MultiplierOverrideTest {
    private static final double[][] NO_RISKS = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
    private static final Duration[] ONE_DAY_LEGS = {new Duration.Fixed(1), new Duration.Fixed(1),
            new Duration.Fixed(1), new Duration.Fixed(1)};
    /** The chain's home place and its segment: the one whose ATTEMPT multiplier drives attempts. */
    private static final int HOME_SEGMENT = 0;

    /** Days of attempts and of border crossings (North Korea → China), in the order reported. */
    private static final class Days implements ModelListener {
        final List<Double> attempts = new ArrayList<>();
        final List<Double> crossings = new ArrayList<>();

        @Override
        public void transition(Person person, Status from, Status to, double day) {
            if (from == Status.NOT_STARTED) {
                attempts.add(day);
            }
            if (from == Status.TRAVELLING_NK && to == Status.TRANSIT_CHINA) {
                crossings.add(day);
            }
        }
    }

    /** Runs the 200-day chain (3,650 attempts a year, legs of 1 day, no risks), calling {@code at100} at day 100. */
    private static Days run(java.util.function.Consumer<EscapeModel> at100) {
        ModelConfig config = TestNetworks.chain(3_650, 200, 200, ONE_DAY_LEGS, NO_RISKS);
        Days days = new Days();
        EscapeModel model = new EscapeModel(config, 11, 0, days);
        model.setDaysPerStep(10);
        model.start();
        while (model.daysDone() < 100 && model.schedule.step(model)) {
            // day by day in stretches of 10 days, up to day 100
        }
        assertEquals(100.0, model.daysDone());
        at100.accept(model);
        while (model.schedule.step(model)) {
            // to the end
        }
        model.finish();
        return days;
    }

    /**
     * Attempts come at 10 a day; the first leg (home → border) and the second (border → China) take a day each. With
     * the home segment's ATTEMPT multiplier set to 0 at day 100, the last attempt is before day 100 and the last
     * crossing before day 102; every attempt crosses (no risks).
     */
    @Test
    void attemptMultiplierZeroStopsNewAttemptsAndCrossingsFromThatDay() {
        Days days = run(model -> {
            for (Sex sex : Sex.values()) {
                model.overrideMultiplier(HOME_SEGMENT, MultiplierKind.ATTEMPT, sex, 0.0);
            }
            assertEquals(0.0, model.regimeMultiplier(HOME_SEGMENT, MultiplierKind.ATTEMPT, Sex.FEMALE, 100.0));
            assertEquals(1.0, model.regimeMultiplier(HOME_SEGMENT, MultiplierKind.ATTEMPT, Sex.FEMALE, 99.0));
        });
        assertTrue(days.attempts.size() > 900, "about 1,000 attempts in the first 100 days: " + days.attempts.size());
        assertTrue(days.attempts.stream().allMatch(d -> d < 100), "an attempt on or after day 100");
        assertEquals(days.attempts.size(), days.crossings.size());
        assertTrue(days.crossings.stream().allMatch(d -> d < 102), "a crossing on or after day 102");
    }

    /** Doubling the multiplier at day 100 doubles the rate: about 2,000 attempts in days 100-199 (sd ~45). */
    @Test
    void attemptMultiplierTwoDoublesTheRateFromThatDay() {
        Days days = run(model -> model.overrideMultiplier(HOME_SEGMENT, MultiplierKind.ATTEMPT, Sex.FEMALE, 2.0));
        long before = days.attempts.stream().filter(d -> d < 100).count();
        long after = days.attempts.stream().filter(d -> d >= 100).count();
        assertTrue(Math.abs(before - 1000) < 160, "attempts before day 100: " + before);
        assertTrue(Math.abs(after - 2000) < 225, "attempts from day 100: " + after);
    }

    /** Stepping in stretches of 10 days instead of 30 changes nothing, without overrides. */
    @Test
    void daysPerStepLeavesResultsAsTheyAre() {
        Days stepped = run(model -> { });
        ModelConfig config = TestNetworks.chain(3_650, 200, 200, ONE_DAY_LEGS, NO_RISKS);
        Days whole = new Days();
        new EscapeModel(config, 11, 0, whole).runToEnd();
        assertEquals(whole.attempts, stepped.attempts);
        assertEquals(whole.crossings, stepped.crossings);
    }

    /**
     * An override lasts from its day to the end of the regime then in force: set at day 50 between regimes (the
     * first regime starts at day 150), it holds on [50, 150) and the regime's own values from 150 on.
     */
    @Test
    void anOverrideEndsWithTheRegimeInForce() {
        double[][][] half = TestNetworks.noChange(2);
        half[1][MultiplierKind.DEATH.ordinal()][0] = 0.5;
        EnforcementTimeline timeline = new EnforcementTimeline(2, List.of(
                new EnforcementTimeline.Regime("later", 150, Double.POSITIVE_INFINITY, half)));
        int from = timeline.interval(50);
        EnforcementTimeline edited = timeline.withMultiplier(1, MultiplierKind.DEATH, Sex.FEMALE, 3.0, 50,
                timeline.intervalEnd(from));
        assertEquals(1.0, edited.multiplier(1, MultiplierKind.DEATH, Sex.FEMALE, 49.9));
        assertEquals(3.0, edited.multiplier(1, MultiplierKind.DEATH, Sex.FEMALE, 50));
        assertEquals(3.0, edited.multiplier(1, MultiplierKind.DEATH, Sex.FEMALE, 149.9));
        assertEquals(0.5, edited.multiplier(1, MultiplierKind.DEATH, Sex.FEMALE, 150));
        assertEquals(1.0, edited.multiplier(1, MultiplierKind.DEATH, Sex.MALE, 100));
        assertNull(edited.regimeAt(100));
        assertEquals("later", edited.regimeAt(200));
    }

    @Test
    void aNegativeMultiplierIsRefused() {
        ModelConfig config = TestNetworks.chain(3_650, 200, 200, ONE_DAY_LEGS, NO_RISKS);
        EscapeModel model = new EscapeModel(config, 11, 0, ModelListener.NONE);
        model.start();
        assertThrows(IllegalArgumentException.class,
                () -> model.overrideMultiplier(HOME_SEGMENT, MultiplierKind.ATTEMPT, Sex.FEMALE, -1));
    }
}
