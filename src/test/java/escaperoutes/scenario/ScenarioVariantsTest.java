package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.io.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A base scenario with other numbers, built from its records, is what the same change in its file would read as. */
class ScenarioVariantsTest {
    private static Scenario baseline;

    @BeforeAll
    static void read() throws Exception {
        baseline = new ScenarioReader().read(Path.of("scenarios/baseline-handset.json"));
    }

    /** Each value set at one path. */
    private static List<List<ScenarioPath>> paths(String... paths) {
        return Arrays.stream(paths).map(p -> List.of(ScenarioPath.parse(p))).toList();
    }

    /** The base's JSON tree with the numbers set, read back and validated as a scenario file. */
    private static Scenario throughJson(List<List<ScenarioPath>> numbers, double[] values, String source)
            throws InvalidScenarioException {
        JsonNode tree = Json.mapper().valueToTree(baseline);
        for (int i = 0; i < values.length; i++) {
            for (ScenarioPath path : numbers.get(i)) {
                path.set(tree, values[i]);
            }
        }
        return new ScenarioReader().fromTree(tree, source);
    }

    /** The variant equals the scenario read back through JSON: the same records, bytes written and problems. */
    private static void assertSameAsThroughJson(List<List<ScenarioPath>> numbers, double... values)
            throws Exception {
        ScenarioVariants variants = new ScenarioVariants(baseline, numbers);
        Scenario expected;
        try {
            expected = throughJson(numbers, values, "variant");
        } catch (InvalidScenarioException e) {
            assertEquals(e.problems(), assertThrows(InvalidScenarioException.class,
                    () -> variants.at(values, "variant")).problems());
            assertEquals(e.problems().stream().map(p -> new Problem(p.path().substring("variant: ".length()),
                    p.message())).toList(), variants.problemsAt(values));
            return;
        }
        Scenario actual = variants.at(values, "variant");
        assertEquals(expected, actual);
        assertEquals(Json.mapper().writeValueAsString(expected), Json.mapper().writeValueAsString(actual));
        assertEquals(List.of(), variants.problemsAt(values));
    }

    @Test
    void aVariantEqualsTheScenarioReadBackThroughJson() throws Exception {
        List<List<ScenarioPath>> numbers = List.of(
                List.of(ScenarioPath.parse("$.attempts.attemptsPerYear")),
                List.of(ScenarioPath.parse("$.china.hiding.female.duration.medianDays")),
                List.of(ScenarioPath.parse("$.regimes[name=buffer-zone].multipliers.china_life.departure.female"),
                        ScenarioPath.parse("$.regimes[name=covid-closure].multipliers.china_life.departure.female")),
                List.of(ScenarioPath.parse("$.regimes[name=repatriation-and-surveillance].multipliers.china_life"
                        + ".departure")),
                List.of(ScenarioPath.parse("$.provinces[id=abroad].fixedAttemptsPerYear.male")),
                List.of(ScenarioPath.parse("$.legs[from=hoeryong].arrest")),
                List.of(ScenarioPath.parse("$.initialStock[1].persons")),
                List.of(ScenarioPath.parse("$.provinces[0].population")),
                List.of(ScenarioPath.parse("$.events[type=airlift].persons")),
                List.of(ScenarioPath.parse("$.scale")));
        double[] values = {4602.5, 745.25, 0.0391, 0.672, 16.04, 0.2, 1234.4, 2_345_678.6, 99.5, 0.5};
        assertSameAsThroughJson(numbers, values);

        // Whole numbers are rounded, a value given for both sexes is set for both, a second path takes the value too.
        Scenario at = new ScenarioVariants(baseline, numbers).at(values, "variant");
        assertEquals(1234, at.initialStock().get(1).persons());
        assertEquals(2_345_679, at.provinces().get(0).population());
        assertEquals(Scenario.SexSpecific.both(0.672), at.regimes().get(10).multipliers().get("china_life")
                .get("departure"));
        assertEquals(0.0391, at.regimes().get(7).multipliers().get("china_life").get("departure").female());
        assertEquals(baseline.legs().get(17), at.legs().get(17));
    }

    @Test
    void anInvalidVariantHasTheProblemsTheSameChangeHasInTheFile() throws Exception {
        List<List<ScenarioPath>> outOfRange = paths("$.legs[18].arrest", "$.attempts.femaleShare",
                "$.initialStock[0].persons", "$.provinces[0].population", "$.china.hiding.male.directShare");
        // Out of range in another order than the file's: the problems come in the file's order, then those of the
        // rules across fields (directShare + settleShare > 1).
        assertEquals(List.of("$.provinces[0].population", "$.attempts.femaleShare", "$.legs[18].arrest",
                        "$.initialStock[0].persons", "$.china.hiding.male"),
                new ScenarioVariants(baseline, outOfRange).problemsAt(new double[] {1.5, 1.2, -3, -2, 0.95})
                        .stream().map(Problem::path).toList());
        assertSameAsThroughJson(outOfRange, 1.5, 1.2, -3, -2, 0.95);
        assertSameAsThroughJson(outOfRange, 0.5, 0.5, 3, 2, 0.95);
        assertSameAsThroughJson(outOfRange, 0.5, 0.5, 3, 2, 0.5);
        assertSameAsThroughJson(paths("$.initialStock[0].persons"), 3e9);
        assertSameAsThroughJson(paths("$.legs[18].arrest"), Double.NaN);
        assertSameAsThroughJson(paths("$.regimes[0].multipliers.nk_border.attempt"), Double.NaN);
        assertSameAsThroughJson(paths("$.regimes[0].multipliers.nk_border.attempt"), -1);
    }

    @Test
    void theBaseValuesAreThoseAtEachNumbersFirstPath() {
        ScenarioVariants variants = new ScenarioVariants(baseline, paths("$.attempts.attemptsPerYear",
                "$.legs[18].arrest"));
        assertEquals(List.of(6000.0, 0.12), Arrays.stream(variants.baseValues()).boxed().toList());
    }

    @Test
    void aPathThatNamesNoNumberIsRefusedAsThePathSays() {
        assertEquals("$.legs[18].to: expected a number, found a string \"yanbian\"",
                assertThrows(IllegalArgumentException.class,
                        () -> new ScenarioVariants(baseline, paths("$.legs[18].to"))).getMessage());
        assertEquals("$.regimes[name=nowhere].start: $.regimes has no element with name = nowhere",
                assertThrows(IllegalArgumentException.class, () -> new ScenarioVariants(baseline,
                        paths("$.regimes[name=nowhere].start"))).getMessage());
    }
}
