package escaperoutes.design;

/**
 * A full factorial design: every combination of each parameter's levels. Parameter i with k<sub>i</sub> levels
 * takes the coordinates 0, 1/(k<sub>i</sub> − 1), …, 1, which a parameter's scale ({@code escaperoutes.parameter})
 * maps onto evenly spaced values between the bounds, or onto the parameter's own levels in their order.
 */
public final class FactorialGrid {
    private FactorialGrid() {
    }

    /** ∏ k<sub>i</sub>; ArithmeticException beyond {@link Integer#MAX_VALUE}. */
    public static int size(int[] levelCounts) {
        int n = 1;
        for (int k : levelCounts) {
            if (k < 1) {
                throw new IllegalArgumentException("a parameter needs at least one level, found " + k);
            }
            n = Math.multiplyExact(n, k);
        }
        return n;
    }

    /**
     * The grid's points in unit coordinates, in the order of nested loops over the parameters, the first outermost:
     * point p has level index (p / ∏<sub>j&gt;i</sub> k<sub>j</sub>) mod k<sub>i</sub> for parameter i, so the
     * last parameter changes fastest.
     */
    public static double[][] unitPoints(int[] levelCounts) {
        int n = size(levelCounts);
        int d = levelCounts.length;
        double[][] points = new double[n][d];
        for (int p = 0; p < n; p++) {
            int rest = p;
            for (int i = d - 1; i >= 0; i--) {
                int k = levelCounts[i];
                int level = rest % k;
                rest /= k;
                points[p][i] = k == 1 ? 0 : (double) level / (k - 1);
            }
        }
        return points;
    }
}
