package escaperoutes.spark;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escaperoutes.sweep.DistributedSweepExecutor;
import escaperoutes.io.Json;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRows;
import escaperoutes.sweep.SweepSpecReader;
import escaperoutes.sweep.TestSweeps;
import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.cli.Main;
import escaperoutes.output.SweepFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark executor on Spark's local master with two threads ({@code local[2]}), against local threads: the same
 * sweep writes the same files byte for byte, also when a Spark sweep is resumed with part files left from the
 * interrupted one (which are reused, not run again).
 */
class SparkSweepTest {
    /** The tiny sweep (20 points × 2 replications) on 2 local threads, for comparison. */
    @TempDir
    static Path shared;
    private static Path spec;
    private static Path onThreads;

    @TempDir
    Path dir;

    @BeforeAll
    static void runTheSweepOnThreads() throws IOException {
        spec = TestSweeps.writeTiny(shared);
        onThreads = shared.resolve("threads");
        Outcome o = execute("sweep", spec, "--out", onThreads, "--threads", 2, "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
    }

    @Test
    void sparkLocalWritesTheSameFilesAsThreads() throws Exception {
        Path out = dir.resolve("spark");
        // 5 runs per task, 2 replications a point: tasks of 2 points, 10 tasks.
        Outcome o = execute("sweep", spec, "--out", out, "--executor", "spark", "--spark-master", "local[2]",
                "--runs-per-task", 5);
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().contains("40 runs (20 points × 2 replications) in "), o.out());
        assertTrue(o.out().contains("runs/s with spark local[2]"), o.out());
        assertEquals(TestSweeps.tables(onThreads), TestSweeps.tables(out));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("spark local[2]", manifest.get("executor").asText());
        assertEquals(40, manifest.get("runs").asInt());
    }

    /** A new sweep folder of the tiny spec, open for appending from point 0. */
    private static SweepFolder newTinyFolder(Path dir) throws Exception {
        SweepSpecReader.ResolvedSweep resolved = new SweepSpecReader().read(spec);
        SweepPlan plan = SweepPlan.of(resolved);
        return SweepRows.create(dir, plan, resolved.scenario(),
                SweepRows.identity(plan, resolved.scenario(), 1, 1), null, Instant.now());
    }

    /** The whole tiny sweep as a job for Spark's local[2], tasks of 4 runs (2 points), parts in {@code parts}. */
    private static DistributedSweepExecutor.Job tinyJob(Path parts) throws Exception {
        SweepSpecReader.ResolvedSweep resolved = new SweepSpecReader().read(spec);
        SweepPlan plan = SweepPlan.of(resolved);
        return new DistributedSweepExecutor.Job(plan, SweepRows.resolvedSpec(plan),
                Json.text(resolved.scenario()),
                SweepRows.identity(plan, resolved.scenario(), 1, 1).sweepSha256(), 0, plan.points(),
                new DistributedSweepExecutor.Settings("local[2]", 2, parts.toUri(), 4));
    }

    /**
     * A Spark sweep of the tiny spec in {@code crashed} (tasks of 4 runs: 2 points) whose driver died appending the
     * second batch: the first (points 0-1) is in the folder; the second's part and those of the batches that were
     * finished by then are left in spark-parts/, which this returns, sorted (so by point).
     */
    private static List<Path> crashedSparkSweep(Path crashed) throws Exception {
        Path parts = crashed.resolve("spark-parts");
        try (SweepFolder folder = newTinyFolder(crashed)) {
            DistributedSweepExecutor.Job job = tinyJob(parts);
            List<Integer> appended = new ArrayList<>();
            IOException crash = assertThrows(IOException.class, () -> new SparkSweepExecutor().run(job,
                    DistributedSweepExecutor.Listener.NONE,
                    (first, last, results, outputs) -> {
                        if (first > 0) {
                            throw new IOException("simulated crash");
                        }
                        folder.appendPoints(first, last, results, outputs);
                        appended.add(last);
                    }));
            assertEquals("simulated crash", crash.getMessage());
            assertEquals(List.of(1), appended);
        }
        List<Path> left;
        try (Stream<Path> list = Files.list(parts)) {
            left = list.filter(p -> p.getFileName().toString().endsWith(".part")).sorted().toList();
        }
        assertTrue(!left.isEmpty() && left.get(0).getFileName().toString().endsWith("-00000002-00000003.part"),
                left.toString());
        return left;
    }

