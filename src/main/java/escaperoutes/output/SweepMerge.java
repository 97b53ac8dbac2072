package escaperoutes.output;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.ResultTable;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Joins the folders of the chunks of one sweep ({@code sweep --chunk i/n}) into one folder with the same files,
 * byte for byte, as the whole sweep run at once: the spec's files copied, results.csv and sensitivity-outputs.csv
 * concatenated in chunk order (each header once), sensitivity.csv computed from the joined outputs.
 */
public final class SweepMerge {

    /** A complete chunk folder and what its manifest says. */
    public record Chunk(Path dir, String sweepSha256, int index, int count, int firstPoint, int lastPoint,
                        int points, JsonNode manifest) {
    }

    private static final List<String> SAME_IN_EVERY_CHUNK = List.of(ResultFiles.RESOLVED_SPEC,
            ResultFiles.RESOLVED_SCENARIO, ResultTable.POINTS.file());

    private SweepMerge() {
    }

    /**
     * The folders in chunk order, after checking that they are complete chunks of one sweep, every chunk once;
     * otherwise every problem, one per line, in {@code problems}.
     */
    public static List<Chunk> check(List<Path> dirs, List<String> problems) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        for (Path dir : dirs) {
            Path manifestFile = dir.resolve(ResultFiles.MANIFEST);
            if (!Files.isDirectory(dir)) {
                problems.add(dir + ": no such folder");
                continue;
            }
            if (!Files.isRegularFile(manifestFile)) {
                problems.add(dir + (SweepFolder.isUnfinished(dir)
                        ? ": the chunk is unfinished; run its sweep command again to complete it"
                        : ": not a sweep folder (no " + ResultFiles.MANIFEST + ")"));
                continue;
            }
            JsonNode m = Json.mapper().readTree(manifestFile.toFile());
            JsonNode chunk = m.get("chunk");
            if (m.get("sweepSha256") == null || chunk == null || !chunk.isTextual()
                    || !chunk.textValue().matches("\\d+/\\d+")) {
                problems.add(dir + ": not a chunk of a sweep (its manifest has no \"chunk\"; a merged folder cannot "
                        + "be merged again)");
                continue;
            }
            String[] ic = chunk.textValue().split("/");
            chunks.add(new Chunk(dir, m.get("sweepSha256").asText(), Integer.parseInt(ic[0]), Integer.parseInt(ic[1]),
                    m.path("firstPoint").asInt(), m.path("lastPoint").asInt(), m.path("points").asInt(), m));
        }
        if (!problems.isEmpty() || chunks.isEmpty()) {
            if (chunks.isEmpty() && problems.isEmpty()) {
                problems.add("no chunk folders given");
            }
            return List.of();
        }
        chunks.sort(Comparator.comparingInt(Chunk::index));
        Chunk first = chunks.get(0);
        for (Chunk c : chunks) {
            if (!c.sweepSha256().equals(first.sweepSha256())) {
                problems.add(c.dir() + ": a chunk of another sweep than " + first.dir() + " (its spec or base "
                        + "scenario differs)");
            } else if (c.count() != first.count()) {
                problems.add(c.dir() + ": chunk " + c.index() + "/" + c.count() + " of another split than "
                        + first.dir() + " (" + first.index() + "/" + first.count() + ")");
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int i = 1; i <= first.count(); i++) {
            missing.add(i);
        }
        for (int k = 0; k < chunks.size(); k++) {
            Chunk c = chunks.get(k);
            if (k > 0 && chunks.get(k - 1).index() == c.index()) {
                problems.add(c.dir() + ": chunk " + c.index() + "/" + c.count() + " is also in "
                        + chunks.get(k - 1).dir());
            }
            missing.remove(c.index());
        }
        if (!missing.isEmpty()) {
            problems.add("chunks missing: " + String.join(", ", missing.stream().map(i -> i + "/" + first.count())
                    .toList()) + " (" + chunks.size() + " of " + first.count() + " given)");
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        int expected = 0;
        for (Chunk c : chunks) {
            if (c.firstPoint() != expected) {
                problems.add(c.dir() + ": starts at point " + c.firstPoint() + ", expected " + expected);
            }
            expected = c.lastPoint() + 1;
            for (String file : SAME_IN_EVERY_CHUNK) {
                if (!Arrays.equals(Files.readAllBytes(c.dir().resolve(file)),
                        Files.readAllBytes(first.dir().resolve(file)))) {
                    problems.add(c.dir() + ": " + file + " differs from " + first.dir() + "'s; the folder has been "
                            + "changed");
                }
            }
        }
        if (expected != first.points()) {
            problems.add("the chunks end at point " + (expected - 1) + ", but the sweep has " + first.points()
                    + " points");
        }
        return problems.isEmpty() ? chunks : List.of();
    }

    /**
     * Writes the merged files into {@code dir}, all but sensitivity.csv (computed from the joined outputs by the
     * sweep, when it has {@code sensitivity} outputs) and the manifest.
     */
    public static void write(Path dir, List<Chunk> chunks, boolean sensitivity) throws IOException {
        Path first = chunks.get(0).dir();
        for (String file : SAME_IN_EVERY_CHUNK) {
            Files.copy(first.resolve(file), dir.resolve(file));
        }
        concatenate(chunks, ResultTable.RESULTS.file(), dir);
        if (sensitivity) {
            concatenate(chunks, ResultTable.SENSITIVITY_OUTPUTS.file(), dir);
        }
    }

    /** The chunks' files one after the other, the header line only from the first. */
    private static void concatenate(List<Chunk> chunks, String file, Path dir) throws IOException {
        Path temp = dir.resolve(file + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            for (int k = 0; k < chunks.size(); k++) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(chunks.get(k).dir().resolve(file)),
                        1 << 16)) {
                    if (k > 0) {
                        int b;
                        while ((b = in.read()) != -1 && b != '\n') {
                            // the header, written once from the first chunk
                        }
                    }
                    in.transferTo(out);
                }
            }
        }
        Files.move(temp, dir.resolve(file));
    }
}
