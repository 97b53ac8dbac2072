package escaperoutes.parameter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import escaperoutes.io.Problem;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {
    private static Scenario baseline;

    @BeforeAll
    static void read() throws Exception {
        baseline = new ScenarioReader().read(Path.of("scenarios/baseline-handset.json"));
    }

    private static Parameter parameter(String path, Scale scale, String... alsoPaths) {
        return Parameter.of(path, path, List.of(alsoPaths), scale);
    }

    private static ParameterSpace space() {
        return new ParameterSpace(baseline, List.of(
                parameter("$.attempts.attemptsPerYear", new Scale.Logarithmic(100, 10_000)),
                parameter("$.legs[18].arrest", new Scale.Linear(0, 0.5))));
    }

    @Test
    void aParameterWithAlsoPathsSetsEachOfThem() throws Exception {
        ParameterSpace space = new ParameterSpace(baseline, List.of(parameter("$.legs[18].arrest",
                new Scale.Linear(0, 0.5), "$.legs[19].arrest")));
        Scenario at = space.scenarioAt(new double[] {0.3});
        assertEquals(0.3, at.legs().get(18).arrest());
        assertEquals(0.3, at.legs().get(19).arrest());
        assertEquals(baseline.legs().get(20).arrest(), at.legs().get(20).arrest());
        assertEquals(baseline.legs().get(18), space.scenarioAt(space.baseValues()).legs().get(18));
    }

    @Test
    void unitCoordinatesAreLinearOrLogarithmic() {
        ParameterSpace space = space();
        // log scale: 1,000 is halfway between 100 and 10,000; linear: 0.125 is a quarter of [0, 0.5]
        assertArrayEquals(new double[] {0.5, 0.25}, space.toUnit(new double[] {1000, 0.125}), 1e-12);
        assertArrayEquals(new double[] {100, 0}, space.fromUnit(new double[] {0, 0}), 1e-9);
        assertArrayEquals(new double[] {10_000, 0.5}, space.fromUnit(new double[] {1, 1}), 1e-9);
        double[] values = {3456, 0.321};
        assertArrayEquals(values, space.fromUnit(space.toUnit(values)), 1e-9);
        assertArrayEquals(new double[] {6000, 0.12}, space.baseValues(), 0);
    }

    @Test
    void aPointOfTheSpaceIsAValidatedScenario() throws Exception {
        Scenario at = space().scenarioAt(new double[] {2500, 0.3});
        assertEquals(2500, at.attempts().attemptsPerYear());
        assertEquals(0.3, at.legs().get(18).arrest());
        assertEquals(baseline.regimes(), at.regimes());
        InvalidScenarioException bad = assertThrows(InvalidScenarioException.class,
                () -> space().scenarioAt(new double[] {2500, 1.5}));
        assertEquals(List.of(new Problem("baseline-handset at [2500.0, 1.5]: $.legs[18].arrest",
                "1.5 is outside the allowed range [0, 1]")), bad.problems());
        assertEquals(List.of(new Problem("$.legs[18].arrest", "1.5 is outside the allowed range [0, 1]")),
                space().problemsAt(new double[] {2500, 1.5}));
    }
}
