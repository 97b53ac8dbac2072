package escaperoutes.output;

import escaperoutes.calibration.ObservedSeries;
import escaperoutes.io.ResultTable;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.observe.TestRunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two replications × two years (2008, 2009), hand-built. The expected annual and summary tables are the golden files
 * in {@code src/test/resources/escaperoutes/output/tiny/}; the summary over two replications a ≤ b is
 * mean (a + b)/2, p05 = a + 0.05(b − a), p50 = the mean, p95 = a + 0.95(b − a), e.g. arrivals of women in 2008:
 * 3 and 6 → 4.5, 3.15, 4.5, 5.85, with MOU's 2,195 as observed.
 */
class ResultTablesTest {

    private static final double NA = Double.NaN;
    private static final List<String> COUNTRIES = List.of("china", "laos", "thailand");
    private static final List<String> EXITS = List.of("china", "laos", "thailand", "direct");
    private static final List<String> PROVINCES = List.of("North Hamgyong", "Hyesan, Ryanggang");
    private static final int LAOS = 1;
    private static final int THAILAND = 2;
    private static final int CHINA = 0;
    private static final int DIRECT = 3;

    @TempDir
    Path dir;

    /** values[measure][year][female, male, all] for the measures set; every other measure is 0. */
    private static double[][][] values(double[][] attempts, double[][] arrivals, double[][] inChina,
                                       double[][] meanYears) {
        double[][][] v = new double[Measure.values().length][2][SexGroup.COUNT];
        v[Measure.ATTEMPTS.ordinal()] = attempts;
        v[Measure.ARRIVALS.ordinal()] = arrivals;
        v[Measure.IN_CHINA_END.ordinal()] = inChina;
        v[Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS.ordinal()] = meanYears;
        return v;
    }

    static List<RunResult> tiny() {
        // Pooled means: 2008 replication 0 (3·1.5 + 1·2.5)/4 = 1.75; replication 1 (6·2 + 2·3)/8 = 2.25.
        double[][][] v0 = values(
                new double[][] {{10, 7, 17}, {12, 8, 20}},
                new double[][] {{3, 1, 4}, {5, 0, 5}},
                new double[][] {{20, 5, 25}, {19, 7, 26}},
                new double[][] {{1.5, 2.5, 1.75}, {1.0 / 3, NA, 1.0 / 3}});
        double[][][] v1 = values(
                new double[][] {{9, 9, 18}, {11, 5, 16}},
                new double[][] {{6, 2, 8}, {3, 0, 3}},
                new double[][] {{22, 4, 26}, {21, 6, 27}},
                new double[][] {{2, 3, 2.25}, {0.5, NA, 0.5}});
        long[][][][] routes0 = new long[EXITS.size()][COUNTRIES.size()][2][2];
        routes0[LAOS][THAILAND][0] = new long[] {2, 1};
        routes0[DIRECT][CHINA][0] = new long[] {1, 0};
        routes0[LAOS][THAILAND][1] = new long[] {5, 0};
        long[][][][] routes1 = new long[EXITS.size()][COUNTRIES.size()][2][2];
        routes1[LAOS][THAILAND][0] = new long[] {6, 1};
        routes1[DIRECT][CHINA][0] = new long[] {0, 1};
        routes1[LAOS][THAILAND][1] = new long[] {3, 0};
        long[][][] origins0 = {{{2, 1}, {3, 0}}, {{1, 0}, {2, 0}}};
        long[][][] origins1 = {{{4, 2}, {2, 0}}, {{2, 0}, {1, 0}}};
        // cohorts[crossing year][reached, in NK, died, in China, in a third country][female, male]
        long[][][] cohorts0 = {
            {{2, 1}, {1, 0}, {0, 1}, {3, 2}, {1, 0}},
            {{0, 0}, {0, 0}, {1, 0}, {4, 1}, {2, 0}}};
        long[][][] cohorts1 = {
            {{5, 1}, {0, 2}, {0, 0}, {1, 0}, {0, 1}},
            {{1, 0}, {2, 0}, {0, 0}, {3, 3}, {0, 0}}};
        return List.of(
                TestRunResults.of(0, 2008, v0, EXITS, COUNTRIES, routes0, PROVINCES, origins0, cohorts0),
                TestRunResults.of(1, 2008, v1, EXITS, COUNTRIES, routes1, PROVINCES, origins1, cohorts1));
    }

    @Test
    void annualAndSummaryMatchGoldenFiles() throws IOException {
        ResultTables.writeAll(dir, tiny(), ObservedSeries.shipped()::single);
        assertEquals(golden("annual.csv"), read(ResultTable.ANNUAL.file()));
        assertEquals(golden("summary.csv"), read(ResultTable.SUMMARY.file()));
    }

