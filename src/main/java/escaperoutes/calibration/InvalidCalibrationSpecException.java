package escaperoutes.calibration;

import escaperoutes.scenario.Problem;
import java.util.List;

/**
 * A calibration that cannot start, with every problem found: in the spec file ({@code spec.json: $.json.path}),
 * in the observed CSV ({@code file.csv:line}) and in the scenario ({@code scenario.json: $.json.path}).
 */
public final class InvalidCalibrationSpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidCalibrationSpecException(String source, List<Problem> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
