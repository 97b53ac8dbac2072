package escaperoutes.calibration;

import escaperoutes.calibration.ObservedSeries.InvalidObservedData;
import escaperoutes.calibration.ObservedSeries.Period;
import escaperoutes.observe.SexGroup;
import escaperoutes.io.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservedSeriesTest {

    // sha256sum of src/main/resources/escaperoutes/observed/mou-arrivals-by-sex.csv.
    private static final String SHIPPED_SHA256 = "5ff83d5de963eb44cdac24c96488b5a4fefb3513d50bdc7e5d14d0b7897809e7";

    @TempDir
    Path dir;

    @Test
    void shippedSeries() {
        ObservedSeries s = ObservedSeries.shipped();
        List<Period> periods = s.periods();
        // Two MOU lumps (1953–1998, 1999–2001) and the single years 2002–2025.
        assertEquals(26, periods.size());
        assertEquals(new Period(1953, 1998, 831, 116, 947, "MOU lump for all years up to 1998"), periods.get(0));
        assertEquals(new Period(1999, 2001, 565, 478, 1043, "MOU lump"), periods.get(1));
        assertEquals(2025, periods.get(25).startYear());

        assertEquals(OptionalLong.of(2252), s.single(2009, SexGroup.FEMALE));
        assertEquals(OptionalLong.of(662), s.single(2009, SexGroup.MALE));
        assertEquals(OptionalLong.of(2914), s.single(2009, SexGroup.ALL));
        assertEquals(OptionalLong.empty(), s.single(2000, SexGroup.FEMALE), "2000 is inside the 1999–2001 lump");
        assertEquals(OptionalLong.empty(), s.single(1990, SexGroup.ALL));
        assertEquals(OptionalLong.empty(), s.single(2030, SexGroup.ALL));
        assertEquals(1043, s.covering(2000).orElseThrow().total());

        // The header comment: 34,314 arrivals, 9,568 of them men, through 2024.
        long male = 0;
        long total = 0;
        for (Period p : periods) {
            if (p.endYear() <= 2024) {
                male += p.male();
                total += p.total();
            }
        }
        assertEquals(9568, male);
        assertEquals(34314, total);

        Period y2022 = s.covering(2022).orElseThrow();
        assertEquals("the seed article says \"35 women of 67 (48 percent)\"; MOU has 35 men and 32 women "
                + "(48% women)", y2022.note());
        assertEquals("", s.covering(2003).orElseThrow().note());
        // The 2024 note has unquoted commas; as the last column it takes the rest of the line.
        assertEquals("first half of 2024: 105 arrivals (10 men, 95 women) per the seed article",
                s.covering(2024).orElseThrow().note());

        assertEquals(SHIPPED_SHA256, s.sha256());
        assertEquals("classpath:" + ObservedSeries.RESOURCE, s.source());
    }

    @Test
    void userFileReadsLikeTheShippedOne() throws Exception {
        Path copy = dir.resolve("copy.csv");
        try (InputStream in = ObservedSeries.class.getClassLoader().getResourceAsStream(ObservedSeries.RESOURCE)) {
            Files.write(copy, in.readAllBytes());
        }
        ObservedSeries s = ObservedSeries.read(copy);
        assertEquals(ObservedSeries.shipped().periods(), s.periods());
        assertEquals(SHIPPED_SHA256, s.sha256());
        assertEquals(copy.toString(), s.source());
    }

    @Test
    void minimalFileWithoutNotesCrlfAndUnorderedRows() throws Exception {
        Path csv = write("min.csv", "\uFEFFperiod_start,period_end,male,female,total\r\n"
                + "2011,2011,795,1911,2706\r\n"
                + "2010,2010,591,1811,2402\r\n");
        ObservedSeries s = ObservedSeries.read(csv);
        assertEquals(List.of(new Period(2010, 2010, 591, 1811, 2402, ""),
                new Period(2011, 2011, 795, 1911, 2706, "")), s.periods());
    }

    @Test
    void reportsEveryProblemWithFileAndLine() throws Exception {
        Path csv = write("arrivals.csv", String.join("\n",
                "# comment",                                  // 1
                "period_start,period_end,male,female,total,note", // 2
                "2002,2002,510,632,1142,",                    // 3 fine
                "2003,2003,474,811",                          // 4 missing columns
                "2004,2004,-5,1272,1267,",                    // 5 negative count
                "2005,2005,424,960,1400,\"says \"\"1,400\"\"\"", // 6 424 + 960 ≠ 1400
                "2005,2006,515,1513,2028,",                   // 7 overlaps line 6
                "2008,2007,608,2195,2803,",                   // 8 end before start
                "2009,2009,662,x,2914,",                      // 9 not a number
                ""));
        InvalidObservedData e = assertThrows(InvalidObservedData.class, () -> ObservedSeries.read(csv));
        assertEquals(List.of(
                new Problem("arrivals.csv:4", "has 4 fields but the header has 6"),
                new Problem("arrivals.csv:5", "male -5 is negative"),
                new Problem("arrivals.csv:6", "male + female = 424 + 960 = 1384 but total is 1400"),
                new Problem("arrivals.csv:8", "period_end 2007 is before period_start 2008"),
                new Problem("arrivals.csv:9", "female 'x' is not a whole number"),
                new Problem("arrivals.csv:7", "period 2005-2006 overlaps period 2005 on line 6")),
                e.problems());
        assertTrue(e.getMessage().contains("arrivals.csv:7: period 2005-2006 overlaps"), e.getMessage());
    }

    @Test
    void missingHeaderColumnsAreNamedAndRowsStillChecked() throws Exception {
        Path csv = write("arrivals.csv", String.join("\n",
                "period_start,period_end,male,count",
                "1999,2001,565,1043",
                "2000,2000,-1,5",
                ""));
        InvalidObservedData e = assertThrows(InvalidObservedData.class, () -> ObservedSeries.read(csv));
        assertEquals(List.of(
                new Problem("arrivals.csv:1", "missing columns female, total; the header must contain "
                        + "period_start,period_end,male,female,total (and optionally note)"),
                new Problem("arrivals.csv:3", "male -1 is negative"),
                new Problem("arrivals.csv:3", "period 2000 overlaps period 1999-2001 on line 2")),
                e.problems());
    }

    @Test
    void wholeFileProblems() throws Exception {
        InvalidObservedData noHeader = assertThrows(InvalidObservedData.class,
                () -> ObservedSeries.read(write("empty.csv", "# only a comment\n")));
        assertEquals("empty.csv", noHeader.problems().get(0).path());

        InvalidObservedData noRows = assertThrows(InvalidObservedData.class,
                () -> ObservedSeries.read(write("header.csv", "period_start,period_end,male,female,total\n")));
        assertEquals(List.of(new Problem("header.csv", "has no data rows")), noRows.problems());

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'p', (byte) 0xE9, '\n'});
        InvalidObservedData notUtf8 = assertThrows(InvalidObservedData.class, () -> ObservedSeries.read(latin1));
        assertEquals(List.of(new Problem("latin1.csv", "is not valid UTF-8 text")), notUtf8.problems());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aPeriodCanCoverPartOfAYear() throws Exception {
        Path csv = java.nio.file.Files.writeString(dir.resolve("half.csv"), """
                period_start,period_end,male,female,total
                2023,2023,32,164,196
                2024-01,2024-06,10,95,105
                """);
        ObservedSeries s = ObservedSeries.read(csv);
        Period half = s.periods().get(1);
        assertEquals(new Period(2024, 1, 2024, 6, 10, 95, 105, ""), half);
        assertEquals(false, half.isSingleYear());
        assertEquals(false, half.isWholeYears());
        assertEquals(true, s.periods().get(0).isSingleYear());
        assertEquals(java.util.OptionalLong.empty(), s.single(2024, escaperoutes.observe.SexGroup.ALL));
    }

    @Test
    void monthsAreCheckedAndOverlapsFoundByMonth() throws Exception {
        Path csv = java.nio.file.Files.writeString(dir.resolve("months.csv"), """
                period_start,period_end,male,female,total
                2024-01,2024-06,10,95,105
                2024-06,2024-12,16,115,131
                2025-13,2025,1,1,2
                25,2026,1,1,2
                """);
        ObservedSeries.InvalidObservedData e = org.junit.jupiter.api.Assertions.assertThrows(
                ObservedSeries.InvalidObservedData.class, () -> ObservedSeries.read(csv));
        assertEquals(List.of("months.csv:4: period_start '2025-13' has no month 13",
                "months.csv:5: period_start '25' is not a year (2024) or a month (2024-06)",
                "months.csv:3: period 2024-06 to 2024-12 overlaps period 2024-01 to 2024-06 on line 2"),
                e.problems().stream().map(Object::toString).toList());
    }
}
