package escaperoutes.model;

import java.util.Arrays;

/**
 * The model's queue of pending agent events: a calendar queue with one unsorted bucket per simulated day. When a
 * day opens its bucket is sorted by time; events scheduled into the open day later go to a small binary heap, and
 * the two are merged. Scheduling is O(1) (append to the day's bucket); each day's events
 * are ordered only when the day comes. This replaces a MASON schedule entry per event (a Key object and a heap
 * operation over every pending agent) — see {@link EscapeModel} for why processing a day at a time is exact.
 *
 * <p>Each entry has at most one live event, at {@link Entry#due}. A day's bucket holds only entry references (one
 * array write per scheduling, the entry itself already in cache): when the day opens, an entry counts if its
 * current due time falls on that day, once. Within the open day, rescheduling or cancelling bumps the entry's
 * token and heap events whose token no longer matches are skipped.
 */
final class EventQueue {

    /** Something with at most one pending event (a person, an attempt generator); the model acts on it when due. */
    abstract static class Entry {
        /** Identifies the entry's live event; older events in the queue carry smaller tokens. */
        int token;
        /** Due time of the live event, NaN if none. */
        double due = Double.NaN;
        /** The last day whose bucket released this entry into the heap (so duplicates in a bucket count once). */
        int releasedOn = -1;
    }

    private Entry[][] bucketEntries;
    private int[] bucketSizes;
    /** Emptied bucket arrays, reused for later days instead of allocating new ones. */
    private Entry[][] spare = new Entry[64][];
    private int spareCount;

    /** The opened day's events from its bucket, sorted by time; {@link #dayCursor} is the next one. */
    private Entry[] dayEntries = new Entry[256];
    private double[] dayTimes = new double[256];
    private int[] dayTokens = new int[256];
    private long[] sortKeys = new long[256];
    private Entry[] unsortedEntries = new Entry[256];
    private int dayCount;
    private int dayCursor;

    /** Events scheduled into the open day after it was opened. */
    private Entry[] heapEntries = new Entry[256];
    private double[] heapTimes = new double[256];
    private int[] heapTokens = new int[256];
    private int heapSize;
    /** The day whose events are in the heap; earlier days are done. */
    private int today = -1;

    EventQueue(int days) {
        bucketEntries = new Entry[days + 1][];
        bucketSizes = new int[days + 1];
    }

    /** Schedules the entry's (only) live event at {@code time} ≥ the start of today, replacing any earlier one. */
    void schedule(Entry entry, double time) {
        int token = ++entry.token;
        entry.due = time;
        int day = (int) Math.floor(time);
        if (day <= today) {
            push(entry, time, token);
            return;
        }
        if (day >= bucketSizes.length) {
            int days = Math.max(day + 1, bucketSizes.length * 2);
            bucketEntries = Arrays.copyOf(bucketEntries, days);
            bucketSizes = Arrays.copyOf(bucketSizes, days);
        }
        int n = bucketSizes[day];
        Entry[] bucket = bucketEntries[day];
        if (bucket == null) {
            bucket = spareCount > 0 ? spare[--spareCount] : new Entry[64];
            bucketEntries[day] = bucket;
        } else if (n == bucket.length) {
            bucket = Arrays.copyOf(bucket, n * 2);
            bucketEntries[day] = bucket;
        }
        bucket[n] = entry;
        bucketSizes[day] = n + 1;
    }

    /** Drops the entry's live event, if any. */
    void cancel(Entry entry) {
        entry.token++;
        entry.due = Double.NaN;
    }

