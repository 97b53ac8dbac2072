package escaperoutes.parameter;

import java.util.List;

/**
 * How a parameter's unit coordinate u in [0, 1] — what designs and optimisers work in — becomes its value, in the
 * parameter's own units, and back: evenly between two bounds, evenly in the logarithm (for rates and multipliers
 * spanning orders of magnitude), or onto a list of levels, the k levels taking equal shares of [0, 1] (level
 * {@code floor(u·k)}, the last one including u = 1). This is the one place where a parameter is mapped.
 */
public sealed interface Scale {

    /** The value at unit coordinate {@code unit}, clamped to [0, 1]. */
    double valueAt(double unit);

    /** The unit coordinate of {@code value}: 0 at {@link #lower()}, 1 at {@link #upper()}. */
    double unitOf(double value);

    /** The smallest value. */
    double lower();

    /** The largest value. */
    double upper();

    /** A range from {@code lower} to {@code upper}, evenly in the logarithm if {@code logarithmic}. */
    static Scale range(double lower, double upper, boolean logarithmic) {
        return logarithmic ? new Logarithmic(lower, upper) : new Linear(lower, upper);
    }

    /** Values from {@code lower} (u = 0) to {@code upper} (u = 1), evenly. */
    record Linear(double lower, double upper) implements Scale {
        public Linear {
            checkBounds(lower, upper);
        }

        @Override
        public double valueAt(double unit) {
            return lower + clamp(unit) * (upper - lower);
        }

        @Override
        public double unitOf(double value) {
            return (value - lower) / (upper - lower);
        }
    }

    /** Values from {@code lower} to {@code upper}, evenly in their logarithm; {@code lower > 0}. */
    record Logarithmic(double lower, double upper) implements Scale {
        public Logarithmic {
            checkBounds(lower, upper);
            if (!(lower > 0)) {
                throw new IllegalArgumentException("a log scale needs lower > 0, found " + lower);
            }
        }

        @Override
        public double valueAt(double unit) {
            return lower * Math.exp(clamp(unit) * Math.log(upper / lower));
        }

        @Override
        public double unitOf(double value) {
            return Math.log(value / lower) / Math.log(upper / lower);
        }
    }

    /** The values listed, at least two, strictly increasing. */
    record Levels(List<Double> values) implements Scale {
        public Levels {
            values = List.copyOf(values);
            if (values.size() < 2) {
                throw new IllegalArgumentException("at least two levels are needed, found " + values.size());
            }
            for (int i = 1; i < values.size(); i++) {
                if (!(values.get(i - 1) < values.get(i))) {
                    throw new IllegalArgumentException("levels must be strictly increasing: " + values);
                }
            }
        }

        @Override
        public double valueAt(double unit) {
            return values.get(Math.min(values.size() - 1, (int) Math.floor(clamp(unit) * values.size())));
        }

        /** The middle of the level's share of [0, 1]; IllegalArgumentException for a value that is no level. */
        @Override
        public double unitOf(double value) {
            int level = values.indexOf(value);
            if (level < 0) {
                throw new IllegalArgumentException(value + " is not one of the levels " + values);
            }
            return (level + 0.5) / values.size();
        }

        @Override
        public double lower() {
            return values.get(0);
        }

        @Override
        public double upper() {
            return values.get(values.size() - 1);
        }
    }

    private static void checkBounds(double lower, double upper) {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("bounds must be finite with lower < upper, found [" + lower + ", "
                    + upper + "]");
        }
    }

    private static double clamp(double unit) {
        return Math.min(1, Math.max(0, unit));
    }
}
