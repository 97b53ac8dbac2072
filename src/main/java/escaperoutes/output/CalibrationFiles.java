package escaperoutes.output;

import escaperoutes.io.Csv;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tables of a calibration folder: the trace, written as the search goes, and the per-year fit table. */
public final class CalibrationFiles {

    /**
     * One scored year of fit.csv: the observed total, women and men (persons), the simulated mean, 5 % and 95 %
     * quantile of each ({@code {mean, p05, p95}}), and the observed and simulated share of women.
     *
     * @param window {@code fit} or {@code hold-out}
     */
    public record FitRow(int year, String window, long observedTotal, long observedWomen, long observedMen,
                         double[] total, double[] women, double[] men, double observedShareWomen,
                         double simulatedShareWomen) {
    }

    /**
     * One evidence item of evidence.csv: its range and best value (the measure's units), the weight of its term,
     * the mean, 5 % and 95 % quantile of its statistic over the replications, whether the mean lies in the range, and
     * the weighted term.
     */
    public record EvidenceRow(String item, String measure, String period, String statistic, String kind,
                              double value, double low, double high, double weight, double simulatedMean,
                              double simulatedP05, double simulatedP95, boolean inside, double loss, String source) {
    }

    private CalibrationFiles() {
    }

    /** {@code evidence.csv}: one row per evidence item fitted, in the spec's order. */
    public static Table writeEvidence(Path dir, List<EvidenceRow> rows) throws IOException {
        Table.Builder t = ResultTables.builder(dir, ResultTable.EVIDENCE);
        for (EvidenceRow r : rows) {
            t.text(r.item()).text(r.measure()).text(r.period()).text(r.statistic()).text(r.kind())
                    .exact(r.value()).exact(r.low()).exact(r.high()).exact(r.weight()).number(r.simulatedMean())
                    .number(r.simulatedP05()).number(r.simulatedP95()).text(r.inside() ? "yes" : "no")
                    .number(r.loss()).text(r.source());
        }
        return ResultTables.write(dir, ResultTable.EVIDENCE, t);
    }

    /**
     * {@code trace.csv}: one row per evaluation, flushed as it is written so that an interrupted search keeps
     * every evaluation finished so far: {@code evaluation,<one column per parameter path>,loss,problem}.
     */
    public static final class Trace implements Closeable {
        private final BufferedWriter out;
        private final List<String> header;
        private final Table.Builder rows;

        public Trace(Path dir, List<String> parameterPaths) throws IOException {
            Path file = dir.resolve(ResultTable.TRACE.file());
            header = ResultTable.TRACE.columns(parameterPaths);
            rows = Table.builder(file.toString(), header);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(Csv.header(header));
            out.flush();
        }

        /** One evaluation: the parameters' values, the loss, and why the candidate failed (null when it did not). */
        public synchronized void write(int evaluation, double[] values, double loss, String problem)
                throws IOException {
            Table.Builder row = Table.builder(ResultTable.TRACE.file(), header);
            for (Table.Builder t : List.of(row, rows)) {
                t.number(evaluation);
                for (double v : values) {
                    t.number(v);
                }
                t.number(loss).text(problem == null ? "" : problem);
            }
            out.write(Csv.rows(row.build()));
            out.flush();
        }

        /** Every row written so far. */
        public synchronized Table table() {
            return rows.build();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** {@code fit.csv}: the rows of the fit window, then those of the hold-out window. */
    public static Table writeFit(Path dir, List<FitRow> rows) throws IOException {
        Table.Builder t = ResultTables.builder(dir, ResultTable.FIT);
        for (FitRow r : rows) {
            t.number(r.year()).text(r.window()).number(r.observedTotal()).number(r.observedWomen())
                    .number(r.observedMen());
            for (double[] band : List.of(r.total(), r.women(), r.men())) {
                t.number(band[0]).number(band[1]).number(band[2]);
            }
            t.number(r.observedShareWomen()).number(r.simulatedShareWomen());
        }
        return ResultTables.write(dir, ResultTable.FIT, t);
    }
}
