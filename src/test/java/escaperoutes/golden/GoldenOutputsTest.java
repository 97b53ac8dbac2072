package escaperoutes.golden;

import escaperoutes.cli.InProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden outputs: what the shipped commands write for fixed seeds — {@code run} on the baseline and one what-if, a
 * small {@code compare}, two short calibrations, a small sweep of each design, a sweep in chunks joined by
 * {@code sweep-merge}, and one point of a sweep alone — must stay byte for byte the same. Every CSV and JSON file of
 * each folder (the manifest aside: it holds times and the version) is compared by its SHA-256 with
 * {@code src/test/resources/golden/expected.sha256}, recorded from the code before the restructuring of issue 12.
 *
 * <p>A change that is meant to move results records the digests again with {@code -Dgolden.record=true} and says so
 * in its commit. On a mismatch the folders are left in {@code target/golden-actual/} for a diff against the output
 * of an older jar (the same command lines, see {@link #CASES}).
 */
class GoldenOutputsTest {

    private static final Path INPUTS = Path.of("src/test/resources/golden/inputs");
    private static final Path EXPECTED = Path.of("src/test/resources/golden/expected.sha256");
    private static final Path KEPT = Path.of("target/golden-actual");

    /** Each case: its folder name and its command line; {@code OUT} becomes the case's folder. */
    private static final List<List<String>> CASES = List.of(
            List.of("run-baseline", "run", "scenarios/baseline.json", "--replications", "3", "--seed", "11"),
            List.of("run-whatif", "run", "scenarios/china-halts-repatriation.json", "--replications", "2",
                    "--seed", "5"),
            List.of("compare", "compare", "scenarios/baseline.json", "scenarios/laos-route-closes.json",
                    "scenarios/broker-fees-2019.json", "--replications", "2", "--seed", "3", "--window",
                    "2019-2025"),
            List.of("calibrate-cmaes", "calibrate", "scenarios/baseline.json", "--spec",
                    in("calibration-cmaes.json"), "--final-replications", "2"),
            List.of("calibrate-nelder-mead", "calibrate", in("small.json"), "--spec",
                    in("calibration-nelder-mead.json"), "--final-replications", "3"),
            List.of("posterior", "posterior", in("small.json"), "--spec", in("posterior-small.json"), "--threads",
                    "2"),
            List.of("sweep-grid", "sweep", in("sweep-grid.json")),
            List.of("sweep-latin-hypercube", "sweep", in("sweep-latin_hypercube.json")),
            List.of("sweep-sobol", "sweep", in("sweep-sobol.json")),
            List.of("sweep-saltelli", "sweep", in("sweep-saltelli.json")),
            List.of("sweep-morris", "sweep", in("sweep-morris.json")),
            List.of("sweep-point", "sweep", in("sweep-morris.json"), "--only-point", "5"));

    @TempDir
    Path dir;

    @Test
    void everyCommandWritesTheRecordedBytes() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (List<String> c : CASES) {
            Path out = dir.resolve(c.get(0));
            runOk(c.subList(1, c.size()), out);
            actual.putAll(digests(c.get(0), out));
        }
        // What-ifs over the posterior just sampled: its folder's path is only in the manifest, which is not compared.
        Path overPosterior = dir.resolve("compare-posterior");
        runOk(List.of("compare", in("small.json"), in("small.json"), "--posterior", dir.resolve("posterior").toString(),
                "--replications", "4", "--seed", "2"), overPosterior);
        actual.putAll(digests("compare-posterior", overPosterior));
        // A sweep in two chunks, joined: the same tables as the whole sweep at once (and as recorded).
        Path chunks = dir.resolve("chunks");
        runOk(List.of("sweep", in("sweep-saltelli.json"), "--chunk", "1/2"), chunks.resolve("1"));
        runOk(List.of("sweep", in("sweep-saltelli.json"), "--chunk", "2/2"), chunks.resolve("2"));
        Path merged = dir.resolve("sweep-merge");
        assertOk(InProcess.execute("sweep-merge", chunks.resolve("1"), chunks.resolve("2"), "--out", merged,
                "--quiet"));
        actual.putAll(digests("sweep-merge", merged));

        if (Boolean.getBoolean("golden.record")) {
            StringBuilder text = new StringBuilder();
            actual.forEach((file, sha) -> text.append(sha).append("  ").append(file).append('\n'));
            Files.writeString(EXPECTED, text.toString());
            return;
        }
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(EXPECTED)) {
            expected.put(line.substring(66), line.substring(0, 64));
        }
        List<String> differences = new ArrayList<>();
        for (String file : expected.keySet()) {
            if (!actual.containsKey(file)) {
                differences.add("missing: " + file);
            } else if (!actual.get(file).equals(expected.get(file))) {
                differences.add("changed: " + file);
            }
        }
        actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> differences.add("new: " + f));
        if (!differences.isEmpty()) {
            keep();
            fail(differences.size() + " golden files differ (folders kept in " + KEPT + "):\n  "
                    + String.join("\n  ", differences));
        }
    }

    private static String in(String file) {
        return INPUTS.resolve(file).toString();
    }

    private static void runOk(List<String> args, Path out) {
        List<Object> line = new ArrayList<>(args);
        line.addAll(List.of("--out", out, "--quiet"));
        assertOk(InProcess.execute(line.toArray()));
    }

    private static void assertOk(InProcess.Outcome outcome) {
        assertEquals(0, outcome.code(), outcome.err());
    }

    /** SHA-256 of every CSV and JSON file below {@code folder} but the manifest, by "case/relative path". */
    private static Map<String, String> digests(String name, Path folder) throws IOException, NoSuchAlgorithmException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String file = f.getFileName().toString();
                if ((file.endsWith(".csv") || file.endsWith(".json")) && !file.equals("manifest.json")) {
                    String relative = folder.relativize(f).toString().replace('\\', '/');
                    byte[] sha = MessageDigest.getInstance("SHA-256").digest(comparedBytes(f));
                    result.put(name + "/" + relative, HexFormat.of().formatHex(sha));
                }
            }
        }
        return result;
    }

    /**
     * The bytes compared: the whole file, but without the wall-clock times no two runs share: a calibration's
     * {@code metrics.json} without its lines of speed ({@code searchSeconds}, {@code evaluationsPerSecond}), a
     * posterior's {@code posterior.json} without {@code seconds}, and its {@code generations.csv} and
     * {@code posterior-state.csv} without their {@code seconds} column.
     */
    private static byte[] comparedBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        if (name.equals("generations.csv") || name.equals("posterior-state.csv")) {
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
            return lines.stream().map(line -> {
                List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
                fields.remove(seconds);
                return String.join(",", fields);
            }).collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
        }
        if (!name.equals("metrics.json") && !name.equals("posterior.json")) {
            return bytes;
        }
        String kept = new String(bytes, StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains("\"searchSeconds\"") && !line.contains("\"evaluationsPerSecond\"")
                        && !line.contains("\"seconds\""))
                .collect(Collectors.joining("\n"));
        return kept.getBytes(StandardCharsets.UTF_8);
    }

    private void keep() throws IOException {
        if (Files.exists(KEPT)) {
            try (Stream<Path> old = Files.walk(KEPT)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Path target = KEPT.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

}
