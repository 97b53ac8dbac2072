package escaperoutes.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import escaperoutes.io.Column;
import escaperoutes.io.Csv;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the program wrote into one result folder, read back for charting: a run's tables, a calibration's (its
 * trace, fit, metrics and evidence, and the run tables of the calibrated scenario), a posterior's ({@link
 * PosteriorTables}, and the run tables, fit and evidence of its posterior predictive runs), a comparison's or a
 * sweep's ({@link SweepResults}). Everything is read and checked before any chart is drawn, so a bad folder is
 * reported without writing anything.
 */
public final class ResultFolder {

    /** What made the folder. */
    /** What made the folder: run, calibrate, score, posterior, compare, sweep (or sweep-merge). */
    public enum Kind { RUN, CALIBRATION, SCORE, POSTERIOR, COMPARISON, SWEEP }

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Also reads NaN and ±Infinity written as bare words (Jackson writes them quoted, as text, by default; a file
     * edited by hand may not).
     */
    private static final ObjectMapper NON_FINITE_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    final Path dir;
    final Kind kind;
    final JsonNode manifest;
    /** The tables a job has just written, held in memory, by file name; the others are read from {@link #dir}. */
    private final Map<String, Table> written;
    /**
     * The scenario that was run (run, calibration; a posterior's base scenario where its folder has one); null for
     * a comparison.
     */
    JsonNode scenario;
    RunTables run;
    CalibrationTables calibration;
    PosteriorTables posterior;
    ComparisonTables comparison;
    SweepResults sweep;

    private ResultFolder(Path dir, Kind kind, JsonNode manifest, Map<String, Table> written) {
        this.dir = dir;
        this.kind = kind;
        this.manifest = manifest;
        this.written = written;
    }

    /** Reads and checks the folder; nothing is written. */
    public static ResultFolder read(Path dir) throws InvalidResultFolderException {
        return read(dir, List.of());
    }

    /**
     * The folder a job has just written, with the tables it wrote still in memory: they are taken as they are
     * instead of being read back (the folder's other files are read).
     */
    public static ResultFolder read(Path dir, List<Table> written) throws InvalidResultFolderException {
        Map<String, Table> byFile = new HashMap<>();
        for (Table t : written) {
            byFile.put(Path.of(t.source()).getFileName().toString(), t);
        }
        try {
            return readChecked(dir, byFile);
        } catch (InvalidCsvException e) {
            throw new InvalidResultFolderException(e.getMessage());
        }
    }

