package escaperoutes.calibration;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * How well replications reproduce the observed annual arrivals over a window of years: per-year rows (observed,
 * simulated mean and 5/95% quantiles, shares of women) and summary metrics. Only years the ministry reports singly
 * are scored; lumped periods have no single year to compare.
 *
 * @param rows                   one per scored year, in year order
 * @param medianAbsLogError      median over years of |ln(simulated median) − ln(observed)| (totals)
 * @param averageRelativeDifference mean over years of |simulated mean − observed| / observed (Flee's ARD)
 * @param mase                   mean absolute error of the simulated means, divided by that of naive persistence
 *                               (each year predicted by the observed previous year, over the window)
 * @param coverage50             share of years whose observed total lies in the simulated 25–75% band
 * @param coverage90             share of years whose observed total lies in the simulated 5–95% band
 * @param femaleShareMaePoints   mean absolute error of the share of women, percentage points
 * @param dispersion             whether the simulated bands are as wide as the model's misses: the sum over years
 *                               of (ln observed − mean of ln simulated)², divided by the sum over years of what
 *                               that square would be on average if the observed total were one more replication,
 *                               (1 + 1/R) times the replications' variance of ln simulated (R replications). About
 *                               1 when the observed series looks like one more replication; well above 1 when the
 *                               bands are too narrow for the misses, as when the scenario's {@code annualVariation}
 *                               understates the year-to-year variation the regimes do not explain. NaN with one
 *                               replication or none varying.
 */
public record FitMetrics(List<Row> rows, double medianAbsLogError, double averageRelativeDifference, double mase,
                         double coverage50, double coverage90, double femaleShareMaePoints, double dispersion) {

    /** Simulated totals below this many persons count as this many in log errors (ln 0 is −∞). */
    static final double LOG_FLOOR = 0.5;

    /** One scored year. Simulated figures are over replications: mean, 5% and 95% quantiles. */
    public record Row(int year, long observedTotal, long observedWomen, long observedMen,
                      double[] total, double[] women, double[] men, double observedShareWomen,
                      double simulatedShareWomen, double[] totalQuartiles) {
    }

    public static FitMetrics compute(List<RunResult> runs, ObservedSeries observed, int fromYear, int toYear) {
        if (fromYear < runs.get(0).firstYear() || toYear > runs.get(0).lastYear()) {
            throw new IllegalArgumentException("the window " + fromYear + "-" + toYear + " is not within the "
                    + "simulated years " + runs.get(0).firstYear() + "-" + runs.get(0).lastYear());
        }
        List<Row> rows = new ArrayList<>();
        double squaredLogResiduals = 0;
        double expectedSquaredLogResiduals = 0;
        for (int year = fromYear; year <= toYear; year++) {
            OptionalLong total = observed.single(year, SexGroup.ALL);
            if (total.isEmpty()) {
                continue;
            }
            long women = observed.single(year, SexGroup.FEMALE).orElseThrow();
            double[] simTotal = values(runs, year, SexGroup.ALL);
            double[] simWomen = values(runs, year, SexGroup.FEMALE);
            double[] simMen = values(runs, year, SexGroup.MALE);
            double meanTotal = mean(simTotal);
            double[] logTotal = Arrays.stream(simTotal).map(v -> Math.log(Math.max(v, LOG_FLOOR))).toArray();
            double meanLog = mean(logTotal);
            squaredLogResiduals += square(Math.log(Math.max(total.getAsLong(), LOG_FLOOR)) - meanLog);
            if (logTotal.length > 1) {
                double variance = Arrays.stream(logTotal).map(v -> square(v - meanLog)).sum() / (logTotal.length - 1);
                expectedSquaredLogResiduals += (1 + 1.0 / logTotal.length) * variance;
            }
            double[] sortedTotal = simTotal.clone();
            Arrays.sort(sortedTotal);
            rows.add(new Row(year, total.getAsLong(), women, total.getAsLong() - women,
                    bandOf(simTotal), bandOf(simWomen), bandOf(simMen),
                    total.getAsLong() == 0 ? Double.NaN : (double) women / total.getAsLong(),
                    meanTotal == 0 ? Double.NaN : mean(simWomen) / meanTotal,
                    new double[] {Quantiles.quantile(sortedTotal, 0.25), Quantiles.quantile(sortedTotal, 0.5),
                        Quantiles.quantile(sortedTotal, 0.75)}));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no single-year observation in " + fromYear + "-" + toYear);
        }
        double[] logErrors = rows.stream().mapToDouble(r -> Math.abs(Math.log(Math.max(r.totalQuartiles()[1],
                LOG_FLOOR)) - Math.log(Math.max(r.observedTotal(), LOG_FLOOR)))).sorted().toArray();
        double ard = rows.stream().mapToDouble(r -> Math.abs(r.total()[0] - r.observedTotal())
                / Math.max(r.observedTotal(), 1)).average().orElseThrow();
        double mae = rows.stream().mapToDouble(r -> Math.abs(r.total()[0] - r.observedTotal())).average()
                .orElseThrow();
        double naive = 0;
        int pairs = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).year() == rows.get(i - 1).year() + 1) {
                naive += Math.abs(rows.get(i).observedTotal() - rows.get(i - 1).observedTotal());
                pairs++;
            }
        }
        double mase = pairs == 0 || naive == 0 ? Double.NaN : mae / (naive / pairs);
        double in50 = rows.stream().filter(r -> r.observedTotal() >= r.totalQuartiles()[0]
                && r.observedTotal() <= r.totalQuartiles()[2]).count();
        double in90 = rows.stream().filter(r -> r.observedTotal() >= r.total()[1]
                && r.observedTotal() <= r.total()[2]).count();
        double shareError = rows.stream().filter(r -> !Double.isNaN(r.observedShareWomen())
                && !Double.isNaN(r.simulatedShareWomen()))
                .mapToDouble(r -> 100 * Math.abs(r.simulatedShareWomen() - r.observedShareWomen())).average()
                .orElse(Double.NaN);
        double dispersion = expectedSquaredLogResiduals > 0 ? squaredLogResiduals / expectedSquaredLogResiduals
                : Double.NaN;
        return new FitMetrics(List.copyOf(rows), Quantiles.quantile(logErrors, 0.5), ard, mase,
                in50 / rows.size(), in90 / rows.size(), shareError, dispersion);
    }

    private static double[] values(List<RunResult> runs, int year, SexGroup sex) {
        return runs.stream().mapToDouble(r -> r.value(Measure.ARRIVALS, year, sex)).toArray();
    }

    /** {mean, 5% quantile, 95% quantile}. */
    private static double[] bandOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {mean(values), Quantiles.quantile(sorted, 0.05), Quantiles.quantile(sorted, 0.95)};
    }

    private static double square(double x) {
        return x * x;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
