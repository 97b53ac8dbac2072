package escaperoutes.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import escaperoutes.io.Json;
import escaperoutes.io.ResultFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What is needed to reproduce and audit a comparison, written as {@code manifest.json} beside its tables: the
 * run settings shared by every scenario (common random numbers: one seed, the same replications), and each
 * scenario's file, the files it extends and their checksums.
 *
 * @param window           calendar years of the cumulative sums, {@code from-to}
 * @param lastObservedYear the last year of the observed series; later years are marked projected
 * @param posterior        where the parameter draws came from, or null when every replication ran the scenarios'
 *                         own parameters
 * @param gitCommit        as in {@link Manifest}
 * @param startedAt        ISO-8601 instant, UTC
 * @param finishedAt       ISO-8601 instant, UTC
 */
@JsonPropertyOrder({"seed", "replications", "threads", "window", "lastObservedYear", "programVersion", "gitCommit",
        "scenarios", "posterior", "observedSource", "observedSha256", "startedAt", "finishedAt", "javaVersion",
        "commandLine"})
public record ComparisonManifest(long seed, int replications, int threads, String window, int lastObservedYear,
                                 String programVersion,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) String gitCommit,
                                 List<ComparedScenario> scenarios,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) PosteriorSource posterior,
                                 String observedSource, String observedSha256,
                                 String startedAt, String finishedAt, String javaVersion, List<String> commandLine) {

    /**
     * One compared scenario: the label of its rows, its file as given, the resolved scenario written beside the
     * tables, and the files it extends, nearest first.
     */
    @JsonPropertyOrder({"label", "file", "sha256", "resolved", "parents"})
    public record ComparedScenario(String label, String file, String sha256, String resolved,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Manifest.InputFile> parents) {
        public ComparedScenario {
            parents = parents == null ? List.of() : List.copyOf(parents);
        }
    }

    /**
     * The posterior a comparison drew its parameters from ({@code compare --posterior}): its folder, the checksum of
     * the sampler state read, and the number of draws (each shared by two replications).
     */
    public record PosteriorSource(String folder, String stateSha256, int draws) {
    }

    public ComparisonManifest {
        scenarios = List.copyOf(scenarios);
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    /** Writes {@code manifest.json} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Json.write(dir.resolve(ResultFiles.MANIFEST), this);
    }
}
