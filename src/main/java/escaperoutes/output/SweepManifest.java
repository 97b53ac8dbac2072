package escaperoutes.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What is needed to reproduce and audit a sweep, written as {@code manifest.json} when its folder is complete
 * (the file's presence marks it complete).
 *
 * @param sweepSha256  SHA-256 of sweep.resolved.json followed by scenario.resolved.json: the same for every chunk
 *                     and every resumption of the same sweep
 * @param chunk        {@code i/n} for a chunk, {@code 1/1} for a whole sweep; left out for a merge
 * @param firstPoint   first point of this folder; {@code lastPoint} its last
 * @param runs         (point, replication) runs whose results are in this folder
 * @param threads      worker threads of the last session; left out for a merge and for a distributed executor
 * @param executor     what ran the last session's runs: {@code threads}, or a distributed executor with its
 *                     master ({@code spark local[2]}); left out for a merge
 * @param gitCommit    commit of the working copy the program ran from ({@code -dirty} for uncommitted changes), null
 *                     when unknown
 * @param startedAt    ISO-8601 instant, UTC, of the first session
 * @param resumedAt    instants of later sessions, when the sweep was interrupted and resumed
 * @param mergedFrom   for a merge, the chunk folders joined, in chunk order
 */
@JsonPropertyOrder({"sweep", "sweepSha256", "design", "points", "replications", "seed", "chunk", "firstPoint",
        "lastPoint", "runs", "threads", "executor", "specFile", "specSha256", "scenarioFile", "scenarioSha256", "scenarioParents",
        "programVersion", "gitCommit", "startedAt", "resumedAt", "finishedAt", "javaVersion", "commandLine",
        "mergedFrom"})
public record SweepManifest(String sweep, String sweepSha256, String design, int points, int replications,
                            long seed, String chunk, int firstPoint, int lastPoint, long runs, Integer threads,
                            String executor,
                            String specFile, String specSha256, String scenarioFile, String scenarioSha256,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Manifest.InputFile> scenarioParents,
                            String programVersion, @JsonInclude(JsonInclude.Include.ALWAYS) String gitCommit,
                            String startedAt, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> resumedAt,
                            String finishedAt, String javaVersion, List<String> commandLine,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MergedChunk> mergedFrom) {

    /** A chunk folder joined by a merge, with what its own manifest says. */
    public record MergedChunk(String folder, String chunk, String startedAt, String finishedAt, String gitCommit) {
    }

    public SweepManifest {
        scenarioParents = scenarioParents == null ? List.of() : List.copyOf(scenarioParents);
        resumedAt = resumedAt == null ? List.of() : List.copyOf(resumedAt);
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        mergedFrom = mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
    }

    /** Writes {@code manifest.json} into {@code dir}, through a temporary file and a rename. */
    public void write(Path dir) throws IOException {
        Json.write(dir.resolve(ResultFiles.MANIFEST), this);
    }
}
