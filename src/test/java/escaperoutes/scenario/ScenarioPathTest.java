package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScenarioPathTest {
    private JsonNode tree;

    @BeforeEach
    void readBaseline() throws Exception {
        tree = new ObjectMapper().readTree(Files.readString(Path.of("scenarios/baseline-handset.json")));
    }

    @Test
    void readsAndWritesNumbersThatTheScenarioThenCarries() throws Exception {
        ScenarioPath attempts = ScenarioPath.parse("$.attempts.attemptsPerYear");
        ScenarioPath departure = ScenarioPath.parse("$.regimes[name=buffer-zone].multipliers.nk_border.attempt");
        ScenarioPath arrest = ScenarioPath.parse("$.legs[18].arrest");
        assertEquals(6000, attempts.get(tree));
        assertEquals(0.01, departure.get(tree));
        assertEquals(0.12, arrest.get(tree));

        attempts.set(tree, 4321);
        departure.set(tree, 0.5);
        arrest.set(tree, 0.3);
        ScenarioPath persons = ScenarioPath.parse("$.initialStock[0].persons");
        persons.set(tree, 1234.6);
        Scenario changed = new ScenarioReader().fromTree(tree, "changed");
        assertEquals(1235, changed.initialStock().get(0).persons(), "whole-number fields stay whole");
        assertEquals(4321, changed.attempts().attemptsPerYear());
        Scenario.RegimeSpec buffer = changed.regimes().stream().filter(r -> r.name().equals("buffer-zone"))
                .findFirst().orElseThrow();
        assertEquals(Scenario.SexSpecific.both(0.5), buffer.multipliers().get("nk_border").get("attempt"));
        assertEquals(0.3, changed.legs().get(18).arrest());
        assertEquals("hoeryong", changed.legs().get(18).from());
    }

    @Test
    void badPathsSayWhatIsWrong() {
        assertEquals("$.attempts.attemptsPerYer: $.attempts has no key 'attemptsPerYer'; its keys: attemptsPerYear, "
                        + "borderProvinceMultiplier, femaleShare, chain",
                message(() -> ScenarioPath.parse("$.attempts.attemptsPerYer").get(tree)));
        assertEquals("$.legs[99].arrest: $.legs has 42 elements, so no [99]",
                message(() -> ScenarioPath.parse("$.legs[99].arrest").get(tree)));
        assertEquals("$.regimes[name=lockdown].start: $.regimes has no element with name = lockdown",
                message(() -> ScenarioPath.parse("$.regimes[name=lockdown].start").get(tree)));
        assertEquals("$.legs[from=north_hamgyong].arrest: $.legs has several elements with from = north_hamgyong; "
                        + "use a position instead",
                message(() -> ScenarioPath.parse("$.legs[from=north_hamgyong].arrest").get(tree)));
        assertEquals("$.name: expected a number, found a string \"baseline-handset\"",
                message(() -> ScenarioPath.parse("$.name").get(tree)));
        assertEquals("$.attempts.femaleShare.female: $.attempts.femaleShare is a number 0.68, not an object with key "
                        + "'female'",
                message(() -> ScenarioPath.parse("$.attempts.femaleShare.female").get(tree)));
        assertEquals("a path starts with $, e.g. $.attempts.attemptsPerYear; found \"attempts\"",
                message(() -> ScenarioPath.parse("attempts")));
        assertEquals("cannot read \"$.legs[x\" from character 7: use .key, [index] or [key=value] steps, e.g. "
                + "$.regimes[name=buffer-zone].start", message(() -> ScenarioPath.parse("$.legs[x")));
    }

    private static String message(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }
}