    /** Makes {@code day} the current day: its bucket's events become available to {@link #pollToday()}. */
    void openDay(int day) {
        today = day;
        dayCount = 0;
        dayCursor = 0;
        if (day >= bucketSizes.length || bucketEntries[day] == null) {
            return;
        }
        Entry[] entries = bucketEntries[day];
        int n = bucketSizes[day];
        if (sortKeys.length < n) {
            int size = Math.max(n, 2 * sortKeys.length);
            dayEntries = new Entry[size];
            dayTimes = new double[size];
            dayTokens = new int[size];
            sortKeys = new long[size];
            unsortedEntries = new Entry[size];
        }
        int live = 0;
        for (int i = 0; i < n; i++) {
            Entry entry = entries[i];
            double due = entry.due;
            // NaN (cancelled) and times moved to another day fail the first test.
            if (Math.floor(due) == day && entry.releasedOn != day) {
                entry.releasedOn = day;
                unsortedEntries[live] = entry;
                // Sort key: the time within the day to 2^-40 days (~0.1 µs), then the bucket position; positive.
                sortKeys[live] = ((long) ((due - day) * 0x1p40) << 23) | live;
                live++;
            }
        }
        if (live >= 1 << 23) {
            throw new IllegalStateException("more than 2^23 agent events on day " + day);
        }
        // Sorting the day's events at once beats a heap operation per event as days get busier.
        Arrays.sort(sortKeys, 0, live);
        for (int k = 0; k < live; k++) {
            Entry entry = unsortedEntries[(int) (sortKeys[k] & ((1 << 23) - 1))];
            dayEntries[k] = entry;
            dayTimes[k] = entry.due;
            dayTokens[k] = entry.token;
        }
        Arrays.fill(unsortedEntries, 0, live, null);
        dayCount = live;
        Arrays.fill(entries, 0, n, null);
        if (spareCount == spare.length) {
            spare = Arrays.copyOf(spare, spareCount * 2);
        }
        spare[spareCount++] = entries;
        bucketEntries[day] = null;
        bucketSizes[day] = 0;
    }

    /** The next live event of today in time order (its time in {@link Entry#due}), or null when today is done. */
    Entry pollToday() {
        while (true) {
            boolean fromDay = dayCursor < dayCount;
            if (!fromDay && heapSize == 0) {
                return null;
            }
            Entry entry;
            int token;
            if (fromDay && (heapSize == 0 || dayTimes[dayCursor] <= heapTimes[0])) {
                entry = dayEntries[dayCursor];
                token = dayTokens[dayCursor];
                dayEntries[dayCursor++] = null;
            } else {
                entry = heapEntries[0];
                token = heapTokens[0];
                removeTop();
            }
            if (entry.token == token) {
                return entry;
            }
        }
    }

    private void push(Entry entry, double time, int token) {
        if (heapSize == heapEntries.length) {
            heapEntries = Arrays.copyOf(heapEntries, heapSize * 2);
            heapTimes = Arrays.copyOf(heapTimes, heapSize * 2);
            heapTokens = Arrays.copyOf(heapTokens, heapSize * 2);
        }
        int slot = heapSize++;
        while (slot > 0) {
            int parent = (slot - 1) >> 1;
            if (heapTimes[parent] <= time) {
                break;
            }
            heapEntries[slot] = heapEntries[parent];
            heapTimes[slot] = heapTimes[parent];
            heapTokens[slot] = heapTokens[parent];
            slot = parent;
        }
        heapEntries[slot] = entry;
        heapTimes[slot] = time;
        heapTokens[slot] = token;
    }

    private void removeTop() {
        int last = --heapSize;
        Entry entry = heapEntries[last];
        double time = heapTimes[last];
        int token = heapTokens[last];
        heapEntries[last] = null;
        if (last == 0) {
            return;
        }
        int slot = 0;
        while (true) {
            int child = 2 * slot + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && heapTimes[child + 1] < heapTimes[child]) {
                child++;
            }
            if (heapTimes[child] >= time) {
                break;
            }
            heapEntries[slot] = heapEntries[child];
            heapTimes[slot] = heapTimes[child];
            heapTokens[slot] = heapTokens[child];
            slot = child;
        }
        heapEntries[slot] = entry;
        heapTimes[slot] = time;
        heapTokens[slot] = token;
    }
}
