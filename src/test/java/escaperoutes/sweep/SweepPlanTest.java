package escaperoutes.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.observe.TestRunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan of a sweep: its points, its chunks, the outputs of a run, and the executor's order. */
class SweepPlanTest {
    @TempDir
    Path dir;

    private SweepPlan plan(String spec) throws Exception {
        return SweepPlan.of(new SweepSpecReader().read(TestSweeps.write(dir, spec)));
    }

    private static final String GRID = """
            {"scenario": "small.json",
             "parameters": [
               {"name": "attempts", "path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 400, "logScale": true},
               {"name": "women", "path": "$.attempts.femaleShare", "levels": [0.5, 0.6, 0.75]}
             ],
             "design": {"kind": "grid", "levels": 3},
             "replications": 3,
             "outputs": {"measures": ["arrivals"], "sexes": ["all"], "perYear": false,
                         "windows": [{"from": 2010, "to": 2011}]}}
            """;

    @Test
    void aGridPlanHasEveryCombinationInNestedLoopOrderAndChunksCoverItOnce() throws Exception {
        SweepPlan plan = plan(GRID);
        assertEquals(9, plan.points());
        assertArrayEquals(new double[] {100, 0.5}, plan.values(0));
        assertArrayEquals(new double[] {100, 0.6}, plan.values(1));
        assertArrayEquals(new double[] {200, 0.75}, plan.values(5), "log scale: 100, 200, 400");
        assertArrayEquals(new double[] {400, 0.75}, plan.values(8));
        assertEquals("grid", plan.role(4));
        assertEquals(100, plan.scenarioAt(0).attempts().attemptsPerYear());
        assertEquals(0.75, plan.scenarioAt(8).attempts().femaleShare());
        assertEquals("tiny-sweep-point-8", plan.scenarioAt(8).name(), "named after the sweep (its file) and point");

        int next = 0;
        for (int i = 1; i <= 4; i++) {
            SweepPlan.Slice slice = plan.chunk(i, 4);
            assertEquals(next, slice.from());
            assertTrue(slice.size() == 2 || slice.size() == 3, slice.toString());
            next = slice.to();
        }
        assertEquals(9, next);
    }

    @Test
    void aRangesValuesAreRoundedToTwelveDigitsAndLevelsRunAsListed() throws Exception {
        SweepPlan plan = plan("""
                {"scenario": "small.json",
                 "parameters": [
                   {"name": "women", "path": "$.attempts.femaleShare", "lower": 0.1, "upper": 0.7},
                   {"name": "arrest", "path": "$.legs[0].arrest", "levels": [0.1, 0.123456789012345]}
                 ],
                 "design": {"kind": "grid", "levels": 4},
                 "outputs": {"measures": ["arrivals"]}}
                """);
        // A third of the way from 0.1 to 0.7 is 0.30000000000000004 in doubles; the 15 digits of a level stay.
        assertArrayEquals(new double[] {0.3, 0.123456789012345}, plan.values(3));
        assertEquals(0.3, plan.scenarioAt(3).attempts().femaleShare());
        assertEquals(0.123456789012345, plan.scenarioAt(3).legs().get(0).arrest());
        assertEquals(plan.scenarioAt(3).legs(), plan.scenarioAt(1).legs(), "points 1 and 3 differ in women only");
    }

    @Test
    void theExecutorHandsOnEveryPointInOrderWhateverTheThreads() throws Exception {
        SweepPlan plan = plan(GRID);
        List<String> oneThread = new ArrayList<>();
        List<String> threeThreads = new ArrayList<>();
        SweepRunner.run(plan, 2, 9, 1, null, (point, runs) -> oneThread.add(SweepRows.resultRows(plan, point,
                runs)));
        SweepRunner.run(plan, 2, 9, 3, null, (point, runs) -> {
            assertEquals(List.of(0, 1, 2), runs.stream().map(RunResult::replication).toList());
            threeThreads.add(SweepRows.resultRows(plan, point, runs));
        });
        assertEquals(7, oneThread.size());
        assertEquals(oneThread, threeThreads);
        assertTrue(oneThread.get(0).startsWith("2,0,100,0.75,2010-2011,arrivals,all,"), oneThread.get(0));
        assertEquals(3, oneThread.get(0).lines().count(), "only the window's sum, for 3 replications");
    }

