package escaperoutes.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.output.Manifest;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.output.SweepManifest;
import escaperoutes.output.SweepMerge;
import escaperoutes.sweep.InvalidSweepSpecException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRows;
import escaperoutes.sweep.SweepSpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sweep-merge} job: the folders of every chunk of a sweep joined into one new folder with the same files
 * as the whole sweep run at once ({@code sensitivity.csv} included), its manifest naming the chunks.
 */
public final class SweepMergeJob {

    /** The folder written, the sweep's plan and its sensitivity indices (empty if its design has none). */
    public record Result(Path folder, SweepPlan plan, int chunks, List<SweepPlan.SensitivityRow> sensitivity) {
    }

    private SweepMergeJob() {
    }

    /**
     * @param dirs the chunks' folders, in any order
     * @param out  the folder to create, or null for {@link ResultsLayout}'s default
     */
    public static Result run(List<Path> dirs, Path out, List<String> commandLine)
            throws JobRefused, InvalidSweepSpecException, IOException {
        List<String> problems = new ArrayList<>();
        List<SweepMerge.Chunk> chunks = SweepMerge.check(dirs, problems);
        if (!problems.isEmpty()) {
            throw new JobRefused("cannot merge: " + problems.size() + (problems.size() == 1 ? " problem:"
                    : " problems:") + "\n  " + String.join("\n  ", problems));
        }
        Path first = chunks.get(0).dir();
        SweepPlan plan = SweepPlan.of(new SweepSpecReader().readResolved(first.resolve(ResultFiles.RESOLVED_SPEC),
                first.resolve(ResultFiles.RESOLVED_SCENARIO)));
        try (JobFolder folder = JobFolder.staged(out, plan.name(), "a merge")) {
            SweepMerge.write(folder.path(), chunks, plan.estimatesSensitivity());
            List<Table> tables = new ArrayList<>(List.of(SweepRows.points(plan, folder.path())));
            List<SweepPlan.SensitivityRow> sensitivity = List.of();
            if (plan.estimatesSensitivity()) {
                SweepRows.Sensitivity indices = SweepRows.writeSensitivity(folder.path(), plan);
                sensitivity = indices.rows();
                tables.addAll(indices.tables());
            }
            return new Result(folder.commit(manifest(plan, chunks, commandLine), tables), plan, chunks.size(),
                    sensitivity);
        }
    }

    private static SweepManifest manifest(SweepPlan plan, List<SweepMerge.Chunk> chunks, List<String> commandLine) {
        JsonNode m = chunks.get(0).manifest();
        List<Manifest.InputFile> parents = new ArrayList<>();
        for (JsonNode parent : m.path("scenarioParents")) {
            parents.add(new Manifest.InputFile(parent.path("file").asText(), parent.path("sha256").asText()));
        }
        List<SweepManifest.MergedChunk> merged = new ArrayList<>();
        String startedAt = null;
        for (SweepMerge.Chunk c : chunks) {
            JsonNode cm = c.manifest();
            String started = cm.path("startedAt").asText();
            startedAt = startedAt == null || started.compareTo(startedAt) < 0 ? started : startedAt;
            merged.add(new SweepManifest.MergedChunk(c.dir().toString(), cm.path("chunk").asText(), started,
                    cm.path("finishedAt").asText(), cm.path("gitCommit").isTextual()
                    ? cm.path("gitCommit").asText() : null));
        }
        return new SweepManifest(plan.name(), chunks.get(0).sweepSha256(), plan.spec().design().kind().jsonName(),
                plan.points(), plan.replications(), plan.seed(), null, 0, plan.points() - 1,
                (long) plan.points() * plan.replications(), null, null, m.path("specFile").asText(),
                m.path("specSha256").asText(), m.path("scenarioFile").asText(), m.path("scenarioSha256").asText(),
                parents, Manifest.currentProgramVersion(), Program.gitCommit(), startedAt, List.of(),
                Instant.now().toString(), Manifest.currentJavaVersion(), commandLine, merged);
    }
}
