package escaperoutes.evidence;

/**
 * One independent fact the model can be checked against: a statistic of the simulation over a period, a best value
 * and a plausible range (in the measure's units), with its source.
 *
 * <p>How the range is read depends on where the value lies in it ({@link Kind}); {@link #loss} turns a simulated
 * value into a term that adds to the calibration's deviance. Counts are compared on the scale ln(1 + x) (so that a
 * range reaching 0 persons stays finite and a miss counts by ratio, not by persons), durations and rates on ln x,
 * shares on their own linear scale.
 *
 * @param where the file and line it was read from ({@code other-evidence.csv:4}), for messages
 */
public record EvidenceItem(String id, EvidenceMeasure measure, EvidencePeriod period, double value, double low,
                           double high, String source, String note, String where) {

    /** Standard normal quantile of 0.975: a two-sided range is read as a ~95 % interval. */
    static final double Z95 = 1.959963984540054;

    /**
     * Loss of a simulated value that cannot be computed (a mean or share over no arrivals): that of a value ten
     * standard deviations away. Large, so the optimiser leaves such candidates, but finite, so that it can still
     * compare them.
     */
    static final double UNDEFINED_LOSS = 100;

    /** How the range is read. */
    public enum Kind {
        /** low &lt; value &lt; high: a ~95 % interval around the value, each side its own width. */
        INTERVAL,
        /**
         * value = low &lt; high: a documented minimum, with a plausible upper end: anything in the range costs nothing
         * (the minimum says nothing about where above it the truth lies), beyond it the cost grows as for a ~95 %
         * interval of the range's width.
         */
        MINIMUM,
        /** low &lt; value = high: a documented maximum, read as {@link #MINIMUM} is. */
        MAXIMUM,
        /** low = value = high: an exact count (an event), compared with a Poisson deviance. */
        EXACT
    }

    public Kind kind() {
        if (low == high) {
            return Kind.EXACT;
        }
        if (value == low) {
            return Kind.MINIMUM;
        }
        return value == high ? Kind.MAXIMUM : Kind.INTERVAL;
    }

    /**
     * The term of a simulated value {@code simulated} (the mean over replications, in the measure's units), ≥ 0 and
     * 0 at the value (or anywhere on the open side of a minimum or maximum), on the scale of a deviance (a squared
     * z-score): for an interval ((t(sim) − t(value)) / σ)² with σ = |t(bound) − t(value)| / 1.96 on the side of the
     * value where the simulated value lies; for a minimum or maximum 0 within [low, high] and (d / σ)² beyond it, d
     * the distance to the nearer end and σ = (t(high) − t(low)) / (2 · 1.96); for an exact count the Poisson deviance
     * 2·[v·ln(v/s) − (v − s)]. NaN gives {@link #UNDEFINED_LOSS}.
     */
    public double loss(double simulated) {
        if (Double.isNaN(simulated)) {
            return UNDEFINED_LOSS;
        }
        if (kind() == Kind.EXACT) {
            double mu = Math.max(simulated, 1e-6);
            return 2 * ((value == 0 ? 0 : value * Math.log(value / mu)) - (value - mu));
        }
        double t = scaled(simulated);
        if (kind() == Kind.MINIMUM || kind() == Kind.MAXIMUM) {
            if (low <= simulated && simulated <= high) {
                return 0;
            }
            double sigma = (scaled(high) - scaled(low)) / (2 * Z95);
            double z = (t - scaled(simulated < low ? low : high)) / sigma;
            return z * z;
        }
        double centre = scaled(value);
        double sigma = Math.abs(scaled(t < centre ? low : high) - centre) / Z95;
        double z = (t - centre) / sigma;
        return z * z;
    }

    /** Whether a simulated value lies in the range (an exact count: within 1.96 Poisson standard deviations). */
    public boolean inside(double simulated) {
        if (Double.isNaN(simulated)) {
            return false;
        }
        if (kind() == Kind.EXACT) {
            return Math.abs(simulated - value) <= Z95 * Math.sqrt(Math.max(value, 1));
        }
        return low <= simulated && simulated <= high;
    }

    /** The scale the range is read on (see the class comment). */
    double scaled(double x) {
        if (measure.isShare()) {
            return x;
        }
        return measure.isCount() ? Math.log1p(Math.max(x, 0)) : Math.log(Math.max(x, 1e-9));
    }
}
