package escaperoutes.chart;

/**
 * A yearly series summarised over replications: mean and quantiles per year (persons, or a share in [0, 1]).
 * {@code p25} and {@code p75} (the 50 % band) are null where the source has only the 90 % band (comparison
 * tables); a value is NaN in a year with nothing to summarise (e.g. a share of women in a year without arrivals).
 */
public record Band(int firstYear, double[] mean, double[] p05, double[] p25, double[] p50, double[] p75,
                   double[] p95) {

    public int years() {
        return mean.length;
    }

    public int lastYear() {
        return firstYear + mean.length - 1;
    }

    public boolean hasInnerBand() {
        return p25 != null && p75 != null;
    }
}
