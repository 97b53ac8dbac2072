package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineAndDistributionTest {

    private static double[][][] filled(int segments, double value) {
        double[][][] m = new double[segments][MultiplierKind.COUNT][Sex.COUNT];
        for (double[][] a : m) {
            for (double[] b : a) {
                java.util.Arrays.fill(b, value);
            }
        }
        return m;
    }

    @Test
    void cumulativeIntensityIsInvertedAcrossRegimes() {
        double[][][] closed = filled(1, 0.0);
        double[][][] doubled = filled(1, 2.0);
        EnforcementTimeline t = new EnforcementTimeline(1, List.of(
                new EnforcementTimeline.Regime("closed", 10, 20, closed),
                new EnforcementTimeline.Regime("doubled", 20, Double.POSITIVE_INFINITY, doubled)));
        // rate 1 on [5,10): 5 units; nothing on [10,20); rate 2 from 20: the remaining 3 take 1.5 days.
        assertEquals(21.5, t.timeToAccumulate(0, MultiplierKind.ARREST, Sex.MALE, 5, 1.0, 8), 1e-12);
        assertEquals(7.0, t.timeToAccumulate(0, MultiplierKind.ARREST, Sex.MALE, 5, 1.0, 2), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, new EnforcementTimeline(1, List.of(
                new EnforcementTimeline.Regime("closed forever", 10, Double.POSITIVE_INFINITY, closed)))
                .timeToAccumulate(0, MultiplierKind.DEPARTURE, Sex.FEMALE, 5, 1.0, 8));
        assertEquals("closed", t.regimeAt(15));
        assertEquals(null, t.regimeAt(0));
        assertEquals(2.0, t.multiplier(0, MultiplierKind.CHOICE, Sex.FEMALE, 1e6));
    }

    /** Year factors multiply only the kinds named, within their years, on top of the regimes. */
    @Test
    void yearFactorsScaleTheNamedKindsWithinTheirYears() {
        EnforcementTimeline t = new EnforcementTimeline(1, List.of(
                new EnforcementTimeline.Regime("doubled", 15, Double.POSITIVE_INFINITY, filled(1, 2.0))));
        EnforcementTimeline scaled = t.scaledByYear(new double[] {0, 10, 20}, new double[] {0.5, 3.0},
                MultiplierKind.DEPARTURE);
        assertEquals(1.0, scaled.multiplier(0, MultiplierKind.DEPARTURE, Sex.FEMALE, -1), "before the first year");
        assertEquals(0.5, scaled.multiplier(0, MultiplierKind.DEPARTURE, Sex.FEMALE, 5));
        assertEquals(3.0, scaled.multiplier(0, MultiplierKind.DEPARTURE, Sex.MALE, 12));
        assertEquals(6.0, scaled.multiplier(0, MultiplierKind.DEPARTURE, Sex.MALE, 17), "regime × year factor");
        assertEquals(2.0, scaled.multiplier(0, MultiplierKind.DEPARTURE, Sex.MALE, 25), "after the last year");
        assertEquals(2.0, scaled.multiplier(0, MultiplierKind.ARREST, Sex.MALE, 17), "other kinds unchanged");
        assertEquals("doubled", scaled.regimeAt(17));
        // rate 0.5 on [0,10) gives 5, rate 3 on [10,15) gives 15: 20 units are reached at day 15
        assertEquals(15.0, scaled.timeToAccumulate(0, MultiplierKind.DEPARTURE, Sex.MALE, 0, 1.0, 20), 1e-12);
    }

    @Test
    void probabilityMultipliersActOnTheHazard() {
        assertEquals(0.2, MultiplierKind.scaleProbability(0.2, 1), 0);
        assertEquals(0.0, MultiplierKind.scaleProbability(0.2, 0), 0);
        assertEquals(1 - 0.8 * 0.8, MultiplierKind.scaleProbability(0.2, 2), 1e-15);
        assertEquals(1.0, MultiplierKind.scaleProbability(1.0, 0.5), 0);
    }

    @Test
    void quantileInvertsTheCdfAndConditionalDrawsExceedTheElapsedTime() {
        List<Duration> all = List.of(new Duration.Uniform(2, 10), new Duration.Exponential(30),
                new Duration.LogNormal(400, 0.9), new Duration.Weibull(200, 0.7));
        RandomGenerator random = new java.util.SplittableRandom(5);
        for (Duration d : all) {
            for (double p : new double[] {0.01, 0.25, 0.5, 0.9, 0.999}) {
                assertEquals(p, d.cdf(d.quantile(p)), 1e-6, d + " at " + p);
            }
            double elapsed = d.quantile(0.7);
            double sum = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                double x = d.sampleGiven(elapsed, random);
                assertTrue(x >= elapsed, d + ": " + x + " < " + elapsed);
                sum += d.sample(random);
            }
            assertEquals(d.mean(), sum / n, 0.05 * d.mean(), d + " sample mean");
        }
        assertEquals(400 * Math.exp(0.5 * 0.81), new Duration.LogNormal(400, 0.9).mean(), 1e-9);
        assertEquals(200 * 1.2658, new Duration.Weibull(200, 0.7).mean(), 0.01 * 200, "Γ(1 + 1/0.7) = 1.2658");
    }

    @Test
    void yearsOfTheCalendar() {
        ModelCalendar c = new ModelCalendar(java.time.LocalDate.of(1998, 1, 1), java.time.LocalDate.of(2030, 12, 31));
        assertEquals(33, c.years());
        assertEquals(0, c.yearIndex(0));
        assertEquals(0, c.yearIndex(364.99));
        assertEquals(1, c.yearIndex(365));
        assertEquals(32, c.yearIndex(c.endDay() - 1e-9));
        assertEquals(c.dayOf(java.time.LocalDate.of(2020, 1, 1)), 8035, 0);
        assertEquals(22, c.yearIndex(8035));
        assertEquals(21, c.yearIndex(8035 - 1e-9));
        assertEquals(0, c.monthIndex(0));
        assertEquals(0, c.monthIndex(30.99));
        assertEquals(1, c.monthIndex(31));
        assertEquals(22 * 12, c.monthIndex(8035));
        assertEquals(22 * 12 + 1, c.monthIndex(8035 + 31));
        assertEquals(22 * 12 - 1, c.monthIndex(8035 - 1e-9));
        assertEquals(33 * 12 - 1, c.monthIndex(c.endDay() - 1e-9));
    }
}
