package escaperoutes.simulation;

import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.stats.Quantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Scenarios compared with the first (the base) on common random numbers: each runs replications 0…n−1 with the
 * same seed, so replication r of every scenario draws from the same named random streams, and the paired
 * difference (scenario − base, replication by replication) shows the effect of what the scenarios change rather
 * than the noise of separate runs. Two identical configurations give a difference of exactly zero; two that differ
 * only from some date on give exactly zero until people's paths part — at the change, or a little before it for
 * journeys drawn when they set out — after which the shared streams are consumed differently and the difference
 * carries noise of either sign.
 *
 * <p>The compared series are every {@link Measure} and the arrivals by exit route ({@code arrivals_via_laos},
 * {@code arrivals_via_direct_from_china}, …; every route with an arrival in some scenario), all in persons per
 * calendar year except the stocks (persons at the end of the year) and {@code mean_years_in_china_of_arrivals}
 * (years). Summaries are the mean and the 5 %, 50 % and 95 % quantiles over replications; the 5–95 % range of a
 * difference is its 90 % interval. Cumulative sums over the window are given for flows only: a sum of year-end
 * stocks or of yearly means has no meaning.
 */
public final class Comparison {

    /** A scenario to compare, under the label its rows carry. */
    public record Compared(String label, ModelConfig config) {
    }

    /** Mean and 5 %, 50 %, 95 % quantiles over replications (NaN values, means over no arrivals, left out). */
    public record Summary(double mean, double p05, double p50, double p95) {
        static Summary of(double[] values) {
            double[] s = Quantiles.summarize(values);
            return new Summary(s[0], s[1], s[2], s[3]);
        }
    }

    /** Calendar years {@code fromYear} to {@code toYear}, both included. */
    public record Window(int fromYear, int toYear) {
        public Window {
            if (fromYear > toYear) {
                throw new IllegalArgumentException("window " + fromYear + "-" + toYear + " ends before it starts");
            }
        }

        @Override
        public String toString() {
            return fromYear + "-" + toYear;
        }
    }

    /** The prefix of the series of arrivals by exit route. */
    public static final String ARRIVALS_VIA = "arrivals_via_";

    private final List<String> labels;
    private final long seed;
    private final int replications;
    private final int firstYear;
    private final int lastYear;
    private final int lastObservedYear;
    private final Window window;
    private final List<String> series;
    private final Map<String, Integer> seriesIndex = new LinkedHashMap<>();
    /** values[scenario][series][year − firstYear][SexGroup ordinal][replication]. */
    private final double[][][][][] values;

    private Comparison(List<String> labels, List<List<RunResult>> results, long seed, Window window,
                       int lastObservedYear) {
        this.labels = List.copyOf(labels);
        this.seed = seed;
        this.replications = results.get(0).size();
        RunResult shape = results.get(0).get(0);
        this.firstYear = shape.firstYear();
        this.lastYear = shape.lastYear();
        this.lastObservedYear = lastObservedYear;
        this.window = window;
        for (List<RunResult> runs : results) {
            for (RunResult r : runs) {
                if (r.firstYear() != firstYear || r.lastYear() != lastYear) {
                    throw new IllegalArgumentException("every scenario must cover the same years to be compared: "
                            + firstYear + "-" + lastYear + " against " + r.firstYear() + "-" + r.lastYear());
                }
            }
            if (runs.size() != replications) {
                throw new IllegalArgumentException("every scenario needs " + replications + " replications, found "
                        + runs.size());
            }
        }
        if (window.fromYear() < firstYear || window.toYear() > lastYear) {
            throw new IllegalArgumentException("window " + window + " is outside the simulated years " + firstYear
                    + "-" + lastYear);
        }
        List<String> names = new ArrayList<>();
        for (Measure m : Measure.values()) {
            names.add(m.key());
        }
        names.addAll(routesWithArrivals(results));
        this.series = List.copyOf(names);
        for (int i = 0; i < series.size(); i++) {
            seriesIndex.put(series.get(i), i);
        }
        int years = lastYear - firstYear + 1;
        values = new double[labels.size()][series.size()][years][SexGroup.COUNT][replications];
        for (int s = 0; s < labels.size(); s++) {
            for (int rep = 0; rep < replications; rep++) {
                fill(values[s], results.get(s).get(rep), rep);
            }
        }
    }

