package escaperoutes.sweep;

import escaperoutes.io.Json;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import escaperoutes.observe.RunResult;
import escaperoutes.output.SweepFolder;
import escaperoutes.output.SweepTables;
import escaperoutes.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's plan turned into the plain values its folder's tables are written from ({@link SweepTables},
 * {@link SweepFolder}), so that the writers know nothing of plans.
 */
public final class SweepRows {

    /** The indices of sensitivity.csv, and the two tables they came from and went to, for the charts. */
    public record Sensitivity(List<SweepPlan.SensitivityRow> rows, Table outputs, Table indices) {
        public List<Table> tables() {
            return List.of(outputs, indices);
        }
    }

    private SweepRows() {
    }

    public static SweepTables.Layout layout(SweepPlan plan) {
        return new SweepTables.Layout(plan.parameterNames(), plan.perYear(), plan.fromYear(), plan.toYear(),
                plan.measures(), plan.sexes(),
                plan.windows().stream().map(w -> new SweepTables.Window(w.from(), w.to())).toList(),
                plan.windowMeasures());
    }

    /** The rows of results.csv for one point's replications. */
    public static String resultRows(SweepPlan plan, int point, List<RunResult> runs) {
        return SweepTables.resultRows(layout(plan), point, plan.values(point), runs);
    }

    /** The rows of sensitivity-outputs.csv for one point's replications; none when the plan has no such outputs. */
    public static String outputRows(SweepPlan plan, int point, List<RunResult> runs) {
        if (!plan.estimatesSensitivity()) {
            return "";
        }
        return SweepTables.outputRows(point, plan.outputNames(), runs,
                runs.stream().map(plan::outputValues).toList());
    }

    /** points.csv of the whole sweep, as the table of {@code dir}. */
    public static Table points(SweepPlan plan, Path dir) {
        double[][] values = new double[plan.points()][];
        List<String> roles = new ArrayList<>();
        for (int p = 0; p < values.length; p++) {
            values[p] = plan.values(p);
            roles.add(plan.role(p));
        }
        return SweepTables.points(dir.resolve(ResultTable.POINTS.file()).toString(), plan.parameterNames(), values,
                roles);
    }

    /** sweep.resolved.json: the spec with every default written out. */
    public static String resolvedSpec(SweepPlan plan) throws IOException {
        return Json.text(plan.spec());
    }

    /** The identity of chunk {@code index} of {@code count} of the sweep, with the base scenario it runs. */
    public static SweepFolder.Identity identity(SweepPlan plan, Scenario base, int index, int count)
            throws IOException {
        SweepPlan.Slice slice = plan.chunk(index, count);
        return SweepFolder.identity(resolvedSpec(plan), Json.text(base), index, count, slice.from(), slice.to() - 1);
    }

    /** Creates the sweep's folder {@code dir} (or the chunk's) with the files that follow from the plan. */
    public static SweepFolder create(Path dir, SweepPlan plan, Scenario base, SweepFolder.Identity identity,
                                     String gitCommit, Instant started) throws IOException, SweepFolder.Refused {
        SweepFolder.Start start = new SweepFolder.Start(resolvedSpec(plan), Json.text(base), points(plan, dir),
                SweepTables.resultsHeader(plan.parameterNames()), plan.estimatesSensitivity());
        return SweepFolder.create(dir, start, identity, gitCommit, started);
    }

    /** Appends one point's runs to the folder's results.csv (and sensitivity-outputs.csv). */
    public static void append(SweepFolder folder, SweepPlan plan, int point, List<RunResult> runs)
            throws IOException {
        folder.appendPoints(point, point, resultRows(plan, point, runs), outputRows(plan, point, runs));
    }

    /** Computes the indices from {@code dir}'s sensitivity-outputs.csv and writes sensitivity.csv. */
    public static Sensitivity writeSensitivity(Path dir, SweepPlan plan) throws IOException {
        Table outputs = SweepTables.readOutputs(dir);
        List<SweepPlan.SensitivityRow> rows = plan.sensitivity(SweepTables.pointMeans(outputs, plan.outputNames(),
                plan.points(), plan.replications()));
        Table indices = SweepTables.writeSensitivity(dir, rows.stream().map(r -> new SweepTables.Index(r.output(),
                r.parameter(), r.index(), r.value(), r.low(), r.high())).toList());
        return new Sensitivity(rows, outputs, indices);
    }
}
