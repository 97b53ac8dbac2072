package escaperoutes.chart;

import com.fasterxml.jackson.databind.JsonNode;
import escaperoutes.io.Column;
import escaperoutes.io.InvalidCsvException;
import escaperoutes.io.ResultFiles;
import escaperoutes.io.ResultTable;
import escaperoutes.io.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A posterior's own files ({@code escape-routes posterior}), read back and checked: posterior.json's summary, one
 * row per parameter of posterior-summary.csv, the last generation of posterior.csv (the posterior sample) with its
 * weights, generations.csv, prior-density.csv, and the fit.csv and evidence.csv of the posterior predictive runs.
 * Parameters are named by their JSON path in the calibration spec and kept in posterior-summary.csv's order.
 */
final class PosteriorTables {
    /** The priors posterior-summary.csv may name: the calibration spec's distributions. */
    static final List<String> PRIORS = List.of("uniform", "log_uniform", "normal", "log_normal");
    /** posterior.json's numbers, each required. */
    static final List<String> SUMMARY_NUMBERS = List.of("generations", "simulations", "seconds", "particles",
            "effectiveSampleSize", "finalTolerance", "replicationsPerParticle", "predictiveDraws");
    /**
     * How far, as a share of a parameter's search interval (in the logarithm for a log-scale parameter), a value may
     * lie outside it: a value mapped from the unit coordinate 1 back to the parameter's units can miss the upper
     * bound in the last bits.
     */
    private static final double BOUND_SLACK = 1e-9;

    /** posterior.json: why the sampler stopped, its effort, and the predictive fit and evidence. */
    JsonNode summary;
    Path summaryFile;
    final List<Parameter> parameters = new ArrayList<>();
    /** The number of the last generation of posterior.csv, whose particles are the posterior sample. */
    int lastGeneration;
    /** The last generation's particles: values[parameter][particle], in the parameter's units. */
    double[][] values;
    /** The last generation's weights, one per particle, normalised to sum to 1. */
    double[] weights;
    final List<Generation> generations = new ArrayList<>();
    /** Each parameter's prior density (in {@link #parameters}' order). */
    final List<PriorDensity> priorDensities = new ArrayList<>();
    /** fit.csv of the posterior predictive runs. */
    final List<ResultFolder.CalibrationTables.FitRow> fit = new ArrayList<>();
    /** evidence.csv of the posterior predictive runs; null for a posterior without evidence. */
    List<ResultFolder.CalibrationTables.EvidenceRow> evidence;

    /**
     * A row of posterior-summary.csv: the parameter's search interval and scale, its prior (name, and 5 % and 95 %
     * quantiles), the weighted posterior mean and 5/50/95 % quantiles (all in the parameter's units), the effective
     * sample size of the last generation, and the posterior's 90 % width over the prior's on the search scale.
     */
    record Parameter(String path, boolean logScale, double lower, double upper, String prior, double priorLow,
                     double priorHigh, double mean, double p05, double p50, double p95, double ess,
                     double widthRatio) {

        /** The search coordinate u of a value: 0 at lower, 1 at upper, even in the logarithm for a log scale. */
        double unitOf(double value) {
            return logScale ? Math.log(value / lower) / Math.log(upper / lower) : (value - lower) / (upper - lower);
        }

        /** The value at search coordinate u, in the parameter's units. */
        double valueAt(double unit) {
            return logScale ? lower * Math.pow(upper / lower, unit) : lower + unit * (upper - lower);
        }
    }

    /**
     * A row of generations.csv: the generation's tolerance (distance; +∞ for generation 0, which keeps every
     * successful draw from the prior), the share of its simulations kept, the proposals drawn (those outside the
     * prior's support are not simulated), the simulations run, the effective sample size of its weights and its
     * wall-clock seconds.
     */
    record Generation(int generation, double tolerance, double acceptanceRate, long proposals, long simulations,
                      double effectiveSampleSize, double seconds) {
    }

    /** A parameter's prior density at increasing values (parameter units), per unit of the search coordinate. */
    record PriorDensity(double[] values, double[] densities) {
    }

    /** A number of posterior.json (NaN and ±Infinity may be written as text, as Jackson writes them). */
    double number(String field) {
        return numberIn(summary, field);
    }

