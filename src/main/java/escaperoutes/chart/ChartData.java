package escaperoutes.chart;

import escaperoutes.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The datasets behind the charts, computed from a {@link ResultFolder} and nothing else: plain arrays that tests
 * can check, kept apart from how JFreeChart draws them.
 */
final class ChartData {

    private ChartData() {
    }

    /** Mean and 5/25/50/75/95 % quantiles (type 7, NaN left out) per year of per-replication values. */
    static Band band(int firstYear, double[][] byYearAndReplication) {
        int years = byYearAndReplication.length;
        double[] mean = new double[years];
        double[] p05 = new double[years];
        double[] p25 = new double[years];
        double[] p50 = new double[years];
        double[] p75 = new double[years];
        double[] p95 = new double[years];
        for (int y = 0; y < years; y++) {
            double[] v = Quantiles.sortedPresent(byYearAndReplication[y]);
            mean[y] = v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
            p05[y] = Quantiles.quantile(v, 0.05);
            p25[y] = Quantiles.quantile(v, 0.25);
            p50[y] = Quantiles.quantile(v, 0.50);
            p75[y] = Quantiles.quantile(v, 0.75);
            p95[y] = Quantiles.quantile(v, 0.95);
        }
        return new Band(firstYear, mean, p05, p25, p50, p75, p95);
    }

    /** Arrivals in South Korea (persons) of one sex ("all", "female", "male"). */
    static Band arrivals(ResultFolder.RunTables run, String sex) {
        return band(run.firstYear, run.replicated("arrivals", sex));
    }

    /** A measure's band for all persons (e.g. hiding_china_end, repatriations). */
    static Band measure(ResultFolder.RunTables run, String measure) {
        return band(run.firstYear, run.replicated(measure, "all"));
    }

    /** Share of women among arrivals, per replication then summarised; NaN in a replication-year with none. */
    static Band shareWomen(ResultFolder.RunTables run) {
        double[][] women = run.replicated("arrivals", "female");
        double[][] all = run.replicated("arrivals", "all");
        double[][] share = new double[all.length][];
        for (int y = 0; y < all.length; y++) {
            share[y] = new double[all[y].length];
            for (int r = 0; r < all[y].length; r++) {
                share[y][r] = all[y][r] > 0 ? women[y][r] / all[y][r] : Double.NaN;
            }
        }
        return band(run.firstYear, share);
    }

    /** Observed arrivals (persons) by year for a sex; empty where MOU reports no single year. */
    static TreeMap<Integer, Double> observed(ResultFolder.RunTables run, String sex) {
        return new TreeMap<>(run.observed.getOrDefault(sex, Map.of()));
    }

    /** Observed share of women by year, where MOU reports both the total (> 0) and women. */
    static TreeMap<Integer, Double> observedShareWomen(ResultFolder.RunTables run) {
        TreeMap<Integer, Double> share = new TreeMap<>();
        Map<Integer, Double> women = run.observed.getOrDefault("female", Map.of());
        run.observed.getOrDefault("all", Map.of()).forEach((year, total) -> {
            if (total > 0 && women.containsKey(year)) {
                share.put(year, women.get(year) / total);
            }
        });
        return share;
    }

