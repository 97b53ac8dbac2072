package escaperoutes.output;

import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tidy CSV tables of a comparison ({@link ResultTable#COMPARISON}, {@link ResultTable#DIFFERENCES},
 * {@link ResultTable#CUMULATIVE}), from rows the comparison has computed, written in the order given (the
 * comparison's: scenarios, years, series, sexes), so identical comparisons give byte-identical files.
 * {@code projected} is {@code true} for the years after the last year of the observed series.
 */
public final class ComparisonTables {

    /** Mean and 5/50/95 % quantiles over replications (persons, or a share). */
    public record Summary(double mean, double p05, double p50, double p95) {
    }

    /** A row of comparison.csv (a scenario over its replications) or of differences.csv (scenario − base). */
    public record Row(String scenario, int year, String measure, String sex, Summary summary, boolean projected) {
    }

    /** A row of cumulative.csv: a flow summed over the window, and the paired difference of the sums. */
    public record CumulativeRow(String scenario, String measure, String sex, int fromYear, int toYear, Summary total,
                                Summary difference) {
    }

    /** A row of variance.csv: the split of a summed difference's variance (persons²) and the parameters' share. */
    public record VarianceRow(String scenario, String measure, String sex, int fromYear, int toYear, double total,
                              double chance, double parameters, double parameterShare) {
    }

    private ComparisonTables() {
    }

    /** {@code variance.csv}, in the order given. */
    public static Table writeVariance(Path dir, List<VarianceRow> rows) throws IOException {
        Table.Builder t = ResultTables.builder(dir, ResultTable.VARIANCE);
        for (VarianceRow r : rows) {
            t.text(r.scenario()).text(r.measure()).text(r.sex()).number(r.fromYear()).number(r.toYear())
                    .number(r.total()).number(r.chance()).number(r.parameters()).number(r.parameterShare());
        }
        return ResultTables.write(dir, ResultTable.VARIANCE, t);
    }

    /** Writes all three tables into {@code dir}; returns them in that order. */
    public static List<Table> writeAll(Path dir, List<Row> comparison, List<Row> differences,
                                       List<CumulativeRow> cumulative) throws IOException {
        return List.of(write(dir, ResultTable.COMPARISON, comparison), write(dir, ResultTable.DIFFERENCES, differences),
                writeCumulative(dir, cumulative));
    }

    /** {@code scenario,year,measure,sex,mean,p05,p50,p95,projected}; p05 and p95 bound a 90 % interval. */
    private static Table write(Path dir, ResultTable file, List<Row> rows) throws IOException {
        Table.Builder t = ResultTables.builder(dir, file);
        for (Row r : rows) {
            summary(t.text(r.scenario()).number(r.year()).text(r.measure()).text(r.sex()), r.summary())
                    .text(Boolean.toString(r.projected()));
        }
        return ResultTables.write(dir, file, t);
    }

    /**
     * {@code scenario,measure,sex,from_year,to_year,mean,p05,p50,p95,difference_mean,difference_p05,difference_p50,
     * difference_p95}: every scenario (the base included, with differences of 0).
     */
    private static Table writeCumulative(Path dir, List<CumulativeRow> rows) throws IOException {
        Table.Builder t = ResultTables.builder(dir, ResultTable.CUMULATIVE);
        for (CumulativeRow r : rows) {
            summary(summary(t.text(r.scenario()).text(r.measure()).text(r.sex()).number(r.fromYear())
                    .number(r.toYear()), r.total()), r.difference());
        }
        return ResultTables.write(dir, ResultTable.CUMULATIVE, t);
    }

    private static Table.Builder summary(Table.Builder t, Summary s) {
        return t.number(s.mean()).number(s.p05()).number(s.p50()).number(s.p95());
    }
}
