package escaperoutes.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.Problem;
import escaperoutes.model.EnforcementTimeline;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.MultiplierKind;
import escaperoutes.model.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * After the regime that ends last, a run carries it forward unless the scenario says {@code "afterLastRegime":
 * "none"}; gaps between regimes keep multipliers of 1 either way.
 */
class ProjectionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theRegimeEndingLastIsCarriedForwardByDefault() throws Exception {
        Scenario s = read(tree(null));
        assertEquals(Scenario.AfterLastRegime.CARRY_FORWARD, s.afterLastRegime());
        Probe p = new Probe(ScenarioCompiler.compile(s));
        assertEquals(0.2, p.attempt(LocalDate.of(2010, 2, 1)), "in the early regime");
        assertEquals(1.0, p.attempt(LocalDate.of(2010, 6, 1)), "a gap between regimes");
        assertEquals(0.5, p.attempt(LocalDate.of(2011, 2, 1)), "in the crackdown");
        assertEquals(0.5, p.attempt(LocalDate.of(2011, 9, 1)), "after the crackdown's end: carried forward");
        assertEquals(0.5, p.attempt(LocalDate.of(2011, 12, 31)), "to the last day of the run");
        assertEquals("crackdown", p.timeline.regimeAt(p.day(LocalDate.of(2011, 9, 1))));
    }

    @Test
    void noneLeavesNoRegimeAfterTheLastOneEnds() throws Exception {
        Scenario s = read(tree("none"));
        Probe p = new Probe(ScenarioCompiler.compile(s));
        assertEquals(0.2, p.attempt(LocalDate.of(2010, 2, 1)));
        assertEquals(1.0, p.attempt(LocalDate.of(2010, 6, 1)));
        assertEquals(0.5, p.attempt(LocalDate.of(2011, 6, 30)), "the crackdown's last day");
        assertEquals(1.0, p.attempt(LocalDate.of(2011, 7, 1)), "the day after: no regime");
    }

    @Test
    void anOpenEndedLastRegimeIsUnaffected() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(ScenarioReaderTest.SMALL_SCENARIO);
        tree.put("afterLastRegime", "none");
        Probe p = new Probe(ScenarioCompiler.compile(read(tree)));
        assertEquals(0.5, p.attempt(LocalDate.of(2011, 12, 31)));
    }

    @Test
    void anUnknownChoiceListsTheAllowedOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), tree("carry").toString());
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> new ScenarioReader().read(file));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(new Problem(file + ": $.afterLastRegime", "unknown value \"carry\"; allowed values: "
                + "carry_forward, none"), e.problems().get(0));
    }

    /** Multipliers of nk_border's attempt rate for women, by date. */
    private record Probe(ModelConfig config, EnforcementTimeline timeline) {
        Probe(ModelConfig config) {
            this(config, config.timeline());
        }

        double day(LocalDate date) {
            return config.calendar().dayOf(date) + 0.5;
        }

        double attempt(LocalDate date) {
            return timeline.multiplier(config.segments().indexOf("nk_border"), MultiplierKind.ATTEMPT, Sex.FEMALE,
                    day(date));
        }
    }

    /**
     * The small scenario (2010-2011) with an early regime (Jan-Mar 2010, attempts × 0.2), a gap, and its crackdown
     * (attempts × 0.5) ending on 2011-06-30, half a year before the run; {@code after} is afterLastRegime, or null.
     */
    private static ObjectNode tree(String after) throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(ScenarioReaderTest.SMALL_SCENARIO);
        ArrayNode regimes = (ArrayNode) tree.get("regimes");
        ((ObjectNode) regimes.get(0)).put("end", "2011-06-30");
        regimes.addObject().put("name", "early").put("start", "2010-01-01").put("end", "2010-03-31")
                .set("multipliers", MAPPER.readTree("{\"nk_border\": {\"attempt\": 0.2}}"));
        if (after != null) {
            tree.put("afterLastRegime", after);
        }
        return tree;
    }

    private Scenario read(ObjectNode tree) throws IOException, InvalidScenarioException {
        return new ScenarioReader().read(Files.writeString(dir.resolve("projection.json"), tree.toString()));
    }
}
