package escaperoutes.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the program wrote into one result folder, read back for charting: a run's tables, a calibration's (its
 * trace, fit and metrics, and the run tables of the calibrated scenario), a comparison's or a sweep's
 * ({@link SweepResults}). Everything is read and
 * checked before any chart is drawn, so a bad folder is reported without writing anything.
 */
public final class ResultFolder {

    /** What made the folder. */
    public enum Kind { RUN, CALIBRATION, COMPARISON, SWEEP }

    public static final String MANIFEST = "manifest.json";
    static final String ANNUAL = "annual.csv";
    static final String SUMMARY = "summary.csv";
    static final String ROUTES = "routes.csv";
    static final String ORIGINS = "origins.csv";
    static final String COHORTS = "cohorts.csv";
    static final String SCENARIO = "scenario.resolved.json";
    static final String CALIBRATED = "calibrated.json";
    static final String TRACE = "trace.csv";
    static final String FIT = "fit.csv";
    static final String METRICS = "metrics.json";
    static final String COMPARISON = "comparison.csv";
    static final String DIFFERENCES = "differences.csv";
    static final String CUMULATIVE = "cumulative.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Kind kind;
    final JsonNode manifest;
    /** The scenario that was run (run, calibration); null for a comparison. */
    JsonNode scenario;
    RunTables run;
    CalibrationTables calibration;
    ComparisonTables comparison;
    SweepResults sweep;

    private ResultFolder(Path dir, Kind kind, JsonNode manifest) {
        this.dir = dir;
        this.kind = kind;
        this.manifest = manifest;
    }