    @Test
    void outputsAreSumsMeansAndSharesOfTheRun() throws Exception {
        SweepPlan plan = plan("""
                {"scenario": "small.json",
                 "parameters": [{"name": "women", "path": "$.attempts.femaleShare", "lower": 0.5, "upper": 0.9}],
                 "design": {"kind": "morris", "trajectories": 2},
                 "sensitivity": {"outputs": [
                   {"name": "arrivals", "measure": "arrivals", "from": 2010, "to": 2011},
                   {"name": "men", "measure": "arrivals", "sex": "male", "from": 2011, "to": 2011},
                   {"name": "women_share", "measure": "arrivals", "from": 2010, "to": 2011,
                    "statistic": "share_female"},
                   {"name": "years_in_china", "measure": "mean_years_in_china_of_arrivals", "from": 2010, "to": 2011,
                    "statistic": "mean"}]}}
                """);
        double[][][] values = new double[Measure.values().length][2][SexGroup.COUNT];
        values[Measure.ARRIVALS.ordinal()][0] = new double[] {30, 10, 40};
        values[Measure.ARRIVALS.ordinal()][1] = new double[] {45, 15, 60};
        values[Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS.ordinal()][0] = new double[] {2, 1, Double.NaN};
        values[Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS.ordinal()][1] = new double[] {3, 1, 4};
        RunResult run = TestRunResults.of(0, 2010, values, List.of(), List.of(), new long[0][0][2][2], List.of(),
                new long[0][2][2]);
        double[] outputs = plan.outputValues(run);
        assertEquals(100, outputs[0], "40 + 60 arrivals");
        assertEquals(15, outputs[1]);
        assertEquals(75.0 / 100, outputs[2], 1e-12);
        assertEquals(4, outputs[3], "the year without a value is left out of the mean");
    }

    @Test
    void morrisIndicesOfAnOutputLinearInTheParametersAreItsSlopesTimesTheRanges() throws Exception {
        SweepPlan plan = plan("""
                {"scenario": "small.json",
                 "parameters": [
                   {"name": "attempts", "path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 500},
                   {"name": "women", "path": "$.attempts.femaleShare", "levels": [0.5, 0.6, 0.7, 0.8]}
                 ],
                 "design": {"kind": "morris", "trajectories": 6},
                 "sensitivity": {"outputs": [{"name": "y", "measure": "arrivals", "from": 2010, "to": 2011}],
                                 "bootstrap": 20}}
                """);
        assertEquals(18, plan.points());
        assertEquals("trajectory_0_start", plan.role(0));
        double[][] means = new double[plan.points()][1];
        for (int p = 0; p < means.length; p++) {
            double[] v = plan.values(p);
            means[p][0] = 2 * v[0] + 1000 * v[1];
        }
        List<SweepPlan.SensitivityRow> rows = plan.sensitivity(means);
        assertEquals(List.of("mu", "mu_star", "sigma", "mu", "mu_star", "sigma"),
                rows.stream().map(SweepPlan.SensitivityRow::index).toList());
        assertEquals(2 * 400, rows.get(1).value(), 1e-6, "μ* of attempts: 2 per attempt over a range of 400");
        assertEquals(0, rows.get(2).value(), 1e-6);
        // women's 4 levels on a 4-level grid: a step of Δ = 2/3 moves two levels, 0.2, at 1000 per unit: 200 per
        // step, i.e. 300 per whole range in unit coordinates.
        assertEquals(300, rows.get(4).value(), 1e-6);
        assertTrue(Double.isNaN(rows.get(0).low()), "only μ* has an interval");
    }

    @Test
    void sobolIndicesOfAnAdditiveOutputShareItsVarianceByParameter() throws Exception {
        SweepPlan plan = plan("""
                {"scenario": "small.json",
                 "parameters": [
                   {"name": "attempts", "path": "$.attempts.attemptsPerYear", "lower": 100, "upper": 500},
                   {"name": "women", "path": "$.attempts.femaleShare", "lower": 0.5, "upper": 0.9}
                 ],
                 "design": {"kind": "saltelli", "baseSamples": 256},
                 "sensitivity": {"outputs": [{"name": "y", "measure": "arrivals", "from": 2010, "to": 2011},
                                             {"name": "z", "measure": "arrivals", "from": 2010, "to": 2010}],
                                 "bootstrap": 50}}
                """);
        assertEquals(256 * 4, plan.points());
        assertEquals("AB_women", plan.role(3 * 256));
        double[][] means = new double[plan.points()][2];
        for (int p = 0; p < means.length; p++) {
            double[] v = plan.values(p);
            // Uniform attempts on [100, 500] have variance 400² / 12; 1000 × women on [0.5, 0.9], 400² / 12 too.
            means[p][0] = v[0] + 1000 * v[1];
            means[p][1] = p == 7 ? Double.NaN : v[0];
        }
        List<SweepPlan.SensitivityRow> rows = plan.sensitivity(means);
        assertEquals(8, rows.size());
        assertEquals("y,attempts,first_order", rows.get(0).output() + "," + rows.get(0).parameter() + ","
                + rows.get(0).index());
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5, rows.get(i).value(), 0.05, rows.get(i).toString());
        }
        assertTrue(Double.isNaN(rows.get(4).value()), "an output missing at a point has no indices");
    }
}
