package escaperoutes.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.calibration.LossFunctions.Weights;
import org.junit.jupiter.api.Test;

/**
 * Expectations computed by hand from the formulas, with ln 1.25 = 0.22314355131420976, ln 1.2 = 0.1823215567939546,
 * ln 0.8 = −0.2231435513142097, ln 0.75 = −0.2876820724517809, ln(7/6) = 0.15415067982725836,
 * ln 0.4 = −0.916290731874155, ln 2.8 = 1.0296194171811581, ln 3.5 = 1.252762968495368, ln 1e7 = 16.11809565095832.
 */
class LossFunctionsTest {

    private static final double EXACT = 1e-12;

    @Test
    void poissonDevianceMatchesHandComputedValues() {
        // 2·(10·ln(10/8) − (10 − 8)) = 2·(2.2314355131420976 − 2) = 2·0.2314355131420976
        assertEquals(0.4628710262841952, LossFunctions.poissonDeviance(10, 8), EXACT);
        // 2·(8·ln(8/10) − (8 − 10)) = 2·(−1.7851484105136776 + 2) = 2·0.2148515894863224
        assertEquals(0.4297031789726448, LossFunctions.poissonDeviance(8, 10), EXACT);
        // 2·(1000·ln(1000/1250) + 250) = 2·(−223.1435513142097 + 250) = 2·26.8564486857903
        assertEquals(53.7128973715806, LossFunctions.poissonDeviance(1000, 1250), 1e-10);
    }

    @Test
    void poissonDevianceIsNotSymmetric() {
        // Over-predicting 8 as 10 costs less than under-predicting 10 as 8 (0.42970 against 0.46287).
        assertNotEquals(LossFunctions.poissonDeviance(10, 8), LossFunctions.poissonDeviance(8, 10), 1e-3);
        assertTrue(LossFunctions.poissonDeviance(10, 8) > LossFunctions.poissonDeviance(8, 10));
    }

    @Test
    void poissonDevianceOfZeroObservedIsTwiceTheExpected() {
        // y·ln(y/μ) = 0 at y = 0, leaving 2·(0 − (0 − 5)) = 10.
        assertEquals(10.0, LossFunctions.poissonDeviance(0, 5), EXACT);
        assertEquals(0.5, LossFunctions.poissonDeviance(0, 0.25), EXACT);
    }

    @Test
    void poissonDevianceIsZeroExactlyWhenExpectedEqualsObserved() {
        assertEquals(0.0, LossFunctions.poissonDeviance(7, 7), EXACT);
        assertEquals(0.0, LossFunctions.poissonDeviance(1043, 1043), EXACT);
        assertTrue(LossFunctions.poissonDeviance(7, 7.01) > 0);
        assertTrue(LossFunctions.poissonDeviance(7, 6.99) > 0);
    }

    @Test
    void noSimulatedArrivalsGiveALargeFiniteLossAtTheFloor() {
        // μ = 0 is floored to 1e-6: 2·(10·ln(10/1e-6) − (10 − 1e-6)) = 2·(161.1809565095832 − 9.999999)
        //   = 2·151.1809575095832
        double atZero = LossFunctions.poissonDeviance(10, 0);
        assertEquals(302.3619150191664, atZero, 1e-10);
        assertTrue(Double.isFinite(atZero));
        // Every μ below the floor is treated as the floor, so the loss does not jump between 0 and tiny μ.
        assertEquals(atZero, LossFunctions.poissonDeviance(10, 1e-9), 0.0);
        assertTrue(atZero > LossFunctions.poissonDeviance(10, 1e-3));
        // Observing nobody when the simulation also gave nobody costs only 2·1e-6.
        assertEquals(2 * LossFunctions.MIN_EXPECTED, LossFunctions.poissonDeviance(0, 0), EXACT);
        double nb = LossFunctions.negativeBinomialDeviance(10, 0, 2);
        assertTrue(Double.isFinite(nb) && nb > 0);
    }

    @Test
    void negativeBinomialDevianceMatchesHandComputedValues() {
        // k = 2: 2·(10·ln(10/8) − 12·ln(12/10)) = 2·(2.2314355131420976 − 2.1878586815274552) = 2·0.0435768316146424
        assertEquals(0.0871536632292848, LossFunctions.negativeBinomialDeviance(10, 8, 2), EXACT);
        // y = 0, k = 2: 2·(0 − 2·ln(2/7)) = 4·ln 3.5 = 4·1.252762968495368
        assertEquals(5.011051873981472, LossFunctions.negativeBinomialDeviance(0, 5, 2), EXACT);
        assertEquals(0.0, LossFunctions.negativeBinomialDeviance(7, 7, 3), EXACT);
    }

