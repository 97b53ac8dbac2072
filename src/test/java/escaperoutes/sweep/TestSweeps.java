package escaperoutes.sweep;

import escaperoutes.scenario.ScenarioReaderTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The tiny sweep of the tests (src/test/resources/escaperoutes/sweep/tiny-sweep.json: Saltelli's design on 3
 * parameters of the small test scenario, 20 points, 2 replications) written into a test's folder.
 */
public final class TestSweeps {
    private TestSweeps() {
    }

    /** The tiny sweep's spec text. */
    public static String tinySpec() throws IOException {
        try (InputStream in = TestSweeps.class.getResourceAsStream("tiny-sweep.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the small scenario and a spec into {@code dir}; returns the spec's path. */
    public static Path write(Path dir, String specText) throws IOException {
        Files.writeString(dir.resolve("small.json"), ScenarioReaderTest.SMALL_SCENARIO);
        return Files.writeString(dir.resolve("tiny-sweep.json"), specText);
    }

    /**
     * The files of a sweep folder that any run of the same sweep writes byte for byte, by name: every file but the
     * manifest (times, command line) and the report that shows it, and not the charts' folder.
     */
    public static Map<String, String> tables(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("manifest.json") && !name.equals("report.html") && !Files.isDirectory(p)) {
                    files.put(name, Files.readString(p));
                }
            }
        }
        return files;
    }

    /** Writes the small scenario and the tiny sweep into {@code dir}; returns the spec's path. */
    public static Path writeTiny(Path dir) throws IOException {
        return write(dir, tinySpec());
    }
}
