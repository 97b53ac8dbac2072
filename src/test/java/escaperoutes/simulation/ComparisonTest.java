package escaperoutes.simulation;

import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.observe.TestRunResults;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioReaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paired differences on common random numbers, and the sums and summaries built from them. */
class ComparisonTest {

    @TempDir
    Path dir;

    @Test
    void aScenarioComparedWithItselfDiffersByExactlyZero() throws Exception {
        Path file = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        ModelConfig config = ScenarioCompiler.compile(new ScenarioReader().read(file));
        // Two compilations, so that nothing is shared between the two but the seed.
        ModelConfig again = ScenarioCompiler.compile(new ScenarioReader().read(file));
        Comparison c = Comparison.run(List.of(new Comparison.Compared("small", config),
                        new Comparison.Compared("small-2", again)), 5, 4, 2, new Comparison.Window(2010, 2011), 2010,
                null);
        assertTrue(c.cumulativeSummary(0, Measure.ARRIVALS.key(), SexGroup.ALL).mean() > 0,
                "zero arrivals would make the check empty");
        for (String series : c.series()) {
            for (int year = 2010; year <= 2011; year++) {
                for (SexGroup sex : SexGroup.values()) {
                    double[] a = c.values(0, series, year, sex);
                    double[] b = c.values(1, series, year, sex);
                    // Byte for byte: NaN (a mean over no arrivals) must be NaN in both.
                    assertArrayEquals(a, b, 0.0, series + " " + year + " " + sex);
                    for (double d : c.differences(1, series, year, sex)) {
                        assertTrue(d == 0 || Double.isNaN(d), series + " " + year + " " + sex + ": " + d);
                    }
                }
            }
            if (c.isFlow(series)) {
                assertEquals(new Comparison.Summary(0, 0, 0, 0), c.cumulativeDifference(1, series, SexGroup.ALL),
                        series);
            }
        }
    }

    @Test
    void summariesSumsAndRoutesFromResultsByHand() {
        // Two years, three replications; the exit routes and last countries as the recorder lists them.
        List<String> exits = List.of("north_korea", "china", "laos", "thailand", "direct");
        List<String> lasts = List.of("north_korea", "china", "laos", "thailand");
        double[][] baseArrivals = {{10, 20}, {12, 18}, {14, 22}};
        double[][] otherArrivals = {{11, 25}, {12, 24}, {20, 22}};
        List<RunResult> base = List.of(run(0, baseArrivals[0], exits, lasts), run(1, baseArrivals[1], exits, lasts),
                run(2, baseArrivals[2], exits, lasts));
        List<RunResult> other = List.of(run(0, otherArrivals[0], exits, lasts),
                run(1, otherArrivals[1], exits, lasts), run(2, otherArrivals[2], exits, lasts));
        Comparison c = Comparison.of(List.of("base", "other"), List.of(base, other), 7,
                new Comparison.Window(2020, 2021), 2020);

        String arrivals = Measure.ARRIVALS.key();
        assertArrayEquals(new double[] {1, 0, 6}, c.differences(1, arrivals, 2020, SexGroup.ALL));
        // Quantiles of {0, 1, 6} (R type 7): 5 % = 0 + 0.1·1, 50 % = 1, 95 % = 1 + 0.9·5.
        Comparison.Summary d = c.difference(1, arrivals, 2020, SexGroup.ALL);
        assertEquals(7.0 / 3, d.mean(), 1e-12);
        assertEquals(0.1, d.p05(), 1e-12);
        assertEquals(1.0, d.p50(), 1e-12);
        assertEquals(5.5, d.p95(), 1e-12);
        // Sums over 2020-2021: base 30, 30, 36; other 36, 36, 42; differences 6, 6, 6.
        assertArrayEquals(new double[] {30, 30, 36}, c.cumulative(0, arrivals, SexGroup.ALL, c.window()));
        assertEquals(new Comparison.Summary(6, 6, 6, 6), c.cumulativeDifference(1, arrivals, SexGroup.ALL));

        // Two arrivals a year come directly from China, the others via Laos (see run()).
        assertEquals(List.of("arrivals_via_laos", "arrivals_via_direct_from_china"),
                c.series().subList(Measure.values().length, c.series().size()));
        assertArrayEquals(new double[] {23, 22, 20}, c.values(1, "arrivals_via_laos", 2021, SexGroup.ALL));
        assertArrayEquals(new double[] {2, 2, 2}, c.values(1, "arrivals_via_direct_from_china", 2021, SexGroup.ALL));
        assertArrayEquals(new double[] {0, 0, 0}, c.values(1, "arrivals_via_laos", 2021, SexGroup.MALE));

        assertTrue(c.isFlow(arrivals));
        assertTrue(c.isFlow("arrivals_via_laos"));
        assertFalse(c.isFlow(Measure.IN_CHINA_END.key()));
        assertFalse(c.isFlow(Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS.key()));
        assertThrows(IllegalArgumentException.class,
                () -> c.cumulative(0, Measure.IN_CHINA_END.key(), SexGroup.ALL, c.window()));
        assertFalse(c.isProjected(2020));
        assertTrue(c.isProjected(2021));
    }

