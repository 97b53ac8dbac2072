package escaperoutes.scenario;

import escaperoutes.io.InvalidInputException;
import escaperoutes.io.Problem;
import java.util.List;

/** A scenario that cannot be run, with every problem found (each with its file and JSON path). */
public final class InvalidScenarioException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidScenarioException(String source, List<Problem> problems) {
        super(source, problems);
    }
}
