package escaperoutes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.observe.CohortOutcome;
import escaperoutes.observe.Measure;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioReaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands driven in-process through {@link Main#execute}, on the small scenario of the reader tests. */
class RunCommandTest {

    private static final List<String> RUN_FILES = List.of("annual.csv", "charts", "cohorts.csv", "manifest.json",
            "origins.csv", "report.html", "routes.csv", "scenario.resolved.json", "summary.csv");
    private static final List<String> TABLES = List.of("annual.csv", "summary.csv", "routes.csv", "origins.csv",
            "cohorts.csv");
    private static final int REPLICATIONS = 4;
    /** The small scenario runs 2010-01-01 to 2011-12-31. */
    private static final List<Integer> YEARS = List.of(2010, 2011);

    @TempDir
    Path dir;

    // ---- validate -----------------------------------------------------------------------------------------------

    @Test
    void validateAcceptsAGoodFile() throws IOException {
        Path file = small();
        Outcome o = execute("validate", file);
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(file + ": valid scenario 'small' (2010-01-01 to 2011-12-31; 2 provinces, 4 places, 5 legs, "
                + "1 regimes, 1 events)", o.out().strip());
        assertEquals("", o.err());
    }

    @Test
    void validateListsEveryProblemWithoutAStackTrace() throws IOException {
        Path file = bad();
        Outcome o = execute("validate", file);
        assertEquals(Main.BAD_INPUT, o.code());
        assertEquals(List.of(
                "error: " + file + ": 2 problems:",
                "  " + file + ": $.attempts.scael: unknown key 'scael'; valid keys: attemptsPerYear, "
                        + "borderProvinceMultiplier, femaleShare, chain",
                "  " + file + ": $.legs[0].arrest: 1.4 is outside the allowed range [0, 1]"),
                o.err().lines().toList());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        assertEquals("", o.out());
    }

    @Test
    void validateAndRunReadAChildMergedOntoItsParent() throws Exception {
        Path parent = small();
        Path child = Files.writeString(dir.resolve("child.json"), """
                {"extends": "small.json", "name": "child", "attempts": {"attemptsPerYear": 200}}""");
        Outcome v = execute("validate", child);
        assertEquals(Main.OK, v.code(), v.err());
        assertEquals(child + ": valid scenario 'child' (extends " + parent + "; 2010-01-01 to 2011-12-31; "
                + "2 provinces, 4 places, 5 legs, 1 regimes, 1 events)", v.out().strip());

        Path run = dir.resolve("run");
        Outcome o = execute("run", child, "--replications", 1, "--threads", 1, "--out", run, "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        JsonNode resolved = new ObjectMapper().readTree(run.resolve("scenario.resolved.json").toFile());
        assertEquals("child", resolved.get("name").asText());
        assertEquals(200, resolved.at("/attempts/attemptsPerYear").asDouble());
        assertTrue(resolved.get("extends") == null, "the resolved scenario stands on its own");
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals(child.toString(), manifest.get("scenarioFile").asText());
        assertEquals(parent.toString(), manifest.at("/scenarioParents/0/file").asText());
        assertEquals(sha256(Files.readAllBytes(parent)), manifest.at("/scenarioParents/0/sha256").asText());
    }

    @Test
    void aProblemInAChildNamesTheChild() throws IOException {
        small();
        Path child = Files.writeString(dir.resolve("child.json"), """
                {"extends": "small.json", "legs": {"$edit": {"[0]": {"arrest": 1.4}}}}""");
        Outcome o = execute("validate", child);
        assertEquals(Main.BAD_INPUT, o.code());
        assertEquals(List.of("error: " + child + ": 1 problem:",
                "  " + child + ": $.legs[0].arrest: 1.4 is outside the allowed range [0, 1]"),
                o.err().lines().toList());
    }

    // ---- run ----------------------------------------------------------------------------------------------------

    @Test
    void runWritesACompleteFolder() throws Exception {
        Path file = small();
        Path run = dir.resolve("run");
        Object[] args = {"run", file, "--seed", 7, "--replications", REPLICATIONS, "--threads", 2, "--out", run,
                "--quiet"};
        Outcome o = execute(args);
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(run.toString(), o.out().strip(), "--quiet prints only the folder");

        assertEquals(RUN_FILES, names(run));
        assertEquals(List.of(), leftovers(dir));

        // annual.csv: exactly one row per replication × year × measure × sex.
        List<String> annual = Files.readAllLines(run.resolve("annual.csv"));
        assertEquals("replication,year,measure,sex,value", annual.get(0));
        Set<String> expectedKeys = new HashSet<>();
        for (int r = 0; r < REPLICATIONS; r++) {
            for (int year : YEARS) {
                for (Measure m : Measure.values()) {
                    for (SexGroup sex : SexGroup.values()) {
                        expectedKeys.add(r + "," + year + "," + m.key() + "," + sex.label());
                    }
                }
            }
        }
        List<String> keys = annual.subList(1, annual.size()).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
        assertEquals(expectedKeys.size(), keys.size(), "no row twice");
        assertEquals(expectedKeys, new HashSet<>(keys));
        assertTrue(arrivals(run) > 0, "the run must produce arrivals for the other checks to mean anything");

        // cohorts.csv: exactly one row per replication × crossing year × outcome × sex, in that order.
        List<String> cohorts = Files.readAllLines(run.resolve("cohorts.csv"));
        assertEquals("replication,crossing_year,outcome,sex,value", cohorts.get(0));
        List<String> expectedCohortKeys = new ArrayList<>();
        for (int r = 0; r < REPLICATIONS; r++) {
            for (int year : YEARS) {
                for (CohortOutcome outcome : CohortOutcome.values()) {
                    for (SexGroup sex : SexGroup.values()) {
                        expectedCohortKeys.add(r + "," + year + "," + outcome.key() + "," + sex.label());
                    }
                }
            }
        }
        assertEquals(expectedCohortKeys, cohorts.subList(1, cohorts.size()).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList());

        // summary.csv: one row per year × measure × sex, quantiles in order.
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertEquals("year,measure,sex,mean,p05,p50,p95,observed", summary.get(0));
        assertEquals(YEARS.size() * Measure.values().length * SexGroup.values().length, summary.size() - 1);
        int ordered = 0;
        for (String line : summary.subList(1, summary.size())) {
            String[] f = line.split(",", -1);
            assertEquals(8, f.length, line);
            if (f[4].equals("NA")) {
                // A mean over no arrivals in every replication: all its summaries are missing together.
                assertEquals(List.of("NA", "NA", "NA", "NA"), List.of(f[3], f[4], f[5], f[6]), line);
                continue;
            }
            double p05 = Double.parseDouble(f[4]);
            double p50 = Double.parseDouble(f[5]);
            double p95 = Double.parseDouble(f[6]);
            assertTrue(p05 <= p50 && p50 <= p95, line);
            ordered++;
        }
        assertTrue(ordered > 0, "some quantiles were compared");

        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals(7, manifest.get("seed").asLong());
        assertEquals(REPLICATIONS, manifest.get("replications").asInt());
        assertEquals(2, manifest.get("threads").asInt());
        // The manifest records the version the program reports (--version): the jar's, or "dev" from classes.
        assertEquals(execute("--version").out().strip(), "escape-routes " + manifest.get("programVersion").asText());
        assertEquals(sha256(Files.readAllBytes(file)), manifest.get("scenarioSha256").asText());
        assertTrue(manifest.get("observedSha256").asText().matches("[0-9a-f]{64}"), manifest.toString());
        assertTrue(manifest.get("javaVersion").asText().startsWith(Runtime.version().toString()),
                manifest.toString());
        List<String> commandLine = new ArrayList<>();
        manifest.get("commandLine").forEach(arg -> commandLine.add(arg.asText()));
        assertEquals(Stream.of(args).map(String::valueOf).toList(), commandLine);

        // The resolved scenario states every value the run used: reading it gives the same scenario.
        ScenarioReader reader = new ScenarioReader();
        assertEquals(reader.read(file), reader.read(run.resolve("scenario.resolved.json")));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        Path file = small();
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Outcome a = execute("run", file, "--seed", 3, "--replications", REPLICATIONS, "--threads", 1, "--out", one,
                "--quiet");
        Outcome b = execute("run", file, "--seed", 3, "--replications", REPLICATIONS, "--threads", 2, "--out", two,
                "--quiet");
        assertEquals(Main.OK, a.code(), a.err());
        assertEquals(Main.OK, b.code(), b.err());
        assertTrue(arrivals(one) > 0, "identical empty tables would prove nothing");
        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(one.resolve(table)), Files.readAllBytes(two.resolve(table)), table);
        }
    }

    @Test
    void runOnABadScenarioLeavesNothing() throws IOException {
        Path file = bad();
        Path run = dir.resolve("run");
        Outcome o = execute("run", file, "--replications", 2, "--threads", 1, "--out", run, "--quiet");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(file + ": $.legs[0].arrest: 1.4 is outside the allowed range [0, 1]"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals(List.of("bad.json"), names(dir), "neither the folder nor a partial sibling");
    }

    @Test
    void runRefusesAnExistingFolder() throws IOException {
        Path file = small();
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.writeString(run.resolve("keep.txt"), "earlier results\n");
        Outcome o = execute("run", file, "--replications", 2, "--threads", 1, "--out", run, "--quiet");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(run + " already exists"), o.err());
        assertEquals(List.of("keep.txt"), names(run));
        assertEquals("earlier results\n", Files.readString(run.resolve("keep.txt")));
        assertEquals(List.of("run", "small.json"), names(dir), "no partial sibling");
    }

    @Test
    void runRefusesZeroReplications() throws IOException {
        Path run = dir.resolve("run");
        Outcome o = execute("run", small(), "--replications", 0, "--out", run, "--quiet");
        assertEquals(Main.BAD_INPUT, o.code());
        assertEquals("error: --replications must be at least 1, found 0", o.err().strip());
        assertFalse(Files.exists(run));
    }

    @Test
    void unknownOptionIsAUsageError() throws IOException {
        Path run = dir.resolve("run");
        Outcome o = execute("run", small(), "--frobnicate", "--out", run);
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().startsWith("error: Unknown option: '--frobnicate'"), o.err());
        assertFalse(Files.exists(run));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Path small() throws IOException {
        return Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
    }

    /** The small scenario with two mistakes: an unknown key in attempts and an arrest probability of 1.4. */
    private Path bad() throws IOException {
        String text = replaceOnce(ScenarioReaderTest.SMALL_SCENARIO, "\"femaleShare\": 0.7}",
                "\"femaleShare\": 0.7, \"scael\": 2}");
        text = replaceOnce(text, "\"arrest\": 0.05}", "\"arrest\": 1.4}");
        return Files.writeString(dir.resolve("bad.json"), text);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertTrue(at >= 0 && text.indexOf(target, at + 1) < 0, "exactly one " + target);
        return text.replace(target, replacement);
    }

    /** Total arrivals (both sexes) over all replications and years of a run folder. */
    private static long arrivals(Path run) throws IOException {
        return Files.readAllLines(run.resolve("annual.csv")).stream()
                .map(line -> line.split(","))
                .filter(f -> f[2].equals(Measure.ARRIVALS.key()) && f[3].equals(SexGroup.ALL.label()))
                .mapToLong(f -> Long.parseLong(f[4]))
                .sum();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Temporary or partial files and folders anywhere under {@code root}. */
    private static List<Path> leftovers(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".tmp") || name.contains(".partial");
            }).toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
