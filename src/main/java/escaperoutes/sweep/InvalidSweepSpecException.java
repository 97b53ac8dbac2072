package escaperoutes.sweep;

import escaperoutes.io.InvalidInputException;
import escaperoutes.io.Problem;
import java.util.List;

/**
 * A sweep that cannot start, with every problem found: in the spec file ({@code spec.json: $.json.path}) and in
 * its base scenario ({@code scenario.json: $.json.path}).
 */
public final class InvalidSweepSpecException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidSweepSpecException(String source, List<Problem> problems) {
        super(source, problems);
    }
}
