package escaperoutes.design;

import java.util.random.RandomGenerator;

/**
 * Morris's one-at-a-time design (Morris 1991, in the form of Saltelli et al. 2008, section 3.3): r trajectories of
 * d + 1 points on a grid of p levels {0, 1/(p − 1), …, 1} per coordinate. Each trajectory starts at a random grid
 * point and moves each parameter once, in a random order, by Δ = p / (2(p − 1)) up or down; p must be even, so
 * that every level has another level at distance Δ (half the levels are Δ below the other half). Points are in
 * trajectory order: trajectory t is points t·(d + 1) … t·(d + 1) + d.
 */
public final class MorrisDesign {
    private final int trajectories;
    private final int dimension;
    private final int levels;
    private final double[][] unitPoints;
    /** moved[t][k]: the parameter that changes between points k and k + 1 of trajectory t. */
    private final int[][] moved;

    private MorrisDesign(int trajectories, int dimension, int levels, double[][] unitPoints, int[][] moved) {
        this.trajectories = trajectories;
        this.dimension = dimension;
        this.levels = levels;
        this.unitPoints = unitPoints;
        this.moved = moved;
    }

    /** r·(d + 1); ArithmeticException on overflow. */
    public static int size(int trajectories, int dimension) {
        return Math.multiplyExact(trajectories, Math.addExact(dimension, 1));
    }

    /** The step in unit coordinates on a grid of {@code levels} levels: p / (2(p − 1)). */
    public static double delta(int levels) {
        return levels / (2.0 * (levels - 1));
    }

    /** A design; the same generator state gives the same trajectories. */
    public static MorrisDesign sample(int trajectories, int dimension, int levels, RandomGenerator random) {
        if (trajectories < 1 || dimension < 1) {
            throw new IllegalArgumentException("a Morris design needs at least one trajectory and one parameter");
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("a Morris design needs an even number of levels, at least 2; found "
                    + levels);
        }
        int half = levels / 2;
        double[][] points = new double[size(trajectories, dimension)][];
        int[][] moved = new int[trajectories][dimension];
        for (int t = 0; t < trajectories; t++) {
            // Each coordinate alternates between a level j/(p-1) of the lower half and the level Δ above it.
            int[] low = new int[dimension];
            boolean[] up = new boolean[dimension];
            for (int i = 0; i < dimension; i++) {
                low[i] = random.nextInt(half);
                up[i] = random.nextBoolean();
            }
            int[] order = new int[dimension];
            for (int i = 0; i < dimension; i++) {
                order[i] = i;
            }
            for (int i = dimension - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            double[] x = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                x[i] = coordinate(low[i] + (up[i] ? half : 0), levels);
            }
            int first = t * (dimension + 1);
            points[first] = x.clone();
            for (int k = 0; k < dimension; k++) {
                int i = order[k];
                up[i] = !up[i];
                x[i] = coordinate(low[i] + (up[i] ? half : 0), levels);
                points[first + k + 1] = x.clone();
                moved[t][k] = i;
            }
        }
        return new MorrisDesign(trajectories, dimension, levels, points, moved);
    }

    // Level index j of p; j + p/2 is then the level Δ = (p/2)/(p-1) above j.
    private static double coordinate(int level, int levels) {
        return (double) level / (levels - 1);
    }

    public int trajectories() {
        return trajectories;
    }

    public int dimension() {
        return dimension;
    }

    public int levels() {
        return levels;
    }

    /** A copy of the points, r·(d + 1) rows of d coordinates. */
    public double[][] unitPoints() {
        double[][] copy = new double[unitPoints.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = unitPoints[i].clone();
        }
        return copy;
    }

    /** The parameter that changes from point {@code step} to {@code step + 1} of trajectory {@code t}. */
    public int moved(int t, int step) {
        return moved[t][step];
    }

    /** Which point p is: {@code trajectory_<t>_start}, or {@code trajectory_<t>_<parameter moved to reach it>}. */
    public String role(int point, String[] parameterNames) {
        int t = point / (dimension + 1);
        int k = point % (dimension + 1);
        return "trajectory_" + t + "_" + (k == 0 ? "start" : parameterNames[moved[t][k - 1]]);
    }

    /** The signed change of the moved coordinate from point {@code step} to {@code step + 1} of trajectory t. */
    double step(int t, int step) {
        int first = t * (dimension + 1);
        int i = moved[t][step];
        return unitPoints[first + step + 1][i] - unitPoints[first + step][i];
    }
}
