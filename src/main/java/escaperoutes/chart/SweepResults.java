package escaperoutes.chart;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Column;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's folder read back for charting: the parameters (from {@code sweep.resolved.json}), the design's points
 * ({@code points.csv}), one number per run of each scalar output, and the sensitivity indices when the folder has
 * them. The scalar outputs are the spec's sensitivity outputs ({@code sensitivity-outputs.csv}) where the design
 * has them (saltelli, morris); otherwise, from {@code results.csv}, each window's sum of each flow measure and each
 * other measure's value in the last kept year, for persons of both sexes (or the one sex kept). A chunk's folder
 * holds the runs of its own points only: the others' values are NaN, and it has no indices.
 */
final class SweepResults {
    /** The index names of sensitivity.csv: Sobol (saltelli) and Morris. */
    static final String FIRST_ORDER = "first_order";
    static final String TOTAL = "total";
    static final String MU = "mu";
    static final String MU_STAR = "mu_star";
    static final String SIGMA = "sigma";
    private static final Set<String> INDICES = Set.of(FIRST_ORDER, TOTAL, MU, MU_STAR, SIGMA);

    /**
     * A parameter that varies: a range (log-scaled or not) or a list of levels, in the number's own units.
     *
     * @param levels null for a range
     */
    record Parameter(String name, String path, double lower, double upper, boolean logScale, double[] levels) {
    }

    /**
     * A scalar output: its name (a chart's file name part), a label for an axis, and its value in every run.
     *
     * @param values {@code values[point][replication]}; NaN where the run has no value (a share of no arrivals) or
     *               is not in this folder (a chunk)
     */
    record Output(String name, String label, double[][] values) {
    }

    /** One row of sensitivity.csv; {@code low} and {@code high} are NaN where the index has no interval. */
    record Index(String output, String parameter, String index, double value, double low, double high) {
    }

    String name;
    String description;
    /** grid, latin_hypercube, sobol, saltelli or morris. */
    String design;
    int replications;
    /** "i/n" for a chunk, "1/1" for a whole sweep (also a merged one, whose manifest has no chunk). */
    String chunk;
    int firstPoint;
    int lastPoint;
    double confidenceLevel = Double.NaN;
    final List<Parameter> parameters = new ArrayList<>();
    /** {@code points[point][parameter]}: the design's values, in the parameters' own units. */
    double[][] points;
    String[] roles;
    final List<Output> outputs = new ArrayList<>();
    /** Empty without sensitivity.csv (designs without indices, chunks). */
    final List<Index> indices = new ArrayList<>();

    int pointCount() {
        return points.length;
    }

    boolean isChunk() {
        return !chunk.equals("1/1");
    }

    boolean isMorris() {
        return design.equals("morris");
    }

    boolean hasIndices() {
        return !indices.isEmpty();
    }

    /** A factorial grid of exactly two parameters: its outputs can be drawn as heat maps. */
    boolean isTwoParameterGrid() {
        return design.equals("grid") && parameters.size() == 2;
    }

    static SweepResults read(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
        SweepResults t = new SweepResults();
        JsonNode manifest = f.manifest;
        Path manifestFile = f.dir.resolve(ResultFiles.MANIFEST);
        Path specFile = f.dir.resolve(ResultFiles.RESOLVED_SPEC);
        JsonNode spec = ResultFolder.json(specFile);
        t.name = text(spec, specFile, "name");
        t.description = spec.path("description").asText("");
        t.design = text(manifest, manifestFile, "design");
        t.replications = whole(manifest, manifestFile, "replications", 1);
        int points = whole(manifest, manifestFile, "points", 1);
        t.chunk = manifest.path("chunk").asText("1/1");
        t.firstPoint = manifest.has("firstPoint") ? whole(manifest, manifestFile, "firstPoint", 0) : 0;
        t.lastPoint = manifest.has("lastPoint") ? whole(manifest, manifestFile, "lastPoint", 0) : points - 1;
        if (t.firstPoint > t.lastPoint || t.lastPoint >= points) {
            throw new InvalidResultFolderException(manifestFile + ": points " + t.firstPoint + "-" + t.lastPoint
                    + " are not within the sweep's " + points + " points");
        }
        readParameters(spec, specFile, t);
        readPoints(f, points, t);
        if (!f.has(ResultTable.RESULTS)) {
            throw new InvalidResultFolderException(f.dir.resolve(ResultTable.RESULTS.file()) + ": the file is missing");
        }
        JsonNode sensitivity = spec.path("sensitivity");
        if (sensitivity.isObject()) {
            t.confidenceLevel = sensitivity.path("confidenceLevel").asDouble(Double.NaN);
            readSensitivityOutputs(f, sensitivity.path("outputs"), specFile, t);
            if (!t.isChunk()) {
                readIndices(f, t);
            }
        } else {
            readResultOutputs(f, t);
        }
        return t;
    }

