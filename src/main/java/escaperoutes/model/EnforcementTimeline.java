package escaperoutes.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Enforcement as a piecewise-constant function of time: for every interval between regime boundaries, one
 * multiplier per (segment, {@link MultiplierKind}, {@link Sex}). Outside every regime all multipliers are 1.
 * Because the timeline is known in advance, the time at which a rate's cumulative intensity reaches a drawn
 * amount can be computed exactly ({@link #timeToAccumulate}), which is what lets agents schedule themselves.
 */
public final class EnforcementTimeline implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A regime: multipliers in force on days [startDay, endDay) (endDay +∞ for an open-ended one), indexed
     * multipliers[segment][kind.ordinal()][sex.index()].
     */
    public record Regime(String name, double startDay, double endDay, double[][][] multipliers)
            implements java.io.Serializable {
    }

    private final int segments;
    /** Interval i covers [bounds[i], bounds[i+1]); bounds[0] = -∞ and the last bound is +∞. */
    private final double[] bounds;
    /** table[i][(segment * KINDS + kind) * 2 + sex]. */
    private final double[][] table;
    private final List<String> intervalRegime;

    private EnforcementTimeline(int segments, double[] bounds, double[][] table, List<String> intervalRegime) {
        this.segments = segments;
        this.bounds = bounds;
        this.table = table;
        this.intervalRegime = intervalRegime;
    }

    /**
     * This timeline with the {@code kinds} multipliers of every segment and sex scaled, from each
     * {@code yearStarts[y]} to the next, by {@code factors[y]} (1 before the first start and from the last start on;
     * {@code yearStarts} has one more entry than {@code factors}). The year starts become interval bounds.
     */
    public EnforcementTimeline scaledByYear(double[] yearStarts, double[] factors, MultiplierKind... kinds) {
        if (yearStarts.length != factors.length + 1) {
            throw new IllegalArgumentException("need one more year start than factors");
        }
        return cutAndEdit(yearStarts, (from, row) -> {
            int year = java.util.Arrays.binarySearch(yearStarts, from);
            year = year >= 0 ? year : -year - 2;
            if (year >= 0 && year < factors.length) {
                for (int s = 0; s < segments; s++) {
                    for (MultiplierKind kind : kinds) {
                        for (Sex sex : Sex.values()) {
                            row[column(s, kind, sex)] *= factors[year];
                        }
                    }
                }
            }
        });
    }

    /**
     * This timeline with the multiplier of {@code kind} in {@code segment} for {@code sex} set to {@code value} on
     * [fromDay, toDay) ({@code toDay} may be +∞); both days become interval bounds and keep their regime's name.
     */
    public EnforcementTimeline withMultiplier(int segment, MultiplierKind kind, Sex sex, double value, double fromDay,
                                              double toDay) {
        return cutAndEdit(new double[] {fromDay, toDay}, (from, row) -> {
            if (from >= fromDay && from < toDay) {
                row[column(segment, kind, sex)] = value;
            }
        });
    }

    /** A change to the multipliers of one interval, given the day it starts. */
    private interface RowEdit {
        void apply(double intervalStart, double[] row);
    }

    /**
     * This timeline with the finite days of {@code extraCuts} added as interval bounds (each new interval keeping
     * the multipliers and regime name of the one it was cut from), then each interval's row changed by {@code edit}.
     */
    private EnforcementTimeline cutAndEdit(double[] extraCuts, RowEdit edit) {
        TreeSet<Double> cuts = new TreeSet<>();
        for (int i = 1; i < bounds.length - 1; i++) {
            cuts.add(bounds[i]);
        }
        for (double cut : extraCuts) {
            if (!Double.isInfinite(cut)) {
                cuts.add(cut);
            }
        }
        int intervals = cuts.size() + 1;
        double[] newBounds = new double[intervals + 1];
        newBounds[0] = Double.NEGATIVE_INFINITY;
        int k = 1;
        for (double cut : cuts) {
            newBounds[k++] = cut;
        }
        newBounds[intervals] = Double.POSITIVE_INFINITY;
        double[][] newTable = new double[intervals][];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            double from = newBounds[i];
            int old = interval(from);
            double[] row = table[old].clone();
            edit.apply(from, row);
            newTable[i] = row;
            names.add(intervalRegime.get(old));
        }
        return new EnforcementTimeline(segments, newBounds, newTable, names);
    }

    public EnforcementTimeline(int segments, List<Regime> regimes) {
        this.segments = segments;
        TreeSet<Double> cuts = new TreeSet<>();
        for (Regime regime : regimes) {
            cuts.add(regime.startDay());
            if (!Double.isInfinite(regime.endDay())) {
                cuts.add(regime.endDay());
            }
        }
        int intervals = cuts.size() + 1;
        bounds = new double[intervals + 1];
        bounds[0] = Double.NEGATIVE_INFINITY;
        int k = 1;
        for (double cut : cuts) {
            bounds[k++] = cut;
        }
        bounds[intervals] = Double.POSITIVE_INFINITY;
        table = new double[intervals][];
        intervalRegime = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            double[] row = new double[segments * MultiplierKind.COUNT * Sex.COUNT];
            java.util.Arrays.fill(row, 1.0);
            String name = null;
            double from = bounds[i];
            for (Regime regime : regimes) {
                if (regime.startDay() <= from && from < regime.endDay()) {
                    name = regime.name();
                    for (int s = 0; s < segments; s++) {
                        for (int kind = 0; kind < MultiplierKind.COUNT; kind++) {
                            for (int sex = 0; sex < Sex.COUNT; sex++) {
                                row[(s * MultiplierKind.COUNT + kind) * Sex.COUNT + sex] =
                                        regime.multipliers()[s][kind][sex];
                            }
                        }
                    }
                }
            }
            table[i] = row;
            intervalRegime.add(name);
        }
    }

    public int segments() {
        return segments;
    }

    /** Number of intervals between regime boundaries (the first starts at -∞, the last ends at +∞). */
    public int intervalCount() {
        return table.length;
    }

    /** Start of interval i (−∞ for the first). */
    public double intervalStart(int i) {
        return bounds[i];
    }

    /** End (exclusive) of interval i (+∞ for the last). */
    public double intervalEnd(int i) {
        return bounds[i + 1];
    }

    /** The multiplier in force throughout interval i. */
    public double multiplierIn(int interval, int segment, MultiplierKind kind, Sex sex) {
        return table[interval][column(segment, kind, sex)];
    }

    /** Index of the interval containing {@code day}. */
    public int interval(double day) {
        int lo = 0;
        int hi = bounds.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bounds[mid] <= day) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int column(int segment, MultiplierKind kind, Sex sex) {
        return (segment * MultiplierKind.COUNT + kind.ordinal()) * Sex.COUNT + sex.index();
    }

    public double multiplier(int segment, MultiplierKind kind, Sex sex, double day) {
        return table[interval(day)][column(segment, kind, sex)];
    }

    /** Name of the regime in force on {@code day}, or null between regimes. */
    public String regimeAt(double day) {
        return intervalRegime.get(interval(day));
    }

    /**
     * The first time t ≥ fromDay at which ∫ baseRatePerDay · multiplier(s) ds over [fromDay, t] reaches
     * {@code amount}; +∞ if it never does (the multiplier stays 0).
     */
    public double timeToAccumulate(int segment, MultiplierKind kind, Sex sex, double fromDay,
                                   double baseRatePerDay, double amount) {
        int column = column(segment, kind, sex);
        int i = interval(fromDay);
        double t = fromDay;
        double remaining = amount;
        while (true) {
            double rate = baseRatePerDay * table[i][column];
            double end = bounds[i + 1];
            if (rate > 0) {
                double needed = remaining / rate;
                if (t + needed <= end) {
                    return t + needed;
                }
                remaining -= rate * (end - t);
            }
            if (i == table.length - 1) {
                return Double.POSITIVE_INFINITY;
            }
            t = end;
            i++;
        }
    }
}
