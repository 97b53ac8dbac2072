package escaperoutes.parameter;

import escaperoutes.io.Problem;
import escaperoutes.model.ModelConfig;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioVariants;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of a calibration or a sweep over one base scenario. Designs and optimisers work in unit
 * coordinates, one per parameter in [0, 1], which each parameter's {@link Scale} maps to its value, so that a step
 * means the same for a rate in the thousands and a multiplier near 1. A point of the space — a value per parameter,
 * in the parameters' units — is the base scenario with those values set ({@link ScenarioVariants}): checked like a
 * scenario file, and compiled to the model's configuration without going through JSON.
 */
public final class ParameterSpace {
    private final String baseName;
    private final List<Parameter> parameters;
    private final ScenarioVariants variants;

    /** IllegalArgumentException for a parameter path that names no number of the base. */
    public ParameterSpace(Scenario base, List<Parameter> parameters) {
        this.baseName = base.name();
        this.parameters = List.copyOf(parameters);
        this.variants = new ScenarioVariants(base, this.parameters.stream().map(Parameter::paths).toList());
    }

    public int dimension() {
        return parameters.size();
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameters' values in the base scenario (at each one's first path). */
    public double[] baseValues() {
        return variants.baseValues();
    }

    public double[] toUnit(double[] values) {
        double[] unit = new double[values.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = parameters.get(i).scale().unitOf(values[i]);
        }
        return unit;
    }

    public double[] fromUnit(double[] unit) {
        double[] values = new double[unit.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).scale().valueAt(unit[i]);
        }
        return values;
    }

    /**
     * The base scenario with the parameters set to {@code values}, validated like any scenario file; its problems
     * are those of the scenario "{@code <base name> at [values]}".
     */
    public Scenario scenarioAt(double[] values) throws InvalidScenarioException {
        return variants.at(values, label(values));
    }

    /** The model configuration at {@code values}, validated as {@link #scenarioAt} validates it. */
    public ModelConfig configAt(double[] values) throws InvalidScenarioException {
        return variants.configAt(values, label(values));
    }

    /** The problems of the scenario at {@code values}, each at its path in the scenario; none if it is valid. */
    public List<Problem> problemsAt(double[] values) {
        return variants.problemsAt(values);
    }

    /** The model configuration at {@code values} that {@link #problemsAt} has found valid, not validated again. */
    public ModelConfig checkedConfigAt(double[] values) {
        return variants.checkedConfigAt(values);
    }

    private String label(double[] values) {
        return baseName + " at " + Arrays.toString(values);
    }
}