    /**
     * The golden file was written by hand from the arrays in {@link #tiny()}: 2 replications × 2 crossing years ×
     * 5 outcomes × 3 sexes = 60 rows under the header, zeros included, {@code all} the sum of the two sexes.
     */
    @Test
    void cohortsEveryYearOutcomeAndSexInOrder() throws IOException {
        ResultTables.writeCohorts(dir, tiny());
        List<String> lines = read(ResultTable.COHORTS.file()).lines().toList();
        assertEquals("replication,crossing_year,outcome,sex,value", lines.get(0));
        assertEquals(2 * 2 * 5 * 3, lines.size() - 1);
        assertEquals(golden("cohorts.csv"), read(ResultTable.COHORTS.file()));
    }

    @Test
    void routesOnlyUsedRoutesWithZerosFilledIn() throws IOException {
        ResultTables.writeRoutes(dir, tiny());
        assertEquals("""
                replication,year,exit_route,last_country,sex,value
                0,2008,laos,thailand,female,2
                0,2008,laos,thailand,male,1
                0,2008,laos,thailand,all,3
                0,2008,direct_from_china,china,female,1
                0,2008,direct_from_china,china,male,0
                0,2008,direct_from_china,china,all,1
                0,2009,laos,thailand,female,5
                0,2009,laos,thailand,male,0
                0,2009,laos,thailand,all,5
                0,2009,direct_from_china,china,female,0
                0,2009,direct_from_china,china,male,0
                0,2009,direct_from_china,china,all,0
                1,2008,laos,thailand,female,6
                1,2008,laos,thailand,male,1
                1,2008,laos,thailand,all,7
                1,2008,direct_from_china,china,female,0
                1,2008,direct_from_china,china,male,1
                1,2008,direct_from_china,china,all,1
                1,2009,laos,thailand,female,3
                1,2009,laos,thailand,male,0
                1,2009,laos,thailand,all,3
                1,2009,direct_from_china,china,female,0
                1,2009,direct_from_china,china,male,0
                1,2009,direct_from_china,china,all,0
                """, read(ResultTable.ROUTES.file()));
    }

    @Test
    void originsAllProvincesWithQuotedNames() throws IOException {
        ResultTables.writeOrigins(dir, tiny());
        assertEquals("""
                replication,year,province,sex,value
                0,2008,North Hamgyong,female,2
                0,2008,North Hamgyong,male,1
                0,2008,North Hamgyong,all,3
                0,2008,"Hyesan, Ryanggang",female,1
                0,2008,"Hyesan, Ryanggang",male,0
                0,2008,"Hyesan, Ryanggang",all,1
                0,2009,North Hamgyong,female,3
                0,2009,North Hamgyong,male,0
                0,2009,North Hamgyong,all,3
                0,2009,"Hyesan, Ryanggang",female,2
                0,2009,"Hyesan, Ryanggang",male,0
                0,2009,"Hyesan, Ryanggang",all,2
                1,2008,North Hamgyong,female,4
                1,2008,North Hamgyong,male,2
                1,2008,North Hamgyong,all,6
                1,2008,"Hyesan, Ryanggang",female,2
                1,2008,"Hyesan, Ryanggang",male,0
                1,2008,"Hyesan, Ryanggang",all,2
                1,2009,North Hamgyong,female,2
                1,2009,North Hamgyong,male,0
                1,2009,North Hamgyong,all,2
                1,2009,"Hyesan, Ryanggang",female,1
                1,2009,"Hyesan, Ryanggang",male,0
                1,2009,"Hyesan, Ryanggang",all,1
                """, read(ResultTable.ORIGINS.file()));
    }

    @Test
    void identicalInputsGiveIdenticalBytesAndNoTemporaryFiles() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        ResultTables.writeAll(a, tiny(), ObservedSeries.shipped()::single);
        ResultTables.writeAll(b, tiny(), ObservedSeries.shipped()::single);
        for (String name : List.of(ResultTable.ANNUAL.file(), ResultTable.SUMMARY.file(), ResultTable.ROUTES.file(),
                ResultTable.ORIGINS.file(), ResultTable.COHORTS.file())) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
        try (Stream<Path> files = Files.list(a)) {
            assertEquals(List.of("annual.csv", "cohorts.csv", "origins.csv", "routes.csv", "summary.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void refusesReplicationsOfDifferentShape() {
        List<RunResult> runs = tiny();
        RunResult other = TestRunResults.of(2, 2009, new double[Measure.values().length][2][SexGroup.COUNT],
                EXITS, COUNTRIES, new long[EXITS.size()][COUNTRIES.size()][2][2], PROVINCES, new long[2][2][2]);
        assertThrows(IllegalArgumentException.class,
                () -> ResultTables.writeAnnual(dir, List.of(runs.get(0), other)));
        assertThrows(IllegalArgumentException.class, () -> ResultTables.writeAnnual(dir, List.of()));
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ResultTablesTest.class.getResourceAsStream("tiny/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
