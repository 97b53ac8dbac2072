package escaperoutes.cli;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRows;
import escaperoutes.sweep.SweepRunner;
import escaperoutes.sweep.SweepSpecReader;
import escaperoutes.sweep.TestSweeps;
import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.output.SweepFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep and sweep-merge commands on the tiny sweep (20 points × 2 replications of the small test scenario):
 * the folder's content, and the promise that however the sweep is run — on 1 or 2 threads, in chunks merged
 * afterwards, interrupted and resumed — its files are the same, byte for byte (all but manifest.json, which records
 * when and how it was run).
 */
class SweepCommandTest {
    private static final List<String> FILES = List.of("charts", "manifest.json", "points.csv", "report.html",
            "results.csv", "scenario.resolved.json", "sensitivity-outputs.csv", "sensitivity.csv",
            "sweep.resolved.json");

    @TempDir
    Path dir;
    private Path spec;
    /** The tiny sweep run at once on 2 threads, once for the tests that compare with it. */
    @TempDir
    static Path shared;
    private static Path whole;

    @BeforeAll
    static void runTheWholeSweep() throws IOException {
        Path sharedSpec = TestSweeps.writeTiny(shared);
        whole = shared.resolve("whole");
        Outcome o = execute("sweep", sharedSpec, "--out", whole, "--threads", 2, "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(whole + System.lineSeparator(), o.out());
    }

    @BeforeEach
    void writeTheTinySweep() throws IOException {
        spec = TestSweeps.writeTiny(dir);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheTablesOfEveryPointAndReplication() throws Exception {
        assertEquals(FILES, names(whole));
        List<String> results = Files.readAllLines(whole.resolve("results.csv"));
        assertEquals("point,replication,attempts_per_year,crackdown_arrest,hiding_arrest,year,measure,sex,value",
                results.get(0));
        // Per run: 2 years × 3 measures × 3 sexes, then the window 2010-2011 for the 2 flows × 3 sexes.
        assertEquals(1 + 20 * 2 * (18 + 6), results.size());
        List<String> points = Files.readAllLines(whole.resolve("points.csv"));
        assertEquals("point,attempts_per_year,crackdown_arrest,hiding_arrest,role", points.get(0));
        assertEquals(21, points.size());
        assertTrue(points.get(1).endsWith(",A") && points.get(5).endsWith(",B") && points.get(20).endsWith(
                ",AB_hiding_arrest"), String.join("\n", points));

        Map<String, Double> values = new HashMap<>();
        for (String row : results.subList(1, results.size())) {
            String[] f = row.split(",");
            int point = Integer.parseInt(f[0]);
            // The parameter columns repeat the point's values of points.csv.
            assertEquals(points.get(point + 1), point + "," + f[2] + "," + f[3] + "," + f[4] + ","
                    + points.get(point + 1).substring(points.get(point + 1).lastIndexOf(',') + 1));
            values.put(f[0] + "," + f[1] + "," + f[5] + "," + f[6] + "," + f[7], Double.parseDouble(f[8]));
        }
        List<String> outputs = Files.readAllLines(whole.resolve("sensitivity-outputs.csv"));
        assertEquals("point,replication,output,value", outputs.get(0));
        assertEquals(1 + 20 * 2 * 3, outputs.size());
        for (int p = 0; p < 20; p++) {
            for (int r = 0; r < 2; r++) {
                String run = p + "," + r + ",";
                double sum = values.get(run + "2010,arrivals,all") + values.get(run + "2011,arrivals,all");
                assertEquals(sum, values.get(run + "2010-2011,arrivals,all"), "the window is the sum of its years");
                assertTrue(outputs.contains(run + "arrivals_2010_2011," + (long) sum), run);
                double women = values.get(run + "2011,arrivals,female") / values.get(run + "2011,arrivals,all");
                String share = outputs.stream().filter(l -> l.startsWith(run + "share_women_2011,")).findFirst()
                        .orElseThrow();
                assertEquals(women, Double.parseDouble(share.split(",")[3]), 1e-5);
            }
        }
        List<String> sensitivity = Files.readAllLines(whole.resolve("sensitivity.csv"));
        assertEquals("output,parameter,index,value,ci_low,ci_high", sensitivity.get(0));
        assertEquals(1 + 3 * 3 * 2, sensitivity.size(), "3 outputs × 3 parameters × first order and total");
        assertTrue(sensitivity.get(1).startsWith("arrivals_2010_2011,attempts_per_year,first_order,"));

        JsonNode manifest = new ObjectMapper().readTree(whole.resolve("manifest.json").toFile());
        assertEquals("tiny", manifest.get("sweep").asText());
        assertEquals("1/1", manifest.get("chunk").asText());
        assertEquals(40, manifest.get("runs").asInt());
        assertEquals(64, manifest.get("sweepSha256").asText().length());
        JsonNode resolved = new ObjectMapper().readTree(whole.resolve("sweep.resolved.json").toFile());
        assertEquals("all", resolved.at("/sensitivity/outputs/0/sex").asText(), "defaults are written out");
    }

    @Test
    void oneThreadAndTwoThreadsWriteTheSameFiles() throws Exception {
        Path single = dir.resolve("single");
        assertEquals(Main.OK, execute("sweep", spec, "--out", single, "--threads", 1, "--quiet").code());
        assertEquals(TestSweeps.tables(whole), TestSweeps.tables(single));
    }

    @Test
    void aSweepResumedAfterACrashEqualsAnUninterruptedOne() throws Exception {
        // A crash on 2 threads after 7 of the 20 points: the rows of the points done are in the files and the
        // journal; then the 8th point's rows were being written when the process died, a row cut in two, and the
        // journal's line for it half written.
        Path crashed = dir.resolve("crashed");
        SweepSpecReader.ResolvedSweep resolved = new SweepSpecReader().read(spec);
        SweepPlan plan = SweepPlan.of(resolved);
        SweepFolder.Identity identity = SweepRows.identity(plan, resolved.scenario(), 1, 1);
        try (SweepFolder folder = SweepRows.create(crashed, plan, resolved.scenario(), identity, null,
                Instant.now())) {
            IllegalStateException crash = assertThrows(IllegalStateException.class, () ->
                    SweepRunner.run(plan, 0, plan.points(), 2, null, (point, runs) -> {
                        if (point == 7) {
                            throw new IllegalStateException("simulated crash");
                        }
                        SweepRows.append(folder, plan, point, runs);
                    }));
            assertEquals("simulated crash", crash.getMessage());
        }
        Files.writeString(crashed.resolve("results.csv"), "7,0,475.68", StandardOpenOption.APPEND);
        Files.writeString(crashed.resolve("journal.txt"), "done 7 9", StandardOpenOption.APPEND);
        assertFalse(Files.exists(crashed.resolve("manifest.json")));

        Outcome o = execute("sweep", spec, "--resume", crashed, "--threads", 2);
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.err().contains("continuing the sweep in " + crashed + ": 7 of 20 points done"), o.err());
        assertTrue(o.out().contains("26 runs (13 points × 2 replications, after 14 done before)"), o.out());
        assertEquals(TestSweeps.tables(whole), TestSweeps.tables(crashed));
        assertEquals(FILES, names(crashed), "the journal is gone once the sweep is complete");
        JsonNode manifest = new ObjectMapper().readTree(crashed.resolve("manifest.json").toFile());
        assertEquals(1, manifest.get("resumedAt").size());

        Outcome again = execute("sweep", spec, "--out", crashed);
        assertEquals(Main.OK, again.code(), again.err());
        assertTrue(again.err().contains("already complete; nothing to do"), again.err());
    }

    @Test
    void aResumeWithAChangedSpecIsRefusedAndLeavesTheFolderAsItWas() throws Exception {
        Path crashed = dir.resolve("crashed");
        SweepSpecReader.ResolvedSweep resolved = new SweepSpecReader().read(spec);
        SweepPlan plan = SweepPlan.of(resolved);
        try (SweepFolder folder = SweepRows.create(crashed, plan, resolved.scenario(),
                SweepRows.identity(plan, resolved.scenario(), 1, 1), null, Instant.now())) {
            SweepRunner.run(plan, 0, 3, 1, null, (point, runs) -> SweepRows.append(folder, plan, point, runs));
        }
        byte[] before = Files.readAllBytes(crashed.resolve("results.csv"));
        Files.writeString(spec, TestSweeps.tinySpec().replace("\"replications\": 2", "\"replications\": 3"));
        Outcome o = execute("sweep", spec, "--resume", crashed);
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().startsWith("error: " + crashed + " holds another sweep: the spec or its base scenario "
                + "has changed since it was started"), o.err());
        assertArrayEquals(before, Files.readAllBytes(crashed.resolve("results.csv")));

        // The same spec continues it, with the same command as before (an existing --out is continued).
        Files.writeString(spec, TestSweeps.tinySpec());
        assertEquals(Main.OK, execute("sweep", spec, "--out", crashed, "--quiet").code());
        assertEquals(TestSweeps.tables(whole), TestSweeps.tables(crashed));
    }

