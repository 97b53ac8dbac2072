package escaperoutes.model;

import java.util.random.RandomGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * The people one-off events may act on: everyone who has hidden or been detained in China, in the order they first
 * did, stored in fixed-size chunks. Those who can no longer be hit (gone home, arrived, dead) are dropped when the
 * list has doubled since the last clean-up, so finished agents do not stay reachable for the garbage collector to
 * copy. A dropped person who comes back to China is added again. Everything depends only on the model's seeded
 * history, so selections are reproducible.
 */
final class People implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK_BITS = 13;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private Person[][] chunks = new Person[16][];
    private int size;
    /** Size after the last clean-up; the next one happens at twice this (plus a floor). */
    private int sizeAfterCleanUp;

    int size() {
        return size;
    }

    /** Adds the person unless already listed. */
    void addOnce(Person person) {
        if (person.listed) {
            return;
        }
        if (size >= 2 * sizeAfterCleanUp + CHUNK) {
            cleanUp();
        }
        person.listed = true;
        append(person);
    }

    private void append(Person person) {
        int chunk = size >>> CHUNK_BITS;
        if (chunk == chunks.length) {
            chunks = java.util.Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Person[CHUNK];
        }
        chunks[chunk][size & (CHUNK - 1)] = person;
        size++;
    }

    Person get(int i) {
        return chunks[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    /** Keeps, in order, only those who are now hiding or detained in China or on a journey that may lead back. */
    private void cleanUp() {
        Person[][] old = chunks;
        int oldSize = size;
        chunks = new Person[16][];
        size = 0;
        for (int i = 0; i < oldSize; i++) {
            Person person = old[i >>> CHUNK_BITS][i & (CHUNK - 1)];
            if (mayBeInChinaAgain(person.status())) {
                append(person);
            } else {
                person.listed = false;
            }
        }
        sizeAfterCleanUp = size;
    }

    private static boolean mayBeInChinaAgain(Status status) {
        return status == Status.HIDING_CHINA || status == Status.DETAINED_CHINA || status == Status.TRANSIT_CHINA
                || status == Status.TRANSIT_ABROAD;
    }

    /** Whether the person is in {@code status} on {@code day} (not merely walked ahead into it). */
    private static boolean isIn(Person person, Status status, double day) {
        return person.status() == status && person.statusSince <= day;
    }

    /** Each person in {@code status} on {@code day}, chosen independently with probability {@code share}. */
    List<Person> sample(Status status, double share, double day, RandomGenerator random) {
        List<Person> chosen = new ArrayList<>();
        if (share <= 0) {
            return chosen;
        }
        for (int i = 0; i < size; i++) {
            Person person = get(i);
            if (isIn(person, status, day) && random.nextDouble() < share) {
                chosen.add(person);
            }
        }
        return chosen;
    }

    /** Up to {@code count} distinct people in {@code status} on {@code day}, uniformly at random. */
    List<Person> sampleCount(Status status, int count, double day, RandomGenerator random) {
        List<Person> eligible = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Person person = get(i);
            if (isIn(person, status, day)) {
                eligible.add(person);
            }
        }
        int take = Math.min(count, eligible.size());
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(eligible.size() - i);
            Person tmp = eligible.get(i);
            eligible.set(i, eligible.get(j));
            eligible.set(j, tmp);
        }
        return new ArrayList<>(eligible.subList(0, take));
    }
}
