package escaperoutes.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.observe.TestRunResults;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fit metrics against values worked out by hand, for three replications of 2018-2020. */
class FitMetricsTest {
    // Observed (MOU): 2018 1,137 (969 women), 2019 1,047 (845), 2020 229 (157).
    private static final double[][] TOTALS = {{1000, 1100, 1200}, {1000, 1050, 1100}, {240, 250, 260}};
    private static final double[][] WOMEN = {{800, 900, 1000}, {850, 850, 850}, {150, 150, 150}};

    private static List<RunResult> runs() {
        List<RunResult> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            double[][][] values = new double[Measure.values().length][3][SexGroup.COUNT];
            for (int y = 0; y < 3; y++) {
                double[] a = values[Measure.ARRIVALS.ordinal()][y];
                a[SexGroup.FEMALE.ordinal()] = WOMEN[y][r];
                a[SexGroup.MALE.ordinal()] = TOTALS[y][r] - WOMEN[y][r];
                a[SexGroup.ALL.ordinal()] = TOTALS[y][r];
            }
            runs.add(TestRunResults.of(r, 2018, values, List.of("direct"), List.of("x"), new long[1][1][3][2],
                    List.of("p"), new long[1][3][2]));
        }
        return runs;
    }

    @Test
    void metricsAgreeWithHandComputedValues() {
        assertEquals("the window 2015-2020 is not within the simulated years 2018-2020",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> FitMetrics.compute(runs(), ObservedSeries.shipped(), 2015, 2020)).getMessage());
        FitMetrics m = FitMetrics.compute(runs(), ObservedSeries.shipped(), 2018, 2020);
        assertEquals(3, m.rows().size());
        // |ln median − ln observed|: ln(1137/1100), ln(1050/1047), ln(250/229); the median is the first.
        assertEquals(Math.log(1137.0 / 1100), m.medianAbsLogError(), 1e-12);
        assertEquals((37.0 / 1137 + 3.0 / 1047 + 21.0 / 229) / 3, m.averageRelativeDifference(), 1e-12);
        // MAE of the means (37, 3, 21) over that of persistence (|1047 − 1137|, |229 − 1047|).
        assertEquals(((37.0 + 3 + 21) / 3) / ((90.0 + 818) / 2), m.mase(), 1e-12);
        // 2020: the 25-75% band is [245, 255] and the 5-95% band [241, 259]; 229 is outside both.
        assertEquals(2.0 / 3, m.coverage50(), 1e-12);
        assertEquals(2.0 / 3, m.coverage90(), 1e-12);
        double shareError = 100 * (Math.abs(900.0 / 1100 - 969.0 / 1137) + Math.abs(850.0 / 1050 - 845.0 / 1047)
                + Math.abs(150.0 / 250 - 157.0 / 229)) / 3;
        assertEquals(shareError, m.femaleShareMaePoints(), 1e-9);
        // Dispersion: squared log residuals around the mean log (2018: (ln 1137 − mean ln{1000, 1100, 1200})²
        // = 0.0012852; 2019: 0.0000044; 2020: 0.0076047), over (1 + 1/3) times the sample variances of the logs
        // (0.0083160, 0.0022714, 0.0016019): 0.0088943 / 0.0162525.
        assertEquals(0.54726, m.dispersion(), 1e-5);
        assertEquals(Double.NaN, FitMetrics.compute(runs().subList(0, 1), ObservedSeries.shipped(), 2018, 2020)
                .dispersion(), "one replication has no spread to compare with");
        FitMetrics.Row row = m.rows().get(0);
        assertEquals(2018, row.year());
        assertEquals(969, row.observedWomen());
        assertEquals(168, row.observedMen());
        // type-7 quantiles of {1000, 1100, 1200}: 5% = 1010, 95% = 1190
        assertArrayEquals(new double[] {1100, 1010, 1190}, row.total(), 1e-9);
        assertArrayEquals(new double[] {1050, 1100, 1150}, row.totalQuartiles(), 1e-9);
    }
}
