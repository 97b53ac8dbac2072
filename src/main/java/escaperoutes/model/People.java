package escaperoutes.model;

import ec.util.MersenneTwisterFast;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Every person of a run, in creation order, stored in fixed-size chunks (growing never copies), and the selections
 * that one-off events make from them. Selection order depends only on the model's seeded history.
 */
final class People {
    private static final int CHUNK_BITS = 13;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private Person[][] chunks = new Person[16][];
    private int size;

    int size() {
        return size;
    }

    void add(Person person) {
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

    List<Person> asList() {
        return new PeopleView();
    }

    private final class PeopleView extends AbstractList<Person> implements RandomAccess {
        @Override
        public Person get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            return People.this.get(i);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Whether the person is in {@code status} on {@code day} (not merely walked ahead into it). */
    private static boolean isIn(Person person, Status status, double day) {
        return person.status == status && person.statusSince <= day;
    }

    /** Each person in {@code status} on {@code day}, chosen independently with probability {@code share}. */
    List<Person> sample(Status status, double share, double day, MersenneTwisterFast random) {
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
    List<Person> sampleCount(Status status, int count, double day, MersenneTwisterFast random) {
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
