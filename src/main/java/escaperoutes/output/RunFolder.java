package escaperoutes.output;

import escaperoutes.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * A run's output folder. Files are written into a hidden sibling {@code .<name>.partial-<random>} and the folder is
 * renamed to its final name by {@link #commit()}, so a folder under the final name is always complete. Closing
 * without committing deletes the partial folder.
 */
public final class RunFolder implements AutoCloseable {

    private static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss").withZone(ZoneOffset.UTC);
    private static final SecureRandom SUFFIXES = new SecureRandom();

    private enum State { OPEN, COMMITTED, ABANDONED }

    private final Path finalDir;
    private final Path tempDir;
    private State state = State.OPEN;

    private RunFolder(Path finalDir, Path tempDir) {
        this.finalDir = finalDir;
        this.tempDir = tempDir;
    }

    /** Starts a run folder that will become {@code finalDir}; refuses if {@code finalDir} already exists. */
    public static RunFolder create(Path finalDir) throws IOException {
        Path target = finalDir.toAbsolutePath().normalize();
        Path name = target.getFileName();
        if (name == null) {
            throw new IOException("Cannot use " + finalDir + " as a run folder: it has no name");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Run folder " + finalDir + " already exists; results are never overwritten, "
                    + "choose another folder");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        while (true) {
            byte[] suffix = new byte[6];
            SUFFIXES.nextBytes(suffix);
            Path temp = parent.resolve("." + name + ".partial-" + HexFormat.of().formatHex(suffix));
            try {
                return new RunFolder(target, Files.createDirectory(temp));
            } catch (FileAlreadyExistsException e) {
                // 48 random bits make a clash practically impossible, but a clash must not fail the run.
            }
        }
    }

    /**
     * {@code <resultsRoot>/<scenarioName>/<yyyy-MM-dd'T'HH-mm-ss>} (UTC), with {@code -2}, {@code -3}, … appended
     * when that folder already exists (two runs started in the same second).
     */
    public static Path defaultRunDir(Path resultsRoot, String scenarioName, Instant now) {
        if (scenarioName.isBlank() || scenarioName.equals(".") || scenarioName.equals("..")
                || scenarioName.contains("/") || scenarioName.contains("\\")) {
            throw new IllegalArgumentException("Scenario name '" + scenarioName
                    + "' cannot be used as a folder name");
        }
        Path base = resultsRoot.resolve(scenarioName).resolve(RUN_NAME.format(now));
        Path candidate = base;
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = base.resolveSibling(base.getFileName() + "-" + n);
        }
        return candidate;
    }

    /** The partial folder to write into until {@link #commit()}. */
    public Path path() {
        requireOpen();
        return tempDir;
    }

    /** Renames the partial folder to its final name and returns that name. */
    public Path commit() throws IOException {
        requireOpen();
        // rename(2) would silently replace an empty directory created since create(), so check again.
        if (Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Run folder " + finalDir + " appeared while the run was writing; the results "
                    + "are left in " + tempDir);
        }
        try {
            Files.move(tempDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tempDir, finalDir);
        }
        state = State.COMMITTED;
        return finalDir;
    }

    /** Deletes the partial folder and everything in it. */
    public void abandon() throws IOException {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABANDONED;
        AtomicFiles.deleteRecursively(tempDir);
    }

    /** Abandons the folder unless it was committed. */
    @Override
    public void close() throws IOException {
        abandon();
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("Run folder " + finalDir + " is already "
                    + (state == State.COMMITTED ? "committed" : "abandoned"));
        }
    }
}
