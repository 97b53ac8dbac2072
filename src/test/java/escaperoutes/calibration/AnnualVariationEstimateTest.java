package escaperoutes.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The bisection for the smallest annual variation whose bands are as wide as the misses, on known functions. */
class AnnualVariationEstimateTest {

    /** Runs the search on a dispersion given as a function of the number of steps, recording the steps tried. */
    private static AnnualVariationEstimate.Search searchOn(IntToDoubleFunction dispersion, List<Integer> tried)
            throws Exception {
        return AnnualVariationEstimate.search(steps -> {
            tried.add(steps);
            return new AnnualVariationEstimate.Evaluated(dispersion.applyAsDouble(steps), List.of());
        });
    }

    @Test
    void findsTheSmallestStepWhoseDispersionIsAtMostOne() throws Exception {
        // Dispersion (50 / steps)²: at most 1 from 50 steps (σ = 0.50) on, 1.04 at 49.
        List<Integer> tried = new ArrayList<>();
        AnnualVariationEstimate.Search found = searchOn(s -> s == 0 ? Double.POSITIVE_INFINITY
                : (50.0 / s) * (50.0 / s), tried);
        assertEquals(50, found.steps());
        assertEquals(1.0, found.at().dispersion(), 0);
        assertTrue(tried.contains(49), "the step below was tried and found too narrow: " + tried);
        // 0 and 200, then a bisection of 200 steps: at most 2 + 8 evaluations.
        assertTrue(tried.size() <= 10, tried.toString());
    }

    @Test
    void noVariationWhenChanceAloneIsAsWideAsTheMisses() throws Exception {
        List<Integer> tried = new ArrayList<>();
        AnnualVariationEstimate.Search found = searchOn(s -> 0.8, tried);
        assertEquals(0, found.steps());
        assertEquals(List.of(0), tried);
    }

    @Test
    void theLargestAllowedWhenEvenItIsNarrowerThanTheMisses() throws Exception {
        List<Integer> tried = new ArrayList<>();
        AnnualVariationEstimate.Search found = searchOn(s -> 3.0, tried);
        assertEquals(AnnualVariationEstimate.MAX_STEPS, found.steps());
        assertEquals(List.of(0, AnnualVariationEstimate.MAX_STEPS), tried);
    }

    @Test
    void noVaryingReplicationIsNeverWideEnough() throws Exception {
        // NaN: the replications did not vary at all (σ = 0 on a deterministic scenario).
        List<Integer> tried = new ArrayList<>();
        AnnualVariationEstimate.Search found = searchOn(s -> s == 0 ? Double.NaN : 0.5, tried);
        assertEquals(1, found.steps());
    }
}
