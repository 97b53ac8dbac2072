package escaperoutes.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A listener for tests: every transition of every person, in the order reported. */
final class TransitionLog implements ModelListener {
    record Entry(Person person, Status from, Status to, double day) {
    }

    final Map<Person, List<Entry>> byPerson = new HashMap<>();
    private final ModelListener next;

    TransitionLog(ModelListener next) {
        this.next = next;
    }

    @Override
    public void transition(Person person, Status from, Status to, double day) {
        Entry e = new Entry(person, from, to, day);
        byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(e);
        next.transition(person, from, to, day);
    }

    /** The person's status at the end of {@code day} boundary (transitions before {@code day}). */
    Status statusBefore(Person person, double day) {
        Status status = Status.NOT_STARTED;
        for (Entry e : byPerson.getOrDefault(person, List.of())) {
            if (e.day() < day) {
                status = e.to();
            }
        }
        return status;
    }
}
