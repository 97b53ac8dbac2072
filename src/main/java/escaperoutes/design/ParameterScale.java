package escaperoutes.design;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * How a design coordinate u in [0, 1] becomes a parameter's value, in the parameter's own units: linearly between
 * two bounds, linearly in the logarithm (for rates spanning orders of magnitude), or onto a list of levels, the
 * k levels taking equal shares of [0, 1] (level {@code floor(u·k)}, the last one including u = 1).
 *
 * <p>Values between bounds are rounded to 12 significant digits, so that a grid step of 0.1 gives 0.3 rather than
 * 0.30000000000000004: the value written beside the results is then exactly the value that was run.
 */
public final class ParameterScale {
    private static final MathContext TWELVE_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    private final double lower;
    private final double upper;
    private final boolean logarithmic;
    private final double[] levels;

    private ParameterScale(double lower, double upper, boolean logarithmic, double[] levels) {
        this.lower = lower;
        this.upper = upper;
        this.logarithmic = logarithmic;
        this.levels = levels;
    }

    /** Values from {@code lower} (u = 0) to {@code upper} (u = 1), evenly. */
    public static ParameterScale linear(double lower, double upper) {
        checkBounds(lower, upper);
        return new ParameterScale(lower, upper, false, null);
    }

    /** Values from {@code lower} to {@code upper}, evenly in their logarithm; needs {@code lower > 0}. */
    public static ParameterScale logarithmic(double lower, double upper) {
        checkBounds(lower, upper);
        if (!(lower > 0)) {
            throw new IllegalArgumentException("a log scale needs lower > 0, found " + lower);
        }
        return new ParameterScale(lower, upper, true, null);
    }

    /** The given values, at least two, strictly increasing. */
    public static ParameterScale levels(double... levels) {
        if (levels.length < 2) {
            throw new IllegalArgumentException("at least two levels are needed, found " + levels.length);
        }
        for (int i = 1; i < levels.length; i++) {
            if (!(levels[i - 1] < levels[i])) {
                throw new IllegalArgumentException("levels must be strictly increasing: " + Arrays.toString(levels));
            }
        }
        return new ParameterScale(levels[0], levels[levels.length - 1], false, levels.clone());
    }

    private static void checkBounds(double lower, double upper) {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("bounds must be finite with lower < upper, found [" + lower + ", "
                    + upper + "]");
        }
    }

    /** Whether the parameter takes a list of levels rather than a range. */
    public boolean hasLevels() {
        return levels != null;
    }

    /** The number of levels; 0 for a range. */
    public int levelCount() {
        return levels == null ? 0 : levels.length;
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    /** The value at design coordinate {@code unit} (clamped to [0, 1]). */
    public double valueAt(double unit) {
        double u = Math.min(1, Math.max(0, unit));
        if (levels != null) {
            return levels[Math.min(levels.length - 1, (int) Math.floor(u * levels.length))];
        }
        double value = logarithmic ? lower * Math.exp(u * Math.log(upper / lower)) : lower + u * (upper - lower);
        return new BigDecimal(value).round(TWELVE_DIGITS).doubleValue();
    }
}
