package escaperoutes.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program's CSV, read and written with Jackson's CSV format: UTF-8, a header row, {@code ,} between fields,
 * {@code \n} after every row, and a field quoted with {@code "} (a quote doubled) only when it holds a comma, quote
 * or line break (RFC 4180). Numbers are written locale-independently, whole numbers without a decimal point, so that
 * identical results give byte-identical files.
 */
public final class Csv {
    // Doubles hold every integer exactly up to 2^53; beyond it "integral" says nothing about the true count.
    static final double EXACT_INTEGERS = 0x1p53;
    private static final MathContext SIGNIFICANT = new MathContext(6, RoundingMode.HALF_EVEN);
    private static final CsvFactory FACTORY = CsvFactory.builder()
            // Quotes only what must be quoted (separator, quote, line breaks); the loose default quotes more.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private Csv() {
    }

    /**
     * A number as the tables hold it: whole numbers without a decimal point, others rounded to 6 significant digits
     * without trailing zeros ({@code 1234.5}, {@code 0.333333}), {@code NA} for NaN, {@code Inf} and {@code -Inf}.
     */
    public static String number(double value) {
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

    /** The shortest decimal that reads back as exactly {@code value}, without exponent: 0.3, 2, 0.00001. */
    public static String exact(double value) {
        if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGERS) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    // ---- writing ----------------------------------------------------------------------------------------------------

    /** Writes {@code table}, header first, to {@code file} through a temporary file and a rename. */
    public static void write(Path file, Table table) throws IOException {
        AtomicFiles.writeAtomically(file, out -> write(out, table, true));
    }

    /** The header line of a table with these columns. */
    public static String header(List<String> columns) {
        return text(Table.builder("header", columns).build(), true);
    }

    /** The rows of {@code table} as the file holds them, without the header (to append to a file). */
    public static String rows(Table table) {
        return text(table, false);
    }

    private static String text(Table table, boolean header) {
        StringWriter out = new StringWriter(64 + table.size() * 8 * table.header().size());
        try {
            write(out, table, header);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return out.toString();
    }

    private static void write(Writer out, Table table, boolean header) throws IOException {
        CsvSchema.Builder columns = CsvSchema.builder();
        table.header().forEach(columns::addColumn);
        try (CsvGenerator g = (CsvGenerator) FACTORY.createGenerator(out)) {
            g.setSchema(columns.build().withoutHeader().withLineSeparator("\n"));
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (header) {
                g.writeStartArray();
                for (String column : table.header()) {
                    g.writeString(column);
                }
                g.writeEndArray();
            }
            int width = table.header().size();
            for (int r = 0; r < table.size(); r++) {
                g.writeStartArray();
                for (int c = 0; c < width; c++) {
                    if (table.isText(c)) {
                        g.writeString(table.textAt(r, c));
                    } else {
                        g.writeNumber(table.textAt(r, c));
                    }
                }
                g.writeEndArray();
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    /** Reads {@code file} whole, checking that every row has the header's width and that it has {@code required}. */
    public static Table read(Path file, String... required) throws InvalidCsvException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidCsvException(file + ": the file is missing");
        } catch (IOException e) {
            throw new InvalidCsvException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), new StringReader(text)).require(required);
    }

    /** A table from CSV text; {@code source} names it in messages. */
    public static Table parse(String source, Reader in) throws InvalidCsvException {
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        readRecords(source, in, records, lines);
        if (records.isEmpty()) {
            throw new InvalidCsvException(source + ": the file is empty (no header row)");
        }
        List<String> header = List.of(records.get(0));
        int[] rowLines = new int[records.size() - 1];
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).length != header.size()) {
                throw new InvalidCsvException(source + ": line " + lines.get(i) + ": " + records.get(i).length
                        + " fields where the header has " + header.size());
            }
            rowLines[i - 1] = lines.get(i);
        }
        return Table.ofText(source, header, records.subList(1, records.size()), rowLines);
    }

    /**
     * The fields of one line of CSV on its own (a quoted field cannot go on to the next line); null when a quoted
     * field is not closed.
     */
    public static List<String> fields(String line) {
        List<String[]> records = new ArrayList<>();
        try {
            readRecords("line", new StringReader(line), records, new ArrayList<>());
        } catch (InvalidCsvException e) {
            return null;
        }
        return records.isEmpty() ? List.of("") : List.of(records.get(0));
    }

    /** Every record with the line it starts on; a blank line is no record. */
    private static void readRecords(String source, Reader in, List<String[]> records, List<Integer> lines)
            throws InvalidCsvException {
        List<String> fields = new ArrayList<>();
        int recordLine = 0;
        int lastLine = 0;
        try (CsvParser p = (CsvParser) FACTORY.createParser(in)) {
            p.setSchema(CsvSchema.emptySchema());
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    fields.clear();
                    recordLine = 0;
                } else if (t == JsonToken.END_ARRAY) {
                    // Jackson reads a blank line as one empty field; the program never writes a one-column table.
                    if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                        records.add(fields.toArray(new String[0]));
                        lines.add(recordLine);
                    }
                } else {
                    if (fields.isEmpty()) {
                        recordLine = p.currentTokenLocation().getLineNr();
                    }
                    fields.add(p.getText());
                    lastLine = p.currentLocation().getLineNr();
                }
            }
        } catch (JsonProcessingException e) {
            int line = recordLine > 0 ? recordLine : lastLine + 1;
            String what = e.getOriginalMessage().startsWith("Missing closing quote")
                    ? "a quoted field is not closed" : e.getOriginalMessage();
            throw new InvalidCsvException(source + ": line " + line + ": " + what);
        } catch (IOException e) {
            throw new InvalidCsvException(source + ": cannot be read: " + e.getMessage());
        }
    }
}