    private static void readParameters(JsonNode spec, Path specFile, SweepResults t)
            throws InvalidResultFolderException {
        JsonNode parameters = spec.path("parameters");
        if (!parameters.isArray() || parameters.isEmpty()) {
            throw new InvalidResultFolderException(specFile + ": 'parameters' is missing or empty");
        }
        for (JsonNode p : parameters) {
            String name = text(p, specFile, "name");
            double[] levels = null;
            if (p.path("levels").isArray()) {
                levels = new double[p.path("levels").size()];
                for (int i = 0; i < levels.length; i++) {
                    levels[i] = p.path("levels").get(i).asDouble();
                }
            }
            if (levels == null && !(p.path("lower").isNumber() && p.path("upper").isNumber())) {
                throw new InvalidResultFolderException(specFile + ": parameter '" + name + "' has neither "
                        + "'lower' and 'upper' nor 'levels'");
            }
            t.parameters.add(new Parameter(name, p.path("path").asText(""), p.path("lower").asDouble(Double.NaN),
                    p.path("upper").asDouble(Double.NaN), p.path("logScale").asBoolean(false), levels));
        }
    }

    private static void readPoints(ResultFolder f, int points, SweepResults t)
            throws InvalidResultFolderException, InvalidCsvException {
        String[] required = new String[t.parameters.size() + 2];
        required[0] = Column.POINT;
        required[1] = Column.ROLE;
        for (int i = 0; i < t.parameters.size(); i++) {
            required[i + 2] = t.parameters.get(i).name();
        }
        Table table = f.table(ResultTable.POINTS, required);
        if (table.size() != points) {
            throw new InvalidResultFolderException(table.source() + ": " + table.size() + " points, where "
                    + ResultFiles.MANIFEST + " says " + points);
        }
        t.points = new double[points][t.parameters.size()];
        t.roles = new String[points];
        for (int r = 0; r < points; r++) {
            if (table.integer(r, Column.POINT) != r) {
                throw table.error(r, "point " + table.text(r, Column.POINT) + " where point " + r + " was expected (the "
                        + "points are numbered 0, 1, … in order)");
            }
            for (int i = 0; i < t.parameters.size(); i++) {
                double v = table.number(r, t.parameters.get(i).name());
                if (!Double.isFinite(v)) {
                    throw table.error(r, "parameter '" + t.parameters.get(i).name() + "' has no value");
                }
                t.points[r][i] = v;
            }
            t.roles[r] = table.text(r, Column.ROLE);
        }
    }

    private static void readSensitivityOutputs(ResultFolder f, JsonNode specOutputs, Path specFile, SweepResults t)
            throws InvalidResultFolderException, InvalidCsvException {
        Map<String, double[][]> values = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (JsonNode o : specOutputs) {
            String name = text(o, specFile, "name");
            values.put(name, filled(t.pointCount(), t.replications, UNSET));
            labels.put(name, label(o));
        }
        if (values.isEmpty()) {
            throw new InvalidResultFolderException(specFile + ": 'sensitivity.outputs' is empty");
        }
        Table table = f.table(ResultTable.SENSITIVITY_OUTPUTS, Column.POINT, Column.REPLICATION, Column.OUTPUT,
                Column.VALUE);
        for (int r = 0; r < table.size(); r++) {
            int point = table.integer(r, Column.POINT);
            int rep = table.integer(r, Column.REPLICATION);
            double[][] v = values.get(table.text(r, Column.OUTPUT));
            if (v == null) {
                throw table.error(r, "output '" + table.text(r, Column.OUTPUT) + "' is not one of the sweep's ("
                        + String.join(", ", values.keySet()) + ")");
            }
            checkRun(table, r, point, rep, t);
            if (v[point][rep] != UNSET) {
                throw table.error(r, "a second row for point " + point + ", replication " + rep + " and this output");
            }
            v[point][rep] = table.number(r, Column.VALUE);
        }
        for (Map.Entry<String, double[][]> e : values.entrySet()) {
            requireEveryRun(table.source(), e.getKey(), e.getValue(), t);
            t.outputs.add(new Output(e.getKey(), labels.get(e.getKey()), e.getValue()));
        }
    }

