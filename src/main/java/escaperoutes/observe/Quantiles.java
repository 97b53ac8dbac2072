package escaperoutes.observe;

import java.util.Arrays;

/** Summaries of a measure over replications. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code p}-quantile of ascending, NaN-free values by R's default (type 7): linear interpolation between
     * the order statistics around h = (n − 1)·p. NaN for no values.
     */
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
     * {mean, 5 %, 50 %, 95 % quantile} of the non-NaN values; all NaN if there are none (e.g. a mean over
     * arrivals in a year no replication had any).
     */
    public static double[] summarize(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
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
}
