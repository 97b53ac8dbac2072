package escaperoutes.output;

import escaperoutes.io.AtomicFiles;
import escaperoutes.simulation.Comparison;
import escaperoutes.observe.SexGroup;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The tidy CSV tables of a comparison (UTF-8, {@code \n} line endings, values formatted as in
 * {@link ResultTables#format}). Rows follow the order of the scenarios, years, series and {@link SexGroup}
 * constants, so identical comparisons give byte-identical files. {@code projected} is {@code true} for the years
 * after the last year of the observed series.
 */
public final class ComparisonTables {

    public static final String COMPARISON = "comparison.csv";
    public static final String DIFFERENCES = "differences.csv";
    public static final String CUMULATIVE = "cumulative.csv";

    private ComparisonTables() {
    }

    /** Writes all three tables into {@code dir}. */
    public static void writeAll(Path dir, Comparison c) throws IOException {
        writeComparison(dir, c);
        writeDifferences(dir, c);
        writeCumulative(dir, c);
    }

    /** {@code scenario,year,measure,sex,mean,p05,p50,p95,projected}: each scenario over its replications. */
    public static void writeComparison(Path dir, Comparison c) throws IOException {
        AtomicFiles.writeAtomically(dir.resolve(COMPARISON), out -> {
            out.write("scenario,year,measure,sex,mean,p05,p50,p95,projected\n");
            for (int s = 0; s < c.labels().size(); s++) {
                for (int year = c.firstYear(); year <= c.lastYear(); year++) {
                    for (String series : c.series()) {
                        for (SexGroup sex : SexGroup.values()) {
                            summaryRow(out, c.labels().get(s), year, series, sex, c.summary(s, series, year, sex),
                                    c.isProjected(year));
                        }
                    }
                }
            }
        });
    }

    /**
     * {@code scenario,year,measure,sex,mean,p05,p50,p95,projected}: the paired difference scenario − base, for
     * every scenario but the base; p05 and p95 bound its 90 % interval.
     */
    public static void writeDifferences(Path dir, Comparison c) throws IOException {
        AtomicFiles.writeAtomically(dir.resolve(DIFFERENCES), out -> {
            out.write("scenario,year,measure,sex,mean,p05,p50,p95,projected\n");
            for (int s = 1; s < c.labels().size(); s++) {
                for (int year = c.firstYear(); year <= c.lastYear(); year++) {
                    for (String series : c.series()) {
                        for (SexGroup sex : SexGroup.values()) {
                            summaryRow(out, c.labels().get(s), year, series, sex,
                                    c.difference(s, series, year, sex), c.isProjected(year));
                        }
                    }
                }
            }
        });
    }

    /**
     * {@code scenario,measure,sex,from_year,to_year,mean,p05,p50,p95,difference_mean,difference_p05,difference_p50,
     * difference_p95}: each flow summed over the window, for every scenario (the base included, with differences
     * of 0), and the paired difference of the sums.
     */
    public static void writeCumulative(Path dir, Comparison c) throws IOException {
        AtomicFiles.writeAtomically(dir.resolve(CUMULATIVE), out -> {
            out.write("scenario,measure,sex,from_year,to_year,mean,p05,p50,p95,difference_mean,difference_p05,"
                    + "difference_p50,difference_p95\n");
            for (int s = 0; s < c.labels().size(); s++) {
                for (String series : c.series()) {
                    if (!c.isFlow(series)) {
                        continue;
                    }
                    for (SexGroup sex : SexGroup.values()) {
                        Comparison.Summary total = c.cumulativeSummary(s, series, sex);
                        Comparison.Summary d = c.cumulativeDifference(s, series, sex);
                        row(out, ResultTables.csv(c.labels().get(s)), series, sex.label(), c.window().fromYear(),
                                c.window().toYear(), ResultTables.format(total.mean()),
                                ResultTables.format(total.p05()), ResultTables.format(total.p50()),
                                ResultTables.format(total.p95()), ResultTables.format(d.mean()),
                                ResultTables.format(d.p05()), ResultTables.format(d.p50()),
                                ResultTables.format(d.p95()));
                    }
                }
            }
        });
    }

    private static void summaryRow(Writer out, String label, int year, String series, SexGroup sex,
                                   Comparison.Summary s, boolean projected) throws IOException {
        row(out, ResultTables.csv(label), year, series, sex.label(), ResultTables.format(s.mean()),
                ResultTables.format(s.p05()), ResultTables.format(s.p50()), ResultTables.format(s.p95()), projected);
    }

    private static void row(Writer out, Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(String.valueOf(fields[i]));
        }
        out.write('\n');
    }
}
