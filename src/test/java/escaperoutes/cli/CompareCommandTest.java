package escaperoutes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escaperoutes.cli.InProcess.Outcome;
import escaperoutes.observe.Measure;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.scenario.ScenarioReaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static escaperoutes.cli.InProcess.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code compare} driven in-process, on the small scenario of the reader tests moved to 2025-2026 (so that 2026 is
 * a projection: the shipped observed series ends in 2025) and a child of it.
 */
class CompareCommandTest {

    private static final int REPLICATIONS = 3;

    @TempDir
    Path dir;

    @Test
    void compareWritesTablesOfEachScenarioAndOfThePairedDifference() throws Exception {
        Path base = base();
        Path child = child();
        Path folder = dir.resolve("cmp");
        Outcome o = execute("compare", base, child, "--replications", REPLICATIONS, "--seed", 7, "--threads", 2,
                "--window", "2026", "--out", folder);
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(List.of("charts", "comparison.csv", "cumulative.csv", "differences.csv",
                "manifest.json", "report.html", "small.resolved.json", "twice.resolved.json"), names(folder));
        assertEquals(List.of("cmp", "small.json", "twice.json"), names(dir), "no partial folder left behind");

        List<String> lines = o.out().lines().toList();
        assertEquals(folder.toString(), lines.get(lines.size() - 1));
        assertTrue(o.out().contains("twice against small: arrivals per year (persons, median of 3 replications), "
                + "2026-2026"), o.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("2026* ")), o.out());
        assertTrue(o.out().contains("* projected: after the last observed year, 2025"), o.out());

        List<String> comparison = Files.readAllLines(folder.resolve("comparison.csv"));
        List<String> differences = Files.readAllLines(folder.resolve("differences.csv"));
        assertEquals("scenario,year,measure,sex,mean,p05,p50,p95,projected", comparison.get(0));
        assertEquals(comparison.get(0), differences.get(0));
        int series = (int) comparison.stream().skip(1).map(l -> l.split(",")[2]).distinct().count();
        assertTrue(series > Measure.values().length, "measures and arrivals by route");
        assertEquals(2 * 2 * series * SexGroup.COUNT, comparison.size() - 1, "2 scenarios × 2 years");
        assertEquals(2 * series * SexGroup.COUNT, differences.size() - 1, "the child only");
        assertTrue(comparison.get(1).startsWith("small,2025,attempts,female,") && comparison.get(1)
                .endsWith(",false"), comparison.get(1));
        assertTrue(differences.stream().skip(1).allMatch(l -> l.startsWith("twice,")));
        assertTrue(differences.stream().skip(1).allMatch(l -> l.endsWith(l.contains(",2026,") ? ",true" : ",false")));

        // The mean difference is the difference of the means; the child's doubled attempts show in 2026.
        Map<String, String[]> rows = new HashMap<>();
        comparison.stream().skip(1).forEach(l -> rows.put(key(l.split(",")), l.split(",")));
        for (String l : differences.subList(1, differences.size())) {
            String[] d = l.split(",");
            String[] other = rows.get(key(d));
            String[] baseRow = rows.get("small" + key(d).substring("twice".length()));
            if (!d[4].equals("NA")) {
                assertEquals(Double.parseDouble(other[4]) - Double.parseDouble(baseRow[4]), Double.parseDouble(d[4]),
                        1e-3 * Math.max(1, Math.abs(Double.parseDouble(d[4]))), l);
            }
        }
        String[] attempts2026 = rows.get("twice,2026,attempts,all");
        assertTrue(Double.parseDouble(attempts2026[4]) > Double.parseDouble(rows.get("small,2026,attempts,all")[4]),
                "doubling the attempt multiplier raises attempts");

        List<String> cumulative = Files.readAllLines(folder.resolve("cumulative.csv"));
        assertEquals("scenario,measure,sex,from_year,to_year,mean,p05,p50,p95,difference_mean,difference_p05,"
                + "difference_p50,difference_p95", cumulative.get(0));
        assertTrue(cumulative.stream().skip(1).noneMatch(l -> l.contains(",in_china_end,")), "flows only");
        String baseArrivals = cumulative.stream().filter(l -> l.startsWith("small,arrivals,all,2026,2026,"))
                .findFirst().orElseThrow();
        assertTrue(baseArrivals.endsWith(",0,0,0,0"), "the base differs from itself by 0: " + baseArrivals);

        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        assertEquals(7, manifest.get("seed").asLong());
        assertEquals(REPLICATIONS, manifest.get("replications").asInt());
        assertEquals("2026-2026", manifest.get("window").asText());
        assertEquals(2025, manifest.get("lastObservedYear").asInt());
        assertEquals("twice", manifest.at("/scenarios/1/label").asText());
        assertEquals(child.toString(), manifest.at("/scenarios/1/file").asText());
        assertEquals(base.toString(), manifest.at("/scenarios/1/parents/0/file").asText());
        assertTrue(manifest.at("/scenarios/0/parents").isMissingNode(), "the base extends nothing");

