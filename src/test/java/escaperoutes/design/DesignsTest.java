package escaperoutes.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The designs' defining properties: strata, balance, ranges, order and counts. */
class DesignsTest {

    @Test
    void latinHypercubeHitsEachStratumOfEachParameterExactlyOnce() {
        int n = 37;
        double[][] sample = LatinHypercube.sample(n, 4, new SplittableRandom(5));
        assertEquals(n, sample.length);
        for (int d = 0; d < 4; d++) {
            int[] hits = new int[n];
            for (double[] point : sample) {
                assertTrue(point[d] >= 0 && point[d] < 1, "coordinate " + point[d]);
                hits[(int) Math.floor(point[d] * n)]++;
            }
            int[] once = new int[n];
            Arrays.fill(once, 1);
            assertArrayEquals(once, hits, "dimension " + d);
        }
        assertTrue(Arrays.deepEquals(sample, LatinHypercube.sample(n, 4, new SplittableRandom(5))),
                "the same seed gives the same sample");
        assertFalse(Arrays.deepEquals(sample, LatinHypercube.sample(n, 4, new SplittableRandom(6))));
    }

    @Test
    void sobolPointsOfAPowerOfTwoFormABalancedBlockInsideTheRange() {
        double[][] points = SobolPoints.points(16, 5);
        for (int d = 0; d < 5; d++) {
            Set<Integer> strata = new HashSet<>();
            for (double[] p : points) {
                assertTrue(p[d] >= 0 && p[d] < 1, "coordinate " + p[d]);
                strata.add((int) Math.floor(p[d] * 16));
            }
            assertEquals(16, strata.size(), "each sixteenth of dimension " + d + " holds one point");
        }
        // The corner (0, ..., 0) that starts the sequence is left out, also for counts that are not powers of two.
        for (double[] p : SobolPoints.points(10, 3)) {
            assertFalse(Arrays.stream(p).allMatch(x -> x == 0), Arrays.toString(p));
        }
        for (double[] p : SobolPoints.points(100, 2)) {
            assertTrue(p[1] >= 0 && p[1] < 1, "coordinate " + p[1]);
        }
    }

    @Test
    void aGridHasTheProductOfItsLevelsInNestedLoopOrder() {
        int[] counts = {2, 3, 4};
        double[][] grid = FactorialGrid.unitPoints(counts);
        assertEquals(24, grid.length);
        assertEquals(24, FactorialGrid.size(counts));
        // The last parameter changes fastest, the first slowest.
        assertArrayEquals(new double[] {0, 0, 0}, grid[0]);
        assertArrayEquals(new double[] {0, 0, 1.0 / 3}, grid[1]);
        assertArrayEquals(new double[] {0, 0.5, 0}, grid[4]);
        assertArrayEquals(new double[] {1, 0, 0}, grid[12]);
        assertArrayEquals(new double[] {1, 1, 1}, grid[23]);
        Set<List<Double>> distinct = new HashSet<>();
        for (double[] p : grid) {
            distinct.add(Arrays.stream(p).boxed().toList());
        }
        assertEquals(24, distinct.size(), "every combination once");
        assertThrows(ArithmeticException.class, () -> FactorialGrid.size(new int[] {100_000, 100_000}));
    }

    @Test
    void saltelliRowsAreABAndAWithOneColumnOfB() {
        int n = 8;
        double[][] points = SaltelliSample.unitPoints(n, 3);
        assertEquals(n * 5, points.length);
        for (int j = 0; j < n; j++) {
            double[] a = points[j];
            double[] b = points[n + j];
            for (int i = 0; i < 3; i++) {
                double[] ab = points[(2 + i) * n + j];
                for (int k = 0; k < 3; k++) {
                    assertEquals(k == i ? b[k] : a[k], ab[k]);
                }
                assertNotEquals(a[i], b[i]);
            }
        }
        String[] names = {"x", "y", "z"};
        assertEquals("A", SaltelliSample.role(0, n, names));
        assertEquals("B", SaltelliSample.role(n, n, names));
        assertEquals("AB_z", SaltelliSample.role(4 * n + 7, n, names));
        assertThrows(IllegalArgumentException.class, () -> SaltelliSample.unitPoints(12, 3));
    }

    @Test
    void morrisTrajectoriesMoveEachParameterOnceByDeltaOnTheGrid() {
        int levels = 4;
        MorrisDesign design = MorrisDesign.sample(10, 3, levels, new SplittableRandom(3));
        double[][] points = design.unitPoints();
        assertEquals(40, points.length);
        double delta = MorrisDesign.delta(levels);
        assertEquals(2.0 / 3, delta, 1e-15);
        for (int t = 0; t < 10; t++) {
            Set<Integer> moved = new HashSet<>();
            for (int k = 0; k < 3; k++) {
                double[] before = points[t * 4 + k];
                double[] after = points[t * 4 + k + 1];
                int i = design.moved(t, k);
                moved.add(i);
                for (int c = 0; c < 3; c++) {
                    assertEquals(c == i ? delta : 0, Math.abs(after[c] - before[c]), 1e-12);
                    double level = after[c] * (levels - 1);
                    assertEquals(Math.rint(level), level, 1e-12, "on the grid");
                    assertTrue(after[c] >= 0 && after[c] <= 1);
                }
            }
            assertEquals(Set.of(0, 1, 2), moved);
        }
        assertThrows(IllegalArgumentException.class, () -> MorrisDesign.sample(4, 3, 3, new SplittableRandom(1)),
                "odd levels: the middle level has no level at distance Δ");
    }
}