    @Test
    void aResumedSparkSweepReusesThePartsLeftAndEqualsThreads() throws Exception {
        Path crashed = dir.resolve("crashed");
        List<Path> left = crashedSparkSweep(crashed);
        Path parts = crashed.resolve("spark-parts");
        // At least one batch is run again: the last one left, as though its part had not been written.
        if (left.size() > 1) {
            Files.delete(left.get(left.size() - 1));
        }
        int reused = 4 * Math.max(1, left.size() - 1);

        // Proof that a part left is reused rather than run again: one digit of its first row changed (a part of
        // the right length stays valid) shows up in the resumed sweep's results.csv.
        Path marked = left.get(0);
        byte[] bytes = Files.readAllBytes(marked);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int rowEnd = text.indexOf('\n', text.indexOf('\n') + 1);
        char digit = text.charAt(rowEnd - 1);
        assertTrue(Character.isDigit(digit), text.substring(0, rowEnd));
        String changedRow = text.substring(text.indexOf('\n') + 1, rowEnd - 1) + (digit == '9' ? '8' : '9');
        Files.writeString(marked, text.substring(0, rowEnd - 1) + (digit == '9' ? '8' : '9')
                + text.substring(rowEnd));

        Outcome o = execute("sweep", spec, "--resume", crashed, "--executor", "spark", "--spark-master", "local[2]",
                "--runs-per-task", 4);
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.err().contains("2 of 20 points done"), o.err());
        int run = 40 - 4 - reused;
        assertTrue(o.out().contains(run + " runs (" + run / 2 + " points × 2 replications, after " + (4 + reused)
                + " done before)"), o.out());
        assertFalse(Files.exists(parts), "the parts are removed once appended");
        Map<String, String> expected = TestSweeps.tables(onThreads);
        Map<String, String> resumed = TestSweeps.tables(crashed);
        assertEquals(expected.keySet(), resumed.keySet());
        assertTrue(resumed.get("results.csv").contains(changedRow + "\n"), changedRow);
        String restored = resumed.get("results.csv").replace(changedRow + "\n",
                changedRow.substring(0, changedRow.length() - 1) + digit + "\n");
        assertEquals(expected.get("results.csv"), restored, "apart from the changed digit, as on threads");
        assertEquals(expected.get("sensitivity-outputs.csv"), resumed.get("sensitivity-outputs.csv"));
    }

    @Test
    void aSparkSweepFinishedOnThreadsEqualsThreadsAndDropsTheParts() throws Exception {
        Path crashed = dir.resolve("crashed");
        crashedSparkSweep(crashed);
        Outcome o = execute("sweep", spec, "--resume", crashed, "--threads", 2, "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(TestSweeps.tables(onThreads), TestSweeps.tables(crashed));
        assertFalse(Files.exists(crashed.resolve("spark-parts")), "the parts left are of no use any more");
    }

    @Test
    void aPartTheDriverCannotSeeIsASetupErrorNamingTheOption() throws Exception {
        // As when --spark-parts is a folder of each worker's own disk: the second batch's task writes its part and
        // ends, but the driver does not find it (this sink removes it while appending the first batch).
        Path folderDir = dir.resolve("unshared");
        Path parts = folderDir.resolve("spark-parts");
        try (SweepFolder folder = newTinyFolder(folderDir)) {
            DistributedSweepExecutor.Job job = tinyJob(parts);
            Path second = parts.resolve(job.sweepSha256().substring(0, 16) + "-00000002-00000003.part");
            DistributedSweepExecutor.SetupException e = assertThrows(DistributedSweepExecutor.SetupException.class,
                    () -> new SparkSweepExecutor().run(job, DistributedSweepExecutor.Listener.NONE,
                            (first, last, results, outputs) -> {
                                folder.appendPoints(first, last, results, outputs);
                                try {
                                    while (!Files.exists(second)) {
                                        Thread.sleep(20);
                                    }
                                } catch (InterruptedException interrupted) {
                                    throw new IOException(interrupted);
                                }
                                Files.delete(second);
                            }));
            assertTrue(e.getMessage().startsWith("the task of points 2-3 finished, but its part "), e.getMessage());
            assertTrue(e.getMessage().contains("--spark-parts must be a folder that the driver and every worker "
                    + "reach"), e.getMessage());
            assertEquals(2, folder.nextPoint(), "the first batch stays appended");
        }
    }

    @Test
    void batchesAreWholePointsOfAboutTheRunsPerTask() {
        assertEquals(List.of(new SweepBatchTask.Batch(0, 1), new SweepBatchTask.Batch(2, 3),
                new SweepBatchTask.Batch(4, 4)), SparkSweepExecutor.batches(0, 5, 2, 5));
        assertEquals(List.of(new SweepBatchTask.Batch(3, 9)), SparkSweepExecutor.batches(3, 10, 4, 100));
        // More replications than runs per task: one point per task.
        assertEquals(List.of(new SweepBatchTask.Batch(7, 7), new SweepBatchTask.Batch(8, 8)),
                SparkSweepExecutor.batches(7, 9, 200, 100));
        assertEquals(List.of(), SparkSweepExecutor.batches(4, 4, 2, 100));
    }

    @Test
    void aPartCutShortOrOfAnotherBatchIsRefusedWithItsName() throws Exception {
        var fs = PartFiles.fileSystem(dir.toUri());
        String sha = "ab".repeat(32);
        var part = PartFiles.path(dir.toUri(), sha, 4, 5);
        PartFiles.write(fs, part, sha, 4, 5, "4,0,x\n5,0,y\n", "4,0,o,1\n");
        assertEquals(new PartFiles.Rows(4, 5, "4,0,x\n5,0,y\n", "4,0,o,1\n"), PartFiles.read(fs, part, sha, 4, 5));
        assertTrue(PartFiles.isWhole(fs, part, sha, 4, 5));
        IOException other = assertThrows(IOException.class, () -> PartFiles.read(fs, part, sha, 4, 6));
        assertEquals(part + ": not the part of points 4-6 of this sweep", other.getMessage());

        Path file = Path.of(part.toUri());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        IOException cut = assertThrows(IOException.class, () -> PartFiles.read(fs, part, sha, 4, 5));
        assertEquals(part + ": holds 17 bytes of rows, its header says 20", cut.getMessage());
        assertFalse(PartFiles.isWhole(fs, part, sha, 4, 5));
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()),
                    list.map(p -> p.getFileName().toString()).toList(), "no temporary or checksum files are left");
        }
    }

    @Test
    void anUnknownExecutorIsRefused() {
        Outcome o = execute("sweep", spec, "--executor", "dask");
        assertEquals(Main.BAD_INPUT, o.code());
        assertEquals("error: --executor dask: expected threads or spark" + System.lineSeparator(), o.err());
    }
}
