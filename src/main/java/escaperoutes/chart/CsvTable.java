package escaperoutes.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as the program writes them (RFC 4180: a header row, fields quoted with {@code "} when they hold a
 * comma, quote or line break), read whole, with every row checked to have the header's width. Errors name the
 * file and line.
 */
final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String[]> rows;
    /** Line number (1-based, in the file) of each row, for error messages. */
    private final List<Integer> lines;

    private CsvTable(Path file, List<String> header, List<String[]> rows, List<Integer> lines) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
    }

    /** Reads {@code file}, which must have at least the {@code required} columns. */
    static CsvTable read(Path file, String... required) throws InvalidResultFolderException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidResultFolderException(file + ": the file is missing");
        } catch (IOException e) {
            throw new InvalidResultFolderException(file + ": cannot be read: " + e.getMessage());
        }
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(file, text, records, lines);
        if (records.isEmpty()) {
            throw new InvalidResultFolderException(file + ": the file is empty (no header row)");
        }
        List<String> header = List.of(records.get(0));
        for (String column : required) {
            if (!header.contains(column)) {
                throw new InvalidResultFolderException(file + ": line 1: the column '" + column
                        + "' is missing (the header is: " + String.join(",", header) + ")");
            }
        }
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).length != header.size()) {
                throw new InvalidResultFolderException(file + ": line " + lines.get(i) + ": " + records.get(i).length
                        + " fields where the header has " + header.size());
            }
        }
        return new CsvTable(file, header, records.subList(1, records.size()), lines.subList(1, lines.size()));
    }

    private static void parse(Path file, String text, List<String[]> records, List<Integer> lines)
            throws InvalidResultFolderException {
        if (text.indexOf('"') < 0 && text.indexOf('\r') < 0) {
            parseUnquoted(text, records, lines);
            return;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                    fields.add(field.toString());
                    records.add(fields.toArray(new String[0]));
                    lines.add(recordLine);
                }
                fields.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidResultFolderException(file + ": line " + recordLine + ": a quoted field is not closed");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields.toArray(new String[0]));
            lines.add(recordLine);
        }
    }

    /**
     * The common case, a file without quotes or carriage returns: split at newlines and commas (a run's tables
     * have a few hundred thousand rows, and this is several times faster than the general parser).
     */
    private static void parseUnquoted(String text, List<String[]> records, List<Integer> lines) {
        int line = 1;
        int start = 0;
        List<String> fields = new ArrayList<>();
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                fields.clear();
                int from = start;
                for (int comma = text.indexOf(',', from); comma >= 0 && comma < end; comma = text.indexOf(',', from)) {
                    fields.add(text.substring(from, comma));
                    from = comma + 1;
                }
                fields.add(text.substring(from, end));
                records.add(fields.toArray(new String[0]));
                lines.add(line);
            }
            line++;
            start = end + 1;
        }
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    int size() {
        return rows.size();
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The text in a row's column. */
    String text(int row, String column) {
        return rows.get(row)[columns.get(column)];
    }

    /** A number; {@code NA} (a mean over nothing) and empty text (no value) are NaN. */
    double number(int row, String column) throws InvalidResultFolderException {
        String t = text(row, column);
        if (t.isEmpty() || t.equals("NA") || t.equals("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error(row, "column '" + column + "' holds '" + t + "', not a number");
        }
    }

    /** A whole number (a year, a replication). */
    int integer(int row, String column) throws InvalidResultFolderException {
        String t = text(row, column);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error(row, "column '" + column + "' holds '" + t + "', not a whole number");
        }
    }

    InvalidResultFolderException error(int row, String what) {
        return new InvalidResultFolderException(file + ": line " + lines.get(row) + ": " + what);
    }
}
