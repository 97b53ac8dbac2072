package escaperoutes.stats;

import java.util.Arrays;

/**
 * Quantiles by R's default method (type 7, as Commons Math's {@code Percentile} with {@code R_7}): linear
 * interpolation between the order statistics around h = (n − 1)·p. Ours rather than {@code Percentile}, measured:
 * {@code Percentile} works from 1 + (n − 1)·p, which differs from these numbers in the last bit for 1.6 % of
 * (array, p) pairs (random arrays of 1–400 values); and on values sorted once it reads two elements where
 * {@code Percentile} copies and partially sorts the array for every quantile (a sort and three quantiles: 0.08 µs
 * against 3.5 µs for 3 replications, 3.6 µs against 6.1 µs for 100).
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The {@code p}-quantile of ascending, NaN-free values; NaN for no values. */
    public static double quantile(double[] sortedValues, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability " + p + " is outside [0, 1]");
        }
        int n = sortedValues.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sortedValues[lo] + (h - lo) * (sortedValues[hi] - sortedValues[lo]);
    }

    /**
     * The {@code p}-quantile of a weighted sample (weights ≥ 0, not all 0; say the particles of a posterior): the
     * smallest value at which the cumulative share of the weight reaches p — the inverse of the weighted empirical
     * distribution function. With equal weights it is the order statistic ⌈n·p⌉ (the first for p = 0).
     */
    public static double weighted(double[] values, double[] weights, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability " + p + " is outside [0, 1]");
        }
        if (values.length != weights.length || values.length == 0) {
            throw new IllegalArgumentException("one weight per value, at least one value");
        }
        Integer[] order = new Integer[values.length];
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double cumulative = 0;
        for (int i : order) {
            cumulative += weights[i];
            // A relative slack of 1e-12 so that equal weights reach p = k/n at the k-th value despite rounding.
            if (cumulative >= p * total * (1 - 1e-12) && weights[i] > 0) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }

    /** The values that are not NaN, ascending (NaN stands for "no value", e.g. a share of no arrivals). */
    public static double[] sortedPresent(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** {mean, 5 %, 50 %, 95 % quantile} of the values that are not NaN; all NaN if there are none. */
    public static double[] summarize(double[] values) {
        double[] present = sortedPresent(values);
        if (present.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double sum = 0;
        for (double v : present) {
            sum += v;
        }
        return new double[] {sum / present.length, quantile(present, 0.05), quantile(present, 0.5),
                quantile(present, 0.95)};
    }

    /**
     * The central interval holding {@code level} of the values that are not NaN, {low, high} (a percentile
     * bootstrap interval, given the bootstrap's estimates); {NaN, NaN} if none is left.
     */
    public static double[] interval(double[] values, double level) {
        double[] sorted = sortedPresent(values);
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tail = (1 - level) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }
}
