package escaperoutes.model;

import java.util.Arrays;

/**
 * The model's queue of pending agent events: a calendar queue with one unsorted bucket per simulated day, and for
 * events further ahead one list per 64-day block, moved into day buckets when the block begins. When a day opens
 * its bucket is sorted by time (a bucket sort, linear in the day's events); events scheduled into the open day
 * later go to a small binary heap, and the two are merged. Scheduling is O(1) (an append); each day's events are
 * ordered only when the day comes. This replaces a MASON schedule entry per event (a Key object and a heap
 * operation over every pending agent) — see {@link EscapeModel} for why processing a day at a time is exact.
 *
 * <p>Each entry has at most one live event, at {@link Entry#due}. A bucket holds only entry references: when the
 * day opens, an entry counts if its current due time falls on that day, once. Within the open day, rescheduling or
 * cancelling bumps the entry's token and heap events whose token no longer matches are skipped.
 *
 * <p>Memory traffic, not arithmetic, sets the cost once agents number in the millions: appends go to the few
 * hundred block lists or the few dozen near day buckets, which stay in cache, and the people due on a day are
 * read in one loop of independent loads when it opens.
 */
final class EventQueue implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Something with at most one pending event (a person, an attempt generator); the model acts on it when due. */
    abstract static class Entry implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** Identifies the entry's live event; older events in the queue carry smaller tokens. */
        int token;
        /** Due time of the live event, NaN if none. */
        double due = Double.NaN;
        /** The last day whose bucket released this entry into the heap (so duplicates in a bucket count once). */
        int releasedOn = -1;
    }

    /**
     * Days per block, as a power of two. Events due in a later block wait in that block's list and move to their
     * day buckets when the block begins: appending to one of a few hundred block lists stays in cache, where
     * appending to one of ~12,000 day buckets missed it once agents number in the millions.
     */
    private static final int BLOCK_BITS = 6;

    private Entry[][] blockEntries = new Entry[16][];
    /** Day of each entry in {@link #blockEntries}, at the same index. */
    private int[][] blockDays = new int[16][];
    private int[] blockSizes = new int[16];
    /** Blocks up to this one have been moved into day buckets. */
    private int distributedBlock = -1;
    private final int[] blockDayCounts = new int[1 << BLOCK_BITS];

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
    /** Work space of {@link #sortPositiveKeys}: keys by bucket, and where each bucket starts. */
    private long[] sortScratch = new long[256];
    private int[] sortStarts = new int[1];
    private static final int SMALL_SORT = 32;
    private static final int MAX_SORT_BITS = 16;
    private Entry[] unsortedEntries = new Entry[256];
    private int dayCount;
    /** Keeps the reads that pull a person's second cache line from being optimised away. */
    private int prefetchSink;
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
        int block = day >> BLOCK_BITS;
        if (block > distributedBlock) {
            appendToBlock(block, entry, day);
        } else {
            appendToDay(day, entry);
        }
    }

    private void appendToDay(int day, Entry entry) {
        reserve(day, 1);
        int n = bucketSizes[day];
        bucketEntries[day][n] = entry;
        bucketSizes[day] = n + 1;
    }

    /** Makes room in {@code day}'s bucket for {@code more} entries. */
    private void reserve(int day, int more) {
        if (day >= bucketSizes.length) {
            int days = Math.max(day + 1, bucketSizes.length * 2);
            bucketEntries = Arrays.copyOf(bucketEntries, days);
            bucketSizes = Arrays.copyOf(bucketSizes, days);
        }
        int needed = bucketSizes[day] + more;
        Entry[] bucket = bucketEntries[day];
        if (bucket == null) {
            bucket = spareCount > 0 ? spare[--spareCount] : new Entry[Math.max(64, needed)];
            if (bucket.length < needed) {
                bucket = new Entry[Math.max(needed, 2 * bucket.length)];
            }
            bucketEntries[day] = bucket;
        } else if (needed > bucket.length) {
            bucketEntries[day] = Arrays.copyOf(bucket, Math.max(needed, 2 * bucket.length));
        }
    }

    private void appendToBlock(int block, Entry entry, int day) {
        if (block >= blockSizes.length) {
            int blocks = Math.max(block + 1, blockSizes.length * 2);
            blockEntries = Arrays.copyOf(blockEntries, blocks);
            blockDays = Arrays.copyOf(blockDays, blocks);
            blockSizes = Arrays.copyOf(blockSizes, blocks);
        }
        int n = blockSizes[block];
        Entry[] entries = blockEntries[block];
        if (entries == null) {
            entries = new Entry[256];
            blockEntries[block] = entries;
            blockDays[block] = new int[256];
        } else if (n == entries.length) {
            entries = Arrays.copyOf(entries, n * 2);
            blockEntries[block] = entries;
            blockDays[block] = Arrays.copyOf(blockDays[block], n * 2);
        }
        entries[n] = entry;
        blockDays[block][n] = day;
        blockSizes[block] = n + 1;
    }

    /**
     * Moves the events of every block up to {@code block} into their day buckets. The day was stored beside each
     * entry, so this streams through two arrays without touching the agents; an entry rescheduled since then lands
     * in a day that will not release it (its due time is elsewhere), like any other stale bucket entry.
     */
    private void distributeThrough(int block) {
        while (distributedBlock < block) {
            int b = ++distributedBlock;
            if (b >= blockSizes.length || blockEntries[b] == null) {
                continue;
            }
            Entry[] entries = blockEntries[b];
            int[] days = blockDays[b];
            int n = blockSizes[b];
            // Size each day's bucket once, rather than doubling it as entries arrive.
            int firstDay = b << BLOCK_BITS;
            Arrays.fill(blockDayCounts, 0);
            for (int i = 0; i < n; i++) {
                blockDayCounts[days[i] - firstDay]++;
            }
            for (int d = 0; d < blockDayCounts.length; d++) {
                if (blockDayCounts[d] > 0) {
                    reserve(firstDay + d, blockDayCounts[d]);
                }
            }
            for (int i = 0; i < n; i++) {
                appendToDay(days[i], entries[i]);
            }
            blockEntries[b] = null;
            blockDays[b] = null;
            blockSizes[b] = 0;
        }
    }

    /** Drops the entry's live event, if any. */
    void cancel(Entry entry) {
        entry.token++;
        entry.due = Double.NaN;
    }

    /** Makes {@code day} the current day: its bucket's events become available to {@link #pollToday()}. */
    void openDay(int day) {
        distributeThrough(day >> BLOCK_BITS);
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
                // A person spans two cache lines more often than not; reading its far end here, in a loop of
                // independent loads, brings both lines in while the misses overlap, instead of one at a time
                // when the events run (at ten times the agents most of them are in no cache by their turn).
                if (entry instanceof Person person) {
                    prefetchSink += person.lastCountry;
                }
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
        sortPositiveKeys(live);
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

    /**
     * Sorts {@code sortKeys[0, n)} (all non-negative) in time linear in n for keys spread over the day: a counting
     * sort on the top bits into about one bucket per key, then each bucket sorted on its own. A comparison sort's
     * log n factor made the busier days of a ten-times-larger population cost more per event.
     */
    private void sortPositiveKeys(int n) {
        if (n <= SMALL_SORT) {
            Arrays.sort(sortKeys, 0, n);
            return;
        }
        int bits = Math.min(MAX_SORT_BITS, 32 - Integer.numberOfLeadingZeros(n - 1));
        int shift = 63 - bits;
        int buckets = 1 << bits;
        if (sortStarts.length < buckets + 1) {
            sortStarts = new int[buckets + 1];
        }
        if (sortScratch.length < sortKeys.length) {
            sortScratch = new long[sortKeys.length];
        }
        int[] starts = sortStarts;
        Arrays.fill(starts, 0, buckets + 1, 0);
        for (int i = 0; i < n; i++) {
            starts[(int) (sortKeys[i] >>> shift) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        // starts[b] is now where bucket b begins; place each key, then restore the starts from the ends.
        long[] sorted = sortScratch;
        for (int i = 0; i < n; i++) {
            long key = sortKeys[i];
            sorted[starts[(int) (key >>> shift)]++] = key;
        }
        int begin = 0;
        for (int b = 0; b < buckets; b++) {
            int end = starts[b];
            if (end - begin > 1) {
                if (end - begin <= SMALL_SORT) {
                    insertionSort(sorted, begin, end);
                } else {
                    Arrays.sort(sorted, begin, end); // many events at one instant, e.g. whole days
                }
            }
            begin = end;
        }
        sortScratch = sortKeys;
        sortKeys = sorted;
    }

    private static void insertionSort(long[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long key = keys[i];
            int j = i - 1;
            while (j >= from && keys[j] > key) {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
    }

    /** The due time of the event {@link #pollToday()} would return next, +∞ when today is done. */
    double nextTimeToday() {
        while (true) {
            boolean fromDay = dayCursor < dayCount;
            if (!fromDay && heapSize == 0) {
                return Double.POSITIVE_INFINITY;
            }
            if (fromDay && (heapSize == 0 || dayTimes[dayCursor] <= heapTimes[0])) {
                if (dayEntries[dayCursor].token == dayTokens[dayCursor]) {
                    return dayTimes[dayCursor];
                }
                dayEntries[dayCursor++] = null;
            } else {
                if (heapEntries[0].token == heapTokens[0]) {
                    return heapTimes[0];
                }
                removeTop();
            }
        }
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