    @Test
    void scenariosOverDifferentYearsAreNotCompared() {
        List<String> exits = List.of("north_korea", "direct");
        List<String> lasts = List.of("north_korea");
        RunResult early = TestRunResults.of(0, 2019, new double[Measure.values().length][2][SexGroup.COUNT], exits,
                lasts, new long[2][1][2][2], List.of(), new long[0][2][2]);
        RunResult late = TestRunResults.of(0, 2020, new double[Measure.values().length][2][SexGroup.COUNT], exits,
                lasts, new long[2][1][2][2], List.of(), new long[0][2][2]);
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of("a", "b"),
                List.of(List.of(early), List.of(late)), 1, new Comparison.Window(2020, 2020), 2020));
    }

    /**
     * A replication of 2020-2021 whose women arrive as given (no men): two of them each year directly from China,
     * the others via Laos and then Thailand.
     */
    private static RunResult run(int replication, double[] womenByYear, List<String> exits, List<String> lasts) {
        double[][][] values = new double[Measure.values().length][2][SexGroup.COUNT];
        long[][][][] routes = new long[exits.size()][lasts.size()][2][2];
        for (int y = 0; y < 2; y++) {
            values[Measure.ARRIVALS.ordinal()][y][SexGroup.FEMALE.ordinal()] = womenByYear[y];
            values[Measure.ARRIVALS.ordinal()][y][SexGroup.ALL.ordinal()] = womenByYear[y];
            routes[exits.indexOf("laos")][lasts.indexOf("thailand")][y][0] = (long) womenByYear[y] - 2;
            routes[exits.indexOf("direct")][lasts.indexOf("china")][y][0] = 2;
        }
        return TestRunResults.of(replication, 2020, values, exits, lasts, routes, List.of(), new long[0][2][2]);
    }

    @Test
    void theVarianceOfASummedDifferenceSplitsBetweenParametersAndChance() {
        List<String> exits = List.of("laos", "direct");
        List<String> lasts = List.of("thailand", "china");
        // Base: 10 women a year in every replication. Other: replications (0, 1) share one parameter draw, (2, 3)
        // another; their summed differences over 2020-2021 are 1, 3, 10 and 14.
        double[][] other = {{10, 11}, {12, 11}, {15, 15}, {20, 14}};
        List<RunResult> base = new java.util.ArrayList<>();
        List<RunResult> changed = new java.util.ArrayList<>();
        for (int r = 0; r < 4; r++) {
            base.add(run(r, new double[] {10, 10}, exits, lasts));
            changed.add(run(r, other[r], exits, lasts));
        }
        Comparison c = Comparison.of(List.of("base", "other"), List.of(base, changed), 1,
                new Comparison.Window(2020, 2021), 2021);
        Comparison.VarianceSplit v = c.cumulativeVarianceSplit(1, Measure.ARRIVALS.key(), SexGroup.ALL);
        // Mean 7; sample variance (36 + 16 + 9 + 49) / 3; within pairs ((1 − 3)² / 2 + (10 − 14)² / 2) / 2 = 5.
        assertEquals(110.0 / 3, v.total(), 1e-12);
        assertEquals(5, v.chance(), 1e-12);
        assertEquals(110.0 / 3 - 5, v.parameters(), 1e-12);
        assertEquals((110.0 / 3 - 5) / (110.0 / 3), v.parameterShare(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of("base", "other"),
                List.of(base.subList(0, 2), changed.subList(0, 2)), 1, new Comparison.Window(2020, 2021), 2021)
                .cumulativeVarianceSplit(1, Measure.ARRIVALS.key(), SexGroup.ALL), "two replications are one pair");
    }
}
