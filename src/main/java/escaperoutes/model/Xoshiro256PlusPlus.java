package escaperoutes.model;

import java.util.random.RandomGenerator;

/**
 * The xoshiro256++ generator (Blackman and Vigna, 2019): 256 bits of state, period 2^256 − 1, fast and of high
 * statistical quality. Written here rather than taken from {@code RandomGeneratorFactory} because JDK 17's
 * conversion of a byte-array seed is faulty (JDK-8282144: the first outputs of every stream were near 1). Doubles
 * and normal deviates (a ziggurat method) come from {@link RandomGenerator}'s default methods.
 */
final class Xoshiro256PlusPlus implements RandomGenerator, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** A generator whose state is the four given words (not all zero). */
    Xoshiro256PlusPlus(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256++ state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }
}
