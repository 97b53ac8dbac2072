package escaperoutes.chart;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * One colour per thing, the same in every chart and in the report: women and men, each exit route, each cohort
 * outcome, each compared scenario (by position, the base first). Colours are from a colour-blind-safe set where
 * they must be told apart. Public for the window's map and live charts (package {@code gui}), which draw in the
 * same colours.
 */
public final class Palette {
    public static final Color WOMEN = new Color(0xC2185B);
    public static final Color MEN = new Color(0x1565C0);
    public static final Color ALL = new Color(0x37474F);
    public static final Color OBSERVED = Color.BLACK;
    public static final Color HIDING = new Color(0xF9A825);
    public static final Color DETAINED = new Color(0xD84315);
    static final Color REPATRIATED = new Color(0x6D4C41);
    static final Color FIT_WINDOW = new Color(0x43A047);
    static final Color HOLD_OUT_WINDOW = new Color(0xFB8C00);
    static final Color PROJECTED = new Color(0x9E9E9E);
    /** Sensitivity indices: Sobol first order light, total dark; Morris μ* dark, σ light. */
    static final Color FIRST_ORDER = new Color(0x80CBC4);
    static final Color TOTAL = new Color(0x00695C);
    static final Color MU_STAR = TOTAL;
    static final Color SIGMA = FIRST_ORDER;
    /**
     * Evidence: the record's plausible range light, and a simulated mean green inside it, red outside (the red of
     * the report's flags).
     */
    static final Color EVIDENCE_RANGE = new Color(0xB0BEC5);
    static final Color INSIDE = FIT_WINDOW;
    static final Color OUTSIDE = new Color(0xC62828);
    /**
     * A posterior: its histogram, median and 90 % interval (indigo, a colour no other chart uses), against its
     * prior's density (grey); the sampler's tolerance (slate) and acceptance rate (blue) by generation.
     */
    static final Color POSTERIOR = new Color(0x283593);
    static final Color PRIOR = new Color(0x616161);
    static final Color TOLERANCE = ALL;
    static final Color ACCEPTANCE = new Color(0x0277BD);
    /** A heat map's cell without a value. */
    static final Color NO_VALUE = new Color(0xE0E0E0);

    private static final Map<String, Color> ROUTES = Map.of(
            "laos", new Color(0x2E7D32),
            "myanmar", new Color(0xEF6C00),
            "vietnam", new Color(0x6A1B9A),
            "mongolia", new Color(0x8D6E63),
            "thailand", new Color(0x1E88E5),
            "direct_from_china", new Color(0x00838F),
            "direct_from_north_korea", new Color(0xFDD835));

    private static final Map<String, Color> OUTCOMES = Map.of(
            "reached_south_korea", new Color(0x2E7D32),
            "in_third_country", new Color(0x9CCC65),
            "in_china", HIDING,
            "in_north_korea", DETAINED,
            "died", new Color(0x212121));

    /** Distinct colours for things without a fixed one (provinces, unknown routes, scenarios after the base). */
    private static final List<Color> SEQUENCE = List.of(new Color(0x1E88E5), new Color(0xE53935),
            new Color(0x43A047), new Color(0x8E24AA), new Color(0xFB8C00), new Color(0x00ACC1), new Color(0x6D4C41),
            new Color(0xD81B60), new Color(0x7CB342), new Color(0x3949AB), new Color(0xFDD835), new Color(0x546E7A),
            new Color(0xF4511E));

    private Palette() {
    }

    static Color sex(String sex) {
        return switch (sex) {
            case "female" -> WOMEN;
            case "male" -> MEN;
            default -> ALL;
        };
    }

    static Color route(String route, int position) {
        return ROUTES.getOrDefault(route, sequence(position));
    }

    static Color outcome(String outcome, int position) {
        return OUTCOMES.getOrDefault(outcome, sequence(position));
    }

    /** The n-th colour of the sequence (provinces in a fixed order, scenarios by position: the base is grey). */
    static Color sequence(int n) {
        return SEQUENCE.get(Math.floorMod(n, SEQUENCE.size()));
    }

    static Color scenario(int position) {
        return position == 0 ? ALL : sequence(position - 1);
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