    @Test
    void negativeBinomialDevianceIsNotSymmetric() {
        assertNotEquals(LossFunctions.negativeBinomialDeviance(10, 8, 2),
                LossFunctions.negativeBinomialDeviance(8, 10, 2), 1e-3);
    }

    @Test
    void negativeBinomialTendsToPoissonAsTheSizeGrows() {
        double[][] pairs = {{10, 8}, {8, 10}, {0, 5}, {25, 40}, {10, 0}};
        for (double[] p : pairs) {
            double poisson = LossFunctions.poissonDeviance(p[0], p[1]);
            assertEquals(poisson, LossFunctions.negativeBinomialDeviance(p[0], p[1], 1e9), 1e-6,
                    "y = " + p[0] + ", μ = " + p[1]);
            assertEquals(poisson, LossFunctions.negativeBinomialDeviance(p[0], p[1], Double.POSITIVE_INFINITY), 0.0);
        }
        // The gap is (y − μ)²/(μ + k) to leading order, so with many persons it is visible even at k = 1e9:
        // y = 1043, μ = 1200: 157²/(1200 + 1e9) = 24649/1000001200 = 2.46487042e-5.
        assertEquals(24649.0 / 1000001200.0, LossFunctions.poissonDeviance(1043, 1200)
                - LossFunctions.negativeBinomialDeviance(1043, 1200, 1e9), 1e-10);
        // The approach is from below and monotone in k: 0.025, 0.048, 0.248, 0.426, 0.4625, 0.46287.
        double previous = 0;
        for (double size : new double[] {0.5, 1, 10, 100, 1e4, 1e6}) {
            double nb = LossFunctions.negativeBinomialDeviance(10, 8, size);
            assertTrue(nb > previous, "k = " + size);
            assertTrue(nb < LossFunctions.poissonDeviance(10, 8), "k = " + size);
            previous = nb;
        }
    }

    @Test
    void smallSizePenalisesTheSameMissLessThanPoisson() {
        // 0.0872 against 0.4629 for y = 10, μ = 8; 5.011 against 10 for y = 0, μ = 5.
        assertTrue(LossFunctions.negativeBinomialDeviance(10, 8, 2) < LossFunctions.poissonDeviance(10, 8) / 5);
        assertTrue(LossFunctions.negativeBinomialDeviance(0, 5, 2) < LossFunctions.poissonDeviance(0, 5));
        assertTrue(LossFunctions.negativeBinomialDeviance(1043, 1500, 20)
                < LossFunctions.poissonDeviance(1043, 1500));
    }

