package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    private static final class Probe extends EventQueue.Entry {
        final int id;
        final List<double[]> fired;

        Probe(int id, List<double[]> fired) {
            this.id = id;
            this.fired = fired;
        }

        void fire(double time) {
            fired.add(new double[] {id, time});
        }
    }

    /** Random schedules, reschedules and cancels; every live event fires once, in time order, on its day. */
    @Test
    void firesEachLiveEventOnceInTimeOrder() {
        Random random = new Random(3);
        List<double[]> fired = new ArrayList<>();
        EventQueue queue = new EventQueue(100);
        Probe[] probes = new Probe[500];
        double[] expected = new double[probes.length];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = new Probe(i, fired);
            expected[i] = Double.NaN;
        }
        for (int op = 0; op < 3000; op++) {
            Probe p = probes[random.nextInt(probes.length)];
            if (random.nextInt(5) == 0) {
                queue.cancel(p);
                expected[p.id] = Double.NaN;
            } else {
                double t = 150 * random.nextDouble();
                queue.schedule(p, t);
                expected[p.id] = t;
            }
        }
        java.util.Set<Integer> rescheduled = new java.util.HashSet<>();
        for (int day = 0; day < 150; day++) {
            queue.openDay(day);
            for (EventQueue.Entry e = queue.pollToday(); e != null; e = queue.pollToday()) {
                assertEquals(day, Math.floor(e.due), 0.0);
                ((Probe) e).fire(e.due);
                if (((Probe) e).id % 7 == 0 && rescheduled.add(((Probe) e).id)) {
                    // an event scheduling a later one the same day, as a walk can (once per probe)
                    double later = e.due + 0.5 * (Math.floor(e.due) + 1 - e.due);
                    queue.schedule(e, later);
                    expected[((Probe) e).id] = later;
                }
            }
            assertNull(queue.pollToday());
        }
        double previous = -1;
        int live = 0;
        for (double[] f : fired) {
            assertEquals(true, f[1] >= previous, "time order");
            previous = f[1];
        }
        for (double t : expected) {
            if (!Double.isNaN(t)) {
                live++;
            }
        }
        long distinctLast = fired.stream().filter(f -> f[1] == expected[(int) f[0]]).count();
        assertEquals(live, distinctLast, "every live event fired at its time");
    }

    /**
     * Busy days (bucket-sorted) with a cluster of events at one instant, and events far ahead that wait in block
     * lists: all fire once, in time order, ties in the order they were scheduled.
     */
    @Test
    void busyDaysAndFarEventsFireInOrder() {
        Random random = new Random(11);
        List<double[]> fired = new ArrayList<>();
        EventQueue queue = new EventQueue(10);
        int n = 5000;
        Probe[] probes = new Probe[n];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            probes[i] = new Probe(i, fired);
            // a fifth at one instant on day 2, the rest over 3 days, and every tenth up to 500 days ahead
            expected[i] = i % 5 == 0 ? 2.25 : i % 10 == 1 ? 500 * random.nextDouble() : 3 * random.nextDouble();
            queue.schedule(probes[i], expected[i]);
        }
        for (int day = 0; day < 520; day++) {
            queue.openDay(day);
            for (EventQueue.Entry e = queue.pollToday(); e != null; e = queue.pollToday()) {
                ((Probe) e).fire(e.due);
            }
        }
        assertEquals(n, fired.size(), "every event fired once");
        int lastTie = -1;
        for (int k = 0; k < n; k++) {
            double[] f = fired.get(k);
            assertEquals(expected[(int) f[0]], f[1], 0.0);
            if (k > 0) {
                assertEquals(true, f[1] >= fired.get(k - 1)[1], "time order");
            }
            if (f[1] == 2.25) {
                assertEquals(true, f[0] > lastTie, "ties in scheduling order");
                lastTie = (int) f[0];
            }
        }
    }

    /** The next due time of the open day, past cancelled and rescheduled events, from the bucket and the heap. */
    @Test
    void nextTimeTodayIsTheDueTimeOfTheNextPoll() {
        List<double[]> fired = new ArrayList<>();
        EventQueue queue = new EventQueue(10);
        Probe a = new Probe(0, fired);
        Probe b = new Probe(1, fired);
        Probe c = new Probe(2, fired);
        queue.schedule(a, 3.2);
        queue.schedule(b, 3.4);
        queue.schedule(c, 3.6);
        queue.openDay(3);
        assertEquals(3.2, queue.nextTimeToday());
        queue.cancel(a);
        assertEquals(3.4, queue.nextTimeToday());
        queue.schedule(b, 3.9); // moved later the same day: now in the heap
        assertEquals(3.6, queue.nextTimeToday());
        assertEquals(c, queue.pollToday());
        assertEquals(3.9, queue.nextTimeToday());
        assertEquals(b, queue.pollToday());
        assertEquals(Double.POSITIVE_INFINITY, queue.nextTimeToday());
        assertNull(queue.pollToday());
    }
}
