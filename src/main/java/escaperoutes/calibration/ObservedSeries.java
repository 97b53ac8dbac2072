package escaperoutes.calibration;

import escaperoutes.observe.SexGroup;
import escaperoutes.io.Csv;
import escaperoutes.io.Digests;
import escaperoutes.io.PeriodText;
import escaperoutes.io.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Arrivals in South Korea by sex as published by the Ministry of Unification (persons per period). A period
 * usually is one calendar year, but MOU lumps 1953–1998 and 1999–2001, so a period may span several years; the
 * model's annual counts can only be compared with such a lump through their sum.
 */
public final class ObservedSeries {

    /** Classpath location of the series shipped with the program. */
    public static final String RESOURCE = "escaperoutes/observed/mou-arrivals-by-sex.csv";

    static final List<String> REQUIRED_COLUMNS = List.of("period_start", "period_end", "male", "female", "total");
    static final String NOTE_COLUMN = "note";

    /**
     * Observed arrivals from the first day of month {@code startMonth} of {@code startYear} through the last day of
     * month {@code endMonth} of {@code endYear} (months 1-12), persons; {@code note} is "" when absent. A file's
     * {@code period_start}/{@code period_end} give a year ({@code 2024}: January / December) or a month
     * ({@code 2024-06}), so a target can cover part of a year (the seed article's January–June 2024) or a lump of
     * several years (the ministry's 1999–2001).
     */
    public record Period(int startYear, int startMonth, int endYear, int endMonth, long male, long female, long total,
                         String note) {

        /** A period of whole calendar years. */
        public Period(int startYear, int endYear, long male, long female, long total, String note) {
            this(startYear, 1, endYear, 12, male, female, total, note);
        }

        public boolean covers(int year) {
            return startYear <= year && year <= endYear;
        }

        /** Exactly one calendar year, January to December. */
        public boolean isSingleYear() {
            return startYear == endYear && isWholeYears();
        }

        /** Starts in January and ends in December (one or several whole years). */
        public boolean isWholeYears() {
            return startMonth == 1 && endMonth == 12;
        }

        /** As messages write it: {@code 2024}, {@code 1999-2001}, {@code 2024-01 to 2024-06}. */
        public String label() {
            return PeriodText.label(startYear, startMonth, endYear, endMonth);
        }

        public long count(SexGroup sex) {
            return switch (sex) {
                case FEMALE -> female;
                case MALE -> male;
                case ALL -> total;
            };
        }
    }

    /** Every problem found in an observed-series file, each located as {@code <file name>:<line>}. */
    public static final class InvalidObservedData extends Exception {
        private final transient List<Problem> problems;

        public InvalidObservedData(List<Problem> problems) {
            super(describe(problems));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }

        private static String describe(List<Problem> problems) {
            StringBuilder text = new StringBuilder("Invalid observed data (")
                    .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
            for (Problem p : problems) {
                text.append("\n  ").append(p);
            }
            return text.toString();
        }
    }

    private final List<Period> periods;
    private final String sha256;
    private final String source;
    /** Where each period was read, {@code <file name>:<line>}. */
    private final Map<Period, String> where;

    private ObservedSeries(List<Period> periods, String sha256, String source, Map<Period, String> where) {
        this.periods = List.copyOf(periods);
        this.sha256 = sha256;
        this.source = source;
        this.where = Map.copyOf(where);
    }

    /** Where a period of this series was read, {@code <file name>:<line>}. */
    public String where(Period period) {
        return where.getOrDefault(period, source);
    }

