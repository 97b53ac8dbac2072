package escaperoutes.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped baseline's posterior still fits the shipped scenarios: every parameter is a number of the baseline,
 * draws land inside the spec's intervals, and every what-if of the library reads onto the baseline at a draw (what
 * {@code compare --posterior scenarios/calibration/baseline-posterior} does before it runs anything).
 */
class ShippedPosteriorTest {

    @Test
    void everyWhatIfReadsOntoTheBaselineAtADraw() throws Exception {
        PosteriorFolder posterior = PosteriorFolder.read(Path.of("scenarios/calibration/baseline-posterior"));
        Path baseFile = Path.of("scenarios/baseline.json");
        ScenarioReader reader = new ScenarioReader();
        ParameterSpace space = posterior.spaceOver(reader.read(baseFile), baseFile.toString());
        assertEquals(16, space.dimension());
        List<double[]> draws = posterior.draws(3, 1);
        for (double[] draw : draws) {
            for (int k = 0; k < draw.length; k++) {
                double value = draw[k];
                var scale = space.parameters().get(k).scale();
                assertTrue(value >= scale.lower() && value <= scale.upper(), space.parameters().get(k).name());
            }
        }
        Scenario baseAtDraw = space.scenarioAt(draws.get(0));
        JsonNode tree = Json.mapper().valueToTree(baseAtDraw);
        for (String whatIf : List.of("baseline-2030", "china-halts-repatriation", "border-reopens-2027",
                "surveillance-doubles-2026", "laos-route-closes", "broker-fees-2019", "no-2020-closure")) {
            Path file = Path.of("scenarios", whatIf + ".json");
            assertTrue(reader.readOnto(file, baseFile, tree, "baseline at a draw").isPresent(), whatIf);
        }
    }
}
