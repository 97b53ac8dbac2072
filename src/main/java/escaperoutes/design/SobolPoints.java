package escaperoutes.design;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Points of the Sobol low-discrepancy sequence (Commons Math, direction numbers of Joe and Kuo, up to 1000
 * dimensions). The n points taken are those at positions m … m + n − 1, m the smallest power of two ≥ n: this
 * leaves out the sequence's first point, the corner (0, …, 0), and when n is a power of two the points form one
 * balanced block, each interval [j/n, (j + 1)/n) of each coordinate holding exactly one point.
 */
public final class SobolPoints {
    /** The largest dimension Commons Math's generator supports. */
    public static final int MAX_DIMENSION = 1000;

    private SobolPoints() {
    }

    /** n points in [0, 1)<sup>d</sup>. */
    public static double[][] points(int count, int dimension) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one point is needed, found " + count);
        }
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("the Sobol sequence has 1 to " + MAX_DIMENSION + " dimensions, asked "
                    + dimension);
        }
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dimension);
        double[][] points = new double[count][];
        // skipTo returns the point at that position; nextVector then continues from it.
        points[0] = generator.skipTo(firstPosition(count));
        for (int i = 1; i < count; i++) {
            points[i] = generator.nextVector();
        }
        return points;
    }

    /** The smallest power of two ≥ {@code count}: where the points start. */
    static int firstPosition(int count) {
        int m = Integer.highestOneBit(count);
        return m == count ? m : Math.multiplyExact(m, 2);
    }

    /** Whether {@code n} is a power of two (1, 2, 4, …). */
    public static boolean isPowerOfTwo(int n) {
        return n > 0 && Integer.bitCount(n) == 1;
    }
}
