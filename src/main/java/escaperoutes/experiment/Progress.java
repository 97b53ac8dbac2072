package escaperoutes.experiment;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A one-line progress bar on the error stream: work done, rate and time left. Updates come from worker threads
 * and are throttled to a few per second. When the error stream is not a terminal (a log file, CI), a plain line is
 * written at each quarter instead of a bar redrawn in place. A replication that has run for more than
 * {@link #LONG_NANOS} also shows the simulated days it has done, and counts in the bar by the share of them.
 */
public final class Progress {
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;
    private static final long LONG_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final String what;
    private final int total;
    /** Work done before this process started (a resumed sweep), counted in the bar but not in the rate. */
    private int alreadyDone;
    private final long started = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private long lastPrinted;
    private int done;
    private int lastQuarter;
    private String note = "";
    /** Replications running, or finished but not yet counted in {@link #done}, by number. */
    private final Map<Integer, Running> running = new TreeMap<>();

    private static final class Running {
        final long started = System.nanoTime();
        final double totalDays;
        double days;

        Running(double totalDays) {
            this.totalDays = totalDays;
        }
    }

    public Progress(PrintWriter err, String what, int total) {
        this(err, what, total, 0);
    }

    public Progress(PrintWriter err, String what, int total, int alreadyDone) {
        this.err = err;
        this.what = what;
        this.total = total;
        this.alreadyDone = alreadyDone;
    }

    /** Counts more work as done before this process (found when it started: a resumed sweep's parts). */
    public synchronized void addAlreadyDone(int more) {
        alreadyDone += more;
    }

    public synchronized void update(int finished) {
        update(finished, "");
    }

    /** Progress with a short note after the rate (for example the best loss so far). */
    public synchronized void update(int finished, String note) {
        // Each replication newly counted as finished had reported all its days: it no longer counts by its days.
        int newlyFinished = finished - done;
        for (var it = running.values().iterator(); it.hasNext() && newlyFinished > 0; ) {
            Running r = it.next();
            if (r.days >= r.totalDays) {
                it.remove();
                newlyFinished--;
            }
        }
        done = Math.max(done, finished);
        this.note = note;
        print();
    }

    /**
     * Simulated days done by a replication still running, of its total (a {@code ProgressListener} of the
     * model, called from its worker thread).
     */
    public synchronized void days(int replication, double days, double totalDays) {
        Running r = running.computeIfAbsent(replication, k -> new Running(totalDays));
        r.days = days;
        if (System.nanoTime() - r.started >= LONG_NANOS) {
            print();
        }
    }

    private void print() {
        long now = System.nanoTime();
        if (err == null || (now - lastPrinted < MIN_INTERVAL_NANOS && alreadyDone + done < total)) {
            return;
        }
        lastPrinted = now;
        double partial = 0;
        StringBuilder shownNote = new StringBuilder(note);
        for (Map.Entry<Integer, Running> e : running.entrySet()) {
            Running r = e.getValue();
            if (now - r.started >= LONG_NANOS) {
                partial += r.days / r.totalDays;
                shownNote.append(shownNote.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                        "replication %d: day %.0f of %.0f", e.getKey() + 1, r.days, r.totalDays));
            }
        }
        double seconds = (now - started) / 1e9;
        double rate = (done + partial) / Math.max(seconds, 1e-9);
        int shown = alreadyDone + done;
        double left = rate > 0 ? (total - shown - partial) / rate : Double.NaN;
        if (!terminal) {
            int quarter = (int) (4 * (shown + partial) / total);
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                err.printf("%d/%d %s, %.1f/s %s%n", shown, total, what, rate, shownNote);
                err.flush();
            }
            return;
        }
        int width = 30;
        int filled = (int) Math.round(width * (shown + partial) / total);
        err.printf("\r[%s%s] %d/%d %s, %.1f/s, %s left %s  ", "#".repeat(filled), ".".repeat(width - filled), shown,
                total, what, rate, Double.isNaN(left) ? "?" : String.format("%.0fs", left), shownNote);
        err.flush();
    }

    public synchronized void finish() {
        if (err != null && done > 0 && terminal) {
            err.println();
            err.flush();
        }
    }
}
