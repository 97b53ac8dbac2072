package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.simulation.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.Province;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.io.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A province with {@code fixedAttemptsPerYear}: its own rate by sex, outside the share-out of attemptsPerYear. */
class FixedRateOriginTest {
    private static final double DAYS_PER_YEAR = 365.25;

    /** The small scenario plus people leaving from abroad, 40 women and 160 men a year, straight to South Korea. */
    static Scenario withAbroad() throws Exception {
        return new ScenarioReader().fromTree(withAbroadTree(), "small with abroad");
    }

    static ObjectNode withAbroadTree() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(ScenarioReaderTest.SMALL_SCENARIO);
        ((ArrayNode) tree.get("provinces")).add(Json.mapper().readTree("""
                {"id": "abroad", "name": "Abroad", "population": 0, "bordersChina": false, "segment": "abroad",
                 "fixedAttemptsPerYear": {"female": 40, "male": 160}}"""));
        ((ArrayNode) tree.get("legs")).add(Json.mapper().readTree("""
                {"from": "abroad", "to": "south_korea", "travelDays": {"distribution": "fixed", "days": 10},
                 "segment": "abroad"}"""));
        return tree;
    }

    @Test
    void theFixedRateIsItsOwnAndTheOthersStillShareAttemptsPerYear() throws Exception {
        ModelConfig config = ScenarioCompiler.compile(withAbroad());
        List<Province> provinces = config.provinces();
        Province abroad = provinces.get(2);
        assertEquals(40 / DAYS_PER_YEAR, abroad.attemptsPerDay()[0], 1e-12);
        assertEquals(160 / DAYS_PER_YEAR, abroad.attemptsPerDay()[1], 1e-12);
        double others = 0;
        for (int p = 0; p < 2; p++) {
            others += provinces.get(p).attemptsPerDay()[0] + provinces.get(p).attemptsPerDay()[1];
        }
        assertEquals(400 / DAYS_PER_YEAR, others, 1e-9, "attemptsPerYear is shared by the other provinces only");
    }

    /**
     * With no risk on the way and no regime for segment "abroad", arrivals from abroad in 2010–2011 are Poisson
     * with mean rate × (days of the run − 10 days' travel): women 40 × 720/365.25, men 160 × 720/365.25.
     */
    @Test
    void arrivalsFromAbroadMatchTheRate() throws Exception {
        ModelConfig config = ScenarioCompiler.compile(withAbroad());
        int replications = 60;
        double women = 0;
        double men = 0;
        for (int r = 0; r < replications; r++) {
            RunResult result = Replications.runOne(config, 5, r);
            int abroad = result.provinces().indexOf("Abroad");
            women += result.originArrivals(abroad, 2010, SexGroup.FEMALE)
                    + result.originArrivals(abroad, 2011, SexGroup.FEMALE);
            men += result.originArrivals(abroad, 2010, SexGroup.MALE) + result.originArrivals(abroad, 2011, SexGroup.MALE);
        }
        double days = 730 - 10;
        assertWithinThreeStandardErrors(40 * days / DAYS_PER_YEAR, women / replications, replications);
        assertWithinThreeStandardErrors(160 * days / DAYS_PER_YEAR, men / replications, replications);
    }

    private static void assertWithinThreeStandardErrors(double expected, double mean, int replications) {
        double standardError = Math.sqrt(expected / replications);
        assertTrue(Math.abs(mean - expected) <= 3 * standardError,
                "mean " + mean + " vs expected " + expected + " ± 3 × " + standardError);
    }

    @Test
    void aNegativeFixedRateIsReportedWithItsPath() throws Exception {
        JsonNode tree = Json.mapper().readTree(ScenarioReaderTest.SMALL_SCENARIO);
        ((ObjectNode) tree.get("provinces").get(0)).set("fixedAttemptsPerYear",
                Json.mapper().readTree("{\"female\": -1, \"male\": 3}"));
        InvalidScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidScenarioException.class,
                () -> new ScenarioReader().fromTree(tree, "bad"));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().endsWith("$.provinces[0].fixedAttemptsPerYear.female")
                && p.message().contains("≥ 0")), e.problems().toString());
    }
}
