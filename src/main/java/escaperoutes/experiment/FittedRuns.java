package escaperoutes.experiment;

import escaperoutes.calibration.CalibrationSpec;
import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.calibration.Checks;
import escaperoutes.calibration.FitMetrics;
import escaperoutes.io.Table;
import escaperoutes.observe.RunResult;
import escaperoutes.output.CalibrationFiles;
import escaperoutes.output.Manifest;
import escaperoutes.output.ResultTables;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The closing runs of a calibration or a posterior scored against the spec: the fit window's metrics, the hold-out
 * window's (null without one) and the evidence items (none without evidence), after writing {@code fit.csv},
 * {@code evidence.csv} and the runs' own tables as {@code run} writes them, for the charts and the report.
 */
record FittedRuns(FitMetrics fit, FitMetrics holdOut, List<CalibrationFiles.EvidenceRow> evidence) {

    /** Scores {@code runs}, writes their tables into {@code dir} and adds them to {@code tables}. */
    static FittedRuns write(Path dir, CalibrationSpecReader.ResolvedCalibration resolved, List<RunResult> runs,
                            List<Table> tables) throws IOException {
        CalibrationSpec cs = resolved.spec();
        FitMetrics fit = FitMetrics.compute(runs, resolved.observed(), cs.fitWindow().from(), cs.fitWindow().to());
        List<FitMetrics> windows = new ArrayList<>(List.of(fit));
        List<String> names = new ArrayList<>(List.of("fit"));
        FitMetrics holdOut = null;
        if (cs.holdOutWindow() != null) {
            holdOut = FitMetrics.compute(runs, resolved.observed(), cs.holdOutWindow().from(),
                    cs.holdOutWindow().to());
            windows.add(holdOut);
            names.add("hold-out");
        }
        tables.add(CalibrationFiles.writeFit(dir, ResultValues.fitRows(windows, names)));
        List<CalibrationFiles.EvidenceRow> evidence = ResultValues.evidenceRows(resolved.evidence(), runs);
        if (!evidence.isEmpty()) {
            tables.add(CalibrationFiles.writeEvidence(dir, evidence));
        }
        tables.addAll(ResultTables.writeAll(dir, runs, resolved.observed()::single));
        return new FittedRuns(fit, holdOut, evidence);
    }

    /**
     * Adds to a metrics.json ({@code calibrate}, {@code score}) each window's fit metrics, the evidence block where
     * there is evidence, and the checks the fit does not target.
     */
    void report(Map<String, Object> metrics, CalibrationSpecReader.ResolvedCalibration resolved,
                List<RunResult> runs) {
        CalibrationSpec cs = resolved.spec();
        metrics.put("fit", CalibrateJob.windowReport(cs.fitWindow(), fit));
        if (holdOut != null) {
            metrics.put("holdOut", CalibrateJob.windowReport(cs.holdOutWindow(), holdOut));
        }
        if (!evidence.isEmpty()) {
            metrics.put("evidence", CalibrateJob.evidenceReport(resolved, evidence));
        }
        metrics.put("checks", Checks.compute(runs));
    }

    /** Evidence items inside their ranges. */
    int evidenceInside() {
        return (int) evidence.stream().filter(CalibrationFiles.EvidenceRow::inside).count();
    }

    /** The manifest of a folder made from a calibration spec: its scenario's files, the observed series, times. */
    static Manifest manifest(CalibrationSpecReader.ResolvedCalibration resolved, int replications, int threads,
                             Instant started, List<String> commandLine) throws IOException {
        List<Path> files = resolved.scenarioFiles();
        return new Manifest(resolved.spec().seed(), replications, threads, Manifest.currentProgramVersion(),
                Program.gitCommit(), files.get(0).toString(), Manifest.sha256(files.get(0)),
                Manifest.InputFile.of(files.subList(1, files.size())), resolved.observed().source(),
                resolved.observed().sha256(), started.toString(), Instant.now().toString(),
                Manifest.currentJavaVersion(), commandLine);
    }
}
