package escaperoutes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.sweep.InvalidSweepSpecException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRows;
import escaperoutes.sweep.SweepSpecReader;
import escaperoutes.output.Manifest;
import escaperoutes.output.RunFolder;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.Table;
import escaperoutes.output.SweepManifest;
import escaperoutes.output.SweepMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep-merge", mixinStandardHelpOptions = true,
        description = "Join the folders of every chunk of a sweep (sweep --chunk I/N) into one new folder with the "
                + "same files as the whole sweep run at once, sensitivity.csv included.")
final class SweepMergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the chunks' folders, in any order")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the folder to create (must not exist), default results/<sweep name>/<UTC time>")
    Path out;

    @Option(names = "--quiet", description = "no summary, only the folder path")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        List<SweepMerge.Chunk> chunks = SweepMerge.check(dirs, problems);
        if (!problems.isEmpty()) {
            err.println("error: cannot merge: " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
            problems.forEach(p -> err.println("  " + p));
            return Main.BAD_INPUT;
        }
        Path first = chunks.get(0).dir();
        SweepPlan plan;
        try {
            plan = SweepPlan.of(new SweepSpecReader().readResolved(first.resolve(ResultFiles.RESOLVED_SPEC),
                    first.resolve(ResultFiles.RESOLVED_SCENARIO)));
        } catch (InvalidSweepSpecException e) {
            ScenarioInput.report(e, err);
            return Main.BAD_INPUT;
        }
        Path dir = this.out != null ? this.out : RunFolder.defaultRunDir(Path.of("results"), plan.name(), Instant.now());
        if (Files.exists(dir)) {
            err.println("error: " + dir + " already exists; a merge never overwrites a folder (choose another --out)");
            return Main.BAD_INPUT;
        }
        RunFolder folder = RunFolder.create(dir);
        // Ctrl-C ends the JVM without unwinding this method: the hook removes the unfinished folder.
        Thread cleanUp = new Thread(() -> {
            try {
                folder.abandon();
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM is going down
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        List<SweepPlan.SensitivityRow> sensitivity;
        List<Table> tables;
        try (folder) {
            SweepMerge.write(folder.path(), chunks, plan.estimatesSensitivity());
            SweepRows.Sensitivity indices = plan.estimatesSensitivity()
                    ? SweepRows.writeSensitivity(folder.path(), plan) : null;
            sensitivity = indices == null ? List.of() : indices.rows();
            tables = new ArrayList<>(List.of(SweepRows.points(plan, dir)));
            if (indices != null) {
                tables.addAll(indices.tables());
            }
            manifest(plan, chunks).write(folder.path());
            folder.commit();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it has nothing left to remove
            }
        }
        ChartCommand.drawOwn(dir, tables);
        if (!quiet) {
            out.printf("merged %d chunks: %d points × %d replications%n", chunks.size(), plan.points(),
                    plan.replications());
            SweepCommand.printSensitivity(out, plan, sensitivity);
        }
        out.println(dir);
        return Main.OK;
    }

    private SweepManifest manifest(SweepPlan plan, List<SweepMerge.Chunk> chunks) {
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
                parents, Manifest.currentProgramVersion(), Manifest.gitCommit(RunCommand.programDirectory()),
                startedAt, List.of(), Instant.now().toString(), Manifest.currentJavaVersion(),
                List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0])), merged);
    }
}
