package escaperoutes.model;

/**
 * Told how far a replication has got, for a progress display: after each stretch of days the schedule processes
 * (about a month), with increasing values, the last equal to the total. Called on the thread running the model.
 */
@FunctionalInterface
public interface ProgressListener extends java.io.Serializable {
    /**
     * @param days      simulated days done
     * @param totalDays the days the run lasts
     */
    void daysDone(double days, double totalDays);

    ProgressListener NONE = (days, totalDays) -> { };
}