    /**
     * Runs every scenario on replications 0…{@code replications}−1 with {@code seed} and compares them with the
     * first. Scenarios must cover the same calendar years.
     *
     * @param lastObservedYear the last year of the observed series: later years are projections
     * @param progress         told the number of replications finished so far, over all scenarios; may be null
     */
    public static Comparison run(List<Compared> scenarios, long seed, int replications, int threads, Window window,
                                 int lastObservedYear, IntConsumer progress) throws InterruptedException {
        if (scenarios.size() < 2) {
            throw new IllegalArgumentException("a comparison needs a base and at least one other scenario");
        }
        List<List<RunResult>> results = new ArrayList<>();
        for (Compared c : scenarios) {
            int before = results.size() * replications;
            results.add(Replications.run(c.config(), seed, replications, threads,
                    progress == null ? null : done -> progress.accept(before + done)));
        }
        return of(scenarios.stream().map(Compared::label).toList(), results, seed, window, lastObservedYear);
    }

    /** A comparison of results already run: {@code results.get(s)} are scenario s's replications 0…n−1. */
    public static Comparison of(List<String> labels, List<List<RunResult>> results, long seed, Window window,
                                int lastObservedYear) {
        if (labels.size() != results.size() || labels.size() < 2) {
            throw new IllegalArgumentException("a comparison needs a label and results for each of at least two "
                    + "scenarios");
        }
        if (results.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("every scenario needs at least one replication");
        }
        return new Comparison(labels, results, seed, window, lastObservedYear);
    }

    // ---- what was compared -----------------------------------------------------------------------------------------

    /** The scenarios' labels; the first is the base. */
    public List<String> labels() {
        return labels;
    }

    public long seed() {
        return seed;
    }

