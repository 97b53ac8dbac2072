package escaperoutes.calibration;

import escaperoutes.io.InvalidInputException;
import escaperoutes.io.Problem;
import java.util.List;

/**
 * A calibration that cannot start, with every problem found: in the spec file ({@code spec.json: $.json.path}),
 * in the observed CSV ({@code file.csv:line}) and in the scenario ({@code scenario.json: $.json.path}).
 */
public final class InvalidCalibrationSpecException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidCalibrationSpecException(String source, List<Problem> problems) {
        super(source, problems);
    }
}
