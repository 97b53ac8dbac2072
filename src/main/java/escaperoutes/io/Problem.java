package escaperoutes.io;

import java.util.Objects;

/**
 * One mistake in a scenario file, located by a JSON path such as {@code $.legs[2].arrest} or
 * {@code $.regimes[0].multipliers['odd key']}.
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
