package escaperoutes.experiment;

import escaperoutes.calibration.FitMetrics;
import escaperoutes.calibration.Objective;
import escaperoutes.evidence.EvidenceItem;
import escaperoutes.io.Table;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.output.CalibrationFiles;
import escaperoutes.output.ComparisonTables;
import escaperoutes.simulation.Comparison;
import escaperoutes.stats.Quantiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A job's results as the plain rows the writers of {@code output} take: a comparison's summaries and a calibration's
 * fit and evidence, in the order the tables list them.
 */
final class ResultValues {

    private ResultValues() {
    }

    /** Writes a comparison's three tables into {@code dir}; returns them. */
    static List<Table> writeComparison(Path dir, Comparison c) throws IOException {
        List<ComparisonTables.Row> summaries = new ArrayList<>();
        List<ComparisonTables.Row> differences = new ArrayList<>();
        List<ComparisonTables.CumulativeRow> cumulative = new ArrayList<>();
        for (int s = 0; s < c.labels().size(); s++) {
            String label = c.labels().get(s);
            for (int year = c.firstYear(); year <= c.lastYear(); year++) {
                for (String series : c.series()) {
                    for (SexGroup sex : SexGroup.values()) {
                        summaries.add(new ComparisonTables.Row(label, year, series, sex.label(),
                                summary(c.summary(s, series, year, sex)), c.isProjected(year)));
                        if (s > 0) {
                            differences.add(new ComparisonTables.Row(label, year, series, sex.label(),
                                    summary(c.difference(s, series, year, sex)), c.isProjected(year)));
                        }
                    }
                }
            }
            for (String series : c.series()) {
                if (c.isFlow(series)) {
                    for (SexGroup sex : SexGroup.values()) {
                        cumulative.add(new ComparisonTables.CumulativeRow(label, series, sex.label(),
                                c.window().fromYear(), c.window().toYear(),
                                summary(c.cumulativeSummary(s, series, sex)),
                                summary(c.cumulativeDifference(s, series, sex))));
                    }
                }
            }
        }
        return ComparisonTables.writeAll(dir, summaries, differences, cumulative);
    }

    /** Writes variance.csv: every flow's summed difference of every scenario but the base, by sex. */
    static Table writeVariance(Path dir, Comparison c) throws IOException {
        List<ComparisonTables.VarianceRow> rows = new ArrayList<>();
        for (int s = 1; s < c.labels().size(); s++) {
            for (String series : c.series()) {
                if (c.isFlow(series)) {
                    for (SexGroup sex : SexGroup.values()) {
                        Comparison.VarianceSplit v = c.cumulativeVarianceSplit(s, series, sex);
                        rows.add(new ComparisonTables.VarianceRow(c.labels().get(s), series, sex.label(),
                                c.window().fromYear(), c.window().toYear(), v.total(), v.chance(), v.parameters(),
                                v.parameterShare()));
                    }
                }
            }
        }
        return ComparisonTables.writeVariance(dir, rows);
    }

    private static ComparisonTables.Summary summary(Comparison.Summary s) {
        return new ComparisonTables.Summary(s.mean(), s.p05(), s.p50(), s.p95());
    }

    /** The rows of fit.csv: each window's years in order, the window named as in {@code names}. */
    /** evidence.csv's rows: each fitted item's statistic over the replications, against its range. */
    static List<CalibrationFiles.EvidenceRow> evidenceRows(List<Objective.EvidenceTarget> evidence,
                                                           List<RunResult> runs) {
        List<CalibrationFiles.EvidenceRow> rows = new ArrayList<>();
        for (Objective.EvidenceTarget target : evidence) {
            EvidenceItem item = target.item();
            double[] values = Objective.simulated(runs, item);
            double[] summary = Quantiles.summarize(values);
            double mean = Objective.meanOf(values);
            rows.add(new CalibrationFiles.EvidenceRow(item.id(), item.measure().key(), item.period().toString(),
                    item.measure().statistic().key(), item.kind().name().toLowerCase(Locale.ROOT),
                    item.value(), item.low(), item.high(), target.weight(), mean, summary[1], summary[3],
                    item.inside(mean), target.weight() * item.loss(mean), item.source()));
        }
        return rows;
    }

    static List<CalibrationFiles.FitRow> fitRows(List<FitMetrics> windows, List<String> names) {
        List<CalibrationFiles.FitRow> rows = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            for (FitMetrics.Row r : windows.get(w).rows()) {
                rows.add(new CalibrationFiles.FitRow(r.year(), names.get(w), r.observedTotal(), r.observedWomen(),
                        r.observedMen(), r.total(), r.women(), r.men(), r.observedShareWomen(),
                        r.simulatedShareWomen()));
            }
        }
        return rows;
    }
}