    public int replications() {
        return replications;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    /** The last year of the observed series. */
    public int lastObservedYear() {
        return lastObservedYear;
    }

    /** Whether {@code year} comes after the observed series, i.e. is a projection. */
    public boolean isProjected(int year) {
        return year > lastObservedYear;
    }

    /** The window of the cumulative sums. */
    public Window window() {
        return window;
    }

    /** Every measure's key, then {@code arrivals_via_<exit route>} for each route used. */
    public List<String> series() {
        return series;
    }

    /** Whether a series counts events in the year, so that sums over years mean something. */
    public boolean isFlow(String name) {
        index(name);
        if (name.startsWith(ARRIVALS_VIA)) {
            return true;
        }
        for (Measure m : Measure.values()) {
            if (m.key().equals(name)) {
                return m.kind() == Measure.Kind.FLOW;
            }
        }
        return false;
    }

    // ---- values --------------------------------------------------------------------------------------------------

    /** The series in a year for every replication, in replication order. */
    public double[] values(int scenario, String name, int year, SexGroup sex) {
        return values[scenario][index(name)][yearIndex(year)][sex.ordinal()].clone();
    }

    /** Scenario − base, replication by replication (NaN where either is NaN). */
    public double[] differences(int scenario, String name, int year, SexGroup sex) {
        double[] other = values[scenario][index(name)][yearIndex(year)][sex.ordinal()];
        double[] base = values[0][index(name)][yearIndex(year)][sex.ordinal()];
        double[] d = new double[replications];
        for (int r = 0; r < replications; r++) {
            d[r] = other[r] - base[r];
        }
        return d;
    }

    /** A flow summed over the years {@code from}…{@code to}, for every replication. */
    public double[] cumulative(int scenario, String name, SexGroup sex, Window years) {
        requireFlow(name);
        yearIndex(years.fromYear());
        yearIndex(years.toYear());
        double[] total = new double[replications];
        for (int year = years.fromYear(); year <= years.toYear(); year++) {
            double[] v = values[scenario][index(name)][yearIndex(year)][sex.ordinal()];
            for (int r = 0; r < replications; r++) {
                total[r] += v[r];
            }
        }
        return total;
    }

    /** Scenario − base of a flow summed over {@code years}, replication by replication. */
    public double[] cumulativeDifferences(int scenario, String name, SexGroup sex, Window years) {
        double[] other = cumulative(scenario, name, sex, years);
        double[] base = cumulative(0, name, sex, years);
        for (int r = 0; r < replications; r++) {
            other[r] -= base[r];
        }
        return other;
    }

    public Summary summary(int scenario, String name, int year, SexGroup sex) {
        return Summary.of(values(scenario, name, year, sex));
    }

    public Summary difference(int scenario, String name, int year, SexGroup sex) {
        return Summary.of(differences(scenario, name, year, sex));
    }

    /** The flow summed over the comparison's window. */
    public Summary cumulativeSummary(int scenario, String name, SexGroup sex) {
        return Summary.of(cumulative(scenario, name, sex, window));
    }

    /** Scenario − base of the flow summed over the comparison's window. */
    public Summary cumulativeDifference(int scenario, String name, SexGroup sex) {
        return Summary.of(cumulativeDifferences(scenario, name, sex, window));
    }

    /**
     * How the variance of a difference summed over the window splits between the parameters and chance, when the
     * replications come in pairs sharing one parameter draw (2d and 2d + 1 share draw d, with random streams of
     * their own): by the law of total variance, Var(D) = E[Var(D | θ)] + Var(E[D | θ]); half the mean squared
     * difference within pairs estimates the first term (chance), the rest of the sample variance is the
     * parameters'. Estimates from finite pairs: the parameters' part can come out slightly negative when chance
     * dominates, and is reported as it comes out.
     *
     * @param total      sample variance of the paired differences (persons²)
     * @param chance     its part from chance among individuals, for fixed parameters
     * @param parameters the rest: what the uncertainty about the parameters adds
     */
    public record VarianceSplit(double total, double chance, double parameters) {
        /** The parameters' share of the variance (NaN when the difference does not vary). */
        public double parameterShare() {
            return total > 0 ? parameters / total : Double.NaN;
        }
    }

    /** {@link VarianceSplit} of scenario − base summed over the window; needs an even number of replications. */
    public VarianceSplit cumulativeVarianceSplit(int scenario, String name, SexGroup sex) {
        if (replications % 2 != 0 || replications < 4) {
            throw new IllegalArgumentException("the split needs pairs of replications sharing a parameter draw: an "
                    + "even number, at least 4; found " + replications);
        }
        double[] d = cumulativeDifferences(scenario, name, sex, window);
        double mean = 0;
        for (double v : d) {
            mean += v / d.length;
        }
        double total = 0;
        for (double v : d) {
            total += (v - mean) * (v - mean);
        }
        total /= d.length - 1;
        double withinPairs = 0;
        for (int r = 0; r < d.length; r += 2) {
            withinPairs += (d[r] - d[r + 1]) * (d[r] - d[r + 1]) / 2;
        }
        double chance = withinPairs / (d.length / 2);
        return new VarianceSplit(total, chance, total - chance);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private int index(String name) {
        Integer i = seriesIndex.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no series '" + name + "'; series: " + String.join(", ", series));
        }
        return i;
    }

    private int yearIndex(int year) {
        if (year < firstYear || year > lastYear) {
            throw new IllegalArgumentException(year + " is outside the simulated years " + firstYear + "-"
                    + lastYear);
        }
        return year - firstYear;
    }

    private void requireFlow(String name) {
        if (!isFlow(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a flow: its sum over years has no meaning");
        }
    }

    /** Exit-route labels with an arrival in any replication of any scenario, in the order of first appearance. */
    private static List<String> routesWithArrivals(List<List<RunResult>> results) {
        List<String> used = new ArrayList<>();
        for (List<RunResult> runs : results) {
            for (RunResult r : runs) {
                for (int e = 0; e < r.exitRoutes().size(); e++) {
                    for (int c = 0; c < r.lastCountries().size(); c++) {
                        String name = ARRIVALS_VIA + r.exitRouteLabel(e, c);
                        if (!used.contains(name) && anyArrivals(r, e, c)) {
                            used.add(name);
                        }
                    }
                }
            }
        }
        return used;
    }

    private static boolean anyArrivals(RunResult r, int exit, int last) {
        for (int year = r.firstYear(); year <= r.lastYear(); year++) {
            if (r.routeArrivals(exit, last, year, SexGroup.ALL) != 0) {
                return true;
            }
        }
        return false;
    }

    private void fill(double[][][][] target, RunResult r, int rep) {
        for (int year = firstYear; year <= lastYear; year++) {
            int y = year - firstYear;
            for (SexGroup sex : SexGroup.values()) {
                for (Measure m : Measure.values()) {
                    target[seriesIndex.get(m.key())][y][sex.ordinal()][rep] = r.value(m, year, sex);
                }
                for (int e = 0; e < r.exitRoutes().size(); e++) {
                    for (int c = 0; c < r.lastCountries().size(); c++) {
                        Integer i = seriesIndex.get(ARRIVALS_VIA + r.exitRouteLabel(e, c));
                        if (i != null) {
                            target[i][y][sex.ordinal()][rep] += r.routeArrivals(e, c, year, sex);
                        }
                    }
                }
            }
        }
    }
}
