package escaperoutes.parameter;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * What is believed about a parameter before the data: a distribution on its interval [lower, upper], in the
 * parameter's own units. Normal and log-normal priors are truncated to the interval (renormalised), so every prior
 * puts all its mass where a calibration may search. Used by the posterior ({@code escaperoutes.posterior}); the
 * optimiser of {@code calibrate} searches the interval and ignores the prior's shape.
 */
public sealed interface Prior {

    /** The name a calibration spec gives the distribution ({@code "uniform"}, {@code "log_normal"}, ...). */
    String distribution();

    double lower();

    double upper();

    /** The probability density at {@code value} (per unit of the parameter); 0 outside [lower, upper]. */
    double density(double value);

    /** The value below which a share {@code p} of the prior lies, p in [0, 1]. */
    double quantile(double p);

    /**
     * The density of the parameter's unit coordinate u = {@code scale.unitOf(value)}: the prior density times
     * d value / d u, so that a sampler moving in unit coordinates weighs its proposals correctly. The scale must
     * span the prior's interval.
     */
    default double unitDensity(Scale scale, double unit) {
        if (unit < 0 || unit > 1) {
            return 0;
        }
        // exp(ln(upper / lower)) can overshoot upper by a rounding error at u = 1: the value stays in the interval.
        double value = Math.min(upper(), Math.max(lower(), scale.valueAt(unit)));
        double jacobian;
        if (scale instanceof Scale.Linear linear) {
            jacobian = linear.upper() - linear.lower();
        } else if (scale instanceof Scale.Logarithmic log) {
            jacobian = value * Math.log(log.upper() / log.lower());
        } else {
            throw new IllegalArgumentException("a prior needs a continuous scale, found " + scale);
        }
        return density(value) * jacobian;
    }

    /** Equally likely anywhere in [lower, upper]. */
    record Uniform(double lower, double upper) implements Prior {
        public Uniform {
            checkInterval(lower, upper);
        }

        @Override
        public String distribution() {
            return "uniform";
        }

        @Override
        public double density(double value) {
            return value < lower || value > upper ? 0 : 1 / (upper - lower);
        }

        @Override
        public double quantile(double p) {
            return Math.min(upper, lower + checkProbability(p) * (upper - lower));
        }
    }

    /** Equally likely in the logarithm: each factor of 10 within [lower, upper] as likely as any other; lower > 0. */
    record LogUniform(double lower, double upper) implements Prior {
        public LogUniform {
            checkInterval(lower, upper);
            if (!(lower > 0)) {
                throw new IllegalArgumentException("a log-uniform prior needs lower > 0, found " + lower);
            }
        }

        @Override
        public String distribution() {
            return "log_uniform";
        }

        @Override
        public double density(double value) {
            return value < lower || value > upper ? 0 : 1 / (value * Math.log(upper / lower));
        }

        @Override
        public double quantile(double p) {
            return Math.min(upper, lower * Math.exp(checkProbability(p) * Math.log(upper / lower)));
        }
    }

    /** A normal distribution of the given mean and standard deviation, truncated to [lower, upper]. */
    record Normal(double mean, double sd, double lower, double upper) implements Prior {
        public Normal {
            checkInterval(lower, upper);
            if (!(sd > 0) || Double.isInfinite(sd)) {
                throw new IllegalArgumentException("a normal prior needs a standard deviation > 0, found " + sd);
            }
            if (!(mean >= lower && mean <= upper)) {
                throw new IllegalArgumentException("the prior's mean " + mean + " is outside the parameter's "
                        + "interval [" + lower + ", " + upper + "]");
            }
        }

        @Override
        public String distribution() {
            return "normal";
        }

        @Override
        public double density(double value) {
            return value < lower || value > upper ? 0 : truncated().density(value);
        }

        @Override
        public double quantile(double p) {
            return truncated().quantile(p);
        }

        private TruncatedNormal truncated() {
            return new TruncatedNormal(mean, sd, lower, upper);
        }
    }

    /**
     * A log-normal distribution — the logarithm normal with mean ln(median) and standard deviation sdLog —
     * truncated to [lower, upper]; lower > 0. For multipliers and rates known to within a factor: sdLog 0.5 puts
     * about 68% of the mass within a factor of 1.65 of the median.
     */
    record LogNormal(double median, double sdLog, double lower, double upper) implements Prior {
        public LogNormal {
            checkInterval(lower, upper);
            if (!(lower > 0)) {
                throw new IllegalArgumentException("a log-normal prior needs lower > 0, found " + lower);
            }
            if (!(sdLog > 0) || Double.isInfinite(sdLog)) {
                throw new IllegalArgumentException("a log-normal prior needs sdLog > 0, found " + sdLog);
            }
            if (!(median >= lower && median <= upper)) {
                throw new IllegalArgumentException("the prior's median " + median + " is outside the parameter's "
                        + "interval [" + lower + ", " + upper + "]");
            }
        }

        @Override
        public String distribution() {
            return "log_normal";
        }

        @Override
        public double density(double value) {
            return value < lower || value > upper ? 0 : logTruncated().density(Math.log(value)) / value;
        }

        @Override
        public double quantile(double p) {
            return Math.min(upper, Math.max(lower, Math.exp(logTruncated().quantile(p))));
        }

        private TruncatedNormal logTruncated() {
            return new TruncatedNormal(Math.log(median), sdLog, Math.log(lower), Math.log(upper));
        }
    }

    /** The normal distribution restricted to [a, b] and renormalised. */
    record TruncatedNormal(double mean, double sd, double a, double b) {
        double density(double x) {
            NormalDistribution normal = normal();
            return normal.density(x) / mass(normal);
        }

        double quantile(double p) {
            checkProbability(p);
            NormalDistribution normal = normal();
            double low = normal.cumulativeProbability(a);
            double x = normal.inverseCumulativeProbability(low + p * mass(normal));
            return Math.min(b, Math.max(a, x));
        }

        private double mass(NormalDistribution normal) {
            return normal.cumulativeProbability(b) - normal.cumulativeProbability(a);
        }

        private NormalDistribution normal() {
            // No random generator: the distribution is only evaluated here, never sampled.
            return new NormalDistribution(null, mean, sd, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        }
    }

    private static void checkInterval(double lower, double upper) {
        if (!(lower < upper) || Double.isInfinite(lower) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("a prior needs finite bounds with lower < upper, found [" + lower
                    + ", " + upper + "]");
        }
    }

    private static double checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability must lie in [0, 1], found " + p);
        }
        return p;
    }
}
