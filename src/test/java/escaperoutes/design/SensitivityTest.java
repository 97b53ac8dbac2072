package escaperoutes.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The estimators on functions whose indices are known exactly. */
class SensitivityTest {

    /** Ishigami and Homma's function, inputs uniform on [−π, π]. */
    private static double ishigami(double x1, double x2, double x3) {
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    /** The point at unit coordinate u of [lower, upper]. */
    private static double between(double lower, double upper, double u) {
        return lower + u * (upper - lower);
    }

    @Test
    void sobolIndicesOfTheIshigamiFunctionMatchTheAnalyticValues() {
        double a = 7;
        double b = 0.1;
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = b * b * pi8 * 8 / 225;
        double v = v1 + v2 + v13;
        double[] firstOrder = {v1 / v, v2 / v, 0};
        double[] total = {(v1 + v13) / v, v2 / v, v13 / v};
        assertEquals(0.3139, firstOrder[0], 1e-4);
        assertEquals(0.5576, total[0], 1e-4);

        int n = 8192;
        double[][] points = SaltelliSample.unitPoints(n, 3);
        double[] outputs = new double[points.length];
        for (int p = 0; p < points.length; p++) {
            outputs[p] = ishigami(between(-Math.PI, Math.PI, points[p][0]), between(-Math.PI, Math.PI, points[p][1]),
                    between(-Math.PI, Math.PI, points[p][2]));
        }
        List<SobolIndices.Estimate> estimates = SobolIndices.estimate(outputs, n, 3, 200, 0.95,
                new SplittableRandom(1));
        for (int i = 0; i < 3; i++) {
            SobolIndices.Estimate e = estimates.get(i);
            assertEquals(firstOrder[i], e.firstOrder(), 0.01, "S" + (i + 1));
            assertEquals(total[i], e.total(), 0.01, "ST" + (i + 1));
            assertTrue(e.firstOrderLow() <= e.firstOrder() && e.firstOrder() <= e.firstOrderHigh(), e.toString());
            assertTrue(e.totalLow() <= e.total() && e.total() <= e.totalHigh(), e.toString());
            assertTrue(e.firstOrderHigh() - e.firstOrderLow() < 0.1, e.toString());
            assertTrue(e.totalHigh() - e.totalLow() < 0.1, e.toString());
        }
    }

    @Test
    void sobolIndicesDoNotDependOnTheOutputsMean() {
        // Arrivals in the hundreds that vary by tens: the first-order sum is taken on centred outputs, so adding a
        // constant changes neither the indices nor their intervals.
        int n = 64;
        double[][] points = SaltelliSample.unitPoints(n, 2);
        double[] outputs = new double[points.length];
        double[] shifted = new double[points.length];
        for (int p = 0; p < points.length; p++) {
            outputs[p] = 3 * points[p][0] + points[p][1] * points[p][1];
            shifted[p] = outputs[p] + 1000;
        }
        List<SobolIndices.Estimate> plain = SobolIndices.estimate(outputs, n, 2, 50, 0.9, new SplittableRandom(4));
        List<SobolIndices.Estimate> offset = SobolIndices.estimate(shifted, n, 2, 50, 0.9, new SplittableRandom(4));
        for (int i = 0; i < 2; i++) {
            assertEquals(plain.get(i).firstOrder(), offset.get(i).firstOrder(), 1e-9);
            assertEquals(plain.get(i).firstOrderLow(), offset.get(i).firstOrderLow(), 1e-9);
            assertEquals(plain.get(i).firstOrderHigh(), offset.get(i).firstOrderHigh(), 1e-9);
            assertEquals(plain.get(i).total(), offset.get(i).total(), 1e-9);
        }
        // x0 carries 3² / 12 = 0.75 of the variance, x1 (x1² on [0, 1]) 4 / 45 ≈ 0.089: S0 ≈ 0.89.
        assertEquals(0.894, plain.get(0).firstOrder(), 0.05);
    }

    @Test
    void aConstantOutputHasNoIndices() {
        double[] outputs = new double[4 * 4];
        java.util.Arrays.fill(outputs, 3);
        SobolIndices.Estimate e = SobolIndices.estimate(outputs, 4, 2, 10, 0.9, new SplittableRandom(1)).get(0);
        assertTrue(Double.isNaN(e.firstOrder()) && Double.isNaN(e.total()), e.toString());
    }

    @Test
    void morrisEffectsOfALinearFunctionAreItsCoefficientsTimesTheRanges() {
        double[][] ranges = {{0, 10}, {1, 3}, {-5, 5}};
        double[] coefficients = {3, -2, 0};
        MorrisDesign design = MorrisDesign.sample(12, 3, 4, new SplittableRandom(2));
        double[][] points = design.unitPoints();
        double[] outputs = new double[points.length];
        for (int p = 0; p < points.length; p++) {
            for (int i = 0; i < 3; i++) {
                outputs[p] += coefficients[i] * between(ranges[i][0], ranges[i][1], points[p][i]);
            }
        }
        List<MorrisEffects.Estimate> estimates = MorrisEffects.estimate(outputs, design, 100, 0.95,
                new SplittableRandom(3));
        for (int i = 0; i < 3; i++) {
            MorrisEffects.Estimate e = estimates.get(i);
            double width = ranges[i][1] - ranges[i][0];
            assertEquals(coefficients[i] * width, e.mu(), 1e-9, "μ of parameter " + i);
            assertEquals(Math.abs(coefficients[i]) * width, e.muStar(), 1e-9, "μ* of parameter " + i);
            assertEquals(0, e.sigma(), 1e-9, "σ of parameter " + i);
            assertEquals(e.muStar(), e.muStarLow(), 1e-9);
            assertEquals(e.muStar(), e.muStarHigh(), 1e-9);
        }
    }

    @Test
    void morrisSeparatesAnInteractionFromAMainEffect() {
        // f = x0 + 4·x1·x2 on [0, 1]³: x0 is linear (σ = 0); x1 and x2 matter through each other (σ > 0) and
        // matter more than x0 on average.
        MorrisDesign design = MorrisDesign.sample(40, 3, 4, new SplittableRandom(9));
        double[][] points = design.unitPoints();
        double[] outputs = new double[points.length];
        for (int p = 0; p < points.length; p++) {
            outputs[p] = points[p][0] + 4 * points[p][1] * points[p][2];
        }
        List<MorrisEffects.Estimate> e = MorrisEffects.estimate(outputs, design, 0, 0.95, new SplittableRandom(1));
        assertEquals(1, e.get(0).muStar(), 1e-9);
        assertEquals(0, e.get(0).sigma(), 1e-9);
        assertTrue(e.get(1).muStar() > 1 && e.get(2).muStar() > 1, e.toString());
        assertTrue(e.get(1).sigma() > 0.5 && e.get(2).sigma() > 0.5, e.toString());
        assertTrue(Double.isNaN(e.get(0).muStarLow()), "no bootstrap, no interval");
    }
}
