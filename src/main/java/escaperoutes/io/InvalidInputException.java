package escaperoutes.io;

import java.util.List;

/**
 * Input that cannot be used, with every problem found (each with its file and JSON path or line). The commands
 * report all of them and exit with code 2.
 */
public abstract class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    protected InvalidInputException(String source, List<Problem> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
