package escaperoutes.model;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * A distribution of durations in days (travel times, time in hiding, detention). Every kind has a closed-form CDF
 * and quantile, so a remaining duration can be drawn conditional on time already spent (the warm-up stock).
 */
public sealed interface Duration extends java.io.Serializable permits Duration.Fixed, Duration.Uniform, Duration.Exponential,
        Duration.LogNormal, Duration.Weibull {

    double sample(RandomGenerator random);

    /** Mean in days. */
    double mean();

    /** P(D ≤ days). */
    double cdf(double days);

    /** The duration with cdf equal to p, for p in [0, 1). */
    double quantile(double p);

    /** A draw conditional on the duration exceeding {@code elapsedDays}: the total duration, not the remainder. */
    default double sampleGiven(double elapsedDays, RandomGenerator random) {
        double lower = cdf(elapsedDays);
        if (lower >= 1.0) {
            return elapsedDays;
        }
        double total = quantile(lower + (1.0 - lower) * random.nextDouble());
        return Math.max(total, elapsedDays);
    }

    record Fixed(double days) implements Duration {
        public double sample(RandomGenerator random) {
            return days;
        }

        public double mean() {
            return days;
        }

        public double cdf(double x) {
            return x >= days ? 1.0 : 0.0;
        }

        public double quantile(double p) {
            return days;
        }
    }

    record Uniform(double minDays, double maxDays) implements Duration {
        public double sample(RandomGenerator random) {
            return minDays + (maxDays - minDays) * random.nextDouble();
        }

        public double mean() {
            return 0.5 * (minDays + maxDays);
        }

        public double cdf(double x) {
            if (x <= minDays) {
                return 0.0;
            }
            return x >= maxDays ? 1.0 : (x - minDays) / (maxDays - minDays);
        }

        public double quantile(double p) {
            return minDays + p * (maxDays - minDays);
        }
    }

    record Exponential(double meanDays) implements Duration {
        public double sample(RandomGenerator random) {
            return -meanDays * Math.log(1.0 - random.nextDouble());
        }

        public double mean() {
            return meanDays;
        }

        public double cdf(double x) {
            return x <= 0 ? 0.0 : 1.0 - Math.exp(-x / meanDays);
        }

        public double quantile(double p) {
            return -meanDays * Math.log(1.0 - p);
        }
    }

    /** Log-normal with the given median (days) and sigma (standard deviation of the log). */
    record LogNormal(double medianDays, double sigma) implements Duration {
        public double sample(RandomGenerator random) {
            return medianDays * Math.exp(sigma * random.nextGaussian());
        }

        public double mean() {
            return medianDays * Math.exp(0.5 * sigma * sigma);
        }

        public double cdf(double x) {
            if (x <= 0) {
                return 0.0;
            }
            if (sigma == 0) {
                return x >= medianDays ? 1.0 : 0.0;
            }
            return NormalDistribution.cdf(Math.log(x / medianDays) / sigma);
        }

        public double quantile(double p) {
            return medianDays * Math.exp(sigma * NormalDistribution.quantile(p));
        }
    }

    /** Weibull with scale (days) and shape; shape below 1 gives many short and a long tail of very long waits. */
    record Weibull(double scaleDays, double shape) implements Duration {
        public double sample(RandomGenerator random) {
            return quantile(random.nextDouble());
        }

        public double mean() {
            return scaleDays * Math.exp(Gamma.logGamma(1.0 + 1.0 / shape));
        }

        public double cdf(double x) {
            return x <= 0 ? 0.0 : 1.0 - Math.exp(-Math.pow(x / scaleDays, shape));
        }

        public double quantile(double p) {
            return scaleDays * Math.pow(-Math.log(1.0 - p), 1.0 / shape);
        }
    }

    /**
     * Standard normal CDF and quantile, kept rather than Commons Math's {@code Erf.erfc} and {@code Erf.erfInv}:
     * they feed {@link #sampleGiven} (the warm-up stock's remaining time in hiding), and the more exact functions
     * differ from these by up to 4.2e-8 in Φ (1.0e-7 relative), which moves the baseline stock's departure days by
     * up to 0.0008 days. That is enough to reorder some of the day's events, whose draws come from shared streams,
     * so every seeded result would change (21 golden files with {@code erfc}, 13 with {@code erfInv}).
     */
    final class NormalDistribution {
        private NormalDistribution() {
        }

        /** Φ(z) via the complementary error function. */
        static double cdf(double z) {
            return 0.5 * erfc(-z / Math.sqrt(2.0));
        }

        private static double erfc(double x) {
            // Numerical Recipes' erfc Chebyshev fit, relative error < 1.2e-7; ample for sampling.
            double z = Math.abs(x);
            double t = 1.0 / (1.0 + 0.5 * z);
            double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                    + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? r : 2.0 - r;
        }

        /** Acklam's inverse normal CDF (relative error < 1.15e-9). */
        static double quantile(double p) {
            if (p <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p >= 1) {
                return Double.POSITIVE_INFINITY;
            }
            final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
            final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
            final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
            final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                3.754408661907416e+00};
            double pLow = 0.02425;
            if (p < pLow) {
                double q = Math.sqrt(-2 * Math.log(p));
                return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            }
            if (p > 1 - pLow) {
                double q = Math.sqrt(-2 * Math.log(1 - p));
                return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            }
            double q = p - 0.5;
            double r = q * q;
            return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
    }
}
