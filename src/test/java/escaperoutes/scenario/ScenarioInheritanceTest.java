package escaperoutes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.Json;
import escaperoutes.io.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * "extends": a child is read as its parent with the child's changes merged on, and every problem names the file
 * its value came from. Expected scenarios are built by changing the parent's JSON by hand and reading that.
 */
class ScenarioInheritanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader();

    // ---- merging -------------------------------------------------------------------------------------------------

    @Test
    void aChildOverridesWhatItWritesAndInheritsTheRest() throws Exception {
        parent();
        Scenario child = reader.read(write("child.json", """
                {"extends": "small.json", "name": "child", "attempts": {"attemptsPerYear": 800},
                 "china": {"hiding": {"male": {"duration": {"medianDays": 50}}}}}"""));
        assertEquals(expected(s -> {
            s.put("name", "child");
            ((ObjectNode) s.get("attempts")).put("attemptsPerYear", 800);
            ((ObjectNode) s.at("/china/hiding/male/duration")).put("medianDays", 50);
        }), child);
    }

    @Test
    void appendExtendsAnInheritedList() throws Exception {
        parent();
        Scenario child = reader.read(write("child.json", """
                {"extends": "small.json",
                 "regimes": {"$append": [{"name": "early", "start": "2010-01-01", "end": "2010-06-30",
                                          "multipliers": {"nk_border": {"attempt": 2}}}]}}"""));
        assertEquals(expected(s -> ((ArrayNode) s.get("regimes")).addObject().put("name", "early")
                .put("start", "2010-01-01").put("end", "2010-06-30")
                .set("multipliers", node("{\"nk_border\": {\"attempt\": 2}}"))), child);
        assertEquals(List.of("crackdown", "early"), child.regimes().stream().map(Scenario.RegimeSpec::name).toList());
    }

    @Test
    void aListWrittenOutReplacesTheInheritedOne() throws Exception {
        parent();
        Scenario child = reader.read(write("child.json", """
                {"extends": "small.json", "regimes": [{"name": "only", "start": "2010-06-01"}]}"""));
        assertEquals(expected(s -> s.set("regimes", node("[{\"name\": \"only\", \"start\": \"2010-06-01\"}]"))),
                child);
    }

    @Test
    void editRemoveCopyTimesAndNullChangeWhatIsInherited() throws Exception {
        parent();
        Scenario child = reader.read(write("child.json", """
                {"extends": "small.json",
                 "regimes": {
                   "$edit": {"[name=crackdown]": {"end": "2011-06-30"}},
                   "$append": [{"$copy": "$.regimes[name=crackdown]", "name": "harsher", "start": "2011-07-01",
                                "multipliers": {"nk_border": {"arrest": {"$times": 2}}}}]},
                 "events": {"$remove": ["[date=2011-06-01]"]},
                 "provinces": {"$edit": {"[id=pyongyang]": {"propensity": null}}},
                 "legs": {"$edit": {"[4]": {"travelDays": {"$copy": "$.legs[0].travelDays"}}}}}"""));
        assertEquals(expected(s -> {
            ObjectNode crackdown = (ObjectNode) s.get("regimes").get(0);
            ObjectNode harsher = crackdown.deepCopy().put("name", "harsher").put("start", "2011-07-01");
            ((ObjectNode) harsher.at("/multipliers/nk_border")).put("arrest", 4.0);
            crackdown.put("end", "2011-06-30");
            ((ArrayNode) s.get("regimes")).add(harsher);
            ((ArrayNode) s.get("events")).removeAll();
            ((ObjectNode) s.get("provinces").get(1)).remove("propensity");
            ((ObjectNode) s.get("legs").get(4)).set("travelDays", s.get("legs").get(0).get("travelDays").deepCopy());
        }), child);
        assertEquals(1.0, child.provinces().get(1).propensity(), "the default returns once the value is removed");
    }

    @Test
    void timesMultipliesBothNumbersOfAPerSexValue() throws Exception {
        parent();
        Scenario child = reader.read(write("child.json", """
                {"extends": "small.json", "regimes": {"$edit": {"[0]": {
                   "multipliers": {"china_life": {"departure": {"$times": 0.5}}}}}}}"""));
        assertEquals(new Scenario.SexSpecific(0.25, 0.4),
                child.regimes().get(0).multipliers().get("china_life").get("departure"));
    }

    @Test
    void aChainOfExtendsIsMergedRootFirstWithPathsRelativeToEachFile() throws Exception {
        parent();
        Files.createDirectory(dir.resolve("sub"));
        write("sub/child.json", """
                {"extends": "../small.json", "name": "child", "attempts": {"attemptsPerYear": 800}}""");
        Path grandchild = write("grandchild.json", """
                {"extends": "sub/child.json", "name": "grandchild", "attempts": {"femaleShare": 0.5}}""");
        ScenarioReader.Read read = reader.readWithParents(grandchild);
        assertEquals(expected(s -> {
            s.put("name", "grandchild");
            ((ObjectNode) s.get("attempts")).put("attemptsPerYear", 800).put("femaleShare", 0.5);
        }), read.scenario());
        assertEquals(List.of(grandchild, dir.resolve("sub/child.json"), dir.resolve("small.json")), read.files());
    }

    @Test
    void theResolvedScenarioOfAChildReadsAgainOnItsOwn() throws Exception {
        parent();
        Scenario child = reader.read(write("child.json", """
                {"extends": "small.json", "name": "child",
                 "regimes": {"$append": [{"name": "early", "start": "2010-01-01", "end": "2010-06-30"}]}}"""));
        Path resolved = dir.resolve("resolved.json");
        Json.write(resolved, child);
        assertEquals(child, reader.read(resolved));
    }

    // ---- what cannot be read ----------------------------------------------------------------------------------------

    @Test
    void aMissingParentIsReportedAtExtends() throws IOException {
        Path child = write("child.json", "{\"extends\": \"absent.json\", \"name\": \"child\"}");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> reader.read(child));
        assertEquals(child + ": 1 problem", e.getMessage());
        assertEquals(List.of(new Problem(child + ": $.extends", "parent scenario not found: "
                + dir.resolve("absent.json"))), e.problems());
    }

    @Test
    void aCycleOfExtendsIsReportedWhereItCloses() throws IOException {
        Path a = write("a.json", "{\"extends\": \"b.json\", \"name\": \"a\"}");
        Path b = write("b.json", "{\"extends\": \"a.json\", \"name\": \"b\"}");
        assertEquals(List.of(new Problem(b + ": $.extends", "\"a.json\" closes a cycle of extends: " + a + " → " + b
                + " → " + a)), problems(a));
        Path self = write("self.json", "{\"extends\": \"./self.json\"}");
        assertEquals(List.of(new Problem(self + ": $.extends", "\"./self.json\" closes a cycle of extends: " + self
                + " → " + self)), problems(self));
    }

    @Test
    void extendsMustNameAFile() throws IOException {
        Path child = write("child.json", "{\"extends\": 3}");
        assertEquals(List.of(new Problem(child + ": $.extends", "expected the parent scenario's file name, "
                + "relative to this file, found a number 3")), problems(child));
    }

    @Test
    void aBrokenParentIsReportedAgainstTheParent() throws IOException {
        Path parent = write("small.json", "{\"name\": ");
        Path child = write("child.json", "{\"extends\": \"small.json\"}");
        List<Problem> problems = problems(child);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(parent.toString(), problems.get(0).path());
    }

    @Test
    void problemsNameTheFileTheWrongValueCameFrom() throws IOException {
        ObjectNode badParent = smallTree();
        ((ObjectNode) badParent.get("legs").get(0)).put("arrest", 1.4);
        Path parent = write("small.json", badParent.toString());
        Path child = write("child.json", """
                {"extends": "small.json",
                 "attempts": {"attemptsPerYear": -5, "femaleShare": null},
                 "regimes": {"$append": [{"name": "overlapping", "start": "2011-06-01"}]}}""");
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> reader.read(child));
        assertEquals(child + ": 3 problems", e.getMessage(), "the file the user named heads the report");
        assertEquals(List.of(
                child + ": $.attempts.attemptsPerYear",
                child + ": $.attempts.femaleShare",
                parent + ": $.legs[0].arrest"), paths(e.problems()));
        assertEquals("-5 is outside the allowed range [0, ∞]", e.problems().get(0).message());

        // Once the values bind, the rules across fields are checked, and attributed the same way.
        Path fixed = write("fixed.json", """
                {"extends": "small.json",
                 "legs": {"$edit": {"[0]": {"arrest": 0.05}}},
                 "regimes": {"$append": [{"name": "overlapping", "start": "2011-06-01"}]}}""");
        List<Problem> crossField = problems(fixed);
        assertEquals(List.of(fixed + ": $.regimes[1]"), paths(crossField));
        assertEquals("regime 'overlapping' (2011-06-01 to open end) overlaps regime 'crackdown' ($.regimes[0], "
                + "2011-01-01 to open end); regimes must not overlap", crossField.get(0).message());
        Path brokenUntouched = write("untouched.json", """
                {"extends": "small.json", "name": "untouched"}""");
        assertEquals(List.of(parent + ": $.legs[0].arrest"), paths(problems(brokenUntouched)));
    }

    @Test
    void aRuleBrokenByAChildsChangeNamesTheChild() throws IOException {
        // The parent is valid: 'early' (listed second) ends before the crackdown starts.
        ObjectNode tree = smallTree();
        ((ArrayNode) tree.get("regimes")).addObject().put("name", "early").put("start", "2010-01-01")
                .put("end", "2010-06-30");
        write("small.json", tree.toString());
        Path child = write("child.json", """
                {"extends": "small.json", "regimes": {"$edit": {"[name=crackdown]": {"start": "2010-03-01"}}}}""");
        // The overlap is found at the parent's 'early', but the crackdown it overlaps was moved by the child.
        assertEquals(List.of(new Problem(child + ": $.regimes[1]", "regime 'early' (2010-01-01 to 2010-06-30) "
                + "overlaps regime 'crackdown' ($.regimes[0], 2010-03-01 to open end); regimes must not overlap")),
                problems(child));
    }

    @Test
    void mistakesInTheChangesAreReportedWhereTheyAreWritten() throws IOException {
        parent();
        Path child = write("child.json", """
                {"extends": "small.json",
                 "regimes": {"$edit": {"[name=crackdwn]": {"end": "2011-06-30"}}},
                 "events": {"$remove": ["[5]"]},
                 "legs": {"$apend": []},
                 "attempts": {"attemptsPerYear": {"$times": 2}, "growth": {"$times": 2}},
                 "china": {"colour": null},
                 "places": {"$copy": "$.nowhere"}}""");
        assertEquals(List.of(
                new Problem(child + ": $.regimes['$edit']['[name=crackdwn]']", "no inherited element has name = "
                        + "crackdwn; name of the inherited elements: crackdown"),
                new Problem(child + ": $.events['$remove'][0]", "the inherited list has 1 elements, so no [5]"),
                new Problem(child + ": $.legs['$apend']", "unknown operator '$apend'; operators: $append, $edit, "
                        + "$remove, $copy, $times"),
                new Problem(child + ": $.attempts.growth", "$times multiplies an inherited number, but nothing is "
                        + "inherited here"),
                new Problem(child + ": $.china.colour", "null removes an inherited key, but nothing is inherited "
                        + "here"),
                new Problem(child + ": $.places['$copy']", "cannot copy from the parent scenario: $.nowhere: $ has "
                        + "no key 'nowhere'; its keys: name, start, end, provinces, attempts, places, legs, china, "
                        + "northKorea, initialStock, regimes, events")),
                problems(child));
    }

    @Test
    void operatorsInAFileWithoutExtendsAreReported() throws IOException {
        Path file = write("root.json", """
                {"name": "root", "regimes": {"$append": []}}""");
        assertEquals(List.of(new Problem(file + ": $.regimes['$append']", "$append changes an inherited value, but "
                + "this file has no \"extends\"")), problems(file));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Path parent() throws IOException {
        return write("small.json", ScenarioReaderTest.SMALL_SCENARIO);
    }

    /** The small scenario after {@code change}, read from a file of its own. */
    private Scenario expected(Consumer<ObjectNode> change) throws Exception {
        ObjectNode tree = smallTree();
        change.accept(tree);
        return reader.read(write("expected.json", tree.toString()));
    }

    private static ObjectNode smallTree() throws IOException {
        return (ObjectNode) MAPPER.readTree(ScenarioReaderTest.SMALL_SCENARIO);
    }

    private static JsonNode node(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Problem> problems(Path file) {
        return assertThrows(InvalidScenarioException.class, () -> reader.read(file)).problems();
    }

    private static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
