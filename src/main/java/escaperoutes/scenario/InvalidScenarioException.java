package escaperoutes.scenario;

import java.util.List;

/** A scenario that cannot be run, with every problem found (each with its file and JSON path). */
public final class InvalidScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidScenarioException(String source, List<Problem> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