    /** The series shipped in the program's resources. */
    public static ObservedSeries shipped() {
        try (InputStream in = ObservedSeries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing from the class path");
            }
            return parse(in.readAllBytes(), fileName(RESOURCE), "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read resource " + RESOURCE, e);
        } catch (InvalidObservedData e) {
            throw new IllegalStateException("The shipped observed series is invalid", e);
        }
    }

    /**
     * A user's series in the shipped format: UTF-8 CSV, {@code #} comment lines, a header with
     * {@code period_start,period_end,male,female,total} and optionally {@code note}, RFC 4180 quoting. A
     * {@code note} in the last column may contain unquoted commas.
     */
    public static ObservedSeries read(Path csv) throws IOException, InvalidObservedData {
        Path name = csv.getFileName();
        return parse(Files.readAllBytes(csv), name == null ? csv.toString() : name.toString(), csv.toString());
    }

    /** Periods in order of their start year. */
    public List<Period> periods() {
        return periods;
    }

    /**
     * The last calendar year any period reaches into: later years are projections. {@link Integer#MIN_VALUE} for a
     * series without periods, for which every year is one.
     */
    public int lastYear() {
        return periods.stream().mapToInt(Period::endYear).max().orElse(Integer.MIN_VALUE);
    }

    /** Hex SHA-256 of the file's bytes, for the run manifest. */
    public String sha256() {
        return sha256;
    }

    /** {@code classpath:<resource>} for the shipped series, otherwise the path as given to {@link #read}. */
    public String source() {
        return source;
    }

    /** The period that covers {@code year}, single-year or lump. */
    public Optional<Period> covering(int year) {
        return periods.stream().filter(p -> p.covers(year)).findFirst();
    }

    /** The observed count for a year that MOU reports on its own; empty inside a lump or outside the series. */
    public OptionalLong single(int year, SexGroup sex) {
        return covering(year).filter(Period::isSingleYear)
                .map(p -> OptionalLong.of(p.count(sex)))
                .orElse(OptionalLong.empty());
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    static ObservedSeries parse(byte[] bytes, String fileName, String source) throws InvalidObservedData {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidObservedData(List.of(new Problem(fileName, "is not valid UTF-8 text")));
        }
        // Spreadsheets often prepend a byte-order mark, which would otherwise become part of the first column name.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Problem> problems = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        Map<Period, String> whereRead = new LinkedHashMap<>();
        Map<String, Integer> columns = null;
        int width = 0;
        int rows = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = fileName + ":" + (i + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = Csv.fields(line);
            if (fields == null) {
                problems.add(new Problem(where, "unterminated quoted field (fields may not span lines)"));
                if (columns == null) {
                    throw new InvalidObservedData(problems);
                }
                continue;
            }
            if (columns == null) {
                columns = header(fields, where, problems);
                width = fields.size();
                continue;
            }
            rows++;
            Integer note = columns.get(NOTE_COLUMN);
            if (fields.size() > width && note != null && note == width - 1) {
                // A free-text note in the last column may hold unquoted commas (the shipped file's 2024 row does):
                // the surplus fields can only be the rest of the note.
                List<String> joined = new ArrayList<>(fields.subList(0, note));
                joined.add(String.join(",", fields.subList(note, fields.size())));
                fields = joined;
            }
            if (fields.size() != width) {
                problems.add(new Problem(where, "has " + fields.size() + " fields but the header has " + width));
                continue;
            }
            row(fields, columns, i + 1, where, problems, periods, spans, whereRead);
        }
        if (columns == null) {
            problems.add(new Problem(fileName, "has no header line; expected " + String.join(",", REQUIRED_COLUMNS)
                    + "[," + NOTE_COLUMN + "]"));
        } else if (rows == 0) {
            problems.add(new Problem(fileName, "has no data rows"));
        }
        checkOverlaps(spans, fileName, problems);
        if (!problems.isEmpty()) {
            throw new InvalidObservedData(problems);
        }
        periods.sort(Comparator.comparingInt(Period::startYear));
        return new ObservedSeries(periods, Digests.sha256(bytes), source, whereRead);
    }

    /** A row's months (12 · year + month − 1), kept even when its counts are wrong so overlaps are still reported. */
    private record Span(int start, int end, int line) {
    }

    /** Column name → index; missing and repeated columns are reported, and rows are still checked. */
    private static Map<String, Integer> header(List<String> fields, String where, List<Problem> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c).trim();
            if (columns.putIfAbsent(name, c) != null) {
                problems.add(new Problem(where, "column '" + name + "' appears more than once"));
            }
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem(where, "missing column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; the header must contain " + String.join(",", REQUIRED_COLUMNS)
                    + " (and optionally " + NOTE_COLUMN + ")"));
        }
        return columns;
    }

    /** Checks one data row; adds its period when all is well and its span when its years are usable. */
    private static void row(List<String> fields, Map<String, Integer> columns, int line, String where,
                            List<Problem> problems, List<Period> periods, List<Span> spans,
                            Map<Period, String> whereRead) {
        int before = problems.size();
        int[] start = yearMonth(fields, columns, "period_start", 1, where, problems);
        int[] end = yearMonth(fields, columns, "period_end", 12, where, problems);
        Long male = count(fields, columns, "male", where, problems);
        Long female = count(fields, columns, "female", where, problems);
        Long total = count(fields, columns, "total", where, problems);
        if (start != null && end != null) {
            int startIndex = 12 * start[0] + start[1] - 1;
            int endIndex = 12 * end[0] + end[1] - 1;
            if (endIndex < startIndex) {
                problems.add(new Problem(where, "period_end " + fields.get(columns.get("period_end")).trim()
                        + " is before period_start " + fields.get(columns.get("period_start")).trim()));
            } else {
                spans.add(new Span(startIndex, endIndex, line));
            }
        }
        if (male != null && female != null && total != null && male + female != total) {
            problems.add(new Problem(where, "male + female = " + male + " + " + female + " = " + (male + female)
                    + " but total is " + total));
        }
        if (problems.size() == before && start != null && end != null && male != null && female != null
                && total != null) {
            Integer noteColumn = columns.get(NOTE_COLUMN);
            String note = noteColumn == null ? "" : fields.get(noteColumn).trim();
            Period period = new Period(start[0], start[1], end[0], end[1], male, female, total, note);
            periods.add(period);
            whereRead.put(period, where);
        }
    }

    /**
     * {year, month} of a column ({@link PeriodText#yearMonth}); null when the column is missing (reported at the
     * header) or invalid (reported here).
     */
    private static int[] yearMonth(List<String> fields, Map<String, Integer> columns, String column,
                                   int wholeYearMonth, String where, List<Problem> problems) {
        Integer index = columns.get(column);
        return index == null ? null : PeriodText.yearMonth(fields.get(index), column, wholeYearMonth, where, problems);
    }

    /** A non-negative whole number; null when the column is missing (reported once, at the header) or invalid. */
    private static Long count(List<String> fields, Map<String, Integer> columns, String column, String where,
                              List<Problem> problems) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String raw = fields.get(index).trim();
        if (raw.isEmpty()) {
            problems.add(new Problem(where, column + " is empty"));
            return null;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            problems.add(new Problem(where, column + " '" + raw + "' is not a whole number"));
            return null;
        }
        if (value < 0) {
            problems.add(new Problem(where, column + " " + value + " is negative"));
            return null;
        }
        return value;
    }

    /** Reports each period that overlaps an earlier-starting one, at the later period's line. */
    private static void checkOverlaps(List<Span> spans, String fileName, List<Problem> problems) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::line));
        Span reach = null;
        for (Span s : sorted) {
            if (reach != null && s.start() <= reach.end()) {
                problems.add(new Problem(fileName + ":" + s.line(), "period " + span(s.start(), s.end())
                        + " overlaps period " + span(reach.start(), reach.end()) + " on line " + reach.line()));
            }
            if (reach == null || s.end() > reach.end()) {
                reach = s;
            }
        }
    }

    /** A span of month indices (12 · year + month − 1), labelled as {@link PeriodText#label} does. */
    private static String span(int start, int end) {
        return PeriodText.label(start / 12, start % 12 + 1, end / 12, end % 12 + 1);
    }
}
