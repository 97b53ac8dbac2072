package escaperoutes.experiment;

import java.io.PrintWriter;

/**
 * A one-line progress bar on the error stream: work done, rate and time left. Updates come from worker threads
 * and are throttled to a few per second. When the error stream is not a terminal (a log file, CI), a plain line is
 * written at each quarter instead of a bar redrawn in place.
 */
public final class Progress {
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;
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
        done = Math.max(done, finished);
        long now = System.nanoTime();
        if (err == null || (now - lastPrinted < MIN_INTERVAL_NANOS && alreadyDone + done < total)) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        int shown = alreadyDone + done;
        double left = rate > 0 ? (total - shown) / rate : Double.NaN;
        if (!terminal) {
            int quarter = (int) (4L * shown / total);
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                err.printf("%d/%d %s, %.1f/s %s%n", shown, total, what, rate, note);
                err.flush();
            }
            return;
        }
        int width = 30;
        int filled = (int) Math.round(width * (double) shown / total);
        err.printf("\r[%s%s] %d/%d %s, %.1f/s, %s left %s  ", "#".repeat(filled), ".".repeat(width - filled), shown,
                total, what, rate, Double.isNaN(left) ? "?" : String.format("%.0fs", left), note);
        err.flush();
    }

    public synchronized void finish() {
        if (err != null && done > 0 && terminal) {
            err.println();
            err.flush();
        }
    }
}
