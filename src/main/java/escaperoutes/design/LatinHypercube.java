package escaperoutes.design;

import java.util.random.RandomGenerator;

/**
 * A Latin hypercube sample: with n points, each parameter's range is cut into n strata of equal width and every
 * stratum holds exactly one point, at a uniform position within it; the strata are paired across parameters by
 * independent random permutations.
 */
public final class LatinHypercube {
    private LatinHypercube() {
    }

    /** n points in [0, 1)<sup>d</sup>; the same generator state gives the same sample. */
    public static double[][] sample(int points, int dimension, RandomGenerator random) {
        if (points < 1 || dimension < 1) {
            throw new IllegalArgumentException("a Latin hypercube needs at least one point and one dimension");
        }
        double[][] sample = new double[points][dimension];
        int[] strata = new int[points];
        for (int d = 0; d < dimension; d++) {
            for (int i = 0; i < points; i++) {
                strata[i] = i;
            }
            // Fisher-Yates shuffle: a uniformly random pairing of points with strata.
            for (int i = points - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = strata[i];
                strata[i] = strata[j];
                strata[j] = swap;
            }
            for (int i = 0; i < points; i++) {
                sample[i][d] = (strata[i] + random.nextDouble()) / points;
            }
        }
        return sample;
    }
}