    @Test
    void aFolderInUseByAnotherProcessIsLeftAlone() throws Exception {
        Path working = dir.resolve("working");
        SweepSpecReader.ResolvedSweep resolved = new SweepSpecReader().read(spec);
        SweepPlan plan = SweepPlan.of(resolved);
        try (SweepFolder folder = SweepRows.create(working, plan, resolved.scenario(),
                SweepRows.identity(plan, resolved.scenario(), 1, 1), null, Instant.now())) {
            SweepRunner.run(plan, 0, 2, 1, null, (point, runs) -> SweepRows.append(folder, plan, point, runs));
            // The other process is writing point 2 right now.
            Files.writeString(working.resolve("results.csv"), "2,0,", StandardOpenOption.APPEND);
            byte[] writing = Files.readAllBytes(working.resolve("results.csv"));
            Outcome o = execute("sweep", spec, "--resume", working);
            assertEquals(Main.BAD_INPUT, o.code());
            assertEquals("error: " + working + " is in use by another sweep process; wait for it to finish, or stop "
                    + "it", o.err().strip());
            assertArrayEquals(writing, Files.readAllBytes(working.resolve("results.csv")), "nothing cut");
        }
        assertEquals(Main.OK, execute("sweep", spec, "--resume", working, "--quiet").code());
        assertEquals(TestSweeps.tables(whole), TestSweeps.tables(working));
    }

