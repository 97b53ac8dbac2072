package escaperoutes.evidence;

import escaperoutes.io.Csv;
import escaperoutes.io.Digests;
import escaperoutes.io.PeriodText;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.Problem;
import escaperoutes.io.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of evidence items: UTF-8 CSV with the columns
 * {@code id,measure,period_start,period_end,statistic,value,low,high,source} and optionally {@code note}, one item a
 * row. {@code measure} is one of {@link EvidenceMeasure}'s keys and {@code statistic} the one it has; a period is a
 * year ({@code 2012}) or, for measures recorded month by month, a month ({@code 2023-10}); {@code low <= value <=
 * high}, shares within [0, 1], counts not negative, durations and rates above 0. Every problem is reported at its
 * line, all at once.
 */
public final class EvidenceFile {

    /** Classpath location of the evidence shipped with the program. */
    public static final String RESOURCE = "escaperoutes/observed/other-evidence.csv";
    static final List<String> REQUIRED_COLUMNS = List.of("id", "measure", "period_start", "period_end", "statistic",
            "value", "low", "high", "source");

    private final Map<String, EvidenceItem> items;
    private final String source;
    private final String sha256;

    private EvidenceFile(Map<String, EvidenceItem> items, String source, String sha256) {
        this.items = items;
        this.source = source;
        this.sha256 = sha256;
    }

    /** The evidence shipped in the program's resources. */
    public static EvidenceFile shipped() {
        try (InputStream in = EvidenceFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing from the class path");
            }
            return parse(in.readAllBytes(), "other-evidence.csv", "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read resource " + RESOURCE, e);
        } catch (InvalidEvidenceException e) {
            throw new IllegalStateException("The shipped evidence is invalid: " + e.getMessage(), e);
        }
    }

    /** A user's evidence file in the shipped form; problems are named {@code <file name>:<line>}. */
    public static EvidenceFile read(Path csv) throws IOException, InvalidEvidenceException {
        Path name = csv.getFileName();
        return parse(Files.readAllBytes(csv), name == null ? csv.toString() : name.toString(), csv.toString());
    }

    /** The items in file order, by id. */
    public Map<String, EvidenceItem> items() {
        return items;
    }

    /** {@code classpath:<resource>} for the shipped file, otherwise the path as given to {@link #read}. */
    public String source() {
        return source;
    }

    /** Hex SHA-256 of the file's bytes, for the manifest. */
    public String sha256() {
        return sha256;
    }

    static EvidenceFile parse(byte[] bytes, String fileName, String source) throws InvalidEvidenceException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Table table;
        try {
            table = Csv.parse(fileName, new StringReader(text));
        } catch (InvalidCsvException e) {
            throw new InvalidEvidenceException(source, List.of(new Problem(fileName, e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !table.has(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem(fileName + ":1", "missing column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; the header must contain " + String.join(",", REQUIRED_COLUMNS)
                    + " (and optionally note)"));
            throw new InvalidEvidenceException(source, problems);
        }
        Map<String, EvidenceItem> items = new LinkedHashMap<>();
        Map<String, Integer> lineOfId = new LinkedHashMap<>();
        for (int row = 0; row < table.size(); row++) {
            String where = fileName + ":" + table.line(row);
            EvidenceItem item = item(table, row, where, problems);
            if (item == null) {
                continue;
            }
            Integer earlier = lineOfId.putIfAbsent(item.id(), table.line(row));
            if (earlier != null) {
                problems.add(new Problem(where, "id '" + item.id() + "' is already used on line " + earlier));
            } else {
                items.put(item.id(), item);
            }
        }
        if (table.size() == 0) {
            problems.add(new Problem(fileName, "has no items"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvidenceException(source, problems);
        }
        return new EvidenceFile(Collections.unmodifiableMap(items), source, Digests.sha256(bytes));
    }

    /** One row, or null after reporting what is wrong with it. */
    private static EvidenceItem item(Table table, int row, String where, List<Problem> problems) {
        int before = problems.size();
        String id = table.text(row, "id").trim();
        if (id.isEmpty()) {
            problems.add(new Problem(where, "id is empty"));
        }
        String measureKey = table.text(row, "measure").trim();
        EvidenceMeasure measure = EvidenceMeasure.ofKey(measureKey);
        if (measure == null) {
            problems.add(new Problem(where, "measure '" + measureKey + "' is not one of " + Arrays.stream(
                    EvidenceMeasure.values()).map(EvidenceMeasure::key).toList()));
        }
        String statistic = table.text(row, "statistic").trim();
        if (measure != null && !statistic.equals(measure.statistic().key())) {
            problems.add(new Problem(where, "statistic '" + statistic + "' does not fit measure " + measureKey
                    + ", which is a " + measure.statistic().key()));
        }
        int[] start = PeriodText.yearMonth(table.text(row, "period_start"), "period_start", 1, where, problems);
        int[] end = PeriodText.yearMonth(table.text(row, "period_end"), "period_end", 12, where, problems);
        EvidencePeriod period = null;
        if (start != null && end != null) {
            period = new EvidencePeriod(start[0], start[1], end[0], end[1]);
            if (12 * end[0] + end[1] < 12 * start[0] + start[1]) {
                problems.add(new Problem(where, "period_end " + table.text(row, "period_end").trim()
                        + " is before period_start " + table.text(row, "period_start").trim()));
            } else if (measure != null && !measure.monthly() && !period.isWholeYears()) {
                problems.add(new Problem(where, "measure " + measureKey + " is recorded by calendar year only; "
                        + "its period must be whole years (2012, not 2012-05)"));
            }
        }
        double value = number(table, row, "value", where, problems);
        double low = number(table, row, "low", where, problems);
        double high = number(table, row, "high", where, problems);
        if (!Double.isNaN(value) && !Double.isNaN(low) && !Double.isNaN(high)) {
            if (low > high) {
                problems.add(new Problem(where, "low " + Csv.exact(low) + " is above high " + Csv.exact(high)));
            } else if (value < low || value > high) {
                problems.add(new Problem(where, "value " + Csv.exact(value) + " is outside its range ["
                        + Csv.exact(low) + ", " + Csv.exact(high) + "]"));
            }
            if (measure != null) {
                checkDomain(measure, low, high, where, problems);
                if (low == high && !measure.isCount()) {
                    problems.add(new Problem(where, "low = high is read as an exact count, but " + measureKey
                            + " is a " + measure.statistic().key() + "; give a range"));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String note = table.has("note") ? table.text(row, "note").trim() : "";
        return new EvidenceItem(id, measure, period, value, low, high, table.text(row, "source").trim(), note, where);
    }

    private static void checkDomain(EvidenceMeasure measure, double low, double high, String where,
                                    List<Problem> problems) {
        if (measure.isShare() && (low < 0 || high > 1)) {
            problems.add(new Problem(where, measure.key() + " is a share: low and high must lie within [0, 1], found ["
                    + Csv.exact(low) + ", " + Csv.exact(high) + "]"));
        } else if (measure.isCount() && low < 0) {
            problems.add(new Problem(where, measure.key() + " is a count of persons: low must not be negative, found "
                    + Csv.exact(low)));
        } else if (!measure.isShare() && !measure.isCount() && !(low > 0)) {
            problems.add(new Problem(where, measure.key() + " is compared on a log scale: low must be above 0, found "
                    + Csv.exact(low)));
        }
    }

    private static double number(Table table, int row, String column, String where, List<Problem> problems) {
        String raw = table.text(row, column).trim();
        try {
            double v = Double.parseDouble(raw);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(where, column + " '" + raw + "' is not a finite number"));
        return Double.NaN;
    }
}
