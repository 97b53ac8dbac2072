package escaperoutes.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.simulation.Replications;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.parameter.Parameter;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Scale;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioReaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter recovery: data made by the model from known parameters are fitted back. */
class CalibratorTest {
    private static final double TRUE_ATTEMPTS = 900;
    private static final double TRUE_FEMALE_SHARE = 0.65;

    @TempDir
    Path dir;

    /** The small test scenario over four years, with more attempts so that counts are informative. */
    private static Scenario scenario(double attemptsPerYear, double femaleShare) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(ScenarioReaderTest.SMALL_SCENARIO);
        tree.put("end", "2013-12-31");
        ((ObjectNode) tree.get("attempts")).put("attemptsPerYear", attemptsPerYear).put("femaleShare", femaleShare);
        return new ScenarioReader().fromTree(tree, "small");
    }

    /** "Observed" arrivals: the model's mean over many replications at the true parameters, rounded. */
    private ObservedSeries observedFromTheModel() throws Exception {
        List<RunResult> runs = Replications.run(ScenarioCompiler.compile(scenario(TRUE_ATTEMPTS, TRUE_FEMALE_SHARE)),
                99, 40, 2, null);
        StringBuilder csv = new StringBuilder("period_start,period_end,male,female,total\n");
        for (int year = 2010; year <= 2013; year++) {
            final int y = year;
            long women = Math.round(runs.stream().mapToDouble(r -> r.value(Measure.ARRIVALS, y, SexGroup.FEMALE))
                    .average().orElseThrow());
            long men = Math.round(runs.stream().mapToDouble(r -> r.value(Measure.ARRIVALS, y, SexGroup.MALE))
                    .average().orElseThrow());
            csv.append(year).append(',').append(year).append(',').append(men).append(',').append(women).append(',')
                    .append(men + women).append('\n');
        }
        return ObservedSeries.read(Files.writeString(dir.resolve("observed.csv"), csv));
    }

    private Calibrator.Result calibrate(CalibrationSpec.Optimizer optimizer, int threads, List<double[]> trace)
            throws Exception {
        ParameterSpace space = new ParameterSpace(scenario(400, 0.4), List.of(
                Parameter.of("attempts", "$.attempts.attemptsPerYear", List.of(), new Scale.Logarithmic(100, 5000)),
                Parameter.of("women", "$.attempts.femaleShare", List.of(), new Scale.Linear(0.05, 0.95))));
        Objective objective = new Objective(observedFromTheModel(), 2010, 2013, new LossFunctions.Weights(1, 1),
                null, 7, 10, threads);
        return new Calibrator(space, objective).run(optimizer, 150, 5, space.baseValues(),
                (e, best) -> trace.add(new double[] {e.number(), e.values()[0], e.values()[1], e.loss()}));
    }

    @Test
    void cmaesRecoversTheParametersThatMadeTheData() throws Exception {
        List<double[]> trace = new ArrayList<>();
        Calibrator.Result result = calibrate(CalibrationSpec.Optimizer.CMAES, 2, trace);
        double[] found = result.best().values();
        assertEquals(TRUE_ATTEMPTS, found[0], 0.08 * TRUE_ATTEMPTS, "attempts per year");
        assertEquals(TRUE_FEMALE_SHARE, found[1], 0.04, "female share");
        assertTrue(result.evaluations() <= 150);
        assertEquals(result.evaluations(), trace.size());
        double bestInTrace = trace.stream().mapToDouble(t -> t[3]).min().orElseThrow();
        assertEquals(bestInTrace, result.best().loss(), 0.0);
    }

    @Test
    void theSameSeedGivesTheSameSearchWhateverTheThreads() throws Exception {
        List<double[]> one = new ArrayList<>();
        List<double[]> two = new ArrayList<>();
        Calibrator.Result a = calibrate(CalibrationSpec.Optimizer.BOBYQA, 1, one);
        Calibrator.Result b = calibrate(CalibrationSpec.Optimizer.BOBYQA, 2, two);
        assertArrayEquals(a.best().values(), b.best().values(), 0.0);
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), two.get(i), 0.0, "evaluation " + (i + 1));
        }
    }
}
