package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.Json;
import escaperoutes.model.ChainDefection;
import escaperoutes.model.ModelConfig;
import org.junit.jupiter.api.Test;

/** {@code attempts.chain} as read, defaulted, checked and compiled. */
class ChainDefectionScenarioTest {

    private static ObjectNode withChain(String chain) throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(ScenarioReaderTest.SMALL_SCENARIO);
        ((ObjectNode) tree.get("attempts")).set("chain", Json.mapper().readTree(chain));
        return tree;
    }

    @Test
    void compiledPerDayWithItsDefaults() throws Exception {
        Scenario scenario = new ScenarioReader().fromTree(
                withChain("{\"perResidentPerYear\": 0.073, \"femaleShare\": 0.6, \"residentsAtStart\": 947}"),
                "small with chain");
        ChainDefection chain = ScenarioCompiler.compile(scenario).chainDefection();
        assertEquals(0.073 / 365.25, chain.attemptsPerResidentPerDay(), 1e-15);
        assertEquals(0.6, chain.femaleShare());
        assertEquals(947, chain.residentsAtStart());
        assertEquals(12, chain.lagMonths(), "default lag");
        assertEquals(1.0, chain.directShare(), "default: all go straight through");
    }

    @Test
    void noChainMeansNone() throws Exception {
        ModelConfig config = ScenarioCompiler.compile(new ScenarioReader().fromTree(
                Json.mapper().readTree(ScenarioReaderTest.SMALL_SCENARIO), "small"));
        assertSame(ChainDefection.NONE, config.chainDefection());
    }

    @Test
    void badValuesAreReportedWithTheirPaths() throws Exception {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> new ScenarioReader().fromTree(
                withChain("{\"perResidentPerYear\": -0.1, \"femaleShare\": 1.5, \"residentsAtStart\": 947, "
                        + "\"lagMonths\": 700}"), "bad"));
        String problems = e.problems().toString();
        assertTrue(e.problems().stream().anyMatch(p -> p.path().endsWith("$.attempts.chain.perResidentPerYear")),
                problems);
        assertTrue(e.problems().stream().anyMatch(p -> p.path().endsWith("$.attempts.chain.femaleShare")), problems);
        assertTrue(e.problems().stream().anyMatch(p -> p.path().endsWith("$.attempts.chain.lagMonths")), problems);
    }

    @Test
    void aChainNeedsANorthKoreanProvinceWithAttempts() throws Exception {
        ObjectNode tree = withChain("{\"perResidentPerYear\": 0.05, \"femaleShare\": 0.6, \"residentsAtStart\": 10}");
        ((ObjectNode) tree.get("attempts")).put("attemptsPerYear", 0);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> new ScenarioReader().fromTree(tree, "no origin"));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().endsWith("$.attempts.chain")
                && p.message().contains("no province in north_korea")), e.problems().toString());
    }
}
