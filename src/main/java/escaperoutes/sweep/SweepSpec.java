package escaperoutes.sweep;

import com.fasterxml.jackson.annotation.JsonValue;
import escaperoutes.io.Default;
import escaperoutes.io.Doc;
import escaperoutes.io.Range;
import java.util.List;
import java.util.Locale;

/**
 * A sweep spec file: a base scenario, the numbers of it that vary, how their values are chosen, how many
 * replications each point gets, and what is kept of each run. Bound by {@link escaperoutes.io.JsonBinder}
 * (unknown keys are errors) and checked against the scenario by {@link SweepSpecReader}, which also fills in every
 * default; the README's "Sweeps" section documents each key.
 *
 * <pre>{@code
 * {
 *   "name": "enforcement",
 *   "scenario": "../baseline.json",
 *   "parameters": [
 *     {"name": "hiding_arrest", "path": "$.regimes[name=x].multipliers.china_life.arrest",
 *      "lower": 0.5, "upper": 4, "logScale": true},
 *     {"name": "departure", "path": "$.regimes[name=x].multipliers.china_life.departure", "levels": [0.3, 0.6, 1]}
 *   ],
 *   "design": {"kind": "saltelli", "baseSamples": 64},
 *   "replications": 4,
 *   "seed": 1,
 *   "outputs": {"measures": ["arrivals"], "years": {"from": 2020, "to": 2030},
 *               "windows": [{"from": 2025, "to": 2030}]},
 *   "sensitivity": {"outputs": [{"name": "arrivals_2025_2030", "measure": "arrivals", "from": 2025, "to": 2030}]}
 * }
 * }</pre>
 *
 * <p>Enum values are written in lower case with underscores, as the binder reads constant names.
 */
public record SweepSpec(
        @Doc("names the results folder, letters, digits, '.', '_', '-'; default: the spec file's name")
        @Default("null") String name,
        @Default("\"\"") String description,
        @Doc("the base scenario file, relative to the spec file's folder") String scenario,
        @Doc("the numbers that vary, each {\"name\": ..., \"path\": ..., and \"lower\"/\"upper\" or \"levels\"}")
        List<Parameter> parameters,
        @Doc("how the points are chosen: {\"kind\": \"grid\", \"latin_hypercube\", \"sobol\", \"saltelli\" or "
                + "\"morris\", ...}")
        Design design,
        @Default("1") @Range(min = 1) int replications,
        @Default("1") long seed,
        @Default("{}") Outputs outputs,
        @Default("null") Sensitivity sensitivity,
        @Doc("runs the points over a posterior's parameter sets: {\"folder\": ...}; replications 2d and 2d+1 of "
                + "every point at posterior draw d")
        @Default("null") Posterior posterior) {

    /** The spec with its posterior section replaced (the draws filled in by the sweep job). */
    public SweepSpec withPosterior(Posterior replacement) {
        return new SweepSpec(name, description, scenario, parameters, design, replications, seed, outputs,
                sensitivity, replacement);
    }

    /**
     * A posterior whose parameter sets the points run over. A spec file gives its {@code folder} alone; the sweep
     * writes the rest into {@code sweep.resolved.json} — the posterior's parameters, the checksum of its state and
     * the values at each draw — so that a resumed sweep, its chunks and a cluster's workers run the very same draws
     * without the posterior's folder.
     */
    public record Posterior(
            @Doc("a posterior's folder (written by escape-routes posterior), relative to the spec file's folder")
            String folder,
            @Doc("written by the sweep in sweep.resolved.json: the posterior's parameters")
            @Default("null") List<PosteriorParameter> parameters,
            @Doc("written by the sweep in sweep.resolved.json: the SHA-256 of the posterior's posterior-state.csv")
            @Default("null") String stateSha256,
            @Doc("written by the sweep in sweep.resolved.json: the parameters' values at draws 0, 1, ...")
            @Default("null") List<List<Double>> draws) {

        /** Whether the sweep has filled in the draws (a resolved spec), rather than a user's spec naming a folder. */
        public boolean resolved() {
            return parameters != null || stateSha256 != null || draws != null;
        }
    }

    /** A posterior's parameter: the number it is, and the others set to the same value. */
    public record PosteriorParameter(
            @Doc("where the number is in the scenario") String path,
            @Default("[]") List<String> alsoPaths) {
    }

    /**
     * A number of the scenario that varies: a range (lower, upper, optionally on a log scale) or a list of levels
     * in increasing order, in the number's own units.
     */
    public record Parameter(
            @Doc("the parameter's column in the results, lower case, e.g. hiding_arrest") String name,
            @Doc("where the number is in the scenario, e.g. $.attempts.attemptsPerYear") String path,
            @Default("[]") List<String> alsoPaths,
            @Default("null") Double lower,
            @Default("null") Double upper,
            @Default("false") boolean logScale,
            @Default("null") List<Double> levels) {

        /** Whether the parameter lists its levels rather than a range. */
        public boolean hasLevels() {
            return levels != null;
        }
    }

    /** How points are chosen; which keys apply depends on the kind. */
    public record Design(
            @Doc("grid, latin_hypercube, sobol, saltelli or morris") Kind kind,
            @Default("null") Integer levels,
            @Default("null") Integer points,
            @Default("null") Integer baseSamples,
            @Default("null") Integer trajectories) {
    }

    /** The kinds of design (package {@link escaperoutes.sweep}). */
    public enum Kind {
        GRID, LATIN_HYPERCUBE, SOBOL, SALTELLI, MORRIS;

        // Written back as it is read, so a resolved spec reads again.
        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the design is built for sensitivity indices (and needs {@code sensitivity}). */
        public boolean estimatesSensitivity() {
            return this == SALTELLI || this == MORRIS;
        }
    }

    /** What results.csv keeps of each run. */
    public record Outputs(
            @Default("null") List<String> measures,
            @Default("null") List<String> sexes,
            @Default("null") Years years,
            @Default("true") boolean perYear,
            @Default("[]") List<Years> windows) {
    }

    /** Calendar years {@code from} through {@code to}, inclusive. */
    public record Years(
            @Doc("first year, inclusive") int from,
            @Doc("last year, inclusive") int to) {

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    /** The outputs whose sensitivity to the parameters is estimated, and the bootstrap of the intervals. */
    public record Sensitivity(
            @Doc("the outputs, each {\"name\": ..., \"measure\": ..., \"from\": year, \"to\": year}")
            List<Output> outputs,
            @Default("1000") @Range(min = 0) int bootstrap,
            @Default("0.95") double confidenceLevel) {
    }

    /** One number per run: a measure summed over years, averaged over years, or the share of women in a sum. */
    public record Output(
            @Doc("the output's name in sensitivity.csv, lower case, e.g. arrivals_2025_2030") String name,
            @Doc("a measure of the run, e.g. arrivals") String measure,
            @Default("null") String sex,
            @Doc("first year, inclusive") int from,
            @Doc("last year, inclusive") int to,
            @Default("\"sum\"") Statistic statistic) {
    }

    /** How an output is made from a measure over its years. */
    public enum Statistic {
        /** the sum over the years, for flows (persons) */
        SUM,
        /** the mean over the years (a stock's mean year-end level; years without a value left out) */
        MEAN,
        /** women's share of the sum over the years, for flows (0 to 1) */
        SHARE_FEMALE;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
