package escaperoutes.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.observe.TestRunResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {
    private static final int FIRST = 2000;
    private static final int YEARS = 25; // 2000-2024

    /** A replication with 100 arrivals a year, 40 of them born in North Hamgyong, 30 in Ryanggang, 30 elsewhere. */
    private static RunResult run(int replication, double yearsIn2009) {
        double[][][] values = new double[Measure.values().length][YEARS][SexGroup.COUNT];
        long[][][][] routes = new long[2][2][YEARS][2]; // exit: laos, direct; last country: laos, thailand
        long[][][] origins = new long[3][YEARS][2];
        for (int y = 0; y < YEARS; y++) {
            values[Measure.ARRIVALS.ordinal()][y][SexGroup.ALL.ordinal()] = 100;
            values[Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS.ordinal()][y][SexGroup.ALL.ordinal()] = 2.0;
            values[Measure.HIDING_CHINA_END.ordinal()][y][SexGroup.ALL.ordinal()] = 15_000 + replication;
            values[Measure.DETAINED_CHINA_END.ordinal()][y][SexGroup.ALL.ordinal()] = 1000 * (y - 19);
            origins[0][y][0] = 40;
            origins[1][y][1] = 30;
            origins[2][y][0] = 30;
            routes[0][1][y][0] = 72;
            routes[0][0][y][0] = 28;
        }
        values[Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS.ordinal()][2009 - FIRST][SexGroup.ALL.ordinal()] = yearsIn2009;
        return TestRunResults.of(replication, FIRST, values, List.of("laos", "direct"), List.of("laos", "thailand"),
                routes, List.of("North Hamgyong", "Ryanggang", "Kangwon"), origins);
    }

    @Test
    void checksAverageOverReplications() {
        List<Checks.Check> checks = Checks.compute(List.of(run(0, 1.0), run(1, Double.NaN), run(2, 2.0)));
        assertEquals(List.of("mean years in China of 2002 arrivals", "mean years in China of 2009 arrivals",
                "mean years in China of 2024 arrivals", "share of arrivals 2000-2024 born in North Hamgyong or "
                        + "Ryanggang", "share of 2016 arrivals who came via Thailand",
                "people hiding in China at the end of 2012",
                "people held by China at the end of 2020-2022 (mean of the three years)"),
                checks.stream().map(Checks.Check::name).toList());
        assertEquals(2.0, checks.get(0).simulated(), 1e-12);
        // the replication without arrivals (NaN) is left out: (1 + 2) / 2
        assertEquals(1.5, checks.get(1).simulated(), 1e-12);
        assertEquals(0.70, checks.get(3).simulated(), 1e-12);
        assertEquals(0.72, checks.get(4).simulated(), 1e-12);
        assertEquals(15_001, checks.get(5).simulated(), 1e-9);
        // held at the end of 2020, 2021, 2022: 1000, 2000, 3000
        assertEquals(2000, checks.get(6).simulated(), 1e-9);
    }
}
