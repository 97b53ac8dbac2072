package escaperoutes.output;

import escaperoutes.io.AtomicFiles;
import escaperoutes.io.Csv;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.ResultTable;
import escaperoutes.io.StagedFolder;
import escaperoutes.io.Table;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder of a sweep (or of one chunk of it), written so that it can be resumed. The files that follow from
 * the spec alone ({@code sweep.resolved.json}, {@code scenario.resolved.json}, {@code points.csv}, the tables'
 * headers) are written into a temporary folder renamed into place; then each completed point's rows are appended
 * to {@code results.csv} and {@code sensitivity-outputs.csv} in point order, synced to disk, and only then recorded
 * in {@code journal.txt} with the two files' lengths. A crash or Ctrl-C therefore leaves, at worst, rows of an
 * unrecorded point after the recorded length: {@link #resume} cuts them off and continues with that point, so a
 * resumed sweep's files equal an uninterrupted sweep's byte for byte. When every point is done the caller writes
 * the closing files ({@code sensitivity.csv}, {@code manifest.json}: its presence marks the folder complete) and
 * {@link #complete()} removes the journal.
 *
 * <p>While a process works in the folder it holds a lock on the journal, so a second process cannot resume the
 * same folder at the same time.
 *
 * <pre>
 * escape-routes sweep journal 1
 * sweep-sha256 5d41…          (SHA-256 of sweep.resolved.json followed by scenario.resolved.json)
 * chunk 2/4
 * points 96 191               (first and last point of this folder)
 * git-commit 3f2a… or unknown
 * started 2026-11-27T10:00:00Z
 * headers 71 32               (bytes of results.csv and sensitivity-outputs.csv holding their headers)
 * done 96 40213 180           (point 96 written: the files' lengths after it)
 * done 97-120 912345 4380      (points 97 to 120, written at once by a distributed executor)
 * resumed 2026-11-27T10:20:00Z
 * </pre>
 */
public final class SweepFolder implements Closeable {
    private static final String JOURNAL = ResultFiles.JOURNAL;
    private static final String MAGIC = "escape-routes sweep journal 1";

    /** Which sweep a folder holds (by checksum) and which of its points: chunk i of n, points first…last. */
    public record Identity(String sweepSha256, int chunk, int chunks, int firstPoint, int lastPoint) {
        public Identity {
            Objects.requireNonNull(sweepSha256, "sweepSha256");
        }

        public String chunkLabel() {
            return chunk + "/" + chunks;
        }

        public int pointCount() {
            return lastPoint - firstPoint + 1;
        }
    }

    /** A folder that cannot be used for this sweep; the message says why and what to do. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** What the journal says. */
    private record Journal(Identity identity, String gitCommit, Instant started, List<Instant> resumed,
                           long resultsLength, long outputsLength, int lastDone, long validLength) {
    }

    private final Path dir;
    private final Identity identity;
    private final String gitCommitAtStart;
    private final Instant startedAt;
    private final List<Instant> resumedAt;
    private final FileChannel results;
    private final FileChannel outputs;
    private final FileChannel journal;
    private final FileLock lock;
    private final int pointsDoneBefore;
    private int nextPoint;
    private boolean closed;

    private SweepFolder(Path dir, Identity identity, String gitCommitAtStart, Instant startedAt,
                        List<Instant> resumedAt, int nextPoint, Locked locked) throws IOException {
        this.dir = dir;
        this.identity = identity;
        this.gitCommitAtStart = gitCommitAtStart;
        this.startedAt = startedAt;
        this.resumedAt = List.copyOf(resumedAt);
        this.nextPoint = nextPoint;
        this.pointsDoneBefore = nextPoint - identity.firstPoint();
        this.journal = locked.journal();
        this.lock = locked.lock();
        journal.position(journal.size());
        this.results = FileChannel.open(dir.resolve(ResultTable.RESULTS.file()), StandardOpenOption.WRITE);
        this.outputs = Files.exists(dir.resolve(ResultTable.SENSITIVITY_OUTPUTS.file()))
                ? FileChannel.open(dir.resolve(ResultTable.SENSITIVITY_OUTPUTS.file()), StandardOpenOption.WRITE) : null;
    }

    /** The journal, open, with the lock that keeps other processes out of the folder. */
    private record Locked(FileChannel journal, FileLock lock) {
    }

    /** Opens and locks the folder's journal; refused when another process holds the lock. */
    private static Locked lock(Path dir) throws IOException, Refused {
        FileChannel journal = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = journal.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            journal.close();
            throw new Refused(dir + " is in use by another sweep process; wait for it to finish, or stop it");
        }
        return new Locked(journal, lock);
    }

    /**
     * The identity of chunk {@code index} of {@code count} of a sweep, whose points {@code firstPoint…lastPoint}
     * it holds: its checksum covers the resolved spec and the resolved base scenario (as their files hold them), so
     * any change to either that could change a result changes it.
     */
    public static Identity identity(String resolvedSpec, String resolvedScenario, int index, int count,
                                    int firstPoint, int lastPoint) {
        String both = resolvedSpec + resolvedScenario;
        return new Identity(Manifest.sha256(both.getBytes(StandardCharsets.UTF_8)), index, count, firstPoint,
                lastPoint);
    }

    /**
     * What a new sweep folder starts with: the resolved spec and base scenario (as their files hold them), the
     * design's points, and the header of results.csv; {@code sensitivity} says whether it has
     * sensitivity-outputs.csv.
     */
    public record Start(String resolvedSpec, String resolvedScenario, Table points, String resultsHeader,
                        boolean sensitivity) {
    }

    /**
     * Creates the folder {@code dir} (which must not exist) with the files that follow from the spec, through a
     * temporary folder and a rename, and opens it for appending from the identity's first point.
     *
     * @param gitCommit the program's commit, recorded to warn when a different program resumes the sweep; may be null
     */
    public static SweepFolder create(Path dir, Start start, Identity identity, String gitCommit, Instant started)
            throws IOException, Refused {
        String resultsHeader = start.resultsHeader();
        String outputsHeader = start.sensitivity() ? SweepTables.outputsHeader() : null;
        StagedFolder folder = StagedFolder.create(dir);
        try (folder) {
            Path p = folder.path();
            AtomicFiles.writeAtomically(p.resolve(ResultFiles.RESOLVED_SPEC), start.resolvedSpec());
            AtomicFiles.writeAtomically(p.resolve(ResultFiles.RESOLVED_SCENARIO), start.resolvedScenario());
            Csv.write(p.resolve(ResultTable.POINTS.file()), start.points());
            AtomicFiles.writeAtomically(p.resolve(ResultTable.RESULTS.file()), resultsHeader);
            long outputsLength = 0;
            if (outputsHeader != null) {
                AtomicFiles.writeAtomically(p.resolve(ResultTable.SENSITIVITY_OUTPUTS.file()), outputsHeader);
                outputsLength = outputsHeader.getBytes(StandardCharsets.UTF_8).length;
            }
            String header = MAGIC + "\n"
                    + "sweep-sha256 " + identity.sweepSha256() + "\n"
                    + "chunk " + identity.chunkLabel() + "\n"
                    + "points " + identity.firstPoint() + " " + identity.lastPoint() + "\n"
                    + "git-commit " + (gitCommit == null ? "unknown" : gitCommit) + "\n"
                    + "started " + started + "\n"
                    + "headers " + resultsHeader.getBytes(StandardCharsets.UTF_8).length + " " + outputsLength + "\n";
            AtomicFiles.writeAtomically(p.resolve(JOURNAL), header);
            folder.commit();
        }
        Path created = dir.toAbsolutePath().normalize();
        return new SweepFolder(created, identity, gitCommit, started, List.of(), identity.firstPoint(),
                lock(created));
    }

    /** Whether {@code dir} holds a finished sweep (its manifest is written). */
    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(ResultFiles.MANIFEST));
    }

    /** Whether {@code dir} holds an unfinished sweep (a journal and no manifest). */
    public static boolean isUnfinished(Path dir) {
        return !isComplete(dir) && Files.isRegularFile(dir.resolve(JOURNAL));
    }

    /**
     * Reopens an unfinished folder of the same sweep and chunk: cuts off whatever was written after the last
     * recorded point and continues from the point after it. Refused, with the reason, when the folder holds another
     * sweep or chunk, is in use, or has been changed.
     */
    public static SweepFolder resume(Path dir, Identity identity, Instant resumed) throws IOException, Refused {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(dir + " does not exist; there is nothing to resume");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(dir + " is a file, not a sweep folder");
        }
        if (isComplete(dir)) {
            throw new Refused(dir + " holds a finished sweep (it has " + ResultFiles.MANIFEST + ")");
        }
        if (!Files.isRegularFile(dir.resolve(JOURNAL))) {
            throw new Refused(dir + " is not a sweep folder (no " + JOURNAL + "); a sweep never writes into a "
                    + "folder it did not create");
        }
        // Locked before anything is read or cut: a process still working in the folder keeps it.
        Locked locked = lock(dir);
        SweepFolder folder = null;
        try {
            Journal j = readJournal(dir.resolve(JOURNAL));
            if (!j.identity().sweepSha256().equals(identity.sweepSha256())) {
                throw new Refused(dir + " holds another sweep: the spec or its base scenario has changed since it "
                        + "was started (SHA-256 of the resolved spec and scenario "
                        + shortSha(j.identity().sweepSha256()) + "…, now " + shortSha(identity.sweepSha256())
                        + "…). Resuming would mix the results of two sweeps: restore the spec, or start a new "
                        + "folder");
            }
            if (!j.identity().equals(identity)) {
                throw new Refused(dir + " holds chunk " + j.identity().chunkLabel() + " (points "
                        + j.identity().firstPoint() + "-" + j.identity().lastPoint() + "), not chunk "
                        + identity.chunkLabel() + " (points " + identity.firstPoint() + "-" + identity.lastPoint()
                        + "); resume it with --chunk " + j.identity().chunkLabel());
            }
            Path outputsFile = dir.resolve(ResultTable.SENSITIVITY_OUTPUTS.file());
            if (!Files.exists(outputsFile) && j.outputsLength() != 0) {
                throw new Refused(dir + ": " + ResultTable.SENSITIVITY_OUTPUTS.file() + " is missing; the folder has been changed, "
                        + "start a new one");
            }
            cutTo(dir.resolve(ResultTable.RESULTS.file()), j.resultsLength(), dir);
            if (Files.exists(outputsFile)) {
                cutTo(outputsFile, j.outputsLength(), dir);
            }
            folder = new SweepFolder(dir.toAbsolutePath().normalize(), identity, j.gitCommit(), j.started(),
                    append(j.resumed(), resumed), j.lastDone() + 1, locked);
            // A line cut short by the crash is dropped before the new lines follow it.
            folder.journal.truncate(j.validLength());
            folder.journal.position(j.validLength());
            folder.writeJournal("resumed " + resumed + "\n");
            return folder;
        } catch (Refused | IOException | RuntimeException e) {
            try {
                if (folder != null) {
                    folder.close();
                } else {
                    locked.lock().release();
                    locked.journal().close();
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static List<Instant> append(List<Instant> list, Instant more) {
        List<Instant> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** Cuts the rows written after the last recorded point. */
    private static void cutTo(Path file, long length, Path dir) throws IOException, Refused {
        long size = Files.size(file);
        if (size < length) {
            throw new Refused(dir + ": " + file.getFileName() + " is shorter (" + size + " bytes) than the journal "
                    + "records (" + length + "); the folder has been changed, start a new one");
        }
        if (size > length) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(length);
                c.force(true);
            }
        }
    }

    /**
     * The most recent unfinished folder of the same sweep and chunk among the folders in {@code parent} (e.g.
     * {@code results/<sweep name>}) that no process is working in; empty when there is none.
     */
    public static Optional<Path> findUnfinished(Path parent, Identity identity) throws IOException {
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(parent)) {
            candidates = children.filter(SweepFolder::isUnfinished).sorted().toList();
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Path dir = candidates.get(i);
            Journal j;
            try {
                j = readJournal(dir.resolve(JOURNAL));
            } catch (Refused | IOException e) {
                continue;
            }
            if (j.identity().equals(identity) && !inUse(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean inUse(Path dir) {
        try (FileChannel c = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private static Journal readJournal(Path file) throws IOException, Refused {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n') + 1;
        String[] lines = text.substring(0, end).split("\n");
        try {
            if (lines.length < 7 || !lines[0].equals(MAGIC)) {
                throw new Refused(file + " is not a sweep journal this program can read");
            }
            String sha = value(lines[1], "sweep-sha256");
            String[] chunk = value(lines[2], "chunk").split("/");
            String[] points = value(lines[3], "points").split(" ");
            String git = value(lines[4], "git-commit");
            Instant started = Instant.parse(value(lines[5], "started"));
            String[] headers = value(lines[6], "headers").split(" ");
            Identity identity = new Identity(sha, Integer.parseInt(chunk[0]), Integer.parseInt(chunk[1]),
                    Integer.parseInt(points[0]), Integer.parseInt(points[1]));
            long resultsLength = Long.parseLong(headers[0]);
            long outputsLength = Long.parseLong(headers[1]);
            int lastDone = identity.firstPoint() - 1;
            List<Instant> resumed = new ArrayList<>();
            for (int i = 7; i < lines.length; i++) {
                String[] f = lines[i].split(" ");
                if (f[0].equals("done") && f.length == 4) {
                    // "done P" records point P; "done F-L" points F to L, written at once by a distributed executor.
                    int dash = f[1].indexOf('-');
                    int first = Integer.parseInt(dash < 0 ? f[1] : f[1].substring(0, dash));
                    int last = dash < 0 ? first : Integer.parseInt(f[1].substring(dash + 1));
                    if (first != lastDone + 1 || last < first || last > identity.lastPoint()) {
                        throw new Refused(file + ": points " + f[1] + " are recorded after point " + lastDone
                                + "; the journal has been changed, start a new folder");
                    }
                    lastDone = last;
                    resultsLength = Long.parseLong(f[2]);
                    outputsLength = Long.parseLong(f[3]);
                } else if (f[0].equals("resumed") && f.length == 2) {
                    resumed.add(Instant.parse(f[1]));
                } else {
                    throw new Refused(file + ": unreadable line " + (i + 1) + ": " + lines[i]);
                }
            }
            return new Journal(identity, git.equals("unknown") ? null : git, started, resumed, resultsLength,
                    outputsLength, lastDone, end);
        } catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new Refused(file + " cannot be read (" + e.getMessage() + "); the journal has been changed, start "
                    + "a new folder");
        }
    }

    private static String value(String line, String key) throws Refused {
        if (!line.startsWith(key + " ")) {
            throw new Refused("expected '" + key + " …' in the sweep journal, found: " + line);
        }
        return line.substring(key.length() + 1);
    }

    private static String shortSha(String sha) {
        return sha.substring(0, Math.min(12, sha.length()));
    }

    // ---- appending --------------------------------------------------------------------------------------------------

    public Path path() {
        return dir;
    }

    public Identity identity() {
        return identity;
    }

    /** The next point to run; {@code lastPoint + 1} when every point is done. */
    public int nextPoint() {
        return nextPoint;
    }

    /** Points done before this process opened the folder. */
    public int pointsDoneBefore() {
        return pointsDoneBefore;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When the sweep was resumed, oldest first; empty if it never was. */
    public List<Instant> resumedAt() {
        return resumedAt;
    }

    /** The git commit of the program that started the sweep; null if unknown. */
    public String gitCommitAtStart() {
        return gitCommitAtStart;
    }

    /**
     * Appends the rows of points {@code firstPoint…lastPoint} (the next points, and only whole points: a
     * distributed executor hands them on in batches), syncs them to disk, then records the points in the journal.
     */
    public void appendPoints(int firstPoint, int lastPoint, String resultRows, String outputRows) throws IOException {
        if (firstPoint != nextPoint || lastPoint < firstPoint || lastPoint > identity.lastPoint()) {
            throw new IllegalStateException("points " + firstPoint + "-" + lastPoint + " written out of order; "
                    + "expected " + nextPoint + " next, and at most " + identity.lastPoint());
        }
        writeFully(results, resultRows);
        results.force(false);
        if (outputs != null) {
            writeFully(outputs, outputRows);
            outputs.force(false);
        }
        String points = firstPoint == lastPoint ? Integer.toString(lastPoint) : firstPoint + "-" + lastPoint;
        writeJournal("done " + points + " " + results.size() + " " + (outputs == null ? 0 : outputs.size()) + "\n");
        nextPoint = lastPoint + 1;
    }

    private static void writeFully(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        channel.position(channel.size());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void writeJournal(String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            journal.write(buffer);
        }
        journal.force(false);
    }

    /**
     * Closes the folder after its closing files (the manifest last) were written: releases the lock and removes
     * the journal, leaving the same files as any complete sweep.
     */
    public void complete() throws IOException {
        if (nextPoint <= identity.lastPoint()) {
            throw new IllegalStateException("points " + nextPoint + "-" + identity.lastPoint() + " are not done");
        }
        if (!isComplete(dir)) {
            throw new IllegalStateException("write " + ResultFiles.MANIFEST + " before completing the folder");
        }
        close();
        Files.deleteIfExists(dir.resolve(JOURNAL));
    }

    /** Releases the lock and closes the files; the folder stays resumable. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (Closeable c : new Closeable[] {results, outputs, lock == null ? null : lock::release, journal}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
