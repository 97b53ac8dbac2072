package escaperoutes.spark;

import escaperoutes.sweep.InvalidSweepSpecException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepRows;
import escaperoutes.sweep.SweepSpecReader;
import escaperoutes.simulation.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.RunResult;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * One Spark task: runs the replications of a batch of consecutive points and writes their rows to the batch's part
 * file, returning only what the driver needs to know. Shipped to the workers with Java serialization (Spark's
 * default): it holds the sweep as its two resolved JSON texts, from which each worker JVM rebuilds the plan once.
 */
final class SweepBatchTask implements Function<SweepBatchTask.Batch, SweepBatchTask.Batch> {
    private static final long serialVersionUID = 1L;

    /** Points {@code first…last} of the sweep. */
    record Batch(int first, int last) implements Serializable {
        private static final long serialVersionUID = 1L;

        int runs(int replications) {
            return (last - first + 1) * replications;
        }
    }

    /** Plans rebuilt in this JVM, by sweep checksum: tasks of the same sweep on one worker share one. */
    private static final Map<String, SweepPlan> PLANS = new ConcurrentHashMap<>();

    private final String resolvedSpec;
    private final String resolvedScenario;
    private final String sweepSha256;
    /** The parts folder, as a string: Hadoop's paths are not serializable. */
    private final String parts;

    SweepBatchTask(String resolvedSpec, String resolvedScenario, String sweepSha256, URI parts) {
        this.resolvedSpec = resolvedSpec;
        this.resolvedScenario = resolvedScenario;
        this.sweepSha256 = sweepSha256;
        this.parts = parts.toString();
    }

    /** Runs the batch, writes its part and returns the batch: all the driver needs to hear. */
    @Override
    public Batch call(Batch batch) throws IOException, InvalidSweepSpecException {
        URI folder = URI.create(parts);
        FileSystem fs = PartFiles.fileSystem(folder);
        Path part = PartFiles.path(folder, sweepSha256, batch.first(), batch.last());
        SweepPlan plan = plan();
        StringBuilder results = new StringBuilder();
        StringBuilder outputs = new StringBuilder();
        TaskContext context = TaskContext.get();
        for (int point = batch.first(); point <= batch.last(); point++) {
            ModelConfig config = null;
            List<RunResult> replications = new ArrayList<>(plan.replications());
            for (int r = 0; r < plan.replications(); r++) {
                // A cancelled job (the driver stopping, a sweep interrupted) ends its tasks between runs, before they
                // write a part.
                if (context != null) {
                    context.killTaskIfInterrupted();
                }
                if (r % plan.replicationsPerConfiguration() == 0) {
                    config = plan.configAt(point, r);
                }
                replications.add(Replications.runOne(config, plan.seed(), r));
            }
            results.append(SweepRows.resultRows(plan, point, replications));
            if (plan.estimatesSensitivity()) {
                outputs.append(SweepRows.outputRows(plan, point, replications));
            }
        }
        if (context != null) {
            context.killTaskIfInterrupted();
        }
        PartFiles.write(fs, part, sweepSha256, batch.first(), batch.last(), results.toString(), outputs.toString());
        return batch;
    }

    /** The sweep's plan, rebuilt from its resolved texts (checked like a spec file) once per JVM. */
    private SweepPlan plan() throws IOException, InvalidSweepSpecException {
        SweepPlan plan = PLANS.get(sweepSha256);
        if (plan != null) {
            return plan;
        }
        synchronized (PLANS) {
            plan = PLANS.get(sweepSha256);
            if (plan == null) {
                java.nio.file.Path dir = Files.createTempDirectory("escape-routes-sweep-");
                try {
                    java.nio.file.Path spec = Files.writeString(dir.resolve("sweep.resolved.json"), resolvedSpec,
                            StandardCharsets.UTF_8);
                    java.nio.file.Path scenario = Files.writeString(dir.resolve("scenario.resolved.json"),
                            resolvedScenario, StandardCharsets.UTF_8);
                    plan = SweepPlan.of(new SweepSpecReader().readResolved(spec, scenario));
                    PLANS.put(sweepSha256, plan);
                } finally {
                    try (var files = Files.list(dir)) {
                        for (java.nio.file.Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
            return plan;
        }
    }
}
