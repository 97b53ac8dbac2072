package escaperoutes.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV table in memory: a header and rows, column by column. A table read from a file ({@link Csv#read}) holds
 * its text; a table a writer builds ({@link #builder}) holds numbers as numbers, and reads back exactly as its file
 * would — {@link #text} gives the text {@link Csv} writes, {@link #number} the number that text parses to — so a
 * job can hand what it has just written to the charts without parsing it again. Errors name the table's file and
 * the row's line.
 */
public final class Table {
    /** How a column's numbers are written: {@link Csv#number} or {@link Csv#exact}. */
    private enum Kind { TEXT, NUMBER, EXACT }

    private final String source;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final Kind[] kinds;
    /** {@code String[]} for text, {@code double[]} for numbers; each at least {@link #size} long. */
    private final Object[] columns;
    private final int size;
    /** The line (1-based) of each row in the file; null when row r is on line r + 2 (a table built in memory). */
    private final int[] lines;

    private Table(String source, List<String> header, Kind[] kinds, Object[] columns, int size, int[] lines) {
        this.source = source;
        this.header = List.copyOf(header);
        this.kinds = kinds;
        this.columns = columns;
        this.size = size;
        this.lines = lines;
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
    }

    /** A table read from text: every column as the text of its fields. */
    static Table ofText(String source, List<String> header, List<String[]> rows, int[] lines) {
        int width = header.size();
        Object[] columns = new Object[width];
        Kind[] kinds = new Kind[width];
        for (int c = 0; c < width; c++) {
            String[] column = new String[rows.size()];
            for (int r = 0; r < column.length; r++) {
                column[r] = rows.get(r)[c];
            }
            columns[c] = column;
            kinds[c] = Kind.TEXT;
        }
        return new Table(source, header, kinds, columns, rows.size(), lines);
    }

    /** The file the table is read from or written to, for messages. */
    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return size;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** This table, after checking it has every one of {@code columns}. */
    public Table require(String... columns) throws InvalidCsvException {
        for (String column : columns) {
            if (!has(column)) {
                throw new InvalidCsvException(source + ": line 1: the column '" + column + "' is missing (the header "
                        + "is: " + String.join(",", header) + ")");
            }
        }
        return this;
    }

    /** A field as its file holds it (unquoted). */
    public String text(int row, String column) {
        return text(row, column(column));
    }

    private String text(int row, int c) {
        return switch (kinds[c]) {
            case TEXT -> ((String[]) columns[c])[row];
            case NUMBER -> Csv.number(((double[]) columns[c])[row]);
            case EXACT -> Csv.exact(((double[]) columns[c])[row]);
        };
    }

    /** A number; {@code NA} (a mean over nothing), {@code NaN} and empty text (no value) are NaN. */
    public double number(int row, String column) throws InvalidCsvException {
        int c = column(column);
        if (kinds[c] == Kind.EXACT) {
            return ((double[]) columns[c])[row];
        }
        if (kinds[c] == Kind.NUMBER) {
            double v = ((double[]) columns[c])[row];
            if (Double.isNaN(v) || v == Math.rint(v) && Math.abs(v) <= Csv.EXACT_INTEGERS) {
                return v;
            }
        }
        String t = text(row, c);
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
    public int integer(int row, String column) throws InvalidCsvException {
        int c = column(column);
        if (kinds[c] == Kind.NUMBER) {
            double v = ((double[]) columns[c])[row];
            if (v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        String t = text(row, c);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error(row, "column '" + column + "' holds '" + t + "', not a whole number");
        }
    }

    /** What is wrong with a row, at its line of the file. */
    public InvalidCsvException error(int row, String what) {
        return new InvalidCsvException(source + ": line " + line(row) + ": " + what);
    }

    /** The line of the file a row is on (1 is the header). */
    public int line(int row) {
        return lines == null ? row + 2 : lines[row];
    }

    private int column(String name) {
        Integer c = index.get(name);
        if (c == null) {
            throw new IllegalArgumentException(source + " has no column '" + name + "'");
        }
        return c;
    }

    boolean isText(int c) {
        return kinds[c] == Kind.TEXT;
    }

    String textAt(int row, int c) {
        return text(row, c);
    }

    /** Starts a table to be filled row by row, each row's fields in the order of {@code header}. */
    public static Builder builder(String source, List<String> header) {
        return new Builder(source, header);
    }

    /**
     * Fills a table row by row: each field with {@link #text}, {@link #number} or {@link #exact}, in the header's
     * order; a column takes the kind of its first field.
     */
    public static final class Builder {
        private final String source;
        private final List<String> header;
        private final Kind[] kinds;
        private final Object[] columns;
        private int size;
        private int next;
        private int capacity = 64;

        private Builder(String source, List<String> header) {
            this.source = source;
            this.header = List.copyOf(header);
            this.kinds = new Kind[header.size()];
            this.columns = new Object[header.size()];
        }

        public Builder text(String value) {
            String[] column = (String[]) slot(Kind.TEXT);
            column[size] = value;
            return advance();
        }

        /** A number written as {@link Csv#number}: whole numbers as they are, others to 6 significant digits. */
        public Builder number(double value) {
            ((double[]) slot(Kind.NUMBER))[size] = value;
            return advance();
        }

        /** A number written exactly ({@link Csv#exact}): a parameter's value. */
        public Builder exact(double value) {
            ((double[]) slot(Kind.EXACT))[size] = value;
            return advance();
        }

        private Object slot(Kind kind) {
            if (kinds[next] == null) {
                kinds[next] = kind;
                columns[next] = kind == Kind.TEXT ? new String[capacity] : new double[capacity];
            } else if (kinds[next] != kind) {
                throw new IllegalArgumentException(source + ": column '" + header.get(next) + "' holds "
                        + kinds[next] + ", not " + kind);
            }
            return columns[next];
        }

        private Builder advance() {
            if (++next == header.size()) {
                next = 0;
                if (++size == capacity) {
                    capacity *= 2;
                    for (int c = 0; c < columns.length; c++) {
                        columns[c] = columns[c] instanceof String[] s ? Arrays.copyOf(s, capacity)
                                : Arrays.copyOf((double[]) columns[c], capacity);
                    }
                }
            }
            return this;
        }

        public Table build() {
            if (next != 0) {
                throw new IllegalStateException(source + ": the last row has " + next + " of " + header.size()
                        + " fields");
            }
            for (int c = 0; c < columns.length; c++) {
                if (kinds[c] == null) {
                    kinds[c] = Kind.TEXT;
                    columns[c] = new String[0];
                }
            }
            return new Table(source, header, kinds.clone(), columns.clone(), size, null);
        }
    }
}
