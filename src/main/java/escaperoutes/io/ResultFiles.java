package escaperoutes.io;

/**
 * The names of a result folder's files other than its CSV tables (those are {@link ResultTable}'s): written by
 * {@code output}, read back by {@code chart}.
 */
public final class ResultFiles {
    /** Every folder's record of how it was made (seed, versions, checksums, times). */
    public static final String MANIFEST = "manifest.json";
    /** The scenario exactly as run (a run; a sweep's base scenario). */
    public static final String RESOLVED_SCENARIO = "scenario.resolved.json";
    /** A calibration's best scenario, which {@code run} accepts. */
    public static final String CALIBRATED = "calibrated.json";
    public static final String METRICS = "metrics.json";
    public static final String CALIBRATION_SPEC = "calibration-spec.json";
    /** A sweep's spec with every default written out. */
    public static final String RESOLVED_SPEC = "sweep.resolved.json";
    /** An unfinished sweep's record of the points written. */
    public static final String JOURNAL = "journal.txt";
    /** A posterior's summary: why it stopped, simulations, seconds, and the predictive fit and evidence. */
    public static final String POSTERIOR_METRICS = "posterior.json";
    /** A posterior's sampler state after each complete generation, from which {@code --resume} continues. */
    public static final String POSTERIOR_STATE = "posterior-state.csv";
    public static final String CHARTS = "charts";
    public static final String REPORT = "report.html";

    private ResultFiles() {
    }

    /** A compared scenario's resolved file, named after its label in the comparison's tables. */
    public static String resolvedScenario(String label) {
        return label + ".resolved.json";
    }
}
