package escaperoutes.output;

import escaperoutes.io.AtomicFiles;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepSpec;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tidy CSV tables of a sweep (UTF-8, {@code \n} line endings). Rows follow the order of points, replications,
 * years, the spec's measures and sexes, so that the same sweep gives byte-identical tables however it was run —
 * on any number of threads, in chunks, interrupted and resumed.
 *
 * <ul>
 * <li>{@code results.csv}: {@code point,replication,<parameters…>,year,measure,sex,value}; per run, the rows of each
 *     kept year, then those of each window ({@code year} written {@code 2012-2024}: the sum over those years).</li>
 * <li>{@code points.csv}: {@code point,<parameters…>,role}.</li>
 * <li>{@code sensitivity-outputs.csv}: {@code point,replication,output,value}, each sensitivity output of each
 *     run.</li>
 * <li>{@code sensitivity.csv}: {@code output,parameter,index,value,ci_low,ci_high}.</li>
 * </ul>
 * Parameter values are written exactly (the shortest decimal that reads back as the same double); measures as in
 * {@link ResultTables#format}.
 */
public final class SweepTables {
    public static final String RESULTS = "results.csv";
    public static final String POINTS = "points.csv";
    public static final String OUTPUTS = "sensitivity-outputs.csv";
    public static final String SENSITIVITY = "sensitivity.csv";

    private SweepTables() {
    }

    public static String resultsHeader(SweepPlan plan) {
        return "point,replication," + String.join(",", plan.parameterNames()) + ",year,measure,sex,value\n";
    }

    /** The rows of results.csv for one point's replications. */
    public static String resultRows(SweepPlan plan, int point, List<RunResult> runs) {
        StringBuilder out = new StringBuilder(runs.size() * 64 * (plan.toYear() - plan.fromYear() + 1));
        String parameters = parameterColumns(plan, point);
        for (RunResult run : runs) {
            String prefix = point + "," + run.replication() + "," + parameters + ",";
            if (plan.perYear()) {
                for (int year = plan.fromYear(); year <= plan.toYear(); year++) {
                    for (Measure m : plan.measures()) {
                        for (SexGroup sex : plan.sexes()) {
                            out.append(prefix).append(year).append(',').append(m.key()).append(',')
                                    .append(sex.label()).append(',').append(ResultTables.format(run.value(m, year, sex)))
                                    .append('\n');
                        }
                    }
                }
            }
            for (SweepSpec.Years window : plan.windows()) {
                for (Measure m : plan.windowMeasures()) {
                    for (SexGroup sex : plan.sexes()) {
                        out.append(prefix).append(window).append(',').append(m.key()).append(',').append(sex.label())
                                .append(',').append(ResultTables.format(run.sum(m, window.from(), window.to(), sex)))
                                .append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    public static String outputsHeader() {
        return "point,replication,output,value\n";
    }

    /** The rows of sensitivity-outputs.csv for one point's replications. */
    public static String outputRows(SweepPlan plan, int point, List<RunResult> runs) {
        StringBuilder out = new StringBuilder();
        List<String> names = plan.outputNames();
        for (RunResult run : runs) {
            double[] values = plan.outputValues(run);
            for (int k = 0; k < values.length; k++) {
                out.append(point).append(',').append(run.replication()).append(',').append(names.get(k)).append(',')
                        .append(ResultTables.format(values[k])).append('\n');
            }
        }
        return out.toString();
    }

    /** points.csv: every point of the design (of the whole sweep, also in a chunk). */
    public static String points(SweepPlan plan) {
        StringBuilder out = new StringBuilder("point," + String.join(",", plan.parameterNames()) + ",role\n");
        for (int p = 0; p < plan.points(); p++) {
            out.append(p).append(',').append(parameterColumns(plan, p)).append(',').append(plan.role(p)).append('\n');
        }
        return out.toString();
    }

    private static String parameterColumns(SweepPlan plan, int point) {
        double[] values = plan.values(point);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(parameterValue(values[i]));
        }
        return b.toString();
    }

    /** The shortest decimal that reads back as exactly {@code value}, without exponent: 0.3, 2, 0.00001. */
    public static String parameterValue(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * Each point's mean of each sensitivity output over its replications ({@code [point][output]}), read from
     * sensitivity-outputs.csv; replications where an output is NaN ({@code NA}) are left out of its mean.
     */
    public static double[][] pointMeans(Path outputsCsv, SweepPlan plan) throws IOException {
        List<String> names = plan.outputNames();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            index.put(names.get(k), k);
        }
        double[][] sums = new double[plan.points()][names.size()];
        int[][] counts = new int[plan.points()][names.size()];
        int[][] rows = new int[plan.points()][names.size()];
        try (BufferedReader in = Files.newBufferedReader(outputsCsv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!outputsHeader().equals(header + "\n")) {
                throw new IOException(outputsCsv + ": expected the header " + outputsHeader().strip() + ", found "
                        + header);
            }
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String[] f = line.split(",", -1);
                Integer k = f.length == 4 ? index.get(f[2]) : null;
                int point;
                try {
                    point = k == null ? -1 : Integer.parseInt(f[0]);
                } catch (NumberFormatException e) {
                    point = -1;
                }
                if (point < 0 || point >= plan.points()) {
                    throw new IOException(outputsCsv + ":" + lineNumber + ": not a row of this sweep: " + line);
                }
                rows[point][k]++;
                double v = f[3].equals("NA") ? Double.NaN : Double.parseDouble(f[3]);
                if (!Double.isNaN(v)) {
                    sums[point][k] += v;
                    counts[point][k]++;
                }
            }
        }
        double[][] means = new double[plan.points()][names.size()];
        for (int p = 0; p < means.length; p++) {
            for (int k = 0; k < names.size(); k++) {
                if (rows[p][k] != plan.replications()) {
                    throw new IOException(outputsCsv + ": point " + p + " has " + rows[p][k] + " rows of output "
                            + names.get(k) + ", expected one per replication (" + plan.replications() + ")");
                }
                means[p][k] = counts[p][k] == 0 ? Double.NaN : sums[p][k] / counts[p][k];
            }
        }
        return means;
    }

    /** Computes the sensitivity indices from {@code dir}'s sensitivity-outputs.csv and writes sensitivity.csv. */
    public static List<SweepPlan.SensitivityRow> writeSensitivity(Path dir, SweepPlan plan) throws IOException {
        List<SweepPlan.SensitivityRow> rows = plan.sensitivity(pointMeans(dir.resolve(OUTPUTS), plan));
        AtomicFiles.writeAtomically(dir.resolve(SENSITIVITY), out -> {
            out.write("output,parameter,index,value,ci_low,ci_high\n");
            for (SweepPlan.SensitivityRow r : rows) {
                out.write(r.output() + "," + r.parameter() + "," + r.index() + "," + ResultTables.format(r.value())
                        + "," + ResultTables.format(r.low()) + "," + ResultTables.format(r.high()) + "\n");
            }
        });
        return rows;
    }
}