    /**
     * Categories (routes, provinces) ordered by their total over all years, largest first, so the biggest sits at
     * the bottom of a stack; ties keep the table's order.
     */
    static LinkedHashMap<String, double[]> largestFirst(Map<String, double[]> byCategory) {
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(byCategory.entrySet());
        entries.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -Arrays.stream(e.getValue()).sum()));
        LinkedHashMap<String, double[]> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The best loss so far after each evaluation (NaN losses, failed candidates, skipped). */
    static double[] bestSoFar(double[] losses) {
        double[] best = new double[losses.length];
        double b = Double.NaN;
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isNaN(losses[i]) && (Double.isNaN(b) || losses[i] < b)) {
                b = losses[i];
            }
            best[i] = b;
        }
        return best;
    }

    /** log(simulated mean / observed) of each fitted or held-out year's total; NaN where either is 0. */
    static double[] logErrors(List<ResultFolder.CalibrationTables.FitRow> rows) {
        return rows.stream().mapToDouble(r -> r.observedTotal() > 0 && r.simulatedMean() > 0
                ? Math.log(r.simulatedMean() / r.observedTotal()) : Double.NaN).toArray();
    }

    /**
     * What an evidence item's numbers are divided by to put items of different units (persons, shares, years, rates
     * per year) on one ratio axis: its best value, so that 1 is the record's best value, 2 twice it, 0.5 half. A best
     * value of 0 (a count of none, a share of nothing) has no ratio to it, so such an item is divided by the top of
     * its range instead (its range then runs from 0 to 1, and 1 is the most the record allows); an item whose range is
     * 0 to 0 stays in its own units (divided by 1).
     */
    static double evidenceScale(ResultFolder.CalibrationTables.EvidenceRow row) {
        return row.value() > 0 ? row.value() : row.high() > 0 ? row.high() : 1;
    }

    /** The outermost ratios the evidence chart shows: an item more than 128 times off is drawn at the edge. */
    static final double EVIDENCE_FLOOR = 1.0 / 128;
    static final double EVIDENCE_CEILING = 128;

    /**
     * The evidence chart's ratio axis, {lower, upper}: every positive finite ratio (ends of the ranges, simulated
     * means and quantiles) with a quarter of margin, at least ½ to 2 around the best value, at most
     * {@link #EVIDENCE_FLOOR} to {@link #EVIDENCE_CEILING}. A ratio of 0 (a range reaching 0) is left out: it is
     * drawn at the lower edge.
     */
    static double[] evidenceAxis(List<ResultFolder.CalibrationTables.EvidenceRow> rows) {
        double lower = 1;
        double upper = 1;
        for (ResultFolder.CalibrationTables.EvidenceRow r : rows) {
            double scale = evidenceScale(r);
            for (double v : new double[] {r.low(), r.high(), r.simulatedMean(), r.simulatedP05(), r.simulatedP95()}) {
                double ratio = v / scale;
                if (ratio > 0 && Double.isFinite(ratio)) {
                    lower = Math.min(lower, ratio);
                    upper = Math.max(upper, ratio);
                }
            }
        }
        return new double[] {Math.max(EVIDENCE_FLOOR, Math.min(0.5, lower / 1.25)),
                Math.min(EVIDENCE_CEILING, Math.max(2, upper * 1.25))};
    }

    /**
     * The first year in which any scenario's paired difference in arrivals from the base is not exactly zero in
     * some replication (scenarios share their history up to a change), or the first year if they never differ.
     */
    static int firstDifferentYear(ResultFolder.ComparisonTables c) {
        for (int i = 0; i < c.lastYear - c.firstYear + 1; i++) {
            for (int s = 1; s < c.labels.size(); s++) {
                Band d = c.differences.get(c.labels.get(s) + "/arrivals/all");
                if (d.mean()[i] != 0 || d.p05()[i] != 0 || d.p95()[i] != 0) {
                    return c.firstYear + i;
                }
            }
        }
        return c.firstYear;
    }

    /** Running sum of a yearly series (NaN counted as 0). */
    static double[] cumulative(double[] yearly) {
        double[] sum = new double[yearly.length];
        double s = 0;
        for (int i = 0; i < yearly.length; i++) {
            s += Double.isNaN(yearly[i]) ? 0 : yearly[i];
            sum[i] = s;
        }
        return sum;
    }

    /** Each point's mean over its replications (NaN values left out; NaN where a point has none). */
    static double[] pointMeans(double[][] byPointAndReplication) {
        double[] means = new double[byPointAndReplication.length];
        for (int p = 0; p < means.length; p++) {
            double sum = 0;
            int n = 0;
            for (double v : byPointAndReplication[p]) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            means[p] = n == 0 ? Double.NaN : sum / n;
        }
        return means;
    }

    /**
     * A two-parameter grid's cells: the distinct values of the first parameter ({@code x}) and of the second
     * ({@code y}), increasing, and the mean output over the replications of the point at each (NaN for a cell
     * without runs, as in a chunk's folder).
     */
    record GridCells(double[] x, double[] y, double[][] mean) {
    }

    static GridCells gridCells(SweepResults s, SweepResults.Output output) {
        double[] x = Arrays.stream(s.points).mapToDouble(p -> p[0]).distinct().sorted().toArray();
        double[] y = Arrays.stream(s.points).mapToDouble(p -> p[1]).distinct().sorted().toArray();
        double[][] mean = new double[x.length][y.length];
        for (double[] row : mean) {
            Arrays.fill(row, Double.NaN);
        }
        double[] pointMeans = pointMeans(output.values());
        for (int p = 0; p < s.pointCount(); p++) {
            mean[Arrays.binarySearch(x, s.points[p][0])][Arrays.binarySearch(y, s.points[p][1])] = pointMeans[p];
        }
        return new GridCells(x, y, mean);
    }

    /**
     * A weighted histogram of a posterior sample over {@code bins} bins of equal width in the search coordinate
     * u in [0, 1], as density per unit of u: each bin's share of the weight times the number of bins, so that it
     * integrates to 1 over [0, 1] and compares directly with a prior density per unit of u (a uniform prior on the
     * search scale is 1 everywhere). u = 1 falls in the last bin; u outside [0, 1] is taken as the nearer end.
     */
    static double[] unitHistogram(double[] unit, double[] weights, int bins) {
        if (unit.length != weights.length || bins < 1) {
            throw new IllegalArgumentException("one weight per value and at least one bin");
        }
        double[] density = new double[bins];
        double total = 0;
        for (int k = 0; k < unit.length; k++) {
            int bin = (int) Math.floor(Math.max(0, Math.min(1, unit[k])) * bins);
            density[Math.min(bin, bins - 1)] += weights[k];
            total += weights[k];
        }
        for (int b = 0; b < bins; b++) {
            density[b] = total > 0 ? density[b] / total * bins : Double.NaN;
        }
        return density;
    }

    /**
     * Pearson's correlation of x and y, each pair weighted by {@code weights} (≥ 0, not all 0): the weighted
     * covariance over the product of the weighted standard deviations. NaN where x or y has no spread.
     */
    static double weightedCorrelation(double[] x, double[] y, double[] weights) {
        if (x.length != y.length || x.length != weights.length) {
            throw new IllegalArgumentException("x, y and the weights must have the same length");
        }
        double total = 0;
        double meanX = 0;
        double meanY = 0;
        for (int k = 0; k < x.length; k++) {
            total += weights[k];
            meanX += weights[k] * x[k];
            meanY += weights[k] * y[k];
        }
        meanX /= total;
        meanY /= total;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int k = 0; k < x.length; k++) {
            double dx = x[k] - meanX;
            double dy = y[k] - meanY;
            covariance += weights[k] * dx * dy;
            varianceX += weights[k] * dx * dx;
            varianceY += weights[k] * dy * dy;
        }
        if (!(varianceX > 0 && varianceY > 0)) {
            return Double.NaN;
        }
        // Clamped: rounding can carry a perfect correlation a hair past ±1.
        return Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceX * varianceY)));
    }

    /** Two parameters (by position) and their weighted correlation. */
    record Pair(int first, int second, double correlation) {
    }

    /**
     * The {@code count} pairs of parameters whose weighted correlation (in the search coordinates, one row of
     * {@code unitByParameter} per parameter) is largest in absolute value, strongest first; a pair whose
     * correlation is undefined (a parameter without spread) is left out, and ties keep the order of the parameters.
     */
    static List<Pair> strongestPairs(double[][] unitByParameter, double[] weights, int count) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < unitByParameter.length; i++) {
            for (int j = i + 1; j < unitByParameter.length; j++) {
                double r = weightedCorrelation(unitByParameter[i], unitByParameter[j], weights);
                if (!Double.isNaN(r)) {
                    pairs.add(new Pair(i, j, r));
                }
            }
        }
        // A stable sort: equal |r| keep the order in which the pairs were listed.
        pairs.sort(Comparator.comparingDouble((Pair p) -> -Math.abs(p.correlation())));
        return List.copyOf(pairs.subList(0, Math.min(count, pairs.size())));
    }
}
