package escaperoutes.output;

import escaperoutes.io.AtomicFiles;
import escaperoutes.calibration.Calibrator;
import escaperoutes.calibration.FitMetrics;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files of a calibration folder: the trace, written as the search goes, and the per-year fit table. */
public final class CalibrationFiles {
    public static final String TRACE = "trace.csv";
    public static final String FIT = "fit.csv";
    public static final String CALIBRATED = "calibrated.json";
    public static final String METRICS = "metrics.json";

    private CalibrationFiles() {
    }

    /**
     * {@code trace.csv}: one row per evaluation, flushed as it is written so that an interrupted search keeps
     * every evaluation finished so far: {@code evaluation,<one column per parameter path>,loss,problem}.
     */
    public static final class Trace implements Closeable {
        private final BufferedWriter out;

        public Trace(Path dir, List<String> parameterPaths) throws IOException {
            out = Files.newBufferedWriter(dir.resolve(TRACE), StandardCharsets.UTF_8);
            StringBuilder header = new StringBuilder("evaluation");
            for (String path : parameterPaths) {
                header.append(',').append(ResultTables.csv(path));
            }
            out.write(header.append(",loss,problem\n").toString());
            out.flush();
        }

        public synchronized void write(Calibrator.Evaluation e) throws IOException {
            StringBuilder row = new StringBuilder().append(e.number());
            for (double v : e.values()) {
                row.append(',').append(ResultTables.format(v));
            }
            row.append(',').append(ResultTables.format(e.loss())).append(',')
                    .append(e.problem() == null ? "" : ResultTables.csv(e.problem())).append('\n');
            out.write(row.toString());
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * {@code fit.csv}: per scored year, the observed total, women and men, the simulated mean, 5% and 95% quantile
     * of each, and the observed and simulated share of women; {@code window} says whether the year was fitted or
     * held out.
     */
    public static void writeFit(Path dir, List<FitMetrics> windows, List<String> windowNames) throws IOException {
        AtomicFiles.writeAtomically(dir.resolve(FIT), out -> {
            out.write("year,window,observed_total,observed_women,observed_men,simulated_total_mean,"
                    + "simulated_total_p05,simulated_total_p95,simulated_women_mean,simulated_women_p05,"
                    + "simulated_women_p95,simulated_men_mean,simulated_men_p05,simulated_men_p95,"
                    + "observed_share_women,simulated_share_women\n");
            for (int w = 0; w < windows.size(); w++) {
                for (FitMetrics.Row r : windows.get(w).rows()) {
                    out.write(r.year() + "," + windowNames.get(w) + "," + r.observedTotal() + "," + r.observedWomen()
                            + "," + r.observedMen() + "," + band(r.total()) + "," + band(r.women()) + ","
                            + band(r.men()) + "," + ResultTables.format(r.observedShareWomen()) + ","
                            + ResultTables.format(r.simulatedShareWomen()) + "\n");
                }
            }
        });
    }

    private static String band(double[] meanLowHigh) {
        return ResultTables.format(meanLowHigh[0]) + "," + ResultTables.format(meanLowHigh[1]) + ","
                + ResultTables.format(meanLowHigh[2]);
    }
}
