package escaperoutes.model;

import ec.util.MersenneTwisterFast;
import java.nio.charset.StandardCharsets;

/**
 * Independent random streams named by (run seed, replication, stream name). A stream's numbers do not depend on
 * which other streams exist or in what order they were created, so adding a random process leaves the others'
 * draws untouched, and a replication can be re-run alone.
 */
public final class RandomStreams {
    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        this.seed = seed;
        this.replication = replication;
    }

    public long seed() {
        return seed;
    }

    public int replication() {
        return replication;
    }

    /** A new generator for the named stream; the same name always gives the same sequence. */
    public MersenneTwisterFast stream(String name) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ (replication * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF) ^ 0x632BE59BD9B4E019L);
        }
        int[] key = new int[8];
        for (int i = 0; i < key.length; i += 2) {
            h = mix(h + 0x9E3779B97F4A7C15L);
            key[i] = (int) h;
            key[i + 1] = (int) (h >>> 32);
        }
        MersenneTwisterFast random = new MersenneTwisterFast();
        random.setSeed(key);
        return random;
    }

    /** SplitMix64's finaliser: a bijective avalanche of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
