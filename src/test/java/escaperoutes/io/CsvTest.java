package escaperoutes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program's CSV: what is quoted, how numbers are written, and errors that name the file and line. */
class CsvTest {
    @TempDir
    Path dir;

    private static Table sample() {
        return Table.builder("sample.csv", List.of("name", "$.legs[0].arrest", "value"))
                .text("plain words").exact(0.1 + 0.2).number(1234.5)
                .text("a,b").exact(2).number(1.0 / 3)
                .text("say \"hi\"").exact(0.00001).number(Double.NaN)
                .text("two\nlines").exact(-1.5).number(Double.POSITIVE_INFINITY)
                .text("").exact(100).number(2012)
                .build();
    }

    @Test
    void quotesOnlyWhatMustBeQuotedAndWritesNumbersWithoutLocale() throws Exception {
        Path file = dir.resolve("sample.csv");
        Csv.write(file, sample());
        assertEquals("name,$.legs[0].arrest,value\n"
                + "plain words,0.30000000000000004,1234.5\n"
                + "\"a,b\",2,0.333333\n"
                + "\"say \"\"hi\"\"\",0.00001,NA\n"
                + "\"two\nlines\",-1.5,Inf\n"
                + ",100,2012\n", Files.readString(file));
        assertEquals("\"a,b\",c\n", Csv.header(List.of("a,b", "c")));
    }

    @Test
    void numbers() {
        assertEquals("1234.5", Csv.number(1234.5));
        assertEquals("0.666667", Csv.number(2.0 / 3));
        assertEquals("0.3", Csv.number(0.1 + 0.2));
        assertEquals("1234570", Csv.number(1234567.89));
        assertEquals("12345678", Csv.number(12345678));
        assertEquals("0", Csv.number(-0.0));
        assertEquals("-2.5", Csv.number(-2.5));
        assertEquals("0.0000001", Csv.number(1e-7));
        assertEquals("-Inf", Csv.number(Double.NEGATIVE_INFINITY));
        assertEquals("0.30000000000000004", Csv.exact(0.1 + 0.2));
        assertEquals("250000000000", Csv.exact(2.5e11));
    }

    @Test
    void aTableBuiltInMemoryReadsExactlyAsItsFileDoes() throws Exception {
        Table built = sample();
        Table read = Csv.parse("sample.csv", new StringReader(Csv.header(built.header()) + Csv.rows(built)));
        assertEquals(built.size(), read.size());
        for (int r = 0; r < built.size(); r++) {
            for (String column : built.header()) {
                assertEquals(read.text(r, column), built.text(r, column), "row " + r + ", " + column);
                if (!column.equals("name") && r != 3) {
                    assertEquals(read.number(r, column), built.number(r, column), "row " + r + ", " + column);
                }
            }
        }
        assertEquals(0.333333, built.number(1, "value"));
        assertEquals(2012, built.integer(4, "value"));
        // The row with "two\nlines" starts on line 5 of the file and ends on line 6.
        assertEquals(5, read.line(3));
        assertEquals(7, read.line(4));
        String notANumber = "sample.csv: line 5: column 'value' holds 'Inf', not a number";
        assertEquals(notANumber, assertThrows(InvalidCsvException.class, () -> read.number(3, "value")).getMessage());
        assertEquals("sample.csv: line 5: column 'value' holds 'Inf', not a number",
                assertThrows(InvalidCsvException.class, () -> built.number(3, "value")).getMessage());
        assertEquals("sample.csv: line 3: column 'value' holds '0.333333', not a whole number",
                assertThrows(InvalidCsvException.class, () -> built.integer(1, "value")).getMessage());
    }

    @Test
    void errorsNameTheFileAndLine() throws Exception {
        assertEquals("t.csv: line 4: 2 fields where the header has 3", parseError("a,b,c\n1,\"x\ny\",3\n4,5\n"));
        assertEquals("t.csv: line 3: a quoted field is not closed", parseError("a,b\n1,2\n\"open,3\n4,5\n"));
        assertEquals("t.csv: the file is empty (no header row)", parseError(""));
        assertEquals("t.csv: line 1: the column 'year' is missing (the header is: a,b)",
                assertThrows(InvalidCsvException.class, () -> Csv.parse("t.csv", new StringReader("a,b\n1,2\n"))
                        .require("a", "year")).getMessage());
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": the file is missing",
                assertThrows(InvalidCsvException.class, () -> Csv.read(missing)).getMessage());
        // Blank lines and a final line without a newline are no rows; \r\n ends a line too.
        Table t = Csv.parse("t.csv", new StringReader("a,b\r\n1,2\r\n\r\n3,4"));
        assertEquals(2, t.size());
        assertEquals(4, t.line(1));
        assertEquals(4, t.integer(1, "b"));
    }

    @Test
    void fieldsOfOneLine() {
        assertEquals(List.of("a", "b,c", "say \"hi\"", ""), Csv.fields("a,\"b,c\",\"say \"\"hi\"\"\","));
        assertEquals(List.of(""), Csv.fields(""));
        assertNull(Csv.fields("a,\"open"));
    }

    private static String parseError(String text) {
        return assertThrows(InvalidCsvException.class, () -> Csv.parse("t.csv", new StringReader(text))).getMessage();
    }
}
