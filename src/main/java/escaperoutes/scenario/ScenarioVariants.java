package escaperoutes.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.io.Problem;
import escaperoutes.model.ModelConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid base scenario and some of its numbers, each set as one value at one or more paths: the base with other
 * values there is a calibration's candidate or a sweep's point. The paths are located once, on the base's JSON
 * form; a variant copies the records along each path ({@link NumberPlace}) and is checked as the same change
 * written in the scenario file would be — each number as the binder checks it, then the rules across fields — with
 * the same problems at the same paths, but without JSON. Variants share the base's ids ({@link ScenarioIds}), which
 * numbers do not change.
 */
public final class ScenarioVariants {

    /** A number to check, and which value sets it last. */
    private record Check(NumberPlace place, int value) {
    }

    private final ScenarioIds ids;
    private final Scenario base;
    private final double[] baseValues;
    private final List<List<NumberPlace>> places;
    private final List<Check> checks;

    /**
     * @param numbers for each value, the paths it is set at; IllegalArgumentException, as {@link ScenarioPath#get}
     *                says, for a path that names no number of the base
     */
    public ScenarioVariants(Scenario base, List<List<ScenarioPath>> numbers) {
        this(base, Json.mapper().valueToTree(base), numbers);
    }

    /** {@code baseTree} is the base's JSON form, {@code Json.mapper().valueToTree(base)}. */
    ScenarioVariants(Scenario base, JsonNode baseTree, List<List<ScenarioPath>> numbers) {
        this.base = base;
        this.ids = ScenarioIds.of(base);
        this.baseValues = new double[numbers.size()];
        this.places = new ArrayList<>();
        Map<String, Check> last = new LinkedHashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            baseValues[i] = numbers.get(i).get(0).get(baseTree);
            List<NumberPlace> found = new ArrayList<>();
            for (ScenarioPath path : numbers.get(i)) {
                NumberPlace place = NumberPlace.of(base, baseTree, path);
                found.add(place);
                last.remove(place.jsonPath());
                last.put(place.jsonPath(), new Check(place, i));
            }
            places.add(List.copyOf(found));
        }
        this.checks = last.values().stream().sorted(Comparator.comparing(Check::place, NumberPlace::compareOrder))
                .toList();
    }

    /** The numbers' values in the base (at each one's first path). */
    public double[] baseValues() {
        return baseValues.clone();
    }

    /** The base with {@code values} set, checked; each problem's path prefixed by {@code source}. */
    public Scenario at(double[] values, String source) throws InvalidScenarioException {
        List<Problem> problems = new ArrayList<>();
        Scenario variant = checked(values, problems);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(source, problems.stream()
                    .map(p -> new Problem(source + ": " + p.path(), p.message())).toList());
        }
        return variant;
    }

    /** The problems of the base with {@code values} set, at their paths in the scenario; none if it is valid. */
    public List<Problem> problemsAt(double[] values) {
        List<Problem> problems = new ArrayList<>();
        checked(values, problems);
        return problems;
    }

    /** The model configuration of the base with {@code values} set, checked as {@link #at} checks it. */
    public ModelConfig configAt(double[] values, String source) throws InvalidScenarioException {
        return ScenarioCompiler.compile(at(values, source), ids);
    }

    /** The model configuration at values whose variant {@link #problemsAt} has found valid, without checking again. */
    public ModelConfig checkedConfigAt(double[] values) {
        return ScenarioCompiler.compile(uncheckedAt(values), ids);
    }

    private Scenario checked(double[] values, List<Problem> problems) {
        Scenario variant = uncheckedAt(values);
        boolean bound = true;
        for (Check check : checks) {
            bound &= check.place().check(values[check.value()], problems);
        }
        // As with a file: rules across fields are checked once every number has been read.
        if (bound) {
            new ScenarioValidator(variant, ids).validate(problems);
        }
        return variant;
    }

    private Scenario uncheckedAt(double[] values) {
        if (values.length != places.size()) {
            throw new IllegalArgumentException("expected " + places.size() + " values, got " + values.length);
        }
        Scenario variant = base;
        for (int i = 0; i < values.length; i++) {
            for (NumberPlace place : places.get(i)) {
                variant = place.set(variant, values[i]);
            }
        }
        return variant;
    }
}