    /**
     * The scalar outputs of a design without sensitivity outputs, from results.csv: every window row (a flow's sum
     * over the window) and, for measures without window rows, the last kept year's value; persons of both sexes,
     * or of the sex kept if the spec kept women or men only.
     */
    private static void readResultOutputs(ResultFolder f, SweepResults t)
            throws InvalidResultFolderException, InvalidCsvException {
        Table table = f.table(ResultTable.RESULTS, Column.POINT, Column.REPLICATION, Column.YEAR, Column.MEASURE,
                Column.SEX, Column.VALUE);
        if (table.size() == 0) {
            throw new InvalidResultFolderException(table.source() + ": no rows");
        }
        // Both sexes together, unless the spec kept only women or men.
        boolean bothSexes = false;
        for (int r = 0; r < table.size() && !bothSexes; r++) {
            bothSexes = table.text(r, Column.SEX).equals("all");
        }
        String sex = bothSexes ? "all" : table.text(0, Column.SEX);
        String who = sex.equals("female") ? ", women" : sex.equals("male") ? ", men" : "";
        Map<String, List<Integer>> windowRows = new LinkedHashMap<>();
        Map<String, List<Integer>> yearRows = new LinkedHashMap<>();
        Map<String, Integer> lastYear = new HashMap<>();
        for (int r = 0; r < table.size(); r++) {
            if (!table.text(r, Column.SEX).equals(sex)) {
                continue;
            }
            String measure = table.text(r, Column.MEASURE);
            String year = table.text(r, Column.YEAR);
            if (year.matches("\\d+-\\d+")) {
                windowRows.computeIfAbsent(measure + "_" + year.replace('-', '_'), k -> new ArrayList<>()).add(r);
            } else {
                int y = table.integer(r, Column.YEAR);
                lastYear.merge(measure, y, Math::max);
                yearRows.computeIfAbsent(measure, k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<Integer>> chosen = new LinkedHashMap<>(windowRows);
        Map<String, String> labels = new HashMap<>();
        windowRows.forEach((name, rows) -> labels.put(name, words(table.text(rows.get(0), Column.MEASURE)) + who + " "
                + table.text(rows.get(0), Column.YEAR).replace('-', '–') + " (sum)"));
        for (Map.Entry<String, List<Integer>> e : yearRows.entrySet()) {
            String measure = e.getKey();
            boolean summed = windowRows.keySet().stream().anyMatch(k -> k.startsWith(measure + "_"));
            if (summed) {
                continue;
            }
            int year = lastYear.get(measure);
            String name = measure + "_" + year;
            List<Integer> rows = new ArrayList<>();
            for (int r : e.getValue()) {
                if (table.integer(r, Column.YEAR) == year) {
                    rows.add(r);
                }
            }
            chosen.put(name, rows);
            labels.put(name, stockLabel(measure, who, year));
        }
        for (Map.Entry<String, List<Integer>> e : chosen.entrySet()) {
            double[][] v = filled(t.pointCount(), t.replications, UNSET);
            for (int r : e.getValue()) {
                int point = table.integer(r, Column.POINT);
                int rep = table.integer(r, Column.REPLICATION);
                checkRun(table, r, point, rep, t);
                if (v[point][rep] != UNSET) {
                    throw table.error(r, "a second row for point " + point + ", replication " + rep + ", year "
                            + table.text(r, Column.YEAR) + ", measure " + table.text(r, Column.MEASURE) + " and sex "
                            + table.text(r, Column.SEX));
                }
                v[point][rep] = table.number(r, Column.VALUE);
            }
            requireEveryRun(table.source(), e.getKey(), v, t);
            t.outputs.add(new Output(e.getKey(), labels.get(e.getKey()), v));
        }
    }

    private static void readIndices(ResultFolder f, SweepResults t)
            throws InvalidResultFolderException, InvalidCsvException {
        Table table = f.table(ResultTable.SENSITIVITY, Column.OUTPUT, Column.PARAMETER, Column.INDEX, Column.VALUE,
                Column.CI_LOW, Column.CI_HIGH);
        Set<String> outputs = new HashSet<>();
        t.outputs.forEach(o -> outputs.add(o.name()));
        Set<String> parameters = new HashSet<>();
        t.parameters.forEach(p -> parameters.add(p.name()));
        for (int r = 0; r < table.size(); r++) {
            String output = table.text(r, Column.OUTPUT);
            String parameter = table.text(r, Column.PARAMETER);
            String index = table.text(r, Column.INDEX);
            if (!outputs.contains(output)) {
                throw table.error(r, "output '" + output + "' is not one of the sweep's");
            }
            if (!parameters.contains(parameter)) {
                throw table.error(r, "parameter '" + parameter + "' is not one of the sweep's");
            }
            if (!INDICES.contains(index)) {
                throw table.error(r, "index '" + index + "' is none of first_order, total, mu, mu_star, sigma");
            }
            double low = table.number(r, Column.CI_LOW);
            double high = table.number(r, Column.CI_HIGH);
            if (low > high) {
                throw table.error(r, "ci_low " + low + " is above ci_high " + high);
            }
            t.indices.add(new Index(output, parameter, index, table.number(r, Column.VALUE), low, high));
        }
        if (t.indices.isEmpty()) {
            throw new InvalidResultFolderException(table.source() + ": no rows");
        }
    }

    /** The index of one output and parameter, or null if the table has none. */
    Index index(String output, String parameter, String index) {
        for (Index i : indices) {
            if (i.output().equals(output) && i.parameter().equals(parameter) && i.index().equals(index)) {
                return i;
            }
        }
        return null;
    }

    private static void checkRun(Table table, int r, int point, int rep, SweepResults t)
            throws InvalidCsvException {
        if (point < t.firstPoint || point > t.lastPoint) {
            throw table.error(r, "point " + point + " is outside this folder's points " + t.firstPoint + "-"
                    + t.lastPoint);
        }
        if (rep < 0 || rep >= t.replications) {
            throw table.error(r, "replication " + rep + " is outside 0-" + (t.replications - 1));
        }
    }

    /** Every run of the folder's points has a value (NaN allowed); points outside the folder are NaN. */
    private static void requireEveryRun(String file, String output, double[][] v, SweepResults t)
            throws InvalidResultFolderException {
        for (int p = 0; p < v.length; p++) {
            for (int rep = 0; rep < v[p].length; rep++) {
                if (v[p][rep] != UNSET) {
                    continue;
                }
                if (p >= t.firstPoint && p <= t.lastPoint) {
                    throw new InvalidResultFolderException(file + ": no row of '" + output + "' for point " + p
                            + ", replication " + rep);
                }
                v[p][rep] = Double.NaN;
            }
        }
    }

    /** An axis label for a sensitivity output of the spec: what it measures, over which years, how. */
    private static String label(JsonNode o) {
        String key = o.path("measure").asText(o.path("name").asText());
        String measure = words(key);
        int from = o.path("from").asInt();
        int to = o.path("to").asInt();
        String years = from == to ? Integer.toString(from) : from + "–" + to;
        String sex = o.path("sex").asText("all");
        String who = sex.equals("female") ? ", women" : sex.equals("male") ? ", men" : "";
        String stock = STOCKS.get(key);
        if (stock != null && from == to) {
            return stockLabel(key, who, from);
        }
        return switch (o.path("statistic").asText("sum")) {
            case "share_female" -> "share of women among " + measure + " " + years;
            case "mean" -> stock != null ? stock + who + " at year end, mean of " + years
                    : measure + who + " " + (from == to ? years : "mean of " + years);
            default -> measure + who + " " + years + (from == to ? "" : " (sum)");
        };
    }

    /** Stocks (persons at the end of a year) as words. */
    private static final Map<String, String> STOCKS = Map.of(
            "in_china_end", "in China",
            "hiding_china_end", "hiding in China",
            "detained_china_end", "held by China",
            "detained_nk_end", "held in North Korea");

    /** A measure in one year: "hiding in China at the end of 2030" for a stock, "arrivals 2030" for a flow. */
    private static String stockLabel(String measure, String who, int year) {
        String stock = STOCKS.get(measure);
        return stock != null ? stock + who + " at the end of " + year : words(measure) + who + " " + year;
    }

    /** A measure key as words: {@code mean_years_in_china_of_arrivals} → "mean years in china of arrivals". */
    static String words(String key) {
        return key.replace('_', ' ');
    }

    private static String text(JsonNode node, Path file, String field) throws InvalidResultFolderException {
        if (!node.path(field).isTextual()) {
            throw new InvalidResultFolderException(file + ": the field '" + field + "' is missing or not text");
        }
        return node.path(field).asText();
    }

    private static int whole(JsonNode node, Path file, String field, int min) throws InvalidResultFolderException {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw new InvalidResultFolderException(file + ": the field '" + field + "' is missing or not a whole "
                    + "number ≥ " + min);
        }
        return node.path(field).asInt();
    }

    /** Marks a run no row has filled (distinct from NaN, a run without a value). */
    private static final double UNSET = -Double.MAX_VALUE;

    private static double[][] filled(int points, int reps, double value) {
        double[][] v = new double[points][reps];
        for (double[] row : v) {
            Arrays.fill(row, value);
        }
        return v;
    }
}
