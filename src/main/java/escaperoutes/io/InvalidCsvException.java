package escaperoutes.io;

/** A CSV file that cannot be used: the message names the file, the line where there is one, and what is wrong. */
public final class InvalidCsvException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidCsvException(String message) {
        super(message);
    }
}
