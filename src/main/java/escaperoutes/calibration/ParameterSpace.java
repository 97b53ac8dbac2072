package escaperoutes.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioPath;
import escaperoutes.scenario.ScenarioReader;
import java.util.List;

/**
 * The free parameters of a calibration: numbers of a base scenario, each addressed by a {@link ScenarioPath} and
 * bounded, some searched on a log scale. Optimisers work in unit coordinates — each parameter mapped to [0, 1],
 * logarithmically where asked — so that a step means the same for a rate in the thousands and a multiplier near 1.
 */
public final class ParameterSpace {

    /**
     * One free parameter: where it is, its bounds (in the scenario's units), whether it is searched in logs, and
     * any further places of the scenario that take the same value.
     */
    public record Parameter(ScenarioPath path, double lower, double upper, boolean logScale,
                            List<ScenarioPath> alsoPaths) {
        public Parameter(ScenarioPath path, double lower, double upper, boolean logScale) {
            this(path, lower, upper, logScale, List.of());
        }

        public Parameter {
            alsoPaths = List.copyOf(alsoPaths);
            if (!(lower < upper) || Double.isInfinite(lower) || Double.isInfinite(upper)) {
                throw new IllegalArgumentException(path + ": bounds must be finite with lower < upper, found ["
                        + lower + ", " + upper + "]");
            }
            if (logScale && !(lower > 0)) {
                throw new IllegalArgumentException(path + ": a log-scale parameter needs lower > 0, found " + lower);
            }
        }

        double toUnit(double value) {
            return logScale ? Math.log(value / lower) / Math.log(upper / lower) : (value - lower) / (upper - lower);
        }

        double fromUnit(double unit) {
            return logScale ? lower * Math.exp(unit * Math.log(upper / lower)) : lower + unit * (upper - lower);
        }
    }

    private final Scenario base;
    private final JsonNode baseTree;
    private final List<Parameter> parameters;

    public ParameterSpace(Scenario base, List<Parameter> parameters) {
        this.base = base;
        this.baseTree = Json.mapper().valueToTree(base);
        this.parameters = List.copyOf(parameters);
    }

    public int dimension() {
        return parameters.size();
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameters' values in the base scenario. */
    public double[] baseValues() {
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).path().get(baseTree);
        }
        return values;
    }

    public double[] toUnit(double[] values) {
        double[] unit = new double[values.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = parameters.get(i).toUnit(values[i]);
        }
        return unit;
    }

    public double[] fromUnit(double[] unit) {
        double[] values = new double[unit.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).fromUnit(unit[i]);
        }
        return values;
    }

    /** The base scenario with the parameters set to {@code values}, validated like any scenario file. */
    public Scenario scenarioAt(double[] values) throws InvalidScenarioException {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " values, got " + values.length);
        }
        JsonNode tree = baseTree.deepCopy();
        for (int i = 0; i < values.length; i++) {
            Parameter parameter = parameters.get(i);
            parameter.path().set(tree, values[i]);
            for (ScenarioPath also : parameter.alsoPaths()) {
                also.set(tree, values[i]);
            }
        }
        return new ScenarioReader().fromTree(tree, base.name() + " at " + java.util.Arrays.toString(values));
    }
}