    @Test
    void chunksMergedEqualTheWholeSweep() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Outcome o = execute("sweep", spec, "--chunk", i + "/3", "--out", dir.resolve("chunk" + i), "--threads",
                    1, "--quiet");
            assertEquals(Main.OK, o.code(), o.err());
        }
        assertFalse(Files.exists(dir.resolve("chunk1/sensitivity.csv")), "a chunk cannot estimate indices alone");
        List<String> chunkRows = Files.readAllLines(dir.resolve("chunk2/results.csv"));
        assertTrue(chunkRows.get(1).startsWith("6,0,"), "chunk 2 of 3 holds points 6-12: " + chunkRows.get(1));

        Outcome incomplete = execute("sweep-merge", dir.resolve("chunk3"), dir.resolve("chunk1"), "--out",
                dir.resolve("merged"));
        assertEquals(Main.BAD_INPUT, incomplete.code());
        assertTrue(incomplete.err().contains("chunks missing: 2/3 (2 of 3 given)"), incomplete.err());
        assertFalse(Files.exists(dir.resolve("merged")));

        Outcome o = execute("sweep-merge", dir.resolve("chunk3"), dir.resolve("chunk1"), dir.resolve("chunk2"),
                "--out", dir.resolve("merged"), "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(TestSweeps.tables(whole), TestSweeps.tables(dir.resolve("merged")));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("merged/manifest.json").toFile());
        assertEquals(3, manifest.get("mergedFrom").size());
        assertEquals("1/3", manifest.at("/mergedFrom/0/chunk").asText());
    }

    @Test
    void onePointAloneGivesTheSweepsNumbersForIt() throws Exception {
        Path single = dir.resolve("point12");
        Outcome o = execute("sweep", spec, "--only-point", 12, "--out", single, "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        Map<String, String> annual = new HashMap<>();
        for (String row : Files.readAllLines(single.resolve("annual.csv"))) {
            String[] f = row.split(",");
            annual.put(f[0] + "," + f[1] + "," + f[2] + "," + f[3], f[4]);
        }
        int compared = 0;
        for (String row : Files.readAllLines(whole.resolve("results.csv"))) {
            String[] f = row.split(",");
            if (f[0].equals("12") && !f[5].contains("-")) {
                assertEquals(f[8], annual.get(f[1] + "," + f[5] + "," + f[6] + "," + f[7]), row);
                compared++;
            }
        }
        assertEquals(2 * 18, compared);
        JsonNode scenario = new ObjectMapper().readTree(single.resolve("scenario.resolved.json").toFile());
        assertEquals("tiny-point-12", scenario.get("name").asText());

        // run, given that scenario and the sweep's seed, reproduces the point too.
        Outcome run = execute("run", single.resolve("scenario.resolved.json"), "--seed", 3, "--replications", 2,
                "--out", dir.resolve("rerun"), "--quiet");
        assertEquals(Main.OK, run.code(), run.err());
        assertEquals(Files.readString(single.resolve("annual.csv")),
                Files.readString(dir.resolve("rerun/annual.csv")));
    }

    @Test
    void badInputExitsWithCode2NamesTheJsonPathAndLeavesNoFolder() throws Exception {
        Files.writeString(spec, TestSweeps.tinySpec().replace("\"lower\": 1, \"upper\": 4", "\"lower\": 4, "
                + "\"upper\": 1").replace("$.attempts.attemptsPerYear", "$.attempts.attemptsPerYr"));
        Outcome o = execute("sweep", spec, "--out", dir.resolve("never"));
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(spec + ": $.parameters[0].path: $.attempts.attemptsPerYr: $.attempts has no "
                + "key 'attemptsPerYr'"), o.err());
        assertTrue(o.err().contains(spec + ": $.parameters[1]: lower 4 must be less than upper 1 (a reversed "
                + "range)"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(dir.resolve("never")));

        // Every value of a parameter is allowed alone, but together they break a rule across fields.
        Files.writeString(spec, TestSweeps.tinySpec().replace("$.attempts.attemptsPerYear",
                "$.china.hiding.female.directShare").replace("\"lower\": 200, \"upper\": 800, \"logScale\": true",
                "\"lower\": 0.1, \"upper\": 0.7").replace("$.regimes[name=crackdown].multipliers.nk_border.arrest",
                "$.china.hiding.female.settleShare").replace("\"lower\": 1, \"upper\": 4", "\"lower\": 0.05, "
                + "\"upper\": 0.6"));
        Outcome cross = execute("sweep", spec, "--out", dir.resolve("never"));
        assertEquals(Main.BAD_INPUT, cross.code(), cross.err());
        assertTrue(cross.err().contains("$.parameters: point "), cross.err());
        assertTrue(cross.err().contains("the scenario does not validate: $.china.hiding.female"), cross.err());
        assertFalse(Files.exists(dir.resolve("never")));

        Files.writeString(spec, TestSweeps.tinySpec());
        assertEquals(Main.BAD_INPUT, execute("sweep", spec, "--chunk", "4/3").code());
        assertEquals(Main.BAD_INPUT, execute("sweep", spec, "--chunk", "21/21").code(), "more chunks than points");
        Files.createDirectories(dir.resolve("taken"));
        Outcome taken = execute("sweep", spec, "--out", dir.resolve("taken"));
        assertEquals(Main.BAD_INPUT, taken.code());
        assertTrue(taken.err().contains("is not a sweep folder"), taken.err());
        assertEquals(List.of(), names(dir.resolve("taken")), "a folder it did not create is left alone");
    }

    @Test
    void anUnfinishedFolderOfTheSameSweepIsFoundAgain() throws Exception {
        Path results = dir.resolve("results/tiny");
        SweepSpecReader.ResolvedSweep resolved = new SweepSpecReader().read(spec);
        SweepPlan plan = SweepPlan.of(resolved);
        SweepFolder.Identity identity = SweepRows.identity(plan, resolved.scenario(), 1, 1);
        Path older = results.resolve("2026-01-01T00-00-00");
        Path newer = results.resolve("2026-01-02T00-00-00");
        SweepRows.create(older, plan, resolved.scenario(), identity, null, Instant.now()).close();
        try (SweepFolder working = SweepRows.create(newer, plan, resolved.scenario(), identity, null,
                Instant.now())) {
            assertEquals(older.toAbsolutePath(), SweepFolder.findUnfinished(results, identity).orElseThrow()
                    .toAbsolutePath(), "the newer folder is in use by a process");
        }
        assertEquals(newer.toAbsolutePath(), SweepFolder.findUnfinished(results, identity).orElseThrow()
                .toAbsolutePath());
        SweepFolder.Identity chunk = SweepRows.identity(plan, resolved.scenario(), 1, 2);
        assertTrue(SweepFolder.findUnfinished(results, chunk).isEmpty(), "another chunk of it is another folder");
        assertNotEquals(identity.sweepSha256(), SweepRows.identity(SweepPlan.of(new SweepSpecReader().read(
                Files.writeString(spec, TestSweeps.tinySpec().replace("\"seed\": 3", "\"seed\": 4")))),
                resolved.scenario(), 1, 1).sweepSha256());
    }
}