        ScenarioReader reader = new ScenarioReader();
        assertEquals(reader.read(child), reader.read(folder.resolve("twice.resolved.json")));
    }

    @Test
    void aScenarioComparedWithItselfDiffersByZero() throws Exception {
        Path base = base();
        Path folder = dir.resolve("self");
        Outcome o = execute("compare", base, base, "--replications", REPLICATIONS, "--threads", 2, "--out", folder,
                "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        assertEquals(folder.toString(), o.out().strip());
        assertTrue(names(folder).contains("small-2.resolved.json"), "a repeated name is told apart");
        List<String> differences = Files.readAllLines(folder.resolve("differences.csv"));
        for (String line : differences.subList(1, differences.size())) {
            String[] f = line.split(",");
            for (int i = 4; i <= 7; i++) {
                assertTrue(f[i].equals("0") || f[i].equals("NA"), line);
            }
        }
        for (String line : Files.readAllLines(folder.resolve("cumulative.csv")).subList(1, 2)) {
            assertTrue(line.endsWith(",0,0,0,0"), line);
        }
    }

    // ---- bad input: exit code 2, nothing written ----------------------------------------------------------------

    @Test
    void oneScenarioIsNotAComparison() throws IOException {
        bad(List.of("error: compare needs at least two scenarios, the base and one to compare with it; found 1"),
                "compare", base());
    }

    @Test
    void everyUnreadableScenarioIsReportedWithItsFile() throws IOException {
        Path base = base();
        Path missing = dir.resolve("missing.json");
        Path broken = Files.writeString(dir.resolve("broken.json"), """
                {"extends": "small.json", "attempts": {"femaleShare": 1.5}}""");
        bad(List.of("error: " + missing + ": 1 problem:",
                "  " + missing + ": file not found",
                "error: " + broken + ": 1 problem:",
                "  " + broken + ": $.attempts.femaleShare: 1.5 is outside the allowed range [0, 1]"),
                "compare", base, missing, broken);
    }

    @Test
    void aBadWindowIsRefused() throws IOException {
        Path base = base();
        Path child = child();
        bad(List.of("error: --window 2026-2025: ends before it starts"), "compare", base, child, "--window",
                "2026-2025");
        bad(List.of("error: --window: expected years FROM-TO such as 2025-2030, or one year such as 2027; found "
                + "\"2025:2026\""), "compare", base, child, "--window", "2025:2026");
        bad(List.of("error: --window 2024-2026: the scenarios run from 2025 to 2026; choose years within them"),
                "compare", base, child, "--window", "2024-2026");
    }

    @Test
    void scenariosOverDifferentDaysAreRefused() throws IOException {
        Path base = base();
        Path longer = Files.writeString(dir.resolve("longer.json"), """
                {"extends": "small.json", "name": "longer", "end": "2027-12-31"}""");
        bad(List.of("error: " + longer + ": runs 2025-01-01 to 2027-12-31, but the base " + base + " runs "
                + "2025-01-01 to 2026-12-31; compared scenarios must cover the same days (set \"start\" and \"end\")"),
                "compare", base, longer);
    }

    @Test
    void anExistingFolderIsNeverOverwritten() throws IOException {
        Path base = base();
        Path folder = Files.createDirectory(dir.resolve("cmp"));
        Outcome o = execute("compare", base, base, "--replications", 1, "--out", folder);
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().startsWith("error: " + folder + " already exists"), o.err());
        assertEquals(List.of(), names(folder));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Runs a command that must fail with exit code 2, print exactly {@code errors} and write nothing. */
    private void bad(List<String> errors, Object... args) throws IOException {
        List<String> before = names(dir);
        Outcome o = execute(Stream.concat(Stream.of(args), Stream.of("--replications", 1, "--out",
                dir.resolve("cmp"))).toArray());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertEquals(errors, o.err().lines().toList());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals("", o.out());
        assertEquals(before, names(dir), "nothing written");
    }

    /** The small scenario moved 15 years on: 2025-2026, its regime from 2026 and its event in 2026. */
    private Path base() throws IOException {
        String text = ScenarioReaderTest.SMALL_SCENARIO.replace("\"2010-", "\"2025-").replace("\"2011-", "\"2026-");
        return Files.writeString(dir.resolve("small.json"), text);
    }

    /** The small scenario with its 2026 regime's attempt multiplier doubled. */
    private Path child() throws IOException {
        return Files.writeString(dir.resolve("twice.json"), """
                {"extends": "small.json", "name": "twice",
                 "regimes": {"$edit": {"[name=crackdown]": {"multipliers": {"nk_border": {"attempt": {"$times": 2}}}}}}}
                """);
    }

    private static String key(String[] fields) {
        return fields[0] + "," + fields[1] + "," + fields[2] + "," + fields[3];
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
