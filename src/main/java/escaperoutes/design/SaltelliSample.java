package escaperoutes.design;

/**
 * Saltelli's sample for Sobol indices of d parameters from N base samples (Saltelli et al. 2010): N points of the
 * 2d-dimensional Sobol sequence ({@link SobolPoints}) give two independent matrices, A (the first d coordinates)
 * and B (the last d); AB<sub>i</sub> is A with column i taken from B. The model runs at N·(d + 2) points, in this
 * order: the N rows of A, the N rows of B, then the N rows of AB<sub>1</sub>, …, AB<sub>d</sub>.
 *
 * <p>N must be a power of two, so that the base samples form one balanced block of the Sobol sequence: each
 * interval of width 1/N of each coordinate holds exactly one row of A and one of B.
 */
public final class SaltelliSample {
    private SaltelliSample() {
    }

    /** N·(d + 2); ArithmeticException on overflow. */
    public static int size(int baseSamples, int dimension) {
        return Math.multiplyExact(baseSamples, Math.addExact(dimension, 2));
    }

    /** The design's points in unit coordinates, N·(d + 2) rows of d. */
    public static double[][] unitPoints(int baseSamples, int dimension) {
        if (!SobolPoints.isPowerOfTwo(baseSamples) || baseSamples < 2) {
            throw new IllegalArgumentException("the base samples must be a power of two, at least 2; found "
                    + baseSamples);
        }
        if (dimension < 1 || 2 * dimension > SobolPoints.MAX_DIMENSION) {
            throw new IllegalArgumentException("Saltelli's sample takes 1 to " + SobolPoints.MAX_DIMENSION / 2
                    + " parameters, asked " + dimension);
        }
        double[][] base = SobolPoints.points(baseSamples, 2 * dimension);
        int n = baseSamples;
        double[][] points = new double[size(n, dimension)][];
        for (int j = 0; j < n; j++) {
            double[] a = new double[dimension];
            double[] b = new double[dimension];
            System.arraycopy(base[j], 0, a, 0, dimension);
            System.arraycopy(base[j], dimension, b, 0, dimension);
            points[j] = a;
            points[n + j] = b;
            for (int i = 0; i < dimension; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                points[(2 + i) * n + j] = ab;
            }
        }
        return points;
    }

    /** What point p is: {@code A}, {@code B}, or {@code AB_<parameter name>}. */
    public static String role(int point, int baseSamples, String[] parameterNames) {
        int block = point / baseSamples;
        return block == 0 ? "A" : block == 1 ? "B" : "AB_" + parameterNames[block - 2];
    }
}
