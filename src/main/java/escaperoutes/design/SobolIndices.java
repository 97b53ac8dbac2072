package escaperoutes.design;

import escaperoutes.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * First-order and total Sobol indices from the outputs at the points of a {@link SaltelliSample}: for parameter
 * i, with f<sub>A</sub>, f<sub>B</sub>, f<sub>AB<sub>i</sub></sub> the outputs at the rows of A, B and
 * AB<sub>i</sub>, and V the variance of the 2N outputs of A and B,
 * <ul>
 * <li>first order (the estimator of Saltelli et al. 2010): S<sub>i</sub> = mean<sub>j</sub>[f<sub>B</sub>(j) ·
 *     (f<sub>AB<sub>i</sub></sub>(j) − f<sub>A</sub>(j))] / V, the share of the output's variance due to parameter
 *     i alone;</li>
 * <li>total (Jansen's 1999 estimator, which Saltelli et al. 2010 recommend): ST<sub>i</sub> = mean<sub>j</sub>[(f<sub>A</sub>(j) −
 *     f<sub>AB<sub>i</sub></sub>(j))²] / (2V), the share due to parameter i with all its interactions.</li>
 * </ul>
 * Both are dimensionless. The first-order sum is taken over outputs centred by their mean over A and B: its
 * expectation is unchanged (f<sub>AB<sub>i</sub></sub> and f<sub>A</sub> have the same mean), but a large mean —
 * hundreds of arrivals varying by tens — no longer multiplies the noise of the differences, which would otherwise
 * make the first-order intervals many times wider than the total ones. The confidence intervals are percentile bootstrap intervals: the N base samples are drawn
 * with replacement (each draw keeping its row of A, B and every AB<sub>i</sub> together) and the indices
 * recomputed, V included. Estimates can fall slightly outside [0, 1] when N is small; they are reported as
 * computed, not clamped. When every output is the same (V = 0) the indices are NaN.
 */
public final class SobolIndices {

    /** The indices of one parameter, each with its bootstrap interval ({@code Low}, {@code High}). */
    public record Estimate(double firstOrder, double firstOrderLow, double firstOrderHigh,
                           double total, double totalLow, double totalHigh) {
    }

    private SobolIndices() {
    }

    /**
     * @param outputs    the output at each point of the sample, in the sample's order: N·(d + 2) values
     * @param bootstrap  resamples for the intervals; 0 gives NaN intervals
     * @param level      the intervals' coverage, e.g. 0.95
     * @param random     draws the resamples
     * @return one estimate per parameter, in parameter order
     */
    public static List<Estimate> estimate(double[] outputs, int baseSamples, int dimension, int bootstrap,
                                          double level, RandomGenerator random) {
        int n = baseSamples;
        if (outputs.length != SaltelliSample.size(n, dimension)) {
            throw new IllegalArgumentException("expected " + SaltelliSample.size(n, dimension) + " outputs for "
                    + n + " base samples and " + dimension + " parameters, found " + outputs.length);
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[][] point = indices(outputs, n, dimension, all);
        double[][][] resampled = new double[bootstrap][][];
        int[] rows = new int[n];
        for (int b = 0; b < bootstrap; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = random.nextInt(n);
            }
            resampled[b] = indices(outputs, n, dimension, rows);
        }
        List<Estimate> estimates = new ArrayList<>(dimension);
        double[] first = new double[bootstrap];
        double[] total = new double[bootstrap];
        for (int i = 0; i < dimension; i++) {
            for (int b = 0; b < bootstrap; b++) {
                first[b] = resampled[b][0][i];
                total[b] = resampled[b][1][i];
            }
            double[] firstInterval = Quantiles.interval(first, level);
            double[] totalInterval = Quantiles.interval(total, level);
            estimates.add(new Estimate(point[0][i], firstInterval[0], firstInterval[1], point[1][i],
                    totalInterval[0], totalInterval[1]));
        }
        return estimates;
    }

    /** {first-order indices, total indices} over the base-sample rows listed (with repeats, for the bootstrap). */
    private static double[][] indices(double[] y, int n, int d, int[] rows) {
        double sum = 0;
        for (int j : rows) {
            sum += y[j] + y[n + j];
        }
        double mean = sum / (2.0 * rows.length);
        double squares = 0;
        for (int j : rows) {
            double a = y[j] - mean;
            double b = y[n + j] - mean;
            squares += a * a + b * b;
        }
        double variance = squares / (2.0 * rows.length);
        double[] first = new double[d];
        double[] total = new double[d];
        for (int i = 0; i < d; i++) {
            int offset = (2 + i) * n;
            double firstSum = 0;
            double totalSum = 0;
            for (int j : rows) {
                double fa = y[j] - mean;
                double fb = y[n + j] - mean;
                double fab = y[offset + j] - mean;
                firstSum += fb * (fab - fa);
                totalSum += (fa - fab) * (fa - fab);
            }
            first[i] = variance > 0 ? firstSum / rows.length / variance : Double.NaN;
            total[i] = variance > 0 ? totalSum / (2.0 * rows.length) / variance : Double.NaN;
        }
        return new double[][] {first, total};
    }
}
