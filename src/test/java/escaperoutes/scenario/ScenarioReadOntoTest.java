package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A what-if read onto another version of the scenario it extends (the base at a posterior draw): what it copies
 * from the base carries that version's values, what it sets itself stays its own.
 */
class ScenarioReadOntoTest {
    @TempDir
    Path dir;

    private static final String COPY = """
            {"extends": "small.json", "name": "copy",
             "attempts": {"attemptsPerYear": 321},
             "regimes": {"$edit": {"[name=crackdown]": {"end": "2011-06-30"}},
                         "$append": [{"$copy": "$.regimes[name=crackdown]", "name": "crackdown-doubled",
                                      "start": "2011-07-01",
                                      "multipliers": {"nk_border": {"arrest": {"$times": 2}}}}]}}
            """;

    @Test
    void copiesFromTheBaseTakeTheSubstitutedValues() throws Exception {
        Path base = Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        Path whatIf = Files.writeString(dir.resolve("copy.json"), COPY);
        ScenarioReader reader = new ScenarioReader();
        // The base as the posterior would have it at one draw: the crackdown's attempt multiplier for women 0.77 and
        // its arrest multiplier 3 (the file has 0.5 and 2).
        ObjectNode draw = Json.mapper().valueToTree(reader.read(base));
        JsonNode crackdown = draw.get("regimes").get(0).get("multipliers").get("nk_border");
        ((ObjectNode) crackdown.get("attempt")).put("female", 0.77);
        ((ObjectNode) crackdown.get("arrest")).put("female", 3.0).put("male", 3.0);

        Scenario onto = reader.readOnto(whatIf, base, draw, "small.json at a draw").orElseThrow();
        Scenario.RegimeSpec edited = onto.regimes().get(0);
        Scenario.RegimeSpec copied = onto.regimes().get(1);
        assertEquals("crackdown-doubled", copied.name());
        assertEquals(0.77, edited.multipliers().get("nk_border").get("attempt").female());
        assertEquals(0.77, copied.multipliers().get("nk_border").get("attempt").female(), "copied from the draw");
        assertEquals(0.5, copied.multipliers().get("nk_border").get("attempt").male(), "the file's, untouched");
        assertEquals(6.0, copied.multipliers().get("nk_border").get("arrest").female(), "the draw's 3, doubled");
        assertEquals(321, onto.attempts().attemptsPerYear(), "the what-if's own value stays");

        // Read as usual, the copy takes the file's values.
        Scenario plain = reader.read(whatIf);
        assertEquals(0.5, plain.regimes().get(1).multipliers().get("nk_border").get("attempt").female());
        assertEquals(4.0, plain.regimes().get(1).multipliers().get("nk_border").get("arrest").female());
        // The base read onto itself is the substituted tree; a file that does not extend the base has no reading.
        assertEquals(0.77, reader.readOnto(base, base, draw, "draw").orElseThrow().regimes().get(0).multipliers()
                .get("nk_border").get("attempt").female());
        Path other = Files.writeString(dir.resolve("other.json"), ScenarioReaderTest.SMALL_SCENARIO);
        assertTrue(reader.readOnto(other, base, draw, "draw").isEmpty());
    }
}
