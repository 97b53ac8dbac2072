package escaperoutes.chart;

/**
 * A result folder that cannot be charted: not a result folder, or a file in it missing or malformed. The message
 * names the file (and line, for a CSV) and what is wrong.
 */
public final class InvalidResultFolderException extends Exception {
    public InvalidResultFolderException(String message) {
        super(message);
    }
}
