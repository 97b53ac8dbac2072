package escaperoutes.output;

import escaperoutes.io.Csv;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import escaperoutes.observe.CohortOutcome;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.stats.Quantiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The tidy CSV tables of a run (one row per observation; columns as {@link ResultTable} names them, written by
 * {@link Csv}). Rows follow the order of replications, years, {@link Measure}, {@link CohortOutcome} and
 * {@link SexGroup} constants and the runs' route and province lists, so identical results give byte-identical
 * files. Each writer returns the table it wrote, for the charts.
 */
public final class ResultTables {

    /** Label the model uses for reaching South Korea straight from the last country (no third country). */
    static final String DIRECT = "direct";

    /** The observed count (persons) of a year the observed series reports on its own; empty otherwise. */
    @FunctionalInterface
    public interface Observed {
        OptionalLong single(int year, SexGroup sex);
    }

    private ResultTables() {
    }

    /** One table's writer, for {@link #writeAll}. */
    @FunctionalInterface
    private interface Writer {
        Table write() throws IOException;
    }

    /**
     * Writes all five tables into {@code dir}; returns them in the order of {@link ResultTable}. The tables are
     * independent files, written side by side on the common pool: formatting ~380k rows for 100 replications of
     * the baseline took 0.7 s on one thread, after the simulations, while the other processors waited.
     */
    public static List<Table> writeAll(Path dir, List<RunResult> results, Observed observed) throws IOException {
        List<Writer> writers = List.of(() -> writeAnnual(dir, results), () -> writeSummary(dir, results, observed),
                () -> writeRoutes(dir, results), () -> writeOrigins(dir, results), () -> writeCohorts(dir, results));
        try {
            return writers.parallelStream().map(writer -> {
                try {
                    return writer.write();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@code replication,year,measure,sex,value}: every measure of every replication. */
    public static Table writeAnnual(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        Table.Builder t = builder(dir, ResultTable.ANNUAL);
        for (RunResult r : results) {
            for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                for (Measure m : Measure.values()) {
                    for (SexGroup sex : SexGroup.values()) {
                        t.number(r.replication()).number(year).text(m.key()).text(sex.label())
                                .number(r.value(m, year, sex));
                    }
                }
            }
        }
        return write(dir, ResultTable.ANNUAL, t);
    }

    /**
     * {@code year,measure,sex,mean,p05,p50,p95,observed}: each measure over the replications (NaN values, i.e.
     * means over no arrivals, left out); {@code observed} holds MOU's count for arrivals in years MOU reports singly.
     */
    public static Table writeSummary(Path dir, List<RunResult> results, Observed observed) throws IOException {
        RunResult shape = checkShape(results);
        Table.Builder t = builder(dir, ResultTable.SUMMARY);
        double[] values = new double[results.size()];
        for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
            for (Measure m : Measure.values()) {
                for (SexGroup sex : SexGroup.values()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = results.get(i).value(m, year, sex);
                    }
                    double[] s = Quantiles.summarize(values);
                    String obs = "";
                    if (m == Measure.ARRIVALS) {
                        OptionalLong count = observed.single(year, sex);
                        obs = count.isPresent() ? Long.toString(count.getAsLong()) : "";
                    }
                    t.number(year).text(m.key()).text(sex.label()).number(s[0]).number(s[1]).number(s[2])
                            .number(s[3]).text(obs);
                }
            }
        }
        return write(dir, ResultTable.SUMMARY, t);
    }

    /**
     * {@code replication,year,exit_route,last_country,sex,value}: arrivals (persons) by route, for every route
     * used at least once in the run; zeros are written so that each replication has the same rows.
     */
    public static Table writeRoutes(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        List<int[]> used = new ArrayList<>();
        for (int e = 0; e < shape.exitRoutes().size(); e++) {
            for (int c = 0; c < shape.lastCountries().size(); c++) {
                if (anyArrivals(results, e, c)) {
                    used.add(new int[] {e, c});
                }
            }
        }
        Table.Builder t = builder(dir, ResultTable.ROUTES);
        for (RunResult r : results) {
            for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                for (int[] route : used) {
                    String last = shape.lastCountries().get(route[1]);
                    String exit = shape.exitRoutes().get(route[0]);
                    String exitLabel = exit.equals(DIRECT) ? DIRECT + "_from_" + last : exit;
                    for (SexGroup sex : SexGroup.values()) {
                        t.number(r.replication()).number(year).text(exitLabel).text(last).text(sex.label())
                                .number(r.routeArrivals(route[0], route[1], year, sex));
                    }
                }
            }
        }
        return write(dir, ResultTable.ROUTES, t);
    }

    /** {@code replication,year,province,sex,value}: arrivals (persons) by province of origin. */
    public static Table writeOrigins(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        Table.Builder t = builder(dir, ResultTable.ORIGINS);
        for (RunResult r : results) {
            for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                for (int p = 0; p < shape.provinces().size(); p++) {
                    for (SexGroup sex : SexGroup.values()) {
                        t.number(r.replication()).number(year).text(shape.provinces().get(p)).text(sex.label())
                                .number(r.originArrivals(p, year, sex));
                    }
                }
            }
        }
        return write(dir, ResultTable.ORIGINS, t);
    }

    /**
     * {@code replication,crossing_year,outcome,sex,value}: the people (persons) who first crossed from North Korea
     * into China in {@code crossing_year}, by their outcome at the end of the run; every year, outcome and sex has a
     * row, zeros included. The people already in China when the run starts are in no cohort.
     */
    public static Table writeCohorts(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        Table.Builder t = builder(dir, ResultTable.COHORTS);
        for (RunResult r : results) {
            for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                for (CohortOutcome outcome : CohortOutcome.values()) {
                    for (SexGroup sex : SexGroup.values()) {
                        t.number(r.replication()).number(year).text(outcome.key()).text(sex.label())
                                .number(r.cohortOutcome(year, outcome, sex));
                    }
                }
            }
        }
        return write(dir, ResultTable.COHORTS, t);
    }

    /** A table of {@code dir} to fill, named by its file there. */
    static Table.Builder builder(Path dir, ResultTable table) {
        return Table.builder(dir.resolve(table.file()).toString(), table.columns());
    }

    /** Writes a filled table to its file in {@code dir} and returns it. */
    static Table write(Path dir, ResultTable file, Table.Builder rows) throws IOException {
        Table table = rows.build();
        Csv.write(dir.resolve(file.file()), table);
        return table;
    }

    private static boolean anyArrivals(List<RunResult> results, int exit, int last) {
        for (RunResult r : results) {
            for (int year = r.firstYear(); year <= r.lastYear(); year++) {
                if (r.routeArrivals(exit, last, year, SexGroup.ALL) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first result, after checking that all replications cover the same years, routes and provinces. */
    private static RunResult checkShape(List<RunResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("No replications to write");
        }
        RunResult first = results.get(0);
        for (RunResult r : results) {
            if (r.firstYear() != first.firstYear() || r.years() != first.years()
                    || !r.exitRoutes().equals(first.exitRoutes())
                    || !r.lastCountries().equals(first.lastCountries())
                    || !r.provinces().equals(first.provinces())) {
                throw new IllegalArgumentException("Replication " + r.replication()
                        + " covers different years, routes or provinces than replication " + first.replication());
            }
        }
        return first;
    }
}