    private static ResultFolder readChecked(Path dir, Map<String, Table> written)
            throws InvalidResultFolderException, InvalidCsvException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidResultFolderException(dir + ": not a folder");
        }
        Kind kind;
        java.util.function.Predicate<ResultTable> has = t -> written.containsKey(t.file())
                || Files.exists(dir.resolve(t.file()));
        if (has.test(ResultTable.POINTS) || Files.exists(dir.resolve(ResultFiles.RESOLVED_SPEC))) {
            kind = Kind.SWEEP;
        } else if (has.test(ResultTable.COMPARISON)) {
            kind = Kind.COMPARISON;
        } else if (has.test(ResultTable.POSTERIOR) || Files.exists(dir.resolve(ResultFiles.POSTERIOR_METRICS))) {
            kind = Kind.POSTERIOR;
        } else if (has.test(ResultTable.TRACE)) {
            kind = Kind.CALIBRATION;
        } else if (has.test(ResultTable.FIT)) {
            kind = Kind.SCORE; // a calibration's closing runs without the search (score)
        } else if (has.test(ResultTable.ANNUAL) || has.test(ResultTable.SUMMARY)) {
            kind = Kind.RUN;
        } else {
            throw new InvalidResultFolderException(dir + ": not a result folder of escape-routes (it has none of "
                    + ResultTable.ANNUAL.file() + ", " + ResultTable.TRACE.file() + ", "
                    + ResultTable.POSTERIOR.file() + ", " + ResultTable.COMPARISON.file() + ", "
                    + ResultTable.POINTS.file() + ")");
        }
        Path manifestFile = dir.resolve(ResultFiles.MANIFEST);
        if (!Files.exists(manifestFile)) {
            throw new InvalidResultFolderException(manifestFile + ": the file is missing"
                    + (kind == Kind.CALIBRATION ? " (an interrupted calibration writes it only at the end)"
                    : kind == Kind.POSTERIOR && Files.exists(dir.resolve(ResultFiles.POSTERIOR_STATE))
                    ? " (the posterior has not finished: " + ResultFiles.POSTERIOR_STATE + " holds its last "
                    + "complete generation)"
                    : kind == Kind.SWEEP ? " (a sweep writes it only when every point is done; an unfinished one "
                    + "is continued by running the same sweep command again)" : ""));
        }
        ResultFolder folder = new ResultFolder(dir, kind, json(manifestFile), written);
        requireField(folder.manifest, manifestFile, "seed");
        switch (kind) {
            case RUN -> {
                folder.scenario = json(dir.resolve(ResultFiles.RESOLVED_SCENARIO));
                folder.run = RunTables.read(folder);
            }
            case SCORE -> {
                folder.scenario = json(dir.resolve(ResultFiles.RESOLVED_SCENARIO));
                folder.calibration = CalibrationTables.read(folder);
                folder.run = RunTables.read(folder);
            }
            case CALIBRATION -> {
                folder.scenario = json(dir.resolve(ResultFiles.CALIBRATED));
                folder.calibration = CalibrationTables.read(folder);
                // Folders from before calibrate wrote the calibrated scenario's run tables have only the fit.
                folder.run = folder.has(ResultTable.ANNUAL) ? RunTables.read(folder) : null;
            }
            case POSTERIOR -> {
                // Each predictive run had its own parameters; the base scenario they vary is optional context.
                Path base = dir.resolve(ResultFiles.RESOLVED_SCENARIO);
                folder.scenario = Files.exists(base) ? json(base) : null;
                folder.posterior = PosteriorTables.read(folder);
                // A posterior asked for no predictive draws has no run tables.
                folder.run = folder.has(ResultTable.ANNUAL) ? RunTables.read(folder) : null;
            }
            case COMPARISON -> folder.comparison = ComparisonTables.read(folder);
            case SWEEP -> {
                folder.scenario = json(dir.resolve(ResultFiles.RESOLVED_SCENARIO));
                folder.sweep = SweepResults.read(folder);
            }
        }
        return folder;
    }

    /** Whether the folder has the table (written in memory, or in the folder). */
    boolean has(ResultTable table) {
        return written.containsKey(table.file()) || Files.exists(dir.resolve(table.file()));
    }

    /** A table as the job wrote it, or as read from the folder; it must have the {@code required} columns. */
    Table table(ResultTable table, String... required) throws InvalidCsvException {
        Table t = written.get(table.file());
        return t != null ? t.require(required) : Csv.read(dir.resolve(table.file()), required);
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
        if (scenario == null) {
            // A posterior folder without its base scenario: the scenario file's name, as the manifest records it.
            String file = Path.of(manifest.path("scenarioFile").asText("scenario")).getFileName().toString();
            return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        }
        return scenario.path("name").asText("scenario");
    }

    /**
     * First and last year of a window of fit.csv ("fit", "hold-out") of a calibration or a posterior, or null if
     * the folder has no such window.
     */
    int[] window(String name) {
        List<CalibrationTables.FitRow> fit = calibration != null ? calibration.fit
                : posterior != null ? posterior.fit : List.of();
        return CalibrationTables.window(fit, name);
    }

    long seed() {
        return manifest.path("seed").asLong();
    }

    static JsonNode json(Path file) throws InvalidResultFolderException {
        return json(file, JSON);
    }

    /** A JSON object whose numbers may be NaN or ±Infinity, as a bare word or as text. */
    static JsonNode jsonWithNonFiniteNumbers(Path file) throws InvalidResultFolderException {
        return json(file, NON_FINITE_JSON);
    }

    private static JsonNode json(Path file, ObjectMapper mapper) throws InvalidResultFolderException {
        try {
            JsonNode node = mapper.readTree(Files.readString(file));
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

    static void requireField(JsonNode node, Path file, String field) throws InvalidResultFolderException {
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

        static RunTables read(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
            RunTables t = new RunTables();
            Table annual = f.table(ResultTable.ANNUAL, Column.REPLICATION, Column.YEAR, Column.MEASURE, Column.SEX, Column.VALUE);
            if (annual.size() == 0) {
                throw new InvalidResultFolderException(annual.source() + ": no rows");
            }
            TreeSet<Integer> reps = new TreeSet<>();
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int r = 0; r < annual.size(); r++) {
                reps.add(annual.integer(r, Column.REPLICATION));
                int y = annual.integer(r, Column.YEAR);
                first = Math.min(first, y);
                last = Math.max(last, y);
            }
            t.firstYear = first;
            t.lastYear = last;
            t.replications = reps.size();
            Map<Integer, Integer> repIndex = index(reps);
            int years = last - first + 1;
            for (int r = 0; r < annual.size(); r++) {
                String key = annual.text(r, Column.MEASURE) + "/" + annual.text(r, Column.SEX);
                double[][] v = t.values.computeIfAbsent(key, k -> filled(years, reps.size()));
                int y = annual.integer(r, Column.YEAR) - first;
                int rep = repIndex.get(annual.integer(r, Column.REPLICATION));
                if (!Double.isNaN(v[y][rep]) && v[y][rep] != UNSET) {
                    throw annual.error(r, "a second row for this replication, year, measure and sex");
                }
                v[y][rep] = annual.number(r, Column.VALUE);
            }
            for (String needed : List.of("arrivals/all", "arrivals/female", "arrivals/male", "hiding_china_end/all",
                    "detained_china_end/all", "repatriations/all")) {
                double[][] v = t.values.get(needed);
                if (v == null) {
                    throw new InvalidResultFolderException(annual.source() + ": no rows for measure '"
                            + needed.replace("/", "' and sex '") + "'");
                }
                for (int y = 0; y < years; y++) {
                    for (int rep = 0; rep < reps.size(); rep++) {
                        if (v[y][rep] == UNSET) {
                            throw new InvalidResultFolderException(annual.source() + ": no row for replication "
                                    + reps.toArray()[rep] + ", year " + (first + y) + ", "
                                    + needed.replace("/", ", sex "));
                        }
                    }
                }
            }
            Table summary = f.table(ResultTable.SUMMARY, Column.YEAR, Column.MEASURE, Column.SEX, Column.OBSERVED);
            for (int r = 0; r < summary.size(); r++) {
                if (summary.text(r, Column.MEASURE).equals("arrivals") && !summary.text(r, Column.OBSERVED).isEmpty()) {
                    double obs = summary.number(r, Column.OBSERVED);
                    if (obs < 0) {
                        throw summary.error(r, "a negative observed count");
                    }
                    t.observed.computeIfAbsent(summary.text(r, Column.SEX), k -> new TreeMap<>())
                            .put(summary.integer(r, Column.YEAR), obs);
                }
            }
            t.routes = meanByCategory(f.table(ResultTable.ROUTES, Column.REPLICATION, Column.YEAR, Column.EXIT_ROUTE, Column.SEX,
                    Column.VALUE), "exit_route", t);
            t.origins = meanByCategory(f.table(ResultTable.ORIGINS, Column.REPLICATION, Column.YEAR, Column.PROVINCE, Column.SEX,
                    Column.VALUE), "province", t);
            if (f.has(ResultTable.COHORTS)) {
                t.cohorts = meanByCategory(f.table(ResultTable.COHORTS, Column.REPLICATION, Column.CROSSING_YEAR,
                        Column.OUTCOME, Column.SEX, Column.VALUE), "outcome", t);
            }
            return t;
        }

        /** Per-category yearly sums over the rows for sex "all", divided by the replications. */
        private static Map<String, double[]> meanByCategory(Table table, String category, RunTables t)
                throws InvalidCsvException {
            String yearColumn = table.has(Column.YEAR) ? Column.YEAR : Column.CROSSING_YEAR;
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (int r = 0; r < table.size(); r++) {
                if (!table.text(r, Column.SEX).equals("all")) {
                    continue;
                }
                int y = table.integer(r, yearColumn);
                if (y < t.firstYear || y > t.lastYear) {
                    throw table.error(r, "year " + y + " is outside the run's years " + t.firstYear + "-"
                            + t.lastYear + " (" + ResultTable.ANNUAL.file() + ")");
                }
                double v = table.number(r, Column.VALUE);
                if (!(v >= 0)) {
                    throw table.error(r, "value '" + table.text(r, Column.VALUE) + "' is not a count of persons");
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
        /** The independent evidence the calibration fitted besides arrivals; null for a folder without evidence.csv. */
        List<EvidenceRow> evidence;

        record FitRow(int year, String window, double observedTotal, double observedWomen, double simulatedMean,
                      double simulatedP05, double simulatedP95, double observedShareWomen,
                      double simulatedShareWomen) {
        }

        /**
         * One item of evidence.csv: its best value and plausible range in the measure's units (persons, a share in
         * [0, 1], years, per year), the mean and 5 % and 95 % quantiles of the simulated statistic over the final
         * replications (NaN where none could be computed), whether the mean lies in the range, and its weighted
         * loss term.
         */
        record EvidenceRow(String item, String measure, String period, String statistic, String kind, double value,
                           double low, double high, double weight, double simulatedMean, double simulatedP05,
                           double simulatedP95, boolean inside, double loss, String source) {
        }

        /** How evidence.csv's {@code kind} reads the range (the calibration's {@code EvidenceItem.Kind}). */
        static final List<String> EVIDENCE_KINDS = List.of("interval", "minimum", "maximum", "exact");

        static CalibrationTables read(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
            CalibrationTables t = new CalibrationTables();
            // A score's folder has no search, so no trace.
            Table trace = f.has(ResultTable.TRACE) ? f.table(ResultTable.TRACE, Column.EVALUATION, Column.LOSS) : null;
            t.losses = new double[trace == null ? 0 : trace.size()];
            for (int r = 0; r < t.losses.length; r++) {
                t.losses[r] = trace.number(r, Column.LOSS);
            }
            t.fit.addAll(fit(f));
            t.metrics = json(f.dir.resolve(ResultFiles.METRICS));
            // Folders of calibrations without evidence (and of versions before it) have no evidence.csv.
            t.evidence = f.has(ResultTable.EVIDENCE) ? evidence(f) : null;
            return t;
        }

        /** fit.csv: per year of the fit and hold-out windows, observed against the simulated mean and band. */
        static List<FitRow> fit(ResultFolder f) throws InvalidCsvException {
            Table fit = f.table(ResultTable.FIT, Column.YEAR, Column.WINDOW, Column.OBSERVED_TOTAL, Column.OBSERVED_WOMEN,
                    Column.SIMULATED_TOTAL_MEAN, Column.SIMULATED_TOTAL_P05, Column.SIMULATED_TOTAL_P95, Column.OBSERVED_SHARE_WOMEN,
                    Column.SIMULATED_SHARE_WOMEN);
            List<FitRow> rows = new ArrayList<>();
            for (int r = 0; r < fit.size(); r++) {
                FitRow row = new FitRow(fit.integer(r, Column.YEAR), fit.text(r, Column.WINDOW),
                        fit.number(r, Column.OBSERVED_TOTAL), fit.number(r, Column.OBSERVED_WOMEN),
                        fit.number(r, Column.SIMULATED_TOTAL_MEAN), fit.number(r, Column.SIMULATED_TOTAL_P05),
                        fit.number(r, Column.SIMULATED_TOTAL_P95), fit.number(r, Column.OBSERVED_SHARE_WOMEN),
                        fit.number(r, Column.SIMULATED_SHARE_WOMEN));
                if (row.observedTotal() < 0 || row.observedWomen() < 0) {
                    throw fit.error(r, "a negative observed count");
                }
                rows.add(row);
            }
            return rows;
        }

        /** evidence.csv: every item, checked (ids unique, kind known, range in order and finite). */
        static List<EvidenceRow> evidence(ResultFolder f) throws InvalidCsvException {
            Table e = f.table(ResultTable.EVIDENCE, Column.ITEM, Column.MEASURE, Column.PERIOD, Column.STATISTIC,
                    Column.KIND, Column.VALUE, Column.LOW, Column.HIGH, Column.WEIGHT, Column.SIMULATED_MEAN,
                    Column.SIMULATED_P05, Column.SIMULATED_P95, Column.INSIDE, Column.LOSS, Column.SOURCE);
            List<EvidenceRow> rows = new ArrayList<>();
            Set<String> items = new HashSet<>();
            for (int r = 0; r < e.size(); r++) {
                String item = e.text(r, Column.ITEM);
                if (item.isBlank()) {
                    throw e.error(r, "no item id");
                }
                if (!items.add(item)) {
                    throw e.error(r, "a second row for item '" + item + "'");
                }
                String kind = e.text(r, Column.KIND);
                if (!EVIDENCE_KINDS.contains(kind)) {
                    throw e.error(r, "kind '" + kind + "' is not one of " + String.join(", ", EVIDENCE_KINDS));
                }
                String inside = e.text(r, Column.INSIDE);
                if (!inside.equals("yes") && !inside.equals("no")) {
                    throw e.error(r, "inside '" + inside + "' is neither yes nor no");
                }
                EvidenceRow row = new EvidenceRow(item, e.text(r, Column.MEASURE), e.text(r, Column.PERIOD),
                        e.text(r, Column.STATISTIC), kind, e.number(r, Column.VALUE), e.number(r, Column.LOW),
                        e.number(r, Column.HIGH), e.number(r, Column.WEIGHT), e.number(r, Column.SIMULATED_MEAN),
                        e.number(r, Column.SIMULATED_P05), e.number(r, Column.SIMULATED_P95), inside.equals("yes"),
                        e.number(r, Column.LOSS), e.text(r, Column.SOURCE));
                for (String column : List.of(Column.VALUE, Column.LOW, Column.HIGH)) {
                    if (!Double.isFinite(e.number(r, column))) {
                        throw e.error(r, "column '" + column + "' holds '" + e.text(r, column)
                                + "', not a finite number");
                    }
                }
                if (!(row.low() <= row.value() && row.value() <= row.high())) {
                    throw e.error(r, "the range is out of order (low ≤ value ≤ high expected)");
                }
                if (row.low() < 0) {
                    throw e.error(r, "a negative low end; every measure of evidence is ≥ 0");
                }
                if (row.simulatedP05() > row.simulatedP95()) {
                    throw e.error(r, "quantiles out of order (simulated_p05 ≤ simulated_p95 expected)");
                }
                rows.add(row);
            }
            return rows;
        }

        /** First and last year of the rows in a window ("fit", "hold-out"), or null if it has none. */
        int[] window(String name) {
            return window(fit, name);
        }

        static int[] window(List<FitRow> fit, String name) {
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

        static ComparisonTables read(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
            ComparisonTables t = new ComparisonTables();
            Table comparison = f.table(ResultTable.COMPARISON, Column.SCENARIO, Column.YEAR, Column.MEASURE, Column.SEX, Column.MEAN,
                    Column.P05, Column.P50, Column.P95, Column.PROJECTED);
            Table differences = f.table(ResultTable.DIFFERENCES, Column.SCENARIO, Column.YEAR, Column.MEASURE, Column.SEX,
                    Column.MEAN, Column.P05, Column.P50, Column.P95, Column.PROJECTED);
            if (comparison.size() == 0) {
                throw new InvalidResultFolderException(comparison.source() + ": no rows");
            }
            t.firstYear = Integer.MAX_VALUE;
            t.lastYear = Integer.MIN_VALUE;
            for (int r = 0; r < comparison.size(); r++) {
                String label = comparison.text(r, Column.SCENARIO);
                if (!t.labels.contains(label)) {
                    t.labels.add(label);
                }
                int y = comparison.integer(r, Column.YEAR);
                t.firstYear = Math.min(t.firstYear, y);
                t.lastYear = Math.max(t.lastYear, y);
                if (comparison.text(r, Column.PROJECTED).equals("true")) {
                    t.projected.add(y);
                }
            }
            if (t.labels.size() < 2) {
                throw new InvalidResultFolderException(comparison.source() + ": one scenario only ('"
                        + t.labels.get(0) + "'); a comparison has two or more");
            }
            readBands(comparison, t, t.summaries);
            readBands(differences, t, t.differences);
            for (String label : t.labels) {
                if (!t.summaries.containsKey(label + "/arrivals/all")) {
                    throw new InvalidResultFolderException(comparison.source() + ": no arrivals of '" + label + "'");
                }
                if (!label.equals(t.labels.get(0)) && !t.differences.containsKey(label + "/arrivals/all")) {
                    throw new InvalidResultFolderException(differences.source() + ": no arrivals of '" + label + "'");
                }
                t.scenarios.put(label, json(f.dir.resolve(ResultFiles.resolvedScenario(label))));
            }
            Table cumulative = f.table(ResultTable.CUMULATIVE, Column.SCENARIO, Column.MEASURE, Column.SEX, Column.FROM_YEAR,
                    Column.TO_YEAR, Column.MEAN, Column.P05, Column.P95, Column.DIFFERENCE_MEAN, Column.DIFFERENCE_P05, Column.DIFFERENCE_P95);
            for (int r = 0; r < cumulative.size(); r++) {
                t.cumulative.add(new Cumulative(cumulative.text(r, Column.SCENARIO), cumulative.text(r, Column.MEASURE),
                        cumulative.text(r, Column.SEX), cumulative.integer(r, Column.FROM_YEAR),
                        cumulative.integer(r, Column.TO_YEAR), cumulative.number(r, Column.MEAN), cumulative.number(r, Column.P05),
                        cumulative.number(r, Column.P95), cumulative.number(r, Column.DIFFERENCE_MEAN),
                        cumulative.number(r, Column.DIFFERENCE_P05), cumulative.number(r, Column.DIFFERENCE_P95)));
            }
            return t;
        }

        private static void readBands(Table table, ComparisonTables t, Map<String, Band> into)
                throws InvalidCsvException {
            int years = t.lastYear - t.firstYear + 1;
            for (int r = 0; r < table.size(); r++) {
                String key = table.text(r, Column.SCENARIO) + "/" + table.text(r, Column.MEASURE) + "/" + table.text(r, Column.SEX);
                int y = table.integer(r, Column.YEAR);
                if (y < t.firstYear || y > t.lastYear) {
                    throw table.error(r, "year " + y + " is outside the comparison's years " + t.firstYear + "-"
                            + t.lastYear);
                }
                Band b = into.computeIfAbsent(key, k -> new Band(t.firstYear, nans(years), nans(years), null,
                        nans(years), null, nans(years)));
                int i = y - t.firstYear;
                b.mean()[i] = table.number(r, Column.MEAN);
                b.p05()[i] = table.number(r, Column.P05);
                b.p50()[i] = table.number(r, Column.P50);
                b.p95()[i] = table.number(r, Column.P95);
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
