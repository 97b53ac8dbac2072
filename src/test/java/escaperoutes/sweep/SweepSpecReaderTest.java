package escaperoutes.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.io.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep specs: defaults filled in, and every mistake reported at once with its JSON path. */
class SweepSpecReaderTest {
    @TempDir
    Path dir;

    private final SweepSpecReader reader = new SweepSpecReader();

    /** The problems of a spec, as "path: message" without the spec file's name. */
    private List<String> problems(String spec) throws Exception {
        Path file = TestSweeps.write(dir, spec);
        InvalidSweepSpecException e = assertThrows(InvalidSweepSpecException.class, () -> reader.read(file));
        String prefix = file + ": ";
        return e.problems().stream().map(Problem::toString)
                .map(p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p).toList();
    }

    private static void assertHas(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), "no problem starting with \"" + expected
                + "\" in\n" + String.join("\n", problems));
    }

    @Test
    void theTinySweepReadsWithEveryDefaultFilledIn() throws Exception {
        SweepSpecReader.ResolvedSweep resolved = reader.read(TestSweeps.writeTiny(dir));
        SweepSpec spec = resolved.spec();
        assertEquals("tiny", spec.name());
        assertEquals(dir.resolve("small.json"), resolved.scenarioFile());
        assertEquals("small", resolved.scenario().name());
        assertEquals(List.of("female", "male", "all"), spec.outputs().sexes());
        assertEquals(new SweepSpec.Years(2010, 2011), spec.outputs().years(), "every simulated year");
        assertEquals("all", spec.sensitivity().outputs().get(0).sex(), "a sum is over both sexes by default");
        assertNull(spec.sensitivity().outputs().get(1).sex(), "a share of women has no sex");
        assertEquals(0.95, spec.sensitivity().confidenceLevel());
        assertEquals(20, SweepPlan.of(resolved).points());
    }

    @Test
    void aNameDefaultsToTheFileNameAndMorrisLevelsToFour() throws Exception {
        Path spec = TestSweeps.write(dir, """
                {"scenario": "small.json",
                 "parameters": [{"name": "a", "path": "$.attempts.femaleShare", "lower": 0.5, "upper": 0.9}],
                 "design": {"kind": "morris", "trajectories": 3},
                 "sensitivity": {"outputs": [{"name": "arrivals", "measure": "arrivals", "from": 2010, "to": 2011}]}}
                """);
        Path renamed = Files.move(spec, dir.resolve("women.json"));
        SweepSpec resolved = reader.read(renamed).spec();
        assertEquals("women", resolved.name());
        assertEquals(4, resolved.design().levels());
        assertEquals(15, resolved.outputs().measures().size(), "every measure");
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsPath() throws Exception {
        List<String> p = problems("""
                {"scenario": "small.json", "replications": 0, "sed": 4,
                 "parameters": [
                   {"name": "a", "path": "$.attempts.attemptsPerYr", "lower": 100, "upper": 200},
                   {"name": "b", "path": "$.attempts.femaleShare", "lower": 0.9, "upper": 0.5},
                   {"name": "b", "path": "$.china.annualArrestHazard", "lower": 0, "upper": 1, "logScale": true},
                   {"name": "Point", "path": "$.china.repatriationProbability", "levels": [0.5]},
                   {"name": "e", "path": "$.attempts.femaleShare", "levels": [0.2, 0.1]},
                   {"name": "f", "path": "$.china.releaseProbability", "levels": [0.5, 1.5]},
                   {"name": "g", "path": "$.northKorea.deathInDetention", "lower": 0.1},
                   {"name": "h", "path": "$.scale", "lower": 1, "upper": 2, "levels": [1, 2]}
                 ],
                 "design": {"kind": "grid", "points": 10},
                 "outputs": {"measures": ["arivals"], "sexes": ["women"], "years": {"from": 2005, "to": 2011},
                             "windows": [{"from": 2011, "to": 2010}]},
                 "sensitivity": {"outputs": []}}
                """);
        assertHas(p, "$.sed: unknown key 'sed'");
        assertHas(p, "$.replications: 0 is outside the allowed range [1, ∞]");
        assertHas(p, "$.parameters[0].path: $.attempts.attemptsPerYr: $.attempts has no key 'attemptsPerYr'");
        assertHas(p, "$.parameters[1]: lower 0.9 must be less than upper 0.5 (a reversed range)");
        assertHas(p, "$.parameters[2].name: 'b' is also the name of $.parameters[1]");
        assertHas(p, "$.parameters[2].lower: logScale needs lower > 0, found 0");
        assertHas(p, "$.parameters[3].name: must be lower-case letters");
        assertHas(p, "$.parameters[3].levels: at least two levels are needed, found 1");
        assertHas(p, "$.parameters[4].levels[1]: levels must be strictly increasing: 0.1 follows 0.2");
        assertHas(p, "$.parameters[4].path: names the same number as $.parameters[1] (b)");
        assertHas(p, "$.parameters[5].levels[1]: 1.5 is not allowed for $.china.releaseProbability: 1.5 is outside "
                + "the allowed range [0, 1]");
        assertHas(p, "$.parameters[6]: missing upper: a parameter takes a range");
        assertHas(p, "$.parameters[7]: give either levels or lower and upper, not both");
        assertHas(p, "$.design.points: not used by a grid design, which takes: levels");
        assertHas(p, "$.design.levels: missing: a grid needs the number of levels of each range parameter");
        assertHas(p, "$.outputs.measures[0]: unknown measure 'arivals'; measures: attempts,");
        assertHas(p, "$.outputs.sexes[0]: unknown sex 'women'; allowed: female, male, all");
        assertHas(p, "$.outputs.years.from: 2005 is before 2010, the first year the scenario simulates");
        assertHas(p, "$.outputs.windows[0]: from 2011 is after to 2010");
        assertHas(p, "$.sensitivity: a grid design gives no sensitivity indices");
        assertHas(p, "$.sensitivity.outputs: at least one output is needed");
    }

    @Test
    void designsThatTheirParametersCannotFillAreRefused() throws Exception {
        String parameters = """
                "parameters": [{"name": "a", "path": "$.attempts.femaleShare", "lower": 0.5, "upper": 0.9},
                               {"name": "b", "path": "$.china.annualArrestHazard", "levels": [0.1, 0.2, 0.3]}],
                """;
        String sensitivity = """
                "sensitivity": {"outputs": [{"name": "hiding", "measure": "hiding_china_end", "from": 2010,
                                             "to": 2011}], "confidenceLevel": 1}
                """;
        assertHas(problems("{\"scenario\": \"small.json\", " + parameters + "\"design\": {\"kind\": \"saltelli\", "
                + "\"baseSamples\": 12}, " + sensitivity + "}"), "$.design.baseSamples: must be a power of two, at "
                + "least 2 (so the base samples are a balanced block of the Sobol sequence), found 12; the nearest "
                + "are 8 and 16");
        List<String> morris = problems("{\"scenario\": \"small.json\", " + parameters + "\"design\": {\"kind\": "
                + "\"morris\", \"trajectories\": 1, \"levels\": 3}, " + sensitivity + "}");
        assertHas(morris, "$.design.trajectories: at least 2 trajectories are needed");
        assertHas(morris, "$.design.levels: must be even and at least 2");
        assertHas(morris, "$.sensitivity.outputs[0].statistic: sum adds up a flow over the years, and "
                + "hiding_china_end is a stock; use mean");
        assertHas(morris, "$.sensitivity.confidenceLevel: must be between 0 and 1 exclusive");
        assertHas(problems("{\"scenario\": \"small.json\", " + parameters + "\"design\": {\"kind\": \"morris\", "
                + "\"trajectories\": 5}, " + sensitivity.replace("hiding_china_end", "arrivals").replace(
                ", \"confidenceLevel\": 1", "") + "}"), "$.parameters[1].levels: a morris design on 4 levels needs "
                + "4 levels here, found 3; or give a range");
        assertHas(problems("{\"scenario\": \"small.json\", " + parameters + "\"design\": {\"kind\": "
                + "\"latin_hypercube\", \"points\": 1}}"), "$.design.points: at least 2 points are needed");
        assertHas(problems("{\"scenario\": \"small.json\", " + parameters + "\"design\": {\"kind\": "
                + "\"saltelli\", \"baseSamples\": 8}}"), "$.sensitivity: missing: a saltelli design is made to "
                + "estimate sensitivity indices");
        assertHas(problems("{\"scenario\": \"small.json\", " + parameters.replace("\"levels\": [0.1, 0.2, 0.3]",
                "\"lower\": 0.1, \"upper\": 0.2") + "\"design\": {\"kind\": \"grid\", \"levels\": 1}}"),
                "$.design.levels: a grid needs at least 2 levels per range parameter, found 1");
    }

    @Test
    void aMissingScenarioIsReportedWithItsPath() throws Exception {
        List<String> p = problems("""
                {"scenario": "nowhere.json",
                 "parameters": [{"name": "a", "path": "$.attempts.femaleShare", "lower": 0.5, "upper": 0.9}],
                 "design": {"kind": "sobol", "points": 8}}
                """);
        assertEquals(List.of(dir.resolve("nowhere.json") + ": file not found"), p);
    }
}
