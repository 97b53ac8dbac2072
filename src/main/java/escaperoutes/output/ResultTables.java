package escaperoutes.output;

import escaperoutes.io.AtomicFiles;
import escaperoutes.calibration.ObservedSeries;
import escaperoutes.observe.CohortOutcome;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.stats.Quantiles;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The tidy CSV tables of a run (one row per observation, UTF-8, {@code \n} line endings). Rows follow the order
 * of replications, years, {@link Measure}, {@link CohortOutcome} and {@link SexGroup} constants and the runs' route
 * and province lists, so identical results give byte-identical files.
 */
public final class ResultTables {

    public static final String ANNUAL = "annual.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String ROUTES = "routes.csv";
    public static final String ORIGINS = "origins.csv";
    public static final String COHORTS = "cohorts.csv";

    /** Label the model uses for reaching South Korea straight from the last country (no third country). */
    static final String DIRECT = "direct";
    private static final MathContext SIGNIFICANT = new MathContext(6, RoundingMode.HALF_EVEN);
    // Doubles hold every integer exactly up to 2^53; beyond it "integral" says nothing about the true count.
    private static final double EXACT_INTEGERS = 0x1p53;

    private ResultTables() {
    }

    /** Writes all five tables into {@code dir}. */
    public static void writeAll(Path dir, List<RunResult> results, ObservedSeries observed) throws IOException {
        writeAnnual(dir, results);
        writeSummary(dir, results, observed);
        writeRoutes(dir, results);
        writeOrigins(dir, results);
        writeCohorts(dir, results);
    }

    /** {@code replication,year,measure,sex,value}: every measure of every replication. */
    public static void writeAnnual(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        AtomicFiles.writeAtomically(dir.resolve(ANNUAL), out -> {
            out.write("replication,year,measure,sex,value\n");
            for (RunResult r : results) {
                for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                    for (Measure m : Measure.values()) {
                        for (SexGroup sex : SexGroup.values()) {
                            row(out, r.replication(), year, m.key(), sex.label(), format(r.value(m, year, sex)));
                        }
                    }
                }
            }
        });
    }

    /**
     * {@code year,measure,sex,mean,p05,p50,p95,observed}: each measure over the replications (NaN values, i.e.
     * means over no arrivals, left out); {@code observed} holds MOU's count for arrivals in years MOU reports singly.
     */
    public static void writeSummary(Path dir, List<RunResult> results, ObservedSeries observed) throws IOException {
        RunResult shape = checkShape(results);
        AtomicFiles.writeAtomically(dir.resolve(SUMMARY), out -> {
            out.write("year,measure,sex,mean,p05,p50,p95,observed\n");
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
                        row(out, year, m.key(), sex.label(), format(s[0]), format(s[1]), format(s[2]),
                                format(s[3]), obs);
                    }
                }
            }
        });
    }

    /**
     * {@code replication,year,exit_route,last_country,sex,value}: arrivals (persons) by route, for every route
     * used at least once in the run; zeros are written so that each replication has the same rows.
     */
    public static void writeRoutes(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        List<int[]> used = new ArrayList<>();
        for (int e = 0; e < shape.exitRoutes().size(); e++) {
            for (int c = 0; c < shape.lastCountries().size(); c++) {
                if (anyArrivals(results, e, c)) {
                    used.add(new int[] {e, c});
                }
            }
        }
        AtomicFiles.writeAtomically(dir.resolve(ROUTES), out -> {
            out.write("replication,year,exit_route,last_country,sex,value\n");
            for (RunResult r : results) {
                for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                    for (int[] route : used) {
                        String last = shape.lastCountries().get(route[1]);
                        String exit = shape.exitRoutes().get(route[0]);
                        String exitLabel = exit.equals(DIRECT) ? DIRECT + "_from_" + last : exit;
                        for (SexGroup sex : SexGroup.values()) {
                            row(out, r.replication(), year, csv(exitLabel), csv(last), sex.label(),
                                    format(r.routeArrivals(route[0], route[1], year, sex)));
                        }
                    }
                }
            }
        });
    }

    /** {@code replication,year,province,sex,value}: arrivals (persons) by province of origin. */
    public static void writeOrigins(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        AtomicFiles.writeAtomically(dir.resolve(ORIGINS), out -> {
            out.write("replication,year,province,sex,value\n");
            for (RunResult r : results) {
                for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                    for (int p = 0; p < shape.provinces().size(); p++) {
                        String province = csv(shape.provinces().get(p));
                        for (SexGroup sex : SexGroup.values()) {
                            row(out, r.replication(), year, province, sex.label(),
                                    format(r.originArrivals(p, year, sex)));
                        }
                    }
                }
            }
        });
    }

    /**
     * {@code replication,crossing_year,outcome,sex,value}: the people (persons) who first crossed from North Korea
     * into China in {@code crossing_year}, by their outcome at the end of the run; every year, outcome and sex has a
     * row, zeros included. The people already in China when the run starts are in no cohort.
     */
    public static void writeCohorts(Path dir, List<RunResult> results) throws IOException {
        RunResult shape = checkShape(results);
        AtomicFiles.writeAtomically(dir.resolve(COHORTS), out -> {
            out.write("replication,crossing_year,outcome,sex,value\n");
            for (RunResult r : results) {
                for (int year = shape.firstYear(); year <= shape.lastYear(); year++) {
                    for (CohortOutcome outcome : CohortOutcome.values()) {
                        for (SexGroup sex : SexGroup.values()) {
                            row(out, r.replication(), year, outcome.key(), sex.label(),
                                    format(r.cohortOutcome(year, outcome, sex)));
                        }
                    }
                }
            }
        });
    }

    /**
     * A value as written in the tables: whole numbers without a decimal point, others rounded to 6 significant
     * digits without trailing zeros ({@code 1234.5}, {@code 0.333333}), {@code NA} for NaN. Locale-independent.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) <= EXACT_INTEGERS) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A text field quoted as RFC 4180 requires when it holds a comma, quote or line break. */
    public static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
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
