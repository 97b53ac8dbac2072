package escaperoutes.output;

import escaperoutes.io.Column;
import escaperoutes.io.Csv;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tidy CSV tables of a sweep, from plain values the sweep hands over (columns as {@link ResultTable} names
 * them). Rows follow the order of points, replications, years, the spec's measures and sexes, so that the same
 * sweep gives byte-identical tables however it was run — on any number of threads, in chunks, interrupted and
 * resumed.
 *
 * <ul>
 * <li>{@code results.csv}: {@code point,replication,<parameters…>,year,measure,sex,value}; per run, the rows of each
 *     kept year, then those of each window ({@code year} written {@code 2012-2024}: the sum over those years).</li>
 * <li>{@code points.csv}: {@code point,<parameters…>,role}.</li>
 * <li>{@code sensitivity-outputs.csv}: {@code point,replication,output,value}, each sensitivity output of each
 *     run.</li>
 * <li>{@code sensitivity.csv}: {@code output,parameter,index,value,ci_low,ci_high}.</li>
 * </ul>
 * Parameter values are written exactly ({@link Csv#exact}); measures as {@link Csv#number}.
 */
public final class SweepTables {

    /** Calendar years {@code from}–{@code to} summed into one row, written {@code from-to}. */
    public record Window(int from, int to) {
        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    /**
     * What a sweep keeps of each run: the parameters' names, the measures of each year {@code fromYear…toYear}
     * (when {@code perYear}), the sums over each window of {@code windowMeasures}, of the sexes kept.
     */
    public record Layout(List<String> parameters, boolean perYear, int fromYear, int toYear, List<Measure> measures,
                         List<SexGroup> sexes, List<Window> windows, List<Measure> windowMeasures) {
        public Layout {
            parameters = List.copyOf(parameters);
            measures = List.copyOf(measures);
            sexes = List.copyOf(sexes);
            windows = List.copyOf(windows);
            windowMeasures = List.copyOf(windowMeasures);
        }
    }

    /** A row of sensitivity.csv; {@code low} and {@code high} are NaN where the index has no interval. */
    public record Index(String output, String parameter, String index, double value, double low, double high) {
    }

    private SweepTables() {
    }

    public static String resultsHeader(List<String> parameters) {
        return Csv.header(ResultTable.RESULTS.columns(parameters));
    }

    /** The rows of results.csv for one point's replications, at {@code parameters} (in the layout's order). */
    public static String resultRows(Layout layout, int point, double[] parameters, List<RunResult> runs) {
        Table.Builder t = Table.builder(ResultTable.RESULTS.file(), ResultTable.RESULTS.columns(layout.parameters()));
        for (RunResult run : runs) {
            if (layout.perYear()) {
                for (int year = layout.fromYear(); year <= layout.toYear(); year++) {
                    for (Measure m : layout.measures()) {
                        for (SexGroup sex : layout.sexes()) {
                            run(t, point, run, parameters).text(Integer.toString(year)).text(m.key())
                                    .text(sex.label()).number(run.value(m, year, sex));
                        }
                    }
                }
            }
            for (Window window : layout.windows()) {
                for (Measure m : layout.windowMeasures()) {
                    for (SexGroup sex : layout.sexes()) {
                        run(t, point, run, parameters).text(window.toString()).text(m.key()).text(sex.label())
                                .number(run.sum(m, window.from(), window.to(), sex));
                    }
                }
            }
        }
        return Csv.rows(t.build());
    }

    private static Table.Builder run(Table.Builder t, int point, RunResult run, double[] parameters) {
        t.number(point).number(run.replication());
        for (double v : parameters) {
            t.exact(v);
        }
        return t;
    }

    public static String outputsHeader() {
        return Csv.header(ResultTable.SENSITIVITY_OUTPUTS.columns());
    }

    /** The rows of sensitivity-outputs.csv for one point's replications: {@code values.get(run)[output]}. */
    public static String outputRows(int point, List<String> outputs, List<RunResult> runs, List<double[]> values) {
        Table.Builder t = Table.builder(ResultTable.SENSITIVITY_OUTPUTS.file(),
                ResultTable.SENSITIVITY_OUTPUTS.columns());
        for (int r = 0; r < runs.size(); r++) {
            double[] v = values.get(r);
            for (int k = 0; k < v.length; k++) {
                t.number(point).number(runs.get(r).replication()).text(outputs.get(k)).number(v[k]);
            }
        }
        return Csv.rows(t.build());
    }

    /** points.csv: every point of the design (of the whole sweep, also in a chunk), {@code values[point]}. */
    public static Table points(String source, List<String> parameters, double[][] values, List<String> roles) {
        Table.Builder t = Table.builder(source, ResultTable.POINTS.columns(parameters));
        for (int p = 0; p < values.length; p++) {
            t.number(p);
            for (double v : values[p]) {
                t.exact(v);
            }
            t.text(roles.get(p));
        }
        return t.build();
    }

    /** sensitivity-outputs.csv of {@code dir}, as written. */
    public static Table readOutputs(Path dir) throws IOException {
        try {
            return Csv.read(dir.resolve(ResultTable.SENSITIVITY_OUTPUTS.file()),
                    ResultTable.SENSITIVITY_OUTPUTS.required());
        } catch (InvalidCsvException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Each point's mean of each sensitivity output over its replications ({@code [point][output]}), from the rows
     * of sensitivity-outputs.csv; replications where an output is NaN ({@code NA}) are left out of its mean.
     */
    public static double[][] pointMeans(Table table, List<String> outputs, int points, int replications)
            throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < outputs.size(); k++) {
            index.put(outputs.get(k), k);
        }
        double[][] sums = new double[points][outputs.size()];
        int[][] counts = new int[points][outputs.size()];
        int[][] rows = new int[points][outputs.size()];
        try {
            for (int r = 0; r < table.size(); r++) {
                Integer k = index.get(table.text(r, Column.OUTPUT));
                int point = table.integer(r, Column.POINT);
                if (k == null || point < 0 || point >= points) {
                    throw table.error(r, "not a row of this sweep");
                }
                rows[point][k]++;
                double v = table.number(r, Column.VALUE);
                if (!Double.isNaN(v)) {
                    sums[point][k] += v;
                    counts[point][k]++;
                }
            }
        } catch (InvalidCsvException e) {
            throw new IOException(e.getMessage(), e);
        }
        double[][] means = new double[points][outputs.size()];
        for (int p = 0; p < means.length; p++) {
            for (int k = 0; k < outputs.size(); k++) {
                if (rows[p][k] != replications) {
                    throw new IOException(table.source() + ": point " + p + " has " + rows[p][k] + " rows of output "
                            + outputs.get(k) + ", expected one per replication (" + replications + ")");
                }
                means[p][k] = counts[p][k] == 0 ? Double.NaN : sums[p][k] / counts[p][k];
            }
        }
        return means;
    }

    /** Writes sensitivity.csv into {@code dir} and returns it. */
    public static Table writeSensitivity(Path dir, List<Index> rows) throws IOException {
        Table.Builder t = ResultTables.builder(dir, ResultTable.SENSITIVITY);
        for (Index r : rows) {
            t.text(r.output()).text(r.parameter()).text(r.index()).number(r.value()).number(r.low())
                    .number(r.high());
        }
        return ResultTables.write(dir, ResultTable.SENSITIVITY, t);
    }
}
