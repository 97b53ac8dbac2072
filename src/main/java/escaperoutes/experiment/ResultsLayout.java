package escaperoutes.experiment;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a job's folder goes when the user names none, decided here alone (as MATSim's
 * {@code OutputDirectoryHierarchy} does): {@code results/<name>/<yyyy-MM-dd'T'HH-mm-ss>} (UTC) under the working
 * directory, where the name is the scenario's for a run, {@code <scenario>-calibration} for a calibration,
 * {@code compare} for a comparison and the sweep's for a sweep.
 */
public final class ResultsLayout {
    /** The folder of every job's default folder, relative to the working directory. */
    public static final Path ROOT = Path.of("results");

    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss").withZone(ZoneOffset.UTC);

    private ResultsLayout() {
    }

    /** The folder holding every default folder of the jobs named {@code name}. */
    public static Path foldersOf(String name) {
        return ROOT.resolve(checkedName(name));
    }

    /** A new default folder for a job named {@code name} started at {@code now}. */
    public static Path newFolder(String name, Instant now) {
        return newFolder(ROOT, name, now);
    }

    /**
     * {@code <root>/<name>/<yyyy-MM-dd'T'HH-mm-ss>} (UTC), with {@code -2}, {@code -3}, … appended when that folder
     * already exists (two jobs started in the same second).
     */
    static Path newFolder(Path root, String name, Instant now) {
        Path base = root.resolve(checkedName(name)).resolve(FOLDER_TIME.format(now));
        Path candidate = base;
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = base.resolveSibling(base.getFileName() + "-" + n);
        }
        return candidate;
    }

    /** The default folder of chunk {@code index} of {@code count} of a sweep: the sweep's, marked with the chunk. */
    public static Path newChunkFolder(String sweepName, Instant now, int index, int count) {
        Path dir = newFolder(sweepName, now);
        return count == 1 ? dir : dir.resolveSibling(dir.getFileName() + "-chunk-" + index + "-of-" + count);
    }

    private static String checkedName(String name) {
        if (name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("Scenario name '" + name + "' cannot be used as a folder name");
        }
        return name;
    }
}