    @Test
    void sizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.negativeBinomialDeviance(10, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.negativeBinomialDeviance(10, 8, -1));
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.negativeBinomialDeviance(10, 8, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> LossFunctions.targetLoss(10, 3, 8, 6, new Weights(1, 1), 0.0));
    }

    @Test
    void binomialDevianceMatchesHandComputedValues() {
        // 2·(30·ln(30/40) + 70·ln(70/60)) = 2·(−8.630462173553427 + 10.790547587908085) = 2·2.160085414354658
        assertEquals(4.320170828709316, LossFunctions.binomialDeviance(30, 100, 0.4), EXACT);
        // No women among 10 at p = 0.2: 0·ln 0 = 0, leaving 2·10·ln(10/8) = 20·0.22314355131420976
        assertEquals(4.462871026284195, LossFunctions.binomialDeviance(0, 10, 0.2), EXACT);
        // All 10 women at p = 0.5: 2·10·ln(10/5) = 20·ln 2
        assertEquals(13.862943611198906, LossFunctions.binomialDeviance(10, 10, 0.5), EXACT);
        // No trials: nothing to compare.
        assertEquals(0.0, LossFunctions.binomialDeviance(0, 0, 0.3), 0.0);
    }

    @Test
    void binomialDevianceIsZeroAtTheObservedShare() {
        assertEquals(0.0, LossFunctions.binomialDeviance(30, 100, 0.3), EXACT);
        assertEquals(0.0, LossFunctions.binomialDeviance(0, 10, 0), EXACT);
        assertEquals(0.0, LossFunctions.binomialDeviance(10, 10, 1), EXACT);
    }

    @Test
    void binomialDevianceGrowsWithTheDistanceFromTheObservedShare() {
        double previous = 0;
        for (double p : new double[] {0.29, 0.25, 0.2, 0.1, 0.01}) {
            double d = LossFunctions.binomialDeviance(30, 100, p);
            assertTrue(d > previous, "p = " + p);
            previous = d;
        }
        previous = 0;
        for (double p : new double[] {0.31, 0.35, 0.4, 0.6, 0.99}) {
            double d = LossFunctions.binomialDeviance(30, 100, p);
            assertTrue(d > previous, "p = " + p);
            previous = d;
        }
        // Equal distances either side do not cost the same.
        assertNotEquals(LossFunctions.binomialDeviance(30, 100, 0.25),
                LossFunctions.binomialDeviance(30, 100, 0.35), 1e-3);
    }

    @Test
    void probabilitiesZeroAndOneAreClampedToAFiniteLoss() {
        // p = 0 is floored to 1e-9 (1 − p stays 1): 2·(5·ln(5/(10·1e-9)) + 5·ln(5/10))
        //   = 2·(100.15059328193233 − 3.4657359027997265) = 2·96.6848573791326
        double atZero = LossFunctions.binomialDeviance(5, 10, 0);
        assertEquals(193.3697147582652, atZero, 1e-10);
        assertTrue(Double.isFinite(atZero));
        // Every p below the floor is treated as the floor (1 − p = 1 − 1e-12 moves the result by only 1e-11);
        // p = 1 mirrors p = 0 for 5 women out of 10.
        assertEquals(atZero, LossFunctions.binomialDeviance(5, 10, 1e-12), 1e-10);
        assertEquals(atZero, LossFunctions.binomialDeviance(5, 10, 1), 0.0);
        assertTrue(atZero > LossFunctions.binomialDeviance(5, 10, 1e-6));
    }

    @Test
    void countsThatCannotBeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.poissonDeviance(-1, 8));
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.poissonDeviance(10, -1));
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.poissonDeviance(Double.NaN, 8));
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.binomialDeviance(11, 10, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LossFunctions.binomialDeviance(5, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Weights(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Weights(1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> LossFunctions.targetLoss(10, 3, 8, 9, new Weights(1, 1), null));
    }

    @Test
    void targetLossWeighsThePoissonTotalsAndTheBinomialWomen() {
        // Observed 10 arrivals, 3 women; simulated 8 arrivals, 6 women, so p = 0.75.
        // Totals: poissonDeviance(10, 8) = 0.4628710262841952.
        // Women: 2·(3·ln(3/7.5) + 7·ln(7/2.5)) = 2·(3·ln 0.4 + 7·ln 2.8)
        //   = 2·(−2.748872195622465 + 7.207335920268107) = 8.916927449291284.
        // Weights (1, 0.5): 0.4628710262841952 + 4.458463724645642 = 4.921334750929837.
        assertEquals(4.921334750929837,
                LossFunctions.targetLoss(10, 3, 8, 6, new Weights(1, 0.5), null), 1e-11);
        assertEquals(0.4628710262841952, LossFunctions.targetLoss(10, 3, 8, 6, new Weights(1, 0), null), EXACT);
        assertEquals(8.916927449291284, LossFunctions.targetLoss(10, 3, 8, 6, new Weights(0, 1), null), 1e-11);
    }

    @Test
    void targetLossUsesTheNegativeBinomialWhenASizeIsGiven() {
        // Weights (2, 1), k = 2: 2·0.0871536632292848 + 8.916927449291284 = 9.091234775749854.
        assertEquals(9.091234775749854, LossFunctions.targetLoss(10, 3, 8, 6, new Weights(2, 1), 2.0), 1e-11);
    }

    @Test
    void targetLossWithNoSimulatedArrivalsTakesAnEvenShareOfWomen() {
        // Totals: poissonDeviance(10, 0) = 302.3619150191664 at the floor.
        // Women: 4 of 10 at p = 0.5: 2·(4·ln 0.8 + 6·ln 1.2) = 2·(−0.8925742052568388 + 1.0939293407637276)
        //   = 0.4027102710137776.
        // Weights (1, 1): 302.7646252901802.
        assertEquals(302.7646252901802, LossFunctions.targetLoss(10, 4, 0, 0, new Weights(1, 1), null), 1e-10);
        assertEquals(0.4027102710137776, LossFunctions.targetLoss(10, 4, 0, 0, new Weights(0, 1), null), EXACT);
    }

    @Test
    void targetLossIsZeroForAPerfectCandidate() {
        assertEquals(0.0, LossFunctions.targetLoss(1043, 720, 1043, 720, new Weights(1, 1), null), EXACT);
        assertEquals(0.0, LossFunctions.targetLoss(1043, 720, 1043, 720, new Weights(3, 2), 5.0), EXACT);
    }
}
