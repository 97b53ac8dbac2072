package escaperoutes.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import escaperoutes.simulation.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ObjectiveTest {
    private static ModelConfig config;
    private static final LossFunctions.Weights WEIGHTS = new LossFunctions.Weights(1.0, 2.0);

    @BeforeAll
    static void read() throws Exception {
        config = ScenarioCompiler.compile(new ScenarioReader().read(Path.of("scenarios/baseline.json")))
                .withScale(0.2);
    }

    /** The loss recomputed by hand: each year's mean over replications against the observed count. */
    @Test
    void theLossIsTheSumOfEachPeriodsDevianceAtTheReplicationMeans() throws Exception {
        Objective objective = new Objective(ObservedSeries.shipped(), 2012, 2024, WEIGHTS, null, 3, 3, 1);
        assertEquals(13, objective.targets().size());
        List<RunResult> runs = Replications.run(config, 3, 3, 1, null);
        double expected = 0;
        for (int year = 2012; year <= 2024; year++) {
            final int y = year;
            double total = runs.stream().mapToDouble(r -> r.value(Measure.ARRIVALS, y, SexGroup.ALL)).average()
                    .orElseThrow();
            double women = runs.stream().mapToDouble(r -> r.value(Measure.ARRIVALS, y, SexGroup.FEMALE))
                    .average().orElseThrow();
            ObservedSeries.Period p = ObservedSeries.shipped().covering(year).orElseThrow();
            expected += WEIGHTS.totals() * LossFunctions.poissonDeviance(p.total(), total)
                    + WEIGHTS.women() * LossFunctions.binomialDeviance(p.female(), p.total(), women / total);
        }
        double loss = Objective.total(objective.fit(config));
        assertEquals(expected, loss, 1e-9 * expected);
        // Common random numbers: the same candidate scores the same, whatever the number of threads.
        assertEquals(loss, Objective.total(new Objective(ObservedSeries.shipped(), 2012, 2024, WEIGHTS, null, 3, 3, 2)
                .fit(config)), 0.0);
    }

    @Test
    void aLumpedPeriodIsComparedWithTheSumOverItsYears() throws Exception {
        Objective objective = new Objective(ObservedSeries.shipped(), 1999, 2001, WEIGHTS, 5.0, 4, 2, 1);
        assertEquals(1, objective.targets().size());
        List<RunResult> runs = Replications.run(config, 4, 2, 1, null);
        double total = runs.stream().mapToDouble(r -> r.sum(Measure.ARRIVALS, 1999, 2001, SexGroup.ALL)).sum() / 2;
        Objective.TargetFit fit = objective.fit(config).get(0);
        assertEquals(1999, fit.period().startYear());
        assertEquals(2001, fit.period().endYear());
        assertEquals(total, fit.simulatedTotal(), 1e-9);
        assertEquals(LossFunctions.negativeBinomialDeviance(1043, total, 5.0) * WEIGHTS.totals()
                + WEIGHTS.women() * LossFunctions.binomialDeviance(478, 1043, fit.simulatedWomen() / total),
                fit.loss(), 1e-9);
    }

    @Test
    void aWindowWithoutObservationsIsRefused() {
        assertEquals("no observed period lies within 1960-1970", assertThrows(IllegalArgumentException.class,
                () -> new Objective(ObservedSeries.shipped(), 1960, 1970, WEIGHTS, null, 1, 1, 1)).getMessage());
    }

    @Test
    void aPartOfAYearIsComparedWithTheSameMonths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("half.csv"),
                "period_start,period_end,male,female,total\n2012-01,2012-06,200,500,700\n");
        Objective objective = new Objective(ObservedSeries.read(csv), 2012, 2012, WEIGHTS, null, 5, 2, 1);
        List<RunResult> runs = Replications.run(config, 5, 2, 1, null);
        double total = runs.stream().mapToDouble(r -> r.arrivalsInMonths(2012, 1, 2012, 6, SexGroup.ALL)).sum() / 2;
        double women = runs.stream().mapToDouble(r -> r.arrivalsInMonths(2012, 1, 2012, 6, SexGroup.FEMALE))
                .sum() / 2;
        Objective.TargetFit fit = objective.fit(config).get(0);
        assertEquals(total, fit.simulatedTotal(), 1e-9);
        assertEquals(women, fit.simulatedWomen(), 1e-9);
        double wholeYear = runs.stream().mapToDouble(r -> r.value(Measure.ARRIVALS, 2012, SexGroup.ALL)).sum() / 2;
        org.junit.jupiter.api.Assertions.assertTrue(total < wholeYear, total + " of " + wholeYear);
    }
}