    /** Reads and checks the folder; nothing is written. */
    public static ResultFolder read(Path dir) throws InvalidResultFolderException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidResultFolderException(dir + ": not a folder");
        }
        Kind kind;
        if (Files.exists(dir.resolve(SweepResults.POINTS)) || Files.exists(dir.resolve(SweepResults.RESOLVED_SPEC))) {
            kind = Kind.SWEEP;
        } else if (Files.exists(dir.resolve(COMPARISON))) {
            kind = Kind.COMPARISON;
        } else if (Files.exists(dir.resolve(TRACE))) {
            kind = Kind.CALIBRATION;
        } else if (Files.exists(dir.resolve(ANNUAL)) || Files.exists(dir.resolve(SUMMARY))) {
            kind = Kind.RUN;
        } else {
            throw new InvalidResultFolderException(dir + ": not a result folder of escape-routes (it has none of "
                    + ANNUAL + ", " + TRACE + ", " + COMPARISON + ", " + SweepResults.POINTS + ")");
        }
        if (!Files.exists(dir.resolve(MANIFEST))) {
            throw new InvalidResultFolderException(dir.resolve(MANIFEST) + ": the file is missing"
                    + (kind == Kind.CALIBRATION ? " (an interrupted calibration writes it only at the end)"
                    : kind == Kind.SWEEP ? " (a sweep writes it only when every point is done; an unfinished one "
                    + "is continued by running the same sweep command again)" : ""));
        }
        ResultFolder folder = new ResultFolder(dir, kind, json(dir.resolve(MANIFEST)));
        requireField(folder.manifest, dir.resolve(MANIFEST), "seed");
        switch (kind) {
            case RUN -> {
                folder.scenario = json(dir.resolve(SCENARIO));
                folder.run = RunTables.read(dir);
            }
            case CALIBRATION -> {
                folder.scenario = json(dir.resolve(CALIBRATED));
                folder.calibration = CalibrationTables.read(dir);
                // Folders from before calibrate wrote the calibrated scenario's run tables have only the fit.
                folder.run = Files.exists(dir.resolve(ANNUAL)) ? RunTables.read(dir) : null;
            }
            case COMPARISON -> folder.comparison = ComparisonTables.read(dir);
            case SWEEP -> {
                folder.scenario = json(dir.resolve(SCENARIO));
                folder.sweep = SweepResults.read(dir, folder.manifest);
            }
        }
        return folder;
    }

    public Path dir() {
        return dir;
    }

    public Kind kind() {
        return kind;
    }

    /** The scenario's name, or the compared scenarios' names joined, for titles and footers. */
    String title() {
        if (kind == Kind.COMPARISON) {
            return String.join(" vs ", comparison.labels);
        }
        if (kind == Kind.SWEEP) {
            return sweep.name;
        }
        return scenario.path("name").asText("scenario");
    }

    long seed() {
        return manifest.path("seed").asLong();
    }

    static JsonNode json(Path file) throws InvalidResultFolderException {
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new InvalidResultFolderException(file + ": not a JSON object");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new InvalidResultFolderException(file + ": the file is missing");
        } catch (JsonProcessingException e) {
            throw new InvalidResultFolderException(file + ": malformed JSON at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidResultFolderException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static void requireField(JsonNode node, Path file, String field) throws InvalidResultFolderException {
        if (!node.has(field)) {
            throw new InvalidResultFolderException(file + ": the field '" + field + "' is missing");
        }
    }

    /** A run's tables: every replication's yearly measures, and route, origin and cohort tables. */
    static final class RunTables {
        int firstYear;
        int lastYear;
        int replications;
        /** values.get(measure + "/" + sex)[year index][replication index]. */
        final Map<String, double[][]> values = new HashMap<>();
        /** Observed arrivals (MOU, years reported singly) by sex label, year → persons. */
        final Map<String, Map<Integer, Double>> observed = new HashMap<>();
        /** Mean over replications of arrivals (all) by exit route: route → per year. */
        Map<String, double[]> routes;
        /** Mean over replications of arrivals (all) by province: province → per year. */
        Map<String, double[]> origins;
        /** Mean over replications of each crossing year's cohort (all) by outcome; null in older folders. */
        Map<String, double[]> cohorts;

        static RunTables read(Path dir) throws InvalidResultFolderException {
            RunTables t = new RunTables();
            CsvTable annual = CsvTable.read(dir.resolve(ANNUAL), "replication", "year", "measure", "sex", "value");
            if (annual.size() == 0) {
                throw new InvalidResultFolderException(annual.file() + ": no rows");
            }
            TreeSet<Integer> reps = new TreeSet<>();
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int r = 0; r < annual.size(); r++) {
                reps.add(annual.integer(r, "replication"));
                int y = annual.integer(r, "year");
                first = Math.min(first, y);
                last = Math.max(last, y);
            }
            t.firstYear = first;
            t.lastYear = last;
            t.replications = reps.size();
            Map<Integer, Integer> repIndex = index(reps);
            int years = last - first + 1;
            for (int r = 0; r < annual.size(); r++) {
                String key = annual.text(r, "measure") + "/" + annual.text(r, "sex");
                double[][] v = t.values.computeIfAbsent(key, k -> filled(years, reps.size()));
                int y = annual.integer(r, "year") - first;
                int rep = repIndex.get(annual.integer(r, "replication"));
                if (!Double.isNaN(v[y][rep]) && v[y][rep] != UNSET) {
                    throw annual.error(r, "a second row for this replication, year, measure and sex");
                }
                v[y][rep] = annual.number(r, "value");
            }
            for (String needed : List.of("arrivals/all", "arrivals/female", "arrivals/male", "hiding_china_end/all",
                    "detained_china_end/all", "repatriations/all")) {
                double[][] v = t.values.get(needed);
                if (v == null) {
                    throw new InvalidResultFolderException(annual.file() + ": no rows for measure '"
                            + needed.replace("/", "' and sex '") + "'");
                }
                for (int y = 0; y < years; y++) {
                    for (int rep = 0; rep < reps.size(); rep++) {
                        if (v[y][rep] == UNSET) {
                            throw new InvalidResultFolderException(annual.file() + ": no row for replication "
                                    + reps.toArray()[rep] + ", year " + (first + y) + ", "
                                    + needed.replace("/", ", sex "));
                        }
                    }
                }
            }
            CsvTable summary = CsvTable.read(dir.resolve(SUMMARY), "year", "measure", "sex", "observed");
            for (int r = 0; r < summary.size(); r++) {
                if (summary.text(r, "measure").equals("arrivals") && !summary.text(r, "observed").isEmpty()) {
                    double obs = summary.number(r, "observed");
                    if (obs < 0) {
                        throw summary.error(r, "a negative observed count");
                    }
                    t.observed.computeIfAbsent(summary.text(r, "sex"), k -> new TreeMap<>())
                            .put(summary.integer(r, "year"), obs);
                }
            }
            t.routes = meanByCategory(CsvTable.read(dir.resolve(ROUTES), "replication", "year", "exit_route", "sex",
                    "value"), "exit_route", t);
            t.origins = meanByCategory(CsvTable.read(dir.resolve(ORIGINS), "replication", "year", "province", "sex",
                    "value"), "province", t);
            if (Files.exists(dir.resolve(COHORTS))) {
                t.cohorts = meanByCategory(CsvTable.read(dir.resolve(COHORTS), "replication", "crossing_year",
                        "outcome", "sex", "value"), "outcome", t);
            }
            return t;
        }

        /** Per-category yearly sums over the rows for sex "all", divided by the replications. */
        private static Map<String, double[]> meanByCategory(CsvTable table, String category, RunTables t)
                throws InvalidResultFolderException {
            String yearColumn = table.has("year") ? "year" : "crossing_year";
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (int r = 0; r < table.size(); r++) {
                if (!table.text(r, "sex").equals("all")) {
                    continue;
                }
                int y = table.integer(r, yearColumn);
                if (y < t.firstYear || y > t.lastYear) {
                    throw table.error(r, "year " + y + " is outside the run's years " + t.firstYear + "-"
                            + t.lastYear + " (" + ANNUAL + ")");
                }
                double v = table.number(r, "value");
                if (!(v >= 0)) {
                    throw table.error(r, "value '" + table.text(r, "value") + "' is not a count of persons");
                }
                sums.computeIfAbsent(table.text(r, category), k -> new double[t.lastYear - t.firstYear + 1])
                        [y - t.firstYear] += v;
            }
            for (double[] s : sums.values()) {
                for (int y = 0; y < s.length; y++) {
                    s[y] /= t.replications;
                }
            }
            return sums;
        }

        /** The replications' values of a measure and sex, per year (index 0 = {@link #firstYear}). */
        double[][] replicated(String measure, String sex) {
            return values.get(measure + "/" + sex);
        }

        /** The last year with an observed count (the years after it are projections). */
        int lastObservedYear() {
            Map<Integer, Double> all = observed.get("all");
            return all == null || all.isEmpty() ? Integer.MIN_VALUE : ((TreeMap<Integer, Double>) all).lastKey();
        }
    }

    /** Marks a cell no row has filled (distinct from NaN, which a table writes for "no value"). */
    private static final double UNSET = -Double.MAX_VALUE;

    private static double[][] filled(int years, int reps) {
        double[][] v = new double[years][reps];
        for (double[] row : v) {
            Arrays.fill(row, UNSET);
        }
        return v;
    }

    private static Map<Integer, Integer> index(TreeSet<Integer> values) {
        Map<Integer, Integer> index = new HashMap<>();
        for (int v : values) {
            index.put(v, index.size());
        }
        return index;
    }

    /** A calibration's own files. */
    static final class CalibrationTables {
        /** Loss of each evaluation in order (NaN where the candidate failed). */
        double[] losses;
        final List<FitRow> fit = new ArrayList<>();
        JsonNode metrics;

        record FitRow(int year, String window, double observedTotal, double observedWomen, double simulatedMean,
                      double simulatedP05, double simulatedP95, double observedShareWomen,
                      double simulatedShareWomen) {
        }

        static CalibrationTables read(Path dir) throws InvalidResultFolderException {
            CalibrationTables t = new CalibrationTables();
            CsvTable trace = CsvTable.read(dir.resolve(TRACE), "evaluation", "loss");
            t.losses = new double[trace.size()];
            for (int r = 0; r < trace.size(); r++) {
                t.losses[r] = trace.number(r, "loss");
            }
            CsvTable fit = CsvTable.read(dir.resolve(FIT), "year", "window", "observed_total", "observed_women",
                    "simulated_total_mean", "simulated_total_p05", "simulated_total_p95", "observed_share_women",
                    "simulated_share_women");
            for (int r = 0; r < fit.size(); r++) {
                FitRow row = new FitRow(fit.integer(r, "year"), fit.text(r, "window"),
                        fit.number(r, "observed_total"), fit.number(r, "observed_women"),
                        fit.number(r, "simulated_total_mean"), fit.number(r, "simulated_total_p05"),
                        fit.number(r, "simulated_total_p95"), fit.number(r, "observed_share_women"),
                        fit.number(r, "simulated_share_women"));
                if (row.observedTotal() < 0 || row.observedWomen() < 0) {
                    throw fit.error(r, "a negative observed count");
                }
                t.fit.add(row);
            }
            t.metrics = json(dir.resolve(METRICS));
            return t;
        }

        /** First and last year of the rows in a window ("fit", "hold-out"), or null if it has none. */
        int[] window(String name) {
            int[] span = null;
            for (FitRow r : fit) {
                if (r.window().equals(name)) {
                    span = span == null ? new int[] {r.year(), r.year()}
                            : new int[] {Math.min(span[0], r.year()), Math.max(span[1], r.year())};
                }
            }
            return span;
        }
    }

    /** A comparison's tables and the resolved scenarios it compared. */
    static final class ComparisonTables {
        final List<String> labels = new ArrayList<>();
        final Map<String, JsonNode> scenarios = new LinkedHashMap<>();
        int firstYear;
        int lastYear;
        /** Years marked projected (after the last observed year). */
        final TreeSet<Integer> projected = new TreeSet<>();
        /** summaries.get(label + "/" + measure + "/" + sex). */
        final Map<String, Band> summaries = new HashMap<>();
        final Map<String, Band> differences = new HashMap<>();
        final List<Cumulative> cumulative = new ArrayList<>();

        record Cumulative(String scenario, String measure, String sex, int fromYear, int toYear, double mean,
                          double p05, double p95, double differenceMean, double differenceP05,
                          double differenceP95) {
        }

        static ComparisonTables read(Path dir) throws InvalidResultFolderException {
            ComparisonTables t = new ComparisonTables();
            CsvTable comparison = CsvTable.read(dir.resolve(COMPARISON), "scenario", "year", "measure", "sex", "mean",
                    "p05", "p50", "p95", "projected");
            CsvTable differences = CsvTable.read(dir.resolve(DIFFERENCES), "scenario", "year", "measure", "sex",
                    "mean", "p05", "p50", "p95", "projected");
            if (comparison.size() == 0) {
                throw new InvalidResultFolderException(comparison.file() + ": no rows");
            }
            t.firstYear = Integer.MAX_VALUE;
            t.lastYear = Integer.MIN_VALUE;
            for (int r = 0; r < comparison.size(); r++) {
                String label = comparison.text(r, "scenario");
                if (!t.labels.contains(label)) {
                    t.labels.add(label);
                }
                int y = comparison.integer(r, "year");
                t.firstYear = Math.min(t.firstYear, y);
                t.lastYear = Math.max(t.lastYear, y);
                if (comparison.text(r, "projected").equals("true")) {
                    t.projected.add(y);
                }
            }
            if (t.labels.size() < 2) {
                throw new InvalidResultFolderException(comparison.file() + ": one scenario only ('"
                        + t.labels.get(0) + "'); a comparison has two or more");
            }
            readBands(comparison, t, t.summaries);
            readBands(differences, t, t.differences);
            for (String label : t.labels) {
                if (!t.summaries.containsKey(label + "/arrivals/all")) {
                    throw new InvalidResultFolderException(comparison.file() + ": no arrivals of '" + label + "'");
                }
                if (!label.equals(t.labels.get(0)) && !t.differences.containsKey(label + "/arrivals/all")) {
                    throw new InvalidResultFolderException(differences.file() + ": no arrivals of '" + label + "'");
                }
                t.scenarios.put(label, json(dir.resolve(label + ".resolved.json")));
            }
            CsvTable cumulative = CsvTable.read(dir.resolve(CUMULATIVE), "scenario", "measure", "sex", "from_year",
                    "to_year", "mean", "p05", "p95", "difference_mean", "difference_p05", "difference_p95");
            for (int r = 0; r < cumulative.size(); r++) {
                t.cumulative.add(new Cumulative(cumulative.text(r, "scenario"), cumulative.text(r, "measure"),
                        cumulative.text(r, "sex"), cumulative.integer(r, "from_year"),
                        cumulative.integer(r, "to_year"), cumulative.number(r, "mean"), cumulative.number(r, "p05"),
                        cumulative.number(r, "p95"), cumulative.number(r, "difference_mean"),
                        cumulative.number(r, "difference_p05"), cumulative.number(r, "difference_p95")));
            }
            return t;
        }

        private static void readBands(CsvTable table, ComparisonTables t, Map<String, Band> into)
                throws InvalidResultFolderException {
            int years = t.lastYear - t.firstYear + 1;
            for (int r = 0; r < table.size(); r++) {
                String key = table.text(r, "scenario") + "/" + table.text(r, "measure") + "/" + table.text(r, "sex");
                int y = table.integer(r, "year");
                if (y < t.firstYear || y > t.lastYear) {
                    throw table.error(r, "year " + y + " is outside the comparison's years " + t.firstYear + "-"
                            + t.lastYear);
                }
                Band b = into.computeIfAbsent(key, k -> new Band(t.firstYear, nans(years), nans(years), null,
                        nans(years), null, nans(years)));
                int i = y - t.firstYear;
                b.mean()[i] = table.number(r, "mean");
                b.p05()[i] = table.number(r, "p05");
                b.p50()[i] = table.number(r, "p50");
                b.p95()[i] = table.number(r, "p95");
                if (b.p05()[i] > b.p50()[i] || b.p50()[i] > b.p95()[i]) {
                    throw table.error(r, "quantiles out of order (p05 ≤ p50 ≤ p95 expected)");
                }
            }
        }

        private static double[] nans(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }
    }
}
