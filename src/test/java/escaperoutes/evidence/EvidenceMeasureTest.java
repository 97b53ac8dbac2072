package escaperoutes.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.observe.TestRunResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated statistics of the evidence measures, on a replication written by hand (two years, 2010-2011). */
class EvidenceMeasureTest {
    private static final List<String> EXITS = List.of("laos", "vietnam", "direct");
    private static final List<String> LAST = List.of("north_korea", "china", "laos", "vietnam", "thailand");

    /** Arrivals 2010: 30 laos→thailand, 10 vietnam→vietnam, 5 direct from North Korea, 5 from China; 2011: half. */
    private static RunResult run() {
        return run(new long[2][2]);
    }

    private static RunResult run(long[][] arrestsInHiding) {
        double[][][] values = new double[Measure.values().length][2][SexGroup.COUNT];
        set(values, Measure.ARRIVALS, 0, 50);
        set(values, Measure.ARRIVALS, 1, 25);
        set(values, Measure.ARRESTS_CHINA, 0, 150);
        set(values, Measure.ARRESTS_CHINA, 1, 75);
        set(values, Measure.HIDING_CHINA_END, 0, 1000);
        set(values, Measure.HIDING_CHINA_END, 1, 600);
        long[][][][] routes = new long[EXITS.size()][LAST.size()][2][2];
        routes[0][4][0] = new long[] {20, 10};
        routes[1][3][0] = new long[] {6, 4};
        routes[2][0][0] = new long[] {1, 4};
        routes[2][1][0] = new long[] {3, 2};
        for (long[][][] byLast : routes) {
            for (long[][] byYear : byLast) {
                byYear[1] = new long[] {byYear[0][0] / 2, byYear[0][1] / 2};
            }
        }
        long[][][] origins = new long[3][2][2];
        origins[0][0] = new long[] {20, 10};
        origins[1][0] = new long[] {5, 5};
        origins[2][0] = new long[] {6, 4};
        return TestRunResults.withArrestsInHiding(0, 2010, values, EXITS, LAST, routes,
                List.of("North Hamgyong", "Ryanggang", "Pyongyang"), origins, arrestsInHiding);
    }

    private static void set(double[][][] values, Measure m, int year, double all) {
        values[m.ordinal()][year][SexGroup.ALL.ordinal()] = all;
    }

    private static double in(EvidenceMeasure m, int from, int to) {
        return m.simulate(run(), new EvidencePeriod(from, 1, to, 12));
    }

    @Test
    void routesOriginsAndSharesAreCountedByHand() {
        assertEquals(30, in(EvidenceMeasure.ARRIVALS_VIA_THAILAND, 2010, 2010), 1e-12);
        assertEquals(45, in(EvidenceMeasure.ARRIVALS_VIA_THAILAND, 2010, 2011), 1e-12);
        assertEquals(10, in(EvidenceMeasure.ARRIVALS_VIA_VIETNAM, 2010, 2010), 1e-12);
        assertEquals(30.0 / 50, in(EvidenceMeasure.SHARE_ARRIVALS_VIA_THAILAND, 2010, 2010), 1e-12);
        // Only straight from North Korea: the 5 from China do not count.
        assertEquals(5, in(EvidenceMeasure.ARRIVALS_DIRECT_SEA_OR_DMZ, 2010, 2010), 1e-12);
        // North Hamgyong 30 and Ryanggang 10 of 50 arrivals (2011's origins are all zero: 40 of 75 over both).
        assertEquals(40.0 / 50, in(EvidenceMeasure.SHARE_ARRIVALS_FROM_NORTH_HAMGYONG_RYANGGANG, 2010, 2010), 1e-12);
        assertEquals(40.0 / 75, in(EvidenceMeasure.SHARE_ARRIVALS_FROM_NORTH_HAMGYONG_RYANGGANG, 2010, 2011), 1e-12);
        // Nobody was arrested while hiding here, so every arrest was a journey's end: 150 of 150 + 50.
        assertEquals(150.0 / 200, in(EvidenceMeasure.SHARE_OF_ATTEMPTS_TO_REACH_SK_ARRESTED, 2010, 2010), 1e-12);
        assertEquals(1000, in(EvidenceMeasure.HIDING_CHINA_END, 2010, 2010), 1e-12);
        assertEquals(600, in(EvidenceMeasure.HIDING_CHINA_END, 2010, 2011), 1e-12);
        // No arrests in hiding over (1000 + 600) / 2 person-years in 2011.
        assertEquals(0, in(EvidenceMeasure.CHINA_ARREST_HAZARD, 2011, 2011), 1e-12);
        // No arrivals had been in China in a hand-built run: the mean is undefined.
        assertTrue(Double.isNaN(in(EvidenceMeasure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS, 2010, 2010)));
    }

    @Test
    void theArrestHazardIsArrestsInHidingPerPersonYearHiding() {
        RunResult r = run(new long[][] {{30, 20}, {60, 20}});
        // 2011: 80 arrests over (1000 + 600) / 2 = 800 person-years; 2010, the first year, uses its closing 1000.
        assertEquals(0.1, EvidenceMeasure.CHINA_ARREST_HAZARD.simulate(r, new EvidencePeriod(2011, 1, 2011, 12)),
                1e-12);
        assertEquals(130.0 / 1800, EvidenceMeasure.CHINA_ARREST_HAZARD.simulate(r,
                new EvidencePeriod(2010, 1, 2011, 12)), 1e-12);
        // 50 of 2010's 150 arrests were of people hiding: 100 journeys ended in arrest, 50 in arrival.
        assertEquals(100.0 / 150, EvidenceMeasure.SHARE_OF_ATTEMPTS_TO_REACH_SK_ARRESTED.simulate(r,
                new EvidencePeriod(2010, 1, 2010, 12)), 1e-12);
    }
}