    private static double numberIn(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    static PosteriorTables read(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
        PosteriorTables t = new PosteriorTables();
        t.summaryFile = f.dir.resolve(ResultFiles.POSTERIOR_METRICS);
        t.summary = ResultFolder.jsonWithNonFiniteNumbers(t.summaryFile);
        t.checkSummary();
        t.readParameters(f);
        t.readParticles(f);
        t.readGenerations(f);
        t.readPriorDensities(f);
        t.fit.addAll(ResultFolder.CalibrationTables.fit(f));
        // A posterior whose distance has no evidence writes no evidence.csv.
        t.evidence = f.has(ResultTable.EVIDENCE) ? ResultFolder.CalibrationTables.evidence(f) : null;
        return t;
    }

    private void checkSummary() throws InvalidResultFolderException {
        ResultFolder.requireField(summary, summaryFile, "stoppedBecause");
        for (String field : SUMMARY_NUMBERS) {
            ResultFolder.requireField(summary, summaryFile, field);
            JsonNode v = summary.path(field);
            boolean nonFinite = v.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(v.asText());
            // A posterior stopped after generation 0 has no tolerance: the job writes null.
            boolean none = v.isNull() && field.equals("finalTolerance");
            if (!v.isNumber() && !nonFinite && !none) {
                throw new InvalidResultFolderException(summaryFile + ": the field '" + field + "' holds " + v
                        + ", not a number");
            }
        }
        // The predictive fit is required; a hold-out window and evidence only where the spec has them.
        ResultFolder.requireField(summary, summaryFile, "fit");
        for (String block : List.of("fit", "holdOut", "evidence")) {
            if (summary.has(block) && !summary.path(block).isObject()) {
                throw new InvalidResultFolderException(summaryFile + ": the field '" + block
                        + "' is not a JSON object");
            }
        }
    }

    private void readParameters(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
        Table s = f.table(ResultTable.POSTERIOR_SUMMARY, ResultTable.POSTERIOR_SUMMARY.required());
        if (s.size() == 0) {
            throw new InvalidResultFolderException(s.source() + ": no rows");
        }
        Set<String> paths = new HashSet<>();
        for (int r = 0; r < s.size(); r++) {
            String path = s.text(r, Column.PARAMETER);
            if (path.isBlank()) {
                throw s.error(r, "no parameter path");
            }
            if (!paths.add(path)) {
                throw s.error(r, "a second row for parameter '" + path + "'");
            }
            String logScale = s.text(r, Column.LOG_SCALE);
            if (!logScale.equals("true") && !logScale.equals("false")) {
                throw s.error(r, "log_scale '" + logScale + "' is neither true nor false");
            }
            String prior = s.text(r, Column.PRIOR);
            if (!PRIORS.contains(prior)) {
                throw s.error(r, "prior '" + prior + "' is not one of " + String.join(", ", PRIORS));
            }
            Parameter p = new Parameter(path, logScale.equals("true"), s.number(r, Column.LOWER),
                    s.number(r, Column.UPPER), prior, s.number(r, Column.PRIOR_LOW), s.number(r, Column.PRIOR_HIGH),
                    s.number(r, Column.MEAN), s.number(r, Column.P05), s.number(r, Column.P50),
                    s.number(r, Column.P95), s.number(r, Column.ESS), s.number(r, Column.WIDTH_RATIO));
            for (String column : List.of(Column.LOWER, Column.UPPER, Column.PRIOR_LOW, Column.PRIOR_HIGH, Column.MEAN,
                    Column.P05, Column.P50, Column.P95)) {
                if (!Double.isFinite(s.number(r, column))) {
                    throw s.error(r, "column '" + column + "' holds '" + s.text(r, column) + "', not a finite number");
                }
            }
            if (!(p.lower() < p.upper())) {
                throw s.error(r, "the interval is empty or reversed (lower < upper expected)");
            }
            if (p.logScale() && !(p.lower() > 0)) {
                throw s.error(r, "a log-scale parameter whose lower bound is not above 0");
            }
            if (p.p05() > p.p50() || p.p50() > p.p95()) {
                throw s.error(r, "quantiles out of order (p05 ≤ p50 ≤ p95 expected)");
            }
            if (p.priorLow() > p.priorHigh()) {
                throw s.error(r, "the prior's quantiles are out of order (prior_low ≤ prior_high expected)");
            }
            parameters.add(p);
        }
    }

    /** The last generation of posterior.csv: its particles' values and normalised weights. */
    private void readParticles(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
        String[] required = new String[parameters.size() + 4];
        required[0] = Column.GENERATION;
        required[1] = Column.PARTICLE;
        required[2] = Column.WEIGHT;
        required[3] = Column.DISTANCE;
        for (int i = 0; i < parameters.size(); i++) {
            required[4 + i] = parameters.get(i).path();
        }
        Table particles = f.table(ResultTable.POSTERIOR, required);
        if (particles.size() == 0) {
            throw new InvalidResultFolderException(particles.source() + ": no rows");
        }
        lastGeneration = -1;
        for (int r = 0; r < particles.size(); r++) {
            int g = particles.integer(r, Column.GENERATION);
            if (g < 0) {
                throw particles.error(r, "generation " + g + " is negative");
            }
            lastGeneration = Math.max(lastGeneration, g);
        }
        List<Integer> rows = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (int r = 0; r < particles.size(); r++) {
            if (particles.integer(r, Column.GENERATION) != lastGeneration) {
                continue;
            }
            int particle = particles.integer(r, Column.PARTICLE);
            if (!numbers.add(particle)) {
                throw particles.error(r, "a second row for particle " + particle + " of generation " + lastGeneration);
            }
            rows.add(r);
        }
        values = new double[parameters.size()][rows.size()];
        weights = new double[rows.size()];
        double total = 0;
        for (int k = 0; k < rows.size(); k++) {
            int r = rows.get(k);
            double w = particles.number(r, Column.WEIGHT);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw particles.error(r, "weight '" + particles.text(r, Column.WEIGHT) + "' is not a finite number "
                        + "≥ 0");
            }
            // The distance is not charted, but one that is not a number is still a malformed file.
            numberOrInfinity(particles, r, Column.DISTANCE);
            weights[k] = w;
            total += w;
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                double v = particles.number(r, p.path());
                double u = p.unitOf(v);
                if (!(u >= -BOUND_SLACK && u <= 1 + BOUND_SLACK)) {
                    throw particles.error(r, "'" + p.path() + "' = " + particles.text(r, p.path()) + " lies outside "
                            + "the parameter's interval [" + Report.plain(p.lower()) + ", " + Report.plain(p.upper())
                            + "] (" + ResultTable.POSTERIOR_SUMMARY.file() + ")");
                }
                values[i][k] = v;
            }
        }
        if (!(total > 0)) {
            throw new InvalidResultFolderException(particles.source() + ": the weights of generation "
                    + lastGeneration + ", the posterior sample, sum to 0");
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= total;
        }
    }

    private void readGenerations(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
        Table g = f.table(ResultTable.GENERATIONS, ResultTable.GENERATIONS.required());
        if (g.size() == 0) {
            throw new InvalidResultFolderException(g.source() + ": no rows");
        }
        for (int r = 0; r < g.size(); r++) {
            int number = g.integer(r, Column.GENERATION);
            if (number != r) {
                throw g.error(r, "generation " + number + " where " + r + " was expected (one row per generation, "
                        + "numbered from 0)");
            }
            double tolerance = numberOrInfinity(g, r, Column.TOLERANCE);
            // Generation 0 keeps every simulated proposal: the job writes its tolerance as NA (none).
            boolean none = r == 0 && Double.isNaN(tolerance);
            if (!(tolerance >= 0) && !none) {
                throw g.error(r, "tolerance '" + g.text(r, Column.TOLERANCE) + "' is not a number ≥ 0 (or Infinity"
                        + (r == 0 ? ", or NA for generation 0" : "") + ")");
            }
            double acceptance = g.number(r, Column.ACCEPTANCE_RATE);
            if (!(acceptance >= 0 && acceptance <= 1)) {
                throw g.error(r, "acceptance_rate '" + g.text(r, Column.ACCEPTANCE_RATE) + "' is not a share in "
                        + "[0, 1]");
            }
            for (String column : List.of(Column.EFFECTIVE_SAMPLE_SIZE, Column.SECONDS)) {
                double v = g.number(r, column);
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw g.error(r, "column '" + column + "' holds '" + g.text(r, column) + "', not a finite "
                            + "number ≥ 0");
                }
            }
            generations.add(new Generation(number, tolerance, acceptance, count(g, r, Column.PROPOSALS),
                    count(g, r, Column.SIMULATIONS), g.number(r, Column.EFFECTIVE_SAMPLE_SIZE),
                    g.number(r, Column.SECONDS)));
        }
        int last = generations.get(generations.size() - 1).generation();
        if (last != lastGeneration) {
            throw new InvalidResultFolderException(g.source() + ": its last generation is " + last + ", but that of "
                    + ResultTable.POSTERIOR.file() + " is " + lastGeneration);
        }
    }

    private void readPriorDensities(ResultFolder f) throws InvalidResultFolderException, InvalidCsvException {
        Table d = f.table(ResultTable.PRIOR_DENSITY, ResultTable.PRIOR_DENSITY.required());
        Map<String, Parameter> byPath = new LinkedHashMap<>();
        parameters.forEach(p -> byPath.put(p.path(), p));
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (int r = 0; r < d.size(); r++) {
            String path = d.text(r, Column.PARAMETER);
            Parameter p = byPath.get(path);
            if (p == null) {
                throw d.error(r, "parameter '" + path + "' is not in " + ResultTable.POSTERIOR_SUMMARY.file());
            }
            double value = d.number(r, Column.VALUE);
            double density = d.number(r, Column.DENSITY);
            double u = p.unitOf(value);
            if (!(u >= -BOUND_SLACK && u <= 1 + BOUND_SLACK)) {
                throw d.error(r, "value " + d.text(r, Column.VALUE) + " lies outside the parameter's interval ["
                        + Report.plain(p.lower()) + ", " + Report.plain(p.upper()) + "]");
            }
            if (!(density >= 0) || Double.isInfinite(density)) {
                throw d.error(r, "density '" + d.text(r, Column.DENSITY) + "' is not a finite number ≥ 0");
            }
            List<double[]> list = points.computeIfAbsent(path, k -> new ArrayList<>());
            if (!list.isEmpty() && !(value > list.get(list.size() - 1)[0])) {
                throw d.error(r, "value " + d.text(r, Column.VALUE) + " is not above the previous value of '" + path
                        + "' (values increase)");
            }
            list.add(new double[] {value, density});
        }
        for (Parameter p : parameters) {
            List<double[]> list = points.getOrDefault(p.path(), List.of());
            if (list.size() < 2) {
                throw new InvalidResultFolderException(d.source() + ": " + list.size() + " rows for parameter '"
                        + p.path() + "'; a density needs at least 2");
            }
            priorDensities.add(new PriorDensity(list.stream().mapToDouble(v -> v[0]).toArray(),
                    list.stream().mapToDouble(v -> v[1]).toArray()));
        }
    }

    /** A count written as a whole number ≥ 0 (proposals, simulations: possibly more than an int holds). */
    private static long count(Table t, int row, String column) throws InvalidCsvException {
        double v = t.number(row, column);
        if (!(v >= 0) || v != Math.rint(v) || Double.isInfinite(v)) {
            throw t.error(row, "column '" + column + "' holds '" + t.text(row, column) + "', not a whole number ≥ 0");
        }
        return (long) v;
    }

    /**
     * A number that may be infinite: {@code Infinity} (as Java and JSON write it) or {@code Inf} (as our tables
     * write it, {@code escaperoutes.io.Csv#number}), with a sign or without.
     */
    static double numberOrInfinity(Table t, int row, String column) throws InvalidCsvException {
        String text = t.text(row, column);
        switch (text) {
            case "Inf", "+Inf", "Infinity", "+Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf", "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return t.number(row, column);
            }
        }
    }

    /**
     * The last generation's values of one parameter in its search coordinate u, clamped to [0, 1] (a value a
     * rounding step beyond a bound counts as at it).
     */
    double[] unitValues(int parameter) {
        Parameter p = parameters.get(parameter);
        double[] u = new double[weights.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.max(0, Math.min(1, p.unitOf(values[parameter][k])));
        }
        return u;
    }
}
