package escaperoutes.design;

import java.util.Arrays;

/** Percentile bootstrap intervals, with quantiles by R's default method (type 7). */
final class Percentiles {
    private Percentiles() {
    }

    /**
     * The central interval holding {@code level} of the values, {low, high}; NaN values are left out, and {NaN,
     * NaN} is returned when none is left.
     */
    static double[] interval(double[] values, double level) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tail = (1 - level) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
