package escaperoutes.model;

import java.util.random.RandomGenerator;
import java.nio.charset.StandardCharsets;

/**
 * Independent random streams named by (run seed, replication, stream name). A stream's numbers do not depend on
 * which other streams exist or in what order they were created, so adding a random process leaves the others'
 * draws untouched, and a replication can be re-run alone.
 *
 * <p>Each stream is a {@link Xoshiro256PlusPlus} generator: several times faster than MASON's Mersenne Twister for
 * doubles and, through the JDK's ziggurat method, for normal deviates, which dominate the cost of drawing travel
 * times. Its 256-bit state is four successive SplitMix64 outputs from the hash of (seed, replication, name).
 */
public final class RandomStreams implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    // The streams' names. A name is hashed into the stream's seed: renaming one changes every seeded result.

    /** Each calendar year's lognormal factor on attempts and departures ({@code annualVariation}). */
    public static final String ANNUAL_VARIATION = "annual-variation";
    // A person's own draws (leg choices, travel times and outcomes; hiding, settling and arrest while hiding;
    // detention in China and North Korea; retries) come from the person's key, not from a shared stream.
    /** Who a one-off event (mass repatriation, airlift) takes. */
    public static final String ONE_OFF_EVENTS = "one-off-events";
    /** The warm-up stock: provinces, time already spent in China, settling. */
    public static final String INITIAL_STOCK = "initial-stock";
    /**
     * The points of a sweep's random designs (Latin hypercube, Morris trajectories), drawn outside the model; named
     * here so that no model stream can share its name, and so its numbers.
     */
    public static final String SWEEP_DESIGN = "sweep-design";

    /** The origin of the persons whose first attempts come from the province at {@code placeId}, for one sex. */
    public static String persons(String placeId, Sex sex) {
        return "persons/" + placeId + "/" + sex.label();
    }

    /** The origin of the persons of the {@code index}-th entry of the initial stock (already in China at the start). */
    public static String initialStockPersons(int index) {
        return "persons/initial-stock/" + index;
    }

    /** The Poisson process of first attempts from the province at {@code placeId} for one sex. */
    public static String attempts(String placeId, Sex sex) {
        return "attempts/" + placeId + "/" + sex.label();
    }

    /** The Poisson process of chain-defection attempts ({@link ChainDefection}) from the province at {@code placeId}. */
    public static String chainAttempts(String placeId, Sex sex) {
        return "chain-attempts/" + placeId + "/" + sex.label();
    }

    /** The origin of the persons whose first attempts are chain defection from the province at {@code placeId}. */
    public static String chainPersons(String placeId, Sex sex) {
        return "persons/chain/" + placeId + "/" + sex.label();
    }

    /** A sweep's bootstrap of one output's sensitivity indices, drawn outside the model. */
    public static String sweepBootstrap(String output) {
        return "sweep-bootstrap-" + output;
    }

    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        this.seed = seed;
        this.replication = replication;
    }

    /** A new generator for the named stream; the same name always gives the same sequence. */
    public RandomGenerator stream(String name) {
        long h = hash(name);
        long[] state = new long[4];
        for (int i = 0; i < state.length; i++) {
            h += GOLDEN_GAMMA;
            state[i] = mix(h);
        }
        return new Xoshiro256PlusPlus(state[0], state[1], state[2], state[3]);
    }

    /**
     * The key of the {@code index}-th person (0, 1, …) created by the origin {@code origin} (a stream name such as
     * {@link #persons}): the person's own random numbers follow from it ({@link Person#nextLong}). Keys of different
     * persons are independent 64-bit values, so their sequences of draws overlap with negligible probability.
     */
    long personKey(long originHash, long index) {
        return mix(originHash + mix(index + 1) * GOLDEN_GAMMA);
    }

    /** The hash of (seed, replication, name) that seeds a stream or a person origin. */
    long hash(String name) {
        long h = mix(seed ^ GOLDEN_GAMMA);
        h = mix(h ^ (replication * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF) ^ 0x632BE59BD9B4E019L);
        }
        return h;
    }

    /** SplitMix64's increment: the golden ratio as a 64-bit odd number. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** SplitMix64's finaliser: a bijective avalanche of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
