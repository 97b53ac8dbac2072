package escaperoutes.output;

import escaperoutes.io.Column;
import escaperoutes.io.Csv;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import escaperoutes.parameter.Prior;
import escaperoutes.parameter.Scale;
import escaperoutes.posterior.AbcSmc;
import escaperoutes.posterior.PosteriorSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a posterior's folder: every generation's particles ({@code posterior.csv}, in parameter units),
 * the generations ({@code generations.csv}), the per-parameter summary, the prior densities, and the sampler's
 * state ({@code posterior-state.csv}: unit coordinates and every number written exactly, so that a resumed run
 * continues from exactly where the interrupted one stopped).
 */
public final class PosteriorFiles {

    private static final List<String> STATE_FIXED = List.of(Column.GENERATION, Column.TOLERANCE, Column.PROPOSALS,
            Column.SIMULATIONS, Column.ACCEPTANCE_RATE, Column.EFFECTIVE_SAMPLE_SIZE, Column.SECONDS, Column.PARTICLE,
            Column.WEIGHT, Column.DISTANCE);

    private PosteriorFiles() {
    }

    /** Writes {@code posterior.csv}, {@code generations.csv} and the state after a generation completes. */
    public static List<Table> writeGenerations(Path dir, List<AbcSmc.Generation> generations,
                                               List<String> parameterPaths, List<Scale> scales) throws IOException {
        List<Table> tables = new ArrayList<>();
        Table.Builder particles = Table.builder(dir.resolve(ResultTable.POSTERIOR.file()).toString(),
                ResultTable.POSTERIOR.columns(parameterPaths));
        Table.Builder rows = ResultTables.builder(dir, ResultTable.GENERATIONS);
        Table.Builder state = Table.builder(dir.resolve(ResultFiles.POSTERIOR_STATE).toString(), stateHeader(
                parameterPaths.size()));
        for (AbcSmc.Generation g : generations) {
            // Generation 0 keeps every simulated proposal: it has no tolerance (NA), not an infinite one.
            rows.number(g.number()).number(g.number() == 0 ? Double.NaN : g.tolerance()).number(g.acceptanceRate()).number(g.proposals())
                    .number(g.simulations()).number(g.effectiveSampleSize()).number(g.seconds());
            for (int i = 0; i < g.particles().size(); i++) {
                AbcSmc.Particle p = g.particles().get(i);
                particles.number(g.number()).number(i).number(p.weight()).number(p.distance());
                for (int k = 0; k < scales.size(); k++) {
                    particles.exact(scales.get(k).valueAt(p.unit()[k]));
                }
                state.text(Integer.toString(g.number())).text(exactOrInfinite(g.tolerance()))
                        .text(Long.toString(g.proposals())).text(Long.toString(g.simulations()))
                        .text(exactOrInfinite(g.acceptanceRate())).text(exactOrInfinite(g.effectiveSampleSize()))
                        .text(exactOrInfinite(g.seconds())).text(Integer.toString(i))
                        .text(exactOrInfinite(p.weight())).text(exactOrInfinite(p.distance()));
                for (double u : p.unit()) {
                    state.text(exactOrInfinite(u));
                }
            }
        }
        tables.add(ResultTables.write(dir, ResultTable.GENERATIONS, rows));
        Table posterior = particles.build();
        Csv.write(dir.resolve(ResultTable.POSTERIOR.file()), posterior);
        tables.add(posterior);
        Csv.write(dir.resolve(ResultFiles.POSTERIOR_STATE), state.build());
        return tables;
    }

    private static List<String> stateHeader(int dimension) {
        List<String> header = new ArrayList<>(STATE_FIXED);
        for (int k = 0; k < dimension; k++) {
            header.add("u" + k);
        }
        return header;
    }

    /** Exact decimals; the first generation's infinite tolerance as Java writes and reads it ("Infinity"). */
    private static String exactOrInfinite(double value) {
        return Double.isInfinite(value) || Double.isNaN(value) ? Double.toString(value) : Csv.exact(value);
    }

    /**
     * The complete generations a folder's state holds, for {@code --resume}; an empty list if it holds none.
     *
     * @throws InvalidCsvException if the state is unreadable or does not have {@code dimension} parameters
     */
    public static List<AbcSmc.Generation> readState(Path dir, int dimension) throws IOException, InvalidCsvException {
        Path file = dir.resolve(ResultFiles.POSTERIOR_STATE);
        if (!Files.exists(file)) {
            return List.of();
        }
        Table t = Csv.read(file).require(stateHeader(dimension).toArray(String[]::new));
        if (t.header().size() != STATE_FIXED.size() + dimension) {
            throw t.error(0, "has " + (t.header().size() - STATE_FIXED.size()) + " parameters; the spec has "
                    + dimension);
        }
        List<AbcSmc.Generation> generations = new ArrayList<>();
        List<AbcSmc.Particle> particles = new ArrayList<>();
        for (int row = 0; row < t.size(); row++) {
            int g = t.integer(row, Column.GENERATION);
            if (g != generations.size()) {
                throw t.error(row, "generation " + g + " where " + generations.size() + " was expected");
            }
            double[] unit = new double[dimension];
            for (int k = 0; k < dimension; k++) {
                unit[k] = t.number(row, "u" + k);
            }
            particles.add(new AbcSmc.Particle(unit, t.number(row, Column.WEIGHT), t.number(row, Column.DISTANCE)));
            boolean last = row + 1 == t.size() || t.integer(row + 1, Column.GENERATION) != g;
            if (last) {
                generations.add(new AbcSmc.Generation(g, t.number(row, Column.TOLERANCE),
                        (long) t.number(row, Column.PROPOSALS), (long) t.number(row, Column.SIMULATIONS),
                        t.number(row, Column.ACCEPTANCE_RATE), t.number(row, Column.EFFECTIVE_SAMPLE_SIZE),
                        t.number(row, Column.SECONDS), particles));
                particles = new ArrayList<>();
            }
        }
        return generations;
    }

    /** {@code posterior-summary.csv}: one row per parameter. */
    public static Table writeSummary(Path dir, List<PosteriorSummary.Row> summary) throws IOException {
        Table.Builder t = ResultTables.builder(dir, ResultTable.POSTERIOR_SUMMARY);
        for (PosteriorSummary.Row r : summary) {
            t.text(r.parameter()).text(Boolean.toString(r.logScale())).exact(r.lower()).exact(r.upper())
                    .text(r.prior()).number(r.priorLow()).number(r.priorHigh()).number(r.mean()).number(r.p05())
                    .number(r.p50()).number(r.p95()).number(r.effectiveSampleSize()).number(r.widthRatio());
        }
        return ResultTables.write(dir, ResultTable.POSTERIOR_SUMMARY, t);
    }

    /** Points of each prior's density on its search scale, for the charts. */
    static final int PRIOR_POINTS = 101;

    /** {@code prior-density.csv}: each parameter's prior density per unit of its search coordinate. */
    public static Table writePriorDensity(Path dir, List<String> parameterPaths, List<Prior> priors,
                                          List<Scale> scales) throws IOException {
        Table.Builder t = ResultTables.builder(dir, ResultTable.PRIOR_DENSITY);
        for (int k = 0; k < priors.size(); k++) {
            for (int i = 0; i < PRIOR_POINTS; i++) {
                double unit = (double) i / (PRIOR_POINTS - 1);
                t.text(parameterPaths.get(k)).number(scales.get(k).valueAt(unit))
                        .number(priors.get(k).unitDensity(scales.get(k), unit));
            }
        }
        return ResultTables.write(dir, ResultTable.PRIOR_DENSITY, t);
    }
}
