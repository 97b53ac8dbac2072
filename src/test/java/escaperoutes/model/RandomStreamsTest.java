package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void xoshiroMatchesTheReferenceAlgorithm() {
        // Outputs of the reference C implementation's recurrence from state {1, 2, 3, 4}, computed by hand.
        Xoshiro256PlusPlus g = new Xoshiro256PlusPlus(1, 2, 3, 4);
        assertArrayEquals(new long[] {41943041L, 58720359L, 3588806011781223L},
                new long[] {g.nextLong(), g.nextLong(), g.nextLong()});
    }

    @Test
    void aStreamIsFixedByItsNameSeedAndReplication() {
        RandomStreams streams = new RandomStreams(42, 3);
        String journeys = RandomStreams.ONE_OFF_EVENTS;
        assertEquals(streams.stream(journeys).nextLong(), new RandomStreams(42, 3).stream(journeys).nextLong());
        assertNotEquals(streams.stream(journeys).nextLong(), streams.stream(RandomStreams.ANNUAL_VARIATION).nextLong());
        assertNotEquals(streams.stream(journeys).nextLong(), new RandomStreams(42, 4).stream(journeys).nextLong());
        assertNotEquals(streams.stream(journeys).nextLong(), new RandomStreams(43, 3).stream(journeys).nextLong());
    }

    /**
     * The names are hashed into the streams' seeds, so they are pinned here as they were when the golden outputs
     * were recorded; and no two random processes may share a name (and so their numbers).
     */
    @Test
    void streamNamesArePinnedAndDistinct() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : RandomStreams.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertEquals(Set.of("annual-variation", "one-off-events", "initial-stock", "sweep-design"),
                Set.copyOf(constants));
        assertEquals(constants.size(), Set.copyOf(constants).size());
        assertEquals("attempts/musan/female", RandomStreams.attempts("musan", Sex.FEMALE));
        assertEquals("attempts/musan/male", RandomStreams.attempts("musan", Sex.MALE));
        assertEquals("sweep-bootstrap-arrivals", RandomStreams.sweepBootstrap("arrivals"));
        assertEquals("persons/musan/female", RandomStreams.persons("musan", Sex.FEMALE));
        assertEquals("persons/initial-stock/2", RandomStreams.initialStockPersons(2));
    }

    /** The first draws of many streams are uniform: no stream starts in a corner of [0, 1). */
    @Test
    void firstDrawsOfManyStreamsAreUniform() {
        int n = 4000;
        int[] bins = new int[10];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            RandomGenerator g = new RandomStreams(i % 7, i / 7).stream(RandomStreams.attempts("p" + (i % 13), Sex.FEMALE));
            double u = g.nextDouble();
            sum += u;
            bins[(int) (u * 10)]++;
        }
        assertEquals(0.5, sum / n, 4 * Math.sqrt(1.0 / 12 / n));
        double chiSquare = 0;
        for (int b : bins) {
            chiSquare += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
        }
        // 9 degrees of freedom: P(χ² > 27.9) = 0.001
        assertEquals(true, chiSquare < 27.9, "χ² = " + chiSquare);
    }

    /**
     * A person's numbers are SplitMix64 from the person's key (checked against the algorithm written out here), and
     * the same key gives the same numbers whatever else was drawn in between.
     */
    @Test
    void aPersonsNumbersFollowFromItsKeyAlone() {
        RandomStreams streams = new RandomStreams(42, 3);
        long key = streams.personKey(streams.hash(RandomStreams.persons("musan", Sex.FEMALE)), 7);
        Person a = new Person(0, Sex.FEMALE, 0, 0, key);
        Person other = new Person(1, Sex.MALE, 0, 0, key + 1);
        Person b = new Person(99, Sex.FEMALE, 0, 0, key);
        long first = a.nextLong();
        other.nextLong();
        assertEquals(first, b.nextLong());
        long z = key + 2 * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        assertEquals(z ^ (z >>> 31), a.nextLong());
        assertNotEquals(key, streams.personKey(streams.hash(RandomStreams.persons("musan", Sex.FEMALE)), 8));
        assertNotEquals(key, new RandomStreams(42, 4).personKey(
                new RandomStreams(42, 4).hash(RandomStreams.persons("musan", Sex.FEMALE)), 7));
    }
}
