package escaperoutes.evidence;

import escaperoutes.io.InvalidInputException;
import escaperoutes.io.Problem;
import java.util.List;

/** An evidence file that cannot be used, with every problem found, each at its file and line. */
public final class InvalidEvidenceException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidEvidenceException(String source, List<Problem> problems) {
        super(source, problems);
    }
}
