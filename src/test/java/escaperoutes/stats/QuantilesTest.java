package escaperoutes.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantilesTest {

    private static final double EPS = 1e-12;

    @Test
    void type7OnOneToTen() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // h = 9p: p05 → h 0.45 → 1 + 0.45·(2 − 1); p95 → h 8.55 → 9 + 0.55·(10 − 9).
        assertEquals(1.45, Quantiles.quantile(v, 0.05), EPS);
        assertEquals(5.5, Quantiles.quantile(v, 0.5), EPS);
        assertEquals(9.55, Quantiles.quantile(v, 0.95), EPS);
        assertEquals(1, Quantiles.quantile(v, 0), EPS);
        assertEquals(10, Quantiles.quantile(v, 1), EPS);
        assertEquals(3.25, Quantiles.quantile(v, 0.25), EPS);
    }

    @Test
    void unevenGapsAndSingleValue() {
        double[] v = {0, 10, 100};
        // h = 2p: p05 → 0.1 → 0 + 0.1·10 = 1; p95 → 1.9 → 10 + 0.9·90 = 91.
        assertEquals(1, Quantiles.quantile(v, 0.05), EPS);
        assertEquals(10, Quantiles.quantile(v, 0.5), EPS);
        assertEquals(91, Quantiles.quantile(v, 0.95), EPS);
        assertEquals(7, Quantiles.quantile(new double[] {7}, 0.95), EPS);
        assertTrue(Double.isNaN(Quantiles.quantile(new double[0], 0.5)));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.quantile(v, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.quantile(v, Double.NaN));
    }

    @Test
    void summarizeIgnoresNaNAndOrder() {
        // Non-NaN values 3, 1, 2 → sorted 1, 2, 3; mean 2; h = 2p: p05 → 1.1, p50 → 2, p95 → 2.9.
        double[] s = Quantiles.summarize(new double[] {3, Double.NaN, 1, 2});
        assertArrayEquals(new double[] {2, 1.1, 2, 2.9}, s, EPS);
    }

    @Test
    void summarizeAllNaNGivesAllNaN() {
        double[] s = Quantiles.summarize(new double[] {Double.NaN, Double.NaN});
        assertEquals(4, s.length);
        for (double v : s) {
            assertTrue(Double.isNaN(v));
        }
        double[] empty = Quantiles.summarize(new double[0]);
        assertTrue(Double.isNaN(empty[0]) && Double.isNaN(empty[3]));
    }

    @Test
    void intervalIsTheCentralShareLeavingNaNOut() {
        // 90 %: the 5 % and 95 % quantiles of 1..10 (NaN left out), as in type7OnOneToTen.
        double[] v = {10, Double.NaN, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(new double[] {1.45, 9.55}, Quantiles.interval(v, 0.9), EPS);
        // 50 %: h = 9·0.25 = 2.25 → 3.25; h = 9·0.75 = 6.75 → 7.75.
        assertArrayEquals(new double[] {3.25, 7.75}, Quantiles.interval(v, 0.5), EPS);
        double[] none = Quantiles.interval(new double[] {Double.NaN}, 0.9);
        assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
    }

    @Test
    void sortedPresentDropsNaNAndSorts() {
        assertArrayEquals(new double[] {-1, 2, 2, 5}, Quantiles.sortedPresent(new double[] {5, Double.NaN, 2, -1, 2}));
    }

    @Test
    void weightedQuantilesInvertTheWeightedDistributionFunction() {
        double[] values = {3, 1, 2, 4};
        // Weights 0.1 (1), 0.2 (2), 0.3 (3), 0.4 (4) once sorted: cumulative 0.1, 0.3, 0.6, 1.
        double[] weights = {0.3, 0.1, 0.2, 0.4};
        assertEquals(1, Quantiles.weighted(values, weights, 0.05));
        assertEquals(2, Quantiles.weighted(values, weights, 0.3));
        assertEquals(3, Quantiles.weighted(values, weights, 0.5));
        assertEquals(4, Quantiles.weighted(values, weights, 0.95));
        // Equal weights: the ⌈n·p⌉-th value, here the 2nd of 4 at p = 0.5 (despite 4 · 0.25 rounding)
        assertEquals(2, Quantiles.weighted(values, new double[] {1, 1, 1, 1}, 0.5));
        // A value of weight 0 is never returned
        assertEquals(2, Quantiles.weighted(values, new double[] {1, 0, 1, 0}, 0));
        assertEquals(3, Quantiles.weighted(values, new double[] {1, 0, 1, 0}, 0.75));
    }
}
