package escaperoutes.parameter;

import escaperoutes.scenario.ScenarioPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A number of a scenario that a sweep varies or a calibration fits: its name (a column of the results), where it
 * is — its path and any further paths set to the same value, such as one multiplier shared by two regimes — and the
 * scale on which designs and optimisers move it.
 */
public record Parameter(String name, ScenarioPath path, List<ScenarioPath> alsoPaths, Scale scale) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        alsoPaths = List.copyOf(alsoPaths);
        Objects.requireNonNull(scale, "scale");
    }

    /** A parameter as a spec file gives it, its paths as text; IllegalArgumentException for a malformed path. */
    public static Parameter of(String name, String path, List<String> alsoPaths, Scale scale) {
        return new Parameter(name, ScenarioPath.parse(path), alsoPaths.stream().map(ScenarioPath::parse).toList(),
                scale);
    }

    /** Every path the value is set at: {@link #path()} first, then {@link #alsoPaths()}. */
    public List<ScenarioPath> paths() {
        List<ScenarioPath> paths = new ArrayList<>(1 + alsoPaths.size());
        paths.add(path);
        paths.addAll(alsoPaths);
        return paths;
    }
}
