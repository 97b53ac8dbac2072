package escaperoutes.experiment;

import escaperoutes.chart.ChartFolder;
import escaperoutes.chart.InvalidResultFolderException;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.StagedFolder;
import escaperoutes.io.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The one lifecycle of a job's new result folder (a resumable sweep's folder is {@link SweepJob}'s, with its
 * journal): the folder is the one the user named or the default of {@link ResultsLayout}; an existing folder is
 * refused, never overwritten; the job writes its tables into {@link #path()}; {@link #commit} writes the manifest,
 * draws the charts and the report, and makes the folder final. If the JVM stops first (Ctrl-C), the shutdown hook
 * does what the kind of folder promises:
 * <ul>
 * <li>{@link #staged}: everything is written under a temporary name renamed at the end, so a folder under the final
 *     name is always complete and an interrupted job leaves nothing (run, compare, sweep-merge);</li>
 * <li>{@link #inPlace}: written in the final folder as the job goes, so an interrupted job keeps what it found so
 *     far (calibrate: the trace and the best scenario); only a half-written replacement of a file is removed.</li>
 * </ul>
 */
public final class JobFolder implements AutoCloseable {
    private final Path dir;
    private final StagedFolder staged;
    private final ShutdownHook hook;
    private boolean committed;

    private JobFolder(Path dir, StagedFolder staged, ShutdownHook hook) {
        this.dir = dir;
        this.staged = staged;
        this.hook = hook;
    }

    /**
     * A new folder written under a temporary name: {@code out}, or the default folder of jobs named
     * {@code defaultName}.
     *
     * @param what the job, as the refusal names it ("a run", "a comparison")
     */
    public static JobFolder staged(Path out, String defaultName, String what) throws JobRefused {
        Path dir = chosen(out, defaultName, what);
        StagedFolder staged;
        try {
            staged = StagedFolder.create(dir);
        } catch (IOException e) {
            throw new JobRefused("cannot create the folder " + dir + ": " + e.getMessage());
        }
        return new JobFolder(dir, staged, ShutdownHook.install(staged::abandon));
    }

    /** A new folder written in place, whose files stay if the job is interrupted (see the class comment). */
    public static JobFolder inPlace(Path out, String defaultName, String what) throws JobRefused, IOException {
        Path dir = chosen(out, defaultName, what);
        Files.createDirectories(dir);
        return writtenInPlace(dir);
    }

    /**
     * An existing folder of an interrupted in-place job, written again in place as it continues (a posterior's
     * {@code --resume}); the caller has checked that the folder is the job's.
     */
    public static JobFolder resumedInPlace(Path dir) {
        return writtenInPlace(dir);
    }

    private static JobFolder writtenInPlace(Path dir) {
        return new JobFolder(dir, null, ShutdownHook.install(() -> {
            try (var files = Files.newDirectoryStream(dir, "*.tmp")) {
                for (Path tmp : files) {
                    Files.deleteIfExists(tmp);
                }
            }
        }));
    }

    private static Path chosen(Path out, String defaultName, String what) throws JobRefused {
        Path dir = out != null ? out : ResultsLayout.newFolder(defaultName, Instant.now());
        if (Files.exists(dir)) {
            throw new JobRefused(dir + " already exists; " + what + " never overwrites a folder (choose another "
                    + "--out)");
        }
        return dir;
    }

    /** Where the job writes its files until {@link #commit}. */
    public Path path() {
        return staged != null ? staged.path() : dir;
    }

    /**
     * Writes the manifest (a record written as {@code manifest.json}), draws the charts and the report from the
     * tables the job has written ({@code written}, still in memory), and makes the folder final; returns its final
     * path.
     */
    public Path commit(Object manifest, List<Table> written) throws IOException {
        Json.write(path().resolve(ResultFiles.MANIFEST), manifest);
        drawCharts(path(), written);
        if (staged != null) {
            staged.commit();
        }
        committed = true;
        hook.close();
        return dir;
    }

    /** Gives up an uncommitted staged folder (removing it); an in-place folder keeps what was written. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed && staged != null) {
                staged.abandon();
            }
        } finally {
            hook.close();
        }
    }

    /**
     * Draws a folder the program has just written, from the tables it wrote ({@code written}, in memory); a problem
     * with them is the program's own failure.
     */
    static void drawCharts(Path dir, List<Table> written) throws IOException {
        try {
            ChartFolder.draw(dir, written, Program.shippedBaseline());
        } catch (InvalidResultFolderException e) {
            throw new IllegalStateException("the charts of the folder just written failed: " + e.getMessage(), e);
        }
    }
}
