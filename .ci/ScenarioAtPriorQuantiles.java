import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.io.Json;
import escaperoutes.parameter.Prior;
import java.nio.file.Path;
import java.util.List;

/**
 * For the posterior coverage benchmark (.ci/bench-posterior-coverage): writes SCENARIO with the free parameters of
 * SPEC set to the given quantiles of their priors, and prints the values set, one per line as "path value".
 * Run with the program's jar on the class path:
 * java -cp target/escape-routes.jar .ci/ScenarioAtPriorQuantiles.java SCENARIO SPEC OUT q1 q2 ...
 */
public class ScenarioAtPriorQuantiles {
    public static void main(String[] args) throws Exception {
        var resolved = new CalibrationSpecReader().resolve(Path.of(args[1]), Path.of(args[0]));
        List<Prior> priors = resolved.priors();
        if (args.length != 3 + priors.size()) {
            throw new IllegalArgumentException("one quantile per parameter: " + priors.size() + " expected");
        }
        double[] values = new double[priors.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = priors.get(i).quantile(Double.parseDouble(args[3 + i]));
            System.out.println(resolved.spec().parameters().get(i).path() + " " + values[i]);
        }
        Json.write(Path.of(args[2]), resolved.space().scenarioAt(values));
    }
}
