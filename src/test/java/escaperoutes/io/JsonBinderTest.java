package escaperoutes.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escaperoutes.io.Default;
import escaperoutes.io.Doc;
import escaperoutes.io.JsonBinder;
import escaperoutes.io.Problem;
import escaperoutes.io.Range;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBinderTest {

    enum Distribution { LOG_NORMAL, GAMMA }

    record Leg(String from, String to, @Range(min = 0, max = 1) double arrest,
               @Default("1.0") @Range(min = 0) double speed) {
    }

    record Regime(LocalDate start,
                  @Default("{}") @Range(min = 0, max = 5) Map<String, Double> multipliers) {
    }

    record Delay(@Default("\"log_normal\"") Distribution distribution, @Range(min = 0) double median) {
    }

    record Options(@Default("false") boolean verbose, @Default("10") @Range(min = 1) int runs) {
    }

    record Scenario(@Doc("shown in reports") String name, long seed, List<Leg> legs,
                    @Default("[]") List<Regime> regimes, @Default("{}") Options options, Delay delay) {
    }

    record Weights(@Range(min = 0) List<Double> values) {
    }

    record Interval(LocalDate from, LocalDate to) {
        Interval {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
            }
        }
    }

    record ByGender(double female, double male) {
    }

    // The object form is bound through a plain record so it gets unknown-key and range checks for free.
    private record Split(@Range(min = 0, max = 1) double female, @Range(min = 0, max = 1) double male) {
    }

    record Rates(ByGender arrest, List<ByGender> byYear) {
    }

    record Raw(JsonNode anything) {
    }

    record BadDefault(@Default("[1,") List<Integer> values) {
    }

    record InvalidDefault(@Default("-1") @Range(min = 0) int count) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonBinder binder = new JsonBinder();
    private final List<Problem> problems = new ArrayList<>();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> messages() {
        return problems.stream().map(Problem::toString).toList();
    }

    private <T> T bind(String text, Class<T> type) {
        return binder.bind(json(text), type, problems);
    }

    @Test
    void bindsNestedRecordsListsMapsEnumsAndDates() {
        Scenario scenario = bind("""
                {'name': 'baseline', 'seed': 12345678901,
                 'legs': [{'from': 'hoeryong', 'to': 'yanji', 'arrest': 0.2, 'speed': 2},
                          {'from': 'yanji', 'to': 'kunming', 'arrest': 0.05}],
                 'regimes': [{'start': '2012-01-01', 'multipliers': {'nk_border': 2.5, 'china': 1}}],
                 'options': {'verbose': true, 'runs': 3},
                 'delay': {'distribution': 'gamma', 'median': 4}}""", Scenario.class);

        assertEquals(List.of(), problems);
        assertEquals(new Scenario("baseline", 12345678901L,
                List.of(new Leg("hoeryong", "yanji", 0.2, 2.0), new Leg("yanji", "kunming", 0.05, 1.0)),
                List.of(new Regime(LocalDate.of(2012, 1, 1), Map.of("nk_border", 2.5, "china", 1.0))),
                new Options(true, 3), new Delay(Distribution.GAMMA, 4.0)), scenario);
        assertEquals(List.of("nk_border", "china"), List.copyOf(scenario.regimes().get(0).multipliers().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> scenario.legs().add(null));
        assertThrows(UnsupportedOperationException.class,
                () -> scenario.regimes().get(0).multipliers().put("x", 1.0));
    }

    @Test
    void absentKeysWithDefaultsAreBoundFromTheDefaultText() {
        Scenario scenario = bind("""
                {'name': 'minimal', 'seed': 1, 'legs': [{'from': 'a', 'to': 'b', 'arrest': 0}],
                 'delay': {'median': 3}}""", Scenario.class);

        assertEquals(List.of(), problems);
        assertEquals(List.of(), scenario.regimes());
        assertEquals(new Options(false, 10), scenario.options());
        assertEquals(new Delay(Distribution.LOG_NORMAL, 3.0), scenario.delay());
        assertEquals(1.0, scenario.legs().get(0).speed());
        assertEquals(new Regime(LocalDate.of(2020, 2, 29), Map.of()), bind("{'start': '2020-02-29'}", Regime.class));
    }

    @Test
    void rangesAreInclusiveAndReportedOutside() {
        assertEquals(new Leg("a", "b", 0.0, 1.0), bind("{'from': 'a', 'to': 'b', 'arrest': 0}", Leg.class));
        assertEquals(new Leg("a", "b", 1.0, 1.0), bind("{'from': 'a', 'to': 'b', 'arrest': 1}", Leg.class));
        assertEquals(List.of(), problems);

        // Out-of-range numbers are reported and kept, so rules across fields can still be checked.
        assertEquals(new Leg("a", "b", 1.5, -2.0), bind("{'from': 'a', 'to': 'b', 'arrest': 1.5, 'speed': -2}",
                Leg.class));
        bind("{'runs': 0}", Options.class);
        assertEquals(List.of(
                "$.arrest: 1.5 is outside the allowed range [0, 1]",
                "$.speed: -2 is outside the allowed range [0, ∞]",
                "$.runs: 0 is outside the allowed range [1, ∞]"), messages());
    }

    @Test
    void rangeOnListOrMapComponentAppliesToEachElement() {
        assertEquals(new Weights(List.of(0.0, 3.5)), bind("{'values': [0, 3.5]}", Weights.class));
        assertEquals(new Weights(List.of(1.0, -2.0, 0.5, -0.25)), bind("{'values': [1, -2, 0.5, -0.25]}",
                Weights.class));
        bind("{'start': '2012-01-01', 'multipliers': {'nk_border': 6, 'china': 5, 'odd key': 7}}", Regime.class);
        assertEquals(List.of(
                "$.values[1]: -2 is outside the allowed range [0, ∞]",
                "$.values[3]: -0.25 is outside the allowed range [0, ∞]",
                "$.multipliers.nk_border: 6 is outside the allowed range [0, 5]",
                "$.multipliers['odd key']: 7 is outside the allowed range [0, 5]"), messages());
    }

    @Test
    void reportsEveryProblemInOneDocumentWithItsPath() {
        Scenario scenario = bind("""
                {'seed': 2.5,
                 'legs': [{'from': 'a', 'to': 'b', 'arrest': 0.1},
                          {'from': 'b', 'to': 'c', 'arest': 0.1},
                          {'from': 'c', 'to': 7, 'arrest': 'high', 'speed': null}],
                 'regimes': [{'start': '2012-13-01', 'multipliers': {'nk_border': -1}}],
                 'options': [],
                 'delay': {'distribution': 'weibull', 'median': 1}}""", Scenario.class);

        assertNull(scenario);
        assertEquals(List.of(
                "$.name: missing required field (shown in reports)",
                "$.seed: expected a whole number, found 2.5",
                "$.legs[1].arest: unknown key 'arest'; valid keys: from, to, arrest, speed",
                "$.legs[1].arrest: missing required field",
                "$.legs[2].to: expected a string, found a number 7",
                "$.legs[2].arrest: expected a number, found a string \"high\"",
                "$.legs[2].speed: null is not allowed",
                "$.regimes[0].start: not a date; expected yyyy-mm-dd, e.g. 2012-01-01",
                "$.regimes[0].multipliers.nk_border: -1 is outside the allowed range [0, 5]",
                "$.options: expected an object, found an array",
                "$.delay.distribution: unknown value \"weibull\"; allowed values: log_normal, gamma"), messages());
    }

    @Test
    void typeMismatchesSayWhatWasExpectedAndFound() {
        assertNull(binder.bind(json("'abc'"), double.class, problems));
        assertNull(binder.bind(json("3000000000"), int.class, problems));
        assertNull(binder.bind(json("'yes'"), boolean.class, problems));
        assertNull(binder.bind(json("20120101"), LocalDate.class, problems));
        assertNull(binder.bind(json("1"), Distribution.class, problems));
        assertNull(binder.bind(json("{'a': 1}"), Weights.class, problems));
        assertNull(binder.bind(json("'" + "x".repeat(60) + "'"), int.class, problems));
        assertNull(bind("{'values': {'a': 1}}", Weights.class));
        Type mapOfDoubles = Regime.class.getRecordComponents()[1].getGenericType();
        assertNull(binder.bind(json("[true]"), mapOfDoubles, "$.m", problems));

        assertEquals(List.of(
                "$: expected a number, found a string \"abc\"",
                "$: expected a whole number between -2147483648 and 2147483647, found 3000000000",
                "$: expected true or false, found a string \"yes\"",
                "$: expected a date string yyyy-mm-dd, found a number 20120101",
                "$: expected one of log_normal, gamma, found a number 1",
                "$.a: unknown key 'a'; valid keys: values",
                "$.values: missing required field",
                "$: expected a whole number, found a string \"" + "x".repeat(38) + "…",
                "$.values: expected an array, found an object",
                "$.m: expected an object, found an array"), messages());
    }

    @Test
    void wholeNumbersWrittenAsFloatsAreAccepted() {
        assertEquals(1_000_000, binder.bind(json("1e6"), int.class, problems));
        assertEquals(3L, binder.bind(json("3.0"), Long.class, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void nullIsRejectedEverywhereExceptForJsonNode() {
        assertNull(bind("{'values': [1, null]}", Weights.class));
        assertNull(bind("{'verbose': null}", Options.class));
        assertEquals(List.of("$.values[1]: null is not allowed", "$.verbose: null is not allowed"), messages());

        problems.clear();
        JsonNode raw = json("{'anything': {'x': [1, null]}}");
        assertSame(raw.get("anything"), binder.bind(raw, Raw.class, problems).anything());
        assertEquals(List.of(), problems);
    }

    @Test
    void constructorIllegalArgumentBecomesAProblemAtTheRecordPath() {
        Type intervals = Types.LIST_OF_INTERVALS;
        List<Interval> bound = binder.bind(json("""
                [{'from': '2012-01-01', 'to': '2013-01-01'}, {'from': '2014-01-01', 'to': '2013-01-01'}]"""),
                intervals, "$.periods", problems);

        assertNull(bound);
        assertEquals(List.of("$.periods[1]: 'to' (2013-01-01) is before 'from' (2014-01-01)"), messages());
    }

    @Test
    void customBindingHandlesAlternativeShapesAndCallsBackForParts() {
        binder.register(ByGender.class, (node, path, b, problems) -> {
            if (node.isNumber()) {
                Double both = b.bind(node, double.class, path, problems);
                return both == null ? null : new ByGender(both, both);
            }
            if (node.isObject()) {
                Split split = b.bind(node, Split.class, path, problems);
                return split == null ? null : new ByGender(split.female(), split.male());
            }
            problems.add(new Problem(path, "expected a number or an object {\"female\": x, \"male\": y}, found "
                    + JsonBinder.describe(node)));
            return null;
        });

        assertEquals(new Rates(new ByGender(0.3, 0.3), List.of(new ByGender(0.1, 0.2), new ByGender(0.5, 0.5))),
                bind("{'arrest': 0.3, 'byYear': [{'female': 0.1, 'male': 0.2}, 0.5]}", Rates.class));
        assertEquals(List.of(), problems);

        assertNull(bind("{'arrest': 'low', 'byYear': [{'female': 2, 'mal': 0.2}]}", Rates.class));
        assertEquals(List.of(
                "$.arrest: expected a number or an object {\"female\": x, \"male\": y}, found a string \"low\"",
                "$.byYear[0].mal: unknown key 'mal'; valid keys: female, male",
                "$.byYear[0].female: 2 is outside the allowed range [0, 1]",
                "$.byYear[0].male: missing required field"), messages());
    }

    @Test
    void pathsBracketKeysWithUnusualCharacters() {
        assertEquals("$.regimes[0].multipliers.nk_border-2", JsonBinder.childPath("$.regimes[0].multipliers",
                "nk_border-2"));
        assertEquals("$['a.b']", JsonBinder.childPath("$", "a.b"));
        assertEquals("$['it\\'s']", JsonBinder.childPath("$", "it's"));
        assertEquals("$['']", JsonBinder.childPath("$", ""));
        assertEquals("$.legs[2]", JsonBinder.elementPath("$.legs", 2));
    }

    @Test
    void brokenDefaultsAreProgrammingErrors() {
        IllegalStateException unparsable = assertThrows(IllegalStateException.class, () -> bind("{}", BadDefault.class));
        assertTrue(unparsable.getMessage().startsWith("unparsable @Default([1,) on "), unparsable.getMessage());

        IllegalStateException outOfRange = assertThrows(IllegalStateException.class,
                () -> bind("{}", InvalidDefault.class));
        assertTrue(outOfRange.getMessage().endsWith(
                "InvalidDefault.count is invalid: [$.count: -1 is outside the allowed range [0, ∞]]"),
                outOfRange.getMessage());
        assertEquals(List.of(), problems);
    }

    /** Generic types for the Type-taking overload, taken from a component's declaration. */
    private static final class Types {
        record Holder(List<Interval> intervals) {
        }

        static final Type LIST_OF_INTERVALS = Holder.class.getRecordComponents()[0].getGenericType();
    }
}
