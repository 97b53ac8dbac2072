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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario file contract: defaults, round trip, and one exact path and message per kind of mistake. */
public class ScenarioReaderTest {

    /**
     * A small valid scenario: two provinces, one border crossing, one hiding place and one transit place in China,
     * South Korea; two years with a few hundred attempts a year, so a run takes milliseconds. Some keys with
     * defaults are left out on purpose (scale, noRouteWaitDays, the segments of musan, beijing and most legs).
     * Also used by the command tests.
     */
    public static final String SMALL_SCENARIO = """
            {
              "name": "small",
              "start": "2010-01-01",
              "end": "2011-12-31",
              "provinces": [
                {"id": "north_hamgyong", "name": "North Hamgyong", "population": 2000000, "bordersChina": true},
                {"id": "pyongyang", "name": "Pyongyang", "population": 3000000, "bordersChina": false,
                 "propensity": 0.5}
              ],
              "attempts": {"attemptsPerYear": 400, "borderProvinceMultiplier": 10, "femaleShare": 0.7},
              "places": [
                {"id": "musan", "name": "Musan crossing", "country": "north_korea"},
                {"id": "yanbian", "name": "Yanbian", "country": "china", "hiding": true, "segment": "china_life"},
                {"id": "beijing", "country": "china"},
                {"id": "south_korea", "name": "South Korea", "country": "south_korea"}
              ],
              "legs": [
                {"from": "north_hamgyong", "to": "musan",
                 "travelDays": {"distribution": "lognormal", "medianDays": 3, "sigma": 0.5}, "arrest": 0.05},
                {"from": "pyongyang", "to": "musan",
                 "travelDays": {"distribution": "fixed", "days": 10}, "arrest": 0.1},
                {"from": "musan", "to": "yanbian",
                 "travelDays": {"distribution": "uniform", "minDays": 1, "maxDays": 2},
                 "death": 0.01, "arrest": 0.1, "turnBack": 0.05},
                {"from": "yanbian", "to": "beijing",
                 "travelDays": {"distribution": "exponential", "meanDays": 3}, "arrest": 0.02},
                {"from": "beijing", "to": "south_korea", "weight": 2,
                 "travelDays": {"distribution": "weibull", "scaleDays": 40, "shape": 1.5},
                 "arrest": 0.1, "segment": "china_direct"}
              ],
              "china": {
                "hiding": {
                  "female": {"directShare": 0.1, "settleShare": 0.2,
                             "duration": {"distribution": "lognormal", "medianDays": 200, "sigma": 0.8}},
                  "male": {"directShare": 0.3, "settleShare": 0.1,
                           "duration": {"distribution": "lognormal", "medianDays": 100, "sigma": 0.8}}
                },
                "annualArrestHazard": 0.1,
                "detentionDays": {"distribution": "fixed", "days": 30},
                "repatriationProbability": 0.9,
                "releaseProbability": 1.0
              },
              "northKorea": {
                "detentionDays": {"distribution": "fixed", "days": 90},
                "deathInDetention": 0.02,
                "retryProbability": {"female": 0.3, "male": 0.2},
                "retryDelayDays": {"distribution": "exponential", "meanDays": 200}
              },
              "initialStock": [
                {"sex": "female", "persons": 150, "place": "yanbian",
                 "daysInChina": {"distribution": "uniform", "minDays": 0, "maxDays": 700}}
              ],
              "regimes": [
                {"name": "crackdown", "start": "2011-01-01",
                 "multipliers": {"nk_border": {"attempt": 0.5, "arrest": 2},
                                 "china_life": {"departure": {"female": 0.5, "male": 0.8}}}}
              ],
              "events": [
                {"type": "massRepatriation", "date": "2011-06-01", "shareOfDetained": 0.5, "shareOfHiding": 0.01}
              ]
            }
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader();

    @Test
    void readsTheSmallScenarioAndFillsDefaults() throws Exception {
        Scenario s = reader.read(write("small.json", SMALL_SCENARIO));

        assertEquals("small", s.name());
        assertEquals("", s.description());
        assertEquals(LocalDate.of(2010, 1, 1), s.start());
        assertEquals(LocalDate.of(2011, 12, 31), s.end());
        assertEquals(1.0, s.scale());
        assertEquals(30.0, s.noRouteWaitDays());
        assertEquals(Map.of(), s.sources());

        // Provinces: default propensity 1 and segment nk_border; an explicit propensity is kept.
        assertEquals(new Scenario.ProvinceSpec("north_hamgyong", "North Hamgyong", 2_000_000, true, 1.0,
                "nk_border", null, "north_korea", null), s.provinces().get(0));
        assertEquals(0.5, s.provinces().get(1).propensity());

        // A place without a segment is in its country's segment; one without a name is called by its id.
        assertEquals(new Scenario.PlaceSpec("musan", "Musan crossing", "north_korea", false, "north_korea", null),
                s.places().get(0));
        assertEquals(new Scenario.PlaceSpec("yanbian", "Yanbian", "china", true, "china_life", null), s.places().get(1));
        assertEquals(new Scenario.PlaceSpec("beijing", "beijing", "china", false, "china", null), s.places().get(2));

        // A leg without a segment gets its starting place's segment (after the place's own default is filled).
        assertEquals(List.of("nk_border", "nk_border", "north_korea", "china_life", "china_direct"),
                s.legs().stream().map(Scenario.LegSpec::segment).toList());
        assertEquals(new Scenario.LegSpec("musan", "yanbian", 1.0, new Scenario.DurationSpec.Uniform(1, 2), 0.01,
                0.1, 0.05, "north_korea"), s.legs().get(2));
        assertEquals(new Scenario.LegSpec("beijing", "south_korea", 2.0,
                new Scenario.DurationSpec.Weibull(40, 1.5), 0.0, 0.1, 0.0, "china_direct"), s.legs().get(4));

        assertEquals("repatriation", s.china().detentionSegment());
        assertEquals(new Scenario.SexSpecific(0.3, 0.2), s.northKorea().retryProbability());
        assertEquals(new Scenario.StockSpec("female", 150, "yanbian", new Scenario.DurationSpec.Uniform(0, 700)),
                s.initialStock().get(0));

        Scenario.RegimeSpec regime = s.regimes().get(0);
        assertNull(regime.end(), "a regime without end stays in force");
        assertEquals("", regime.description());
        assertEquals(Map.of("nk_border", Map.of("attempt", Scenario.SexSpecific.both(0.5),
                                "arrest", Scenario.SexSpecific.both(2)),
                        "china_life", Map.of("departure", new Scenario.SexSpecific(0.5, 0.8))),
                regime.multipliers());
        assertEquals(List.of(new Scenario.EventSpec.MassRepatriation(LocalDate.of(2011, 6, 1), "", 0.5, 0.01, 0)),
                s.events());
    }

    @Test
    void readsTheBaselineScenario() throws Exception {
        Scenario s = reader.read(Path.of("scenarios", "baseline.json"));
        assertEquals("baseline", s.name());
        // the ten provinces of the census, and departures from abroad at a fixed rate
        assertEquals(11, s.provinces().size());
        assertEquals(10, s.provinces().stream().filter(p -> p.fixedAttemptsPerYear() == null).count());
        assertEquals(LocalDate.of(1998, 1, 1), s.start());
    }

    @Test
    void theSmallScenarioSurvivesARoundTrip() throws Exception {
        Scenario read = reader.read(write("small.json", SMALL_SCENARIO));
        Path written = dir.resolve("written.json");
        Json.write(written, read);
        assertEquals(read, reader.read(written));
    }

    @Test
    void theBaselineSurvivesARoundTrip() throws Exception {
        Scenario read = reader.read(Path.of("scenarios", "baseline.json"));
        Path written = dir.resolve("baseline.written.json");
        Json.write(written, read);
        assertEquals(read, reader.read(written));
    }

    // ---- one mistake at a time -----------------------------------------------------------------------------------

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path file = write("broken.json", """
                {
                  "name": "small",
                  "start": "2010-01-01"
                  "end": "2011-12-31"
                }
                """);
        List<Problem> problems = problems(file);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(file.toString(), problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith("malformed JSON at line 4,"), problems.toString());
    }

    @Test
    void unknownKeyListsTheValidKeys() throws IOException {
        Problem p = onlyProblem(s -> s.put("scael", 2));
        assertEquals(path("$.scael"), p.path());
        assertTrue(p.message().startsWith("unknown key 'scael'; valid keys: name, description, start, end, scale, "
                + "provinces, attempts,"), p.message());
    }

    @Test
    void unknownKeyInANestedRecord() throws IOException {
        Problem p = onlyProblem(s -> leg(s, 1).put("arest", 0.1));
        assertEquals(path("$.legs[1].arest"), p.path());
        assertEquals("unknown key 'arest'; valid keys: from, to, weight, travelDays, death, arrest, turnBack, segment",
                p.message());
    }

    @Test
    void missingRequiredField() throws IOException {
        Problem p = onlyProblem(s -> leg(s, 3).remove("travelDays"));
        assertEquals(path("$.legs[3].travelDays"), p.path());
        assertTrue(p.message().startsWith("missing required field"), p.message());
    }

    @Test
    void probabilityAboveOne() throws IOException {
        Problem p = onlyProblem(s -> leg(s, 0).put("arrest", 1.4));
        assertEquals(path("$.legs[0].arrest"), p.path());
        assertEquals("1.4 is outside the allowed range [0, 1]", p.message());
    }

    @Test
    void aPlaceMayHaveAMapLocation() throws Exception {
        ObjectNode tree = smallTree();
        ((ObjectNode) tree.get("places").get(1)).putObject("location").put("longitude", 129.5).put("latitude", 42.9);
        Path file = dir.resolve("located.json");
        Files.writeString(file, MAPPER.writeValueAsString(tree));
        Scenario s = reader.read(file);
        assertEquals(new Scenario.Location(129.5, 42.9), s.places().get(1).location());
        assertNull(s.places().get(0).location());
        assertNull(s.provinces().get(0).location());
    }

    @Test
    void aLongitudeBeyond180IsRefusedWithItsPath() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) s.get("places").get(1)).putObject("location")
                .put("longitude", 229.5).put("latitude", 42.9));
        assertEquals(path("$.places[1].location.longitude"), p.path());
        assertEquals("229.5 is outside the allowed range [-180, 180]", p.message());
    }

    @Test
    void aLocationNeedsBothCoordinates() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) s.get("provinces").get(0)).putObject("location")
                .put("longitude", 129.5));
        assertEquals(path("$.provinces[0].location.latitude"), p.path());
        assertTrue(p.message().startsWith("missing required field"), p.message());
    }

    @Test
    void anOriginIsInNorthKoreaOrInACountryOfItsOwn() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) s.get("provinces").get(1)).put("country", "china"));
        assertEquals(path("$.provinces[1].country"), p.path());
        assertEquals("an origin is in north_korea or in a country of its own (e.g. \"abroad\" for workers abroad), "
                + "not 'china'", p.message());
    }

    @Test
    void negativeDuration() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) leg(s, 0).get("travelDays")).put("medianDays", -3));
        assertEquals(path("$.legs[0].travelDays.medianDays"), p.path());
        assertEquals("-3 is outside the allowed range [0, ∞]", p.message());
    }

    @Test
    void zeroLogNormalMedian() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) leg(s, 0).get("travelDays")).put("medianDays", 0));
        assertEquals(path("$.legs[0].travelDays.medianDays"), p.path());
        assertEquals("must be greater than 0 days, found 0.0", p.message());
    }

    @Test
    void unknownPlaceInALeg() throws IOException {
        Problem p = onlyProblem(s -> {
            ObjectNode extra = leg(s, 4).deepCopy();
            extra.put("to", "hanoi");
            ((ArrayNode) s.get("legs")).add(extra);
        });
        assertEquals(path("$.legs[5].to"), p.path());
        assertEquals("unknown place 'hanoi'; known places: north_hamgyong, pyongyang, musan, yanbian, beijing, "
                + "south_korea", p.message());
    }

    @Test
    void provinceWithoutRouteToSouthKorea() throws IOException {
        // Pyongyang's only leg has weight 0, so nobody from there could ever leave.
        Problem p = onlyProblem(s -> leg(s, 1).put("weight", 0));
        assertEquals(path("$.provinces[1]"), p.path());
        assertTrue(p.message().startsWith("no route from province 'pyongyang' to South Korea"), p.message());
    }

    @Test
    void overlappingRegimes() throws IOException {
        Problem p = onlyProblem(s -> regimes(s).addObject()
                .put("name", "later").put("start", "2011-06-01").put("end", "2011-12-31"));
        assertEquals(path("$.regimes[1]"), p.path());
        assertTrue(p.message().startsWith("regime 'later' (2011-06-01 to 2011-12-31) overlaps regime 'crackdown' "
                + "($.regimes[0], 2011-01-01 to open end)"), p.message());
    }

    @Test
    void adjacentRegimesDoNotOverlap() throws Exception {
        ObjectNode tree = smallTree();
        ((ObjectNode) regimes(tree).get(0)).put("start", "2011-06-01");
        regimes(tree).insertObject(0).put("name", "before").put("start", "2010-01-01").put("end", "2011-05-31");
        Scenario s = reader.read(write("adjacent.json", tree));
        assertEquals(List.of("before", "crackdown"), s.regimes().stream().map(Scenario.RegimeSpec::name).toList());
    }

    @Test
    void regimeEndingBeforeItStarts() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) regimes(s).get(0)).put("end", "2010-12-31"));
        assertEquals(path("$.regimes[0].end"), p.path());
        assertEquals("regime 'crackdown' ends (2010-12-31) before it starts (2011-01-01)", p.message());
    }

    @Test
    void scenarioEndingBeforeItStarts() throws IOException {
        ObjectNode tree = smallTree();
        tree.put("end", "2009-12-31");
        List<Problem> problems = problems(write("bad.json", tree));
        // The event, inside the intended period, is now outside the simulated one.
        assertEquals(List.of(path("$.end"), path("$.events[0].date")), paths(problems));
        assertEquals("end date 2009-12-31 is before the start date 2010-01-01", problems.get(0).message());
    }

    @Test
    void unknownSegmentInARegime() throws IOException {
        Problem p = onlyProblem(s -> multipliers(s).set("china_lief", MAPPER.createObjectNode().put("arrest", 2)));
        assertEquals(path("$.regimes[0].multipliers.china_lief"), p.path());
        assertEquals("unknown segment 'china_lief'; segments in this scenario: nk_border, north_korea, china_life, "
                + "china, south_korea, repatriation, china_direct", p.message());
    }

    @Test
    void unknownMultiplierKind() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) multipliers(s).get("nk_border")).put("arest", 2));
        assertEquals(path("$.regimes[0].multipliers.nk_border.arest"), p.path());
        assertEquals("unknown multiplier 'arest'; allowed: attempt, arrest, death, turnBack, choice, departure, "
                + "repatriation, release, retry, direct", p.message());
    }

    @Test
    void unknownDistribution() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) leg(s, 0).get("travelDays")).put("distribution", "lognorml"));
        assertEquals(path("$.legs[0].travelDays.distribution"), p.path());
        assertEquals("unknown value \"lognorml\"; allowed values: exponential, fixed, lognormal, uniform, weibull",
                p.message());
    }

    @Test
    void initialStockAtAPlaceWhereNobodyHides() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) s.get("initialStock").get(0)).put("place", "beijing"));
        assertEquals(path("$.initialStock[0].place"), p.path());
        assertEquals("'beijing' is not a hiding place; hiding places: yanbian", p.message());
    }

    // ---- many mistakes at once ----------------------------------------------------------------------------------

    @Test
    void everyBindingProblemIsReportedInFileOrder() throws IOException {
        ObjectNode tree = smallTree();
        tree.put("scael", 2);
        ((ObjectNode) tree.get("provinces").get(1)).put("population", -5);
        leg(tree, 0).put("arrest", 1.4);
        ((ObjectNode) leg(tree, 3).get("travelDays")).put("distribution", "gamma");
        leg(tree, 4).remove("to");
        ((ObjectNode) tree.get("northKorea")).put("retryProbability", "high");
        List<Problem> problems = problems(write("bad.json", tree));
        // Unknown keys of a record come before its components; components in declaration order.
        assertEquals(List.of(path("$.scael"), path("$.provinces[1].population"), path("$.legs[0].arrest"),
                path("$.legs[3].travelDays.distribution"), path("$.legs[4].to"),
                path("$.northKorea.retryProbability")), paths(problems));
    }

    @Test
    void everyValidationProblemIsReported() throws IOException {
        ObjectNode tree = smallTree();
        tree.put("scale", 0);
        leg(tree, 2).put("to", "yanbain");
        ((ObjectNode) regimes(tree).get(0)).put("end", "2010-06-30");
        ((ObjectNode) tree.get("initialStock").get(0)).put("place", "beijing");
        ((ObjectNode) tree.get("events").get(0)).put("date", "2012-01-01");
        List<Problem> problems = problems(write("bad.json", tree));
        // The broken leg also leaves musan without a way out and both provinces without a route.
        assertEquals(List.of(path("$.scale"), path("$.legs[2].to"), path("$.places[0]"), path("$.provinces[0]"),
                path("$.provinces[1]"), path("$.initialStock[0].place"), path("$.regimes[0].end"),
                path("$.events[0].date")), paths(problems));
    }

    @Test
    void everyPathNamesTheFile() throws IOException {
        ObjectNode tree = smallTree();
        leg(tree, 0).put("arrest", 1.4);
        tree.put("scael", 2);
        Path file = write("named.json", tree);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> reader.read(file));
        assertEquals(file + ": 2 problems", e.getMessage());
        for (Problem p : e.problems()) {
            assertTrue(p.path().startsWith(file + ": $."), p.path());
        }
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.json");
        assertEquals(List.of(new Problem(file.toString(), "file not found")), problems(file));
    }

    @Test
    void aZeroWaitForAClosedRouteIsRefused() throws IOException {
        Problem p = onlyProblem(s -> s.put("noRouteWaitDays", 0));
        assertEquals(path("$.noRouteWaitDays"), p.path());
        assertTrue(p.message().startsWith("must be greater than 0 days"), p.message());
    }

    @Test
    void aPlaceFromWhichSouthKoreaCannotBeReachedIsATrap() throws IOException {
        List<Problem> problems = problemsAfter(s -> {
            ObjectNode trap = ((ArrayNode) s.get("places")).addObject();
            trap.put("id", "trap").put("country", "china");
            ObjectNode in = leg(s, 4).deepCopy().put("from", "beijing").put("to", "trap");
            ObjectNode back = leg(s, 4).deepCopy().put("from", "trap").put("to", "beijing");
            ((ArrayNode) s.get("legs")).add(in).add(back);
            ObjectNode loop = ((ArrayNode) s.get("places")).addObject();
            loop.put("id", "loop").put("country", "china");
            ((ArrayNode) s.get("legs")).add(leg(s, 4).deepCopy().put("from", "yanbian").put("to", "loop"))
                    .add(leg(s, 4).deepCopy().put("from", "loop").put("to", "yanbian"));
        });
        assertEquals(List.of(), problems, "legs back to beijing and yanbian lead on to South Korea");
        problems = problemsAfter(s -> {
            ObjectNode a = ((ArrayNode) s.get("places")).addObject().put("id", "a").put("country", "china");
            ObjectNode b = ((ArrayNode) s.get("places")).addObject().put("id", "b").put("country", "china");
            ((ArrayNode) s.get("legs")).add(leg(s, 4).deepCopy().put("from", "beijing").put("to", "a"))
                    .add(leg(s, 4).deepCopy().put("from", "a").put("to", "b"))
                    .add(leg(s, 4).deepCopy().put("from", "b").put("to", "a"));
        });
        assertEquals(List.of(path("$.places[4]"), path("$.places[5]")), paths(problems));
        assertTrue(problems.get(0).message().startsWith("no route from place 'a' to South Korea"));
    }

    @Test
    void legsOfZeroDaysMustNotFormACycle() throws IOException {
        Problem p = onlyProblem(s -> {
            ((ArrayNode) s.get("places")).addObject().put("id", "a").put("country", "china");
            ObjectNode zero = MAPPER.createObjectNode().put("distribution", "fixed").put("days", 0);
            ((ArrayNode) s.get("legs"))
                    .add(leg(s, 4).deepCopy().put("from", "beijing").put("to", "a").set("travelDays", zero))
                    .add(leg(s, 4).deepCopy().put("from", "a").put("to", "beijing").set("travelDays", zero));
        });
        assertEquals(path("$.legs"), p.path());
        assertTrue(p.message().startsWith("legs of 0 days form a cycle beijing → a → beijing"), p.message());
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        String text = SMALL_SCENARIO.replaceFirst("\\{", "{\"scale\": 5, \"scale\": 1, ");
        List<Problem> problems = problems(write("bad.json", text));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("Duplicate field 'scale'"), problems.get(0).message());
    }

    @Test
    void aSingleOutOfRangeRetryProbabilityIsReportedOnce() throws IOException {
        Problem p = onlyProblem(s -> ((ObjectNode) s.get("northKorea")).put("retryProbability", 1.5));
        assertEquals(path("$.northKorea.retryProbability"), p.path());
        assertEquals("1.5 is outside the allowed range [0, 1]", p.message());
    }

    @Test
    void rangeProblemsAndRulesAcrossFieldsAreReportedTogether() throws IOException {
        List<Problem> problems = problemsAfter(s -> {
            leg(s, 0).put("arrest", 1.4);
            leg(s, 1).put("to", "hanoi");
            ((ObjectNode) s).put("end", "2009-12-31");
        });
        assertEquals(List.of(path("$.legs[0].arrest"), path("$.end"), path("$.legs[1].to")),
                paths(problems).subList(0, 3), problems.toString());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The path a problem in {@code bad.json} is reported under. */
    private String path(String jsonPath) {
        return dir.resolve("bad.json") + ": " + jsonPath;
    }

    private Problem onlyProblem(Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = smallTree();
        change.accept(tree);
        List<Problem> problems = problems(write("bad.json", tree));
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    /** The problems after a change, or an empty list when the changed scenario is valid. */
    private List<Problem> problemsAfter(Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = smallTree();
        change.accept(tree);
        try {
            reader.read(write("changed.json", tree));
            return List.of();
        } catch (InvalidScenarioException e) {
            return e.problems().stream().map(p -> new Problem(p.path().replace("changed.json", "bad.json"),
                    p.message())).toList();
        }
    }

    private List<Problem> problems(Path file) {
        return assertThrows(InvalidScenarioException.class, () -> reader.read(file)).problems();
    }

    private static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }

    private static ObjectNode smallTree() throws IOException {
        return (ObjectNode) MAPPER.readTree(SMALL_SCENARIO);
    }

    private static ObjectNode leg(JsonNode scenario, int index) {
        return (ObjectNode) scenario.get("legs").get(index);
    }

    private static ArrayNode regimes(JsonNode scenario) {
        return (ArrayNode) scenario.get("regimes");
    }

    private static ObjectNode multipliers(JsonNode scenario) {
        return (ObjectNode) scenario.get("regimes").get(0).get("multipliers");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path write(String name, JsonNode tree) throws IOException {
        return write(name, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    }
}
