package escaperoutes.sweep;

import escaperoutes.model.ModelConfig;
import escaperoutes.model.RandomStreams;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.parameter.Parameter;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Scale;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.io.Problem;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioPath;
import escaperoutes.scenario.ScenarioVariants;
import escaperoutes.scenario.SpecChecks;
import escaperoutes.design.FactorialGrid;
import escaperoutes.design.LatinHypercube;
import escaperoutes.design.MorrisDesign;
import escaperoutes.design.MorrisEffects;
import escaperoutes.design.SaltelliSample;
import escaperoutes.design.SobolIndices;
import escaperoutes.design.SobolPoints;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * A checked sweep turned into its points: the parameter values of every point (from the design), the scenario of
 * each, what is kept of each run, and the sensitivity estimates from the outputs' means. Everything here follows
 * from the resolved spec and scenario alone, so the same spec gives the same plan on every machine and in every
 * chunk.
 *
 * <p>Replication r of every point runs with the sweep's seed: its random streams are those of (seed, r, stream
 * name), the streams of replication r of {@code run --seed <seed>} on the point's scenario. The points therefore
 * share common random numbers, and differences between points come from their parameters rather than from noise.
 * The design's own draws (Latin hypercube, Morris trajectories) and the bootstrap of the intervals come from streams
 * of the same seed with names of their own ({@code sweep-design}, {@code sweep-bootstrap-<output>}).
 */
public final class SweepPlan {

    /** Index names in sensitivity.csv. */
    public static final String FIRST_ORDER = "first_order";
    public static final String TOTAL = "total";
    public static final String MU = "mu";
    public static final String MU_STAR = "mu_star";
    public static final String SIGMA = "sigma";

    private static final MathContext TWELVE_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    /** One row of sensitivity.csv: an index of one parameter for one output, with its interval (NaN if none). */
    public record SensitivityRow(String output, String parameter, String index, double value, double low,
                                 double high) {
    }

    /** Points {@code from} (inclusive) to {@code to} (exclusive) of the sweep. */
    public record Slice(int from, int to) {
        public int size() {
            return to - from;
        }
    }

    private final SweepSpec spec;
    private final List<String> parameterNames;
    private final ParameterSpace space;
    private final double[][] values;
    private final String[] roles;
    private final MorrisDesign morris;
    private final List<Measure> measures;
    private final List<SexGroup> sexes;
    private final List<SweepSpec.Years> windows;
    private final List<Measure> windowMeasures;
    /**
     * With a posterior: its parameters first, then the sweep's, over the base — a number both set takes the
     * sweep's value, which is set last — and the posterior's values at each draw; null without one.
     */
    private final ScenarioVariants overDraws;
    private final double[][] draws;

    private SweepPlan(SweepSpec spec, ParameterSpace space, Scenario base) {
        this.spec = spec;
        this.space = space;
        SweepSpec.Posterior posterior = spec.posterior();
        if (posterior != null && posterior.draws() != null) {
            List<List<ScenarioPath>> numbers = new ArrayList<>();
            for (SweepSpec.PosteriorParameter p : posterior.parameters()) {
                List<ScenarioPath> paths = new ArrayList<>();
                paths.add(ScenarioPath.parse(p.path()));
                p.alsoPaths().forEach(also -> paths.add(ScenarioPath.parse(also)));
                numbers.add(paths);
            }
            space.parameters().forEach(p -> numbers.add(p.paths()));
            this.overDraws = new ScenarioVariants(base, numbers);
            this.draws = posterior.draws().stream().map(d -> d.stream().mapToDouble(Double::doubleValue).toArray())
                    .toArray(double[][]::new);
        } else {
            this.overDraws = null;
            this.draws = null;
        }
        List<Parameter> parameters = space.parameters();
        int d = parameters.size();
        this.parameterNames = parameters.stream().map(Parameter::name).toList();
        String[] names = parameterNames.toArray(new String[0]);

        SweepSpec.Design design = spec.design();
        double[][] units;
        MorrisDesign morrisDesign = null;
        switch (design.kind()) {
            case GRID -> {
                int[] counts = parameters.stream().mapToInt(p -> p.scale() instanceof Scale.Levels levels
                        ? levels.values().size() : design.levels()).toArray();
                units = FactorialGrid.unitPoints(counts);
                roles = filled(units.length, "grid");
            }
            case LATIN_HYPERCUBE -> {
                units = LatinHypercube.sample(design.points(), d, designStream());
                roles = filled(units.length, "latin_hypercube");
            }
            case SOBOL -> {
                units = SobolPoints.points(design.points(), d);
                roles = filled(units.length, "sobol");
            }
            case SALTELLI -> {
                units = SaltelliSample.unitPoints(design.baseSamples(), d);
                roles = new String[units.length];
                for (int p = 0; p < units.length; p++) {
                    roles[p] = SaltelliSample.role(p, design.baseSamples(), names);
                }
            }
            case MORRIS -> {
                morrisDesign = MorrisDesign.sample(design.trajectories(), d, design.levels(), designStream());
                units = morrisDesign.unitPoints();
                roles = new String[units.length];
                for (int p = 0; p < units.length; p++) {
                    roles[p] = morrisDesign.role(p, names);
                }
            }
            default -> throw new IllegalStateException("unknown design " + design.kind());
        }
        this.morris = morrisDesign;
        this.values = new double[units.length][];
        for (int p = 0; p < units.length; p++) {
            values[p] = space.fromUnit(units[p]);
            for (int i = 0; i < d; i++) {
                if (!(parameters.get(i).scale() instanceof Scale.Levels)) {
                    values[p][i] = twelveDigits(values[p][i]);
                }
            }
        }
        SweepSpec.Outputs outputs = spec.outputs();
        this.measures = outputs.measures().stream().map(SweepPlan::measure).toList();
        this.sexes = outputs.sexes().stream().map(SweepPlan::sex).toList();
        this.windows = outputs.windows();
        this.windowMeasures = measures.stream().filter(m -> m.kind() == Measure.Kind.FLOW).toList();
    }

    /** The plan of a sweep that {@link SweepSpecReader} has checked and resolved. */
    public static SweepPlan of(SweepSpecReader.ResolvedSweep resolved) {
        return new SweepPlan(resolved.spec(), resolved.space(), resolved.scenario());
    }

    // A value between bounds is rounded to 12 significant digits, so that a grid step of 0.1 gives 0.3 rather than
    // 0.30000000000000004: the value written beside the results is then exactly the value that was run.
    private static double twelveDigits(double value) {
        return new BigDecimal(value).round(TWELVE_DIGITS).doubleValue();
    }

    private RandomStreams streams() {
        return new RandomStreams(spec.seed(), 0);
    }

    private RandomGenerator designStream() {
        return streams().stream(RandomStreams.SWEEP_DESIGN);
    }

    private static String[] filled(int n, String role) {
        String[] roles = new String[n];
        Arrays.fill(roles, role);
        return roles;
    }

    static Measure measure(String key) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown measure " + key);
    }

    static SexGroup sex(String label) {
        for (SexGroup s : SexGroup.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sex " + label);
    }

    // ---- the points -------------------------------------------------------------------------------------------------

    /** The resolved spec. */
    public SweepSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public int points() {
        return values.length;
    }

    public int replications() {
        return spec.replications();
    }

    public long seed() {
        return spec.seed();
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The parameters' values at a point, in the parameters' units and order. */
    public double[] values(int point) {
        return values[point].clone();
    }

    /** What the point is in its design, e.g. {@code grid}, {@code AB_hiding_arrest}, {@code trajectory_3_start}. */
    public String role(int point) {
        return roles[point];
    }

    /** The points of chunk {@code index} (1-based) of {@code count}, contiguous and as equal as can be. */
    public Slice chunk(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("chunk " + index + "/" + count + ": expected 1 ≤ index ≤ count");
        }
        long n = points();
        return new Slice((int) ((index - 1) * n / count), (int) (index * n / count));
    }

    /** The base scenario with the point's values set, validated; named after the sweep and the point. */
    public Scenario scenarioAt(int point) throws InvalidScenarioException {
        return space.scenarioAt(values[point]).withName(spec.name() + "-point-" + point);
    }

    /**
     * The model configuration of a point whose scenario {@link #checkPoints} has accepted (not validated again); a
     * sweep over a posterior has one per pair of replications ({@link #configAt(int, int)}).
     */
    public ModelConfig configAt(int point) {
        if (overDraws != null) {
            throw new IllegalStateException("a sweep over a posterior has a configuration per pair of replications");
        }
        return space.checkedConfigAt(values[point]);
    }

    /** Whether the points run over a posterior's draws: replications 2d and 2d + 1 at draw d. */
    public boolean overPosterior() {
        return overDraws != null;
    }

    /**
     * Consecutive replications of a point that run one configuration: all of them, or over a posterior the pair
     * sharing a draw. It divides {@link #replications()} (over a posterior they are even).
     */
    public int replicationsPerConfiguration() {
        return overDraws == null ? replications() : 2;
    }

    /** The configuration replication {@code replication} of a point runs (checked by {@link #checkPoints}). */
    public ModelConfig configAt(int point, int replication) {
        return overDraws == null ? configAt(point) : overDraws.checkedConfigAt(valuesAt(point, replication / 2));
    }

    /** The posterior's values at draw {@code draw}, then the point's: what {@link #overDraws} sets. */
    private double[] valuesAt(int point, int draw) {
        double[] drawn = draws[draw];
        double[] all = Arrays.copyOf(drawn, drawn.length + values[point].length);
        System.arraycopy(values[point], 0, all, drawn.length, values[point].length);
        return all;
    }

    /**
     * The problems of every point in the slice whose scenario does not validate (a rule across two varied numbers,
     * say), checked on {@code threads} threads; at most {@code limit} are listed, then how many more there are.
     */
    public List<Problem> checkPoints(Slice slice, int threads, int limit) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread t = new Thread(runnable, "sweep-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Problem>>> checks = new ArrayList<>();
            for (int p = slice.from(); p < slice.to(); p++) {
                final int point = p;
                checks.add(pool.submit(() -> pointProblems(point)));
            }
            List<Problem> problems = new ArrayList<>();
            int failing = 0;
            for (Future<List<Problem>> check : checks) {
                List<Problem> found = check.get();
                if (!found.isEmpty()) {
                    failing++;
                    if (problems.size() < limit) {
                        problems.addAll(found.subList(0, Math.min(found.size(), limit - problems.size())));
                    }
                }
            }
            if (failing > 0 && problems.size() >= limit) {
                problems.add(new Problem("$.parameters", failing + " points in all have a scenario that does not "
                        + "validate; narrow the ranges"));
            }
            return problems;
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking the points failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Problem> pointProblems(int point) {
        List<Problem> found = space.problemsAt(values[point]);
        int draw = -1;
        if (found.isEmpty() && overDraws != null) {
            // Every draw with the point's values: a draw and a point may break a rule across two numbers together.
            for (int d = 0; d < draws.length && found.isEmpty(); d++) {
                found = overDraws.problemsAt(valuesAt(point, d));
                draw = d;
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        StringBuilder where = new StringBuilder("$.parameters: point ").append(point).append(" (");
        for (int i = 0; i < values[point].length; i++) {
            where.append(i == 0 ? "" : ", ").append(parameterNames.get(i)).append(" = ")
                    .append(SpecChecks.format(values[point][i]));
        }
        where.append(draw >= 0 ? ") at posterior draw " + draw : ")");
        return found.stream().map(p -> new Problem(where.toString(), "the scenario does not validate: " + p.path()
                + ": " + p.message())).toList();
    }

    // ---- what is kept ---------------------------------------------------------------------------------------------

    /** The measures kept per year, in the order of the spec. */
    public List<Measure> measures() {
        return measures;
    }

    public List<SexGroup> sexes() {
        return sexes;
    }

    /** Whether results.csv has a row per year (otherwise only the windows' sums). */
    public boolean perYear() {
        return spec.outputs().perYear();
    }

    public int fromYear() {
        return spec.outputs().years().from();
    }

    public int toYear() {
        return spec.outputs().years().to();
    }

    /** The windows whose sums are kept, for {@link #windowMeasures()}. */
    public List<SweepSpec.Years> windows() {
        return windows;
    }

    /** The kept measures that are flows: only they are summed over windows. */
    public List<Measure> windowMeasures() {
        return windowMeasures;
    }

    // ---- sensitivity ----------------------------------------------------------------------------------------------

    /** Whether the design estimates sensitivity indices. */
    public boolean estimatesSensitivity() {
        return spec.sensitivity() != null;
    }

    /** The sensitivity outputs' names, in the spec's order; empty without sensitivity. */
    public List<String> outputNames() {
        return spec.sensitivity() == null ? List.of()
                : spec.sensitivity().outputs().stream().map(SweepSpec.Output::name).toList();
    }

    /** Each sensitivity output of one run, in the spec's order (NaN for a share of no arrivals). */
    public double[] outputValues(RunResult run) {
        List<SweepSpec.Output> outputs = spec.sensitivity() == null ? List.of() : spec.sensitivity().outputs();
        double[] v = new double[outputs.size()];
        for (int k = 0; k < v.length; k++) {
            SweepSpec.Output o = outputs.get(k);
            Measure m = measure(o.measure());
            v[k] = switch (o.statistic()) {
                case SUM -> run.sum(m, o.from(), o.to(), sex(o.sex()));
                case MEAN -> {
                    double sum = 0;
                    int years = 0;
                    for (int y = o.from(); y <= o.to(); y++) {
                        double x = run.value(m, y, sex(o.sex()));
                        if (!Double.isNaN(x)) {
                            sum += x;
                            years++;
                        }
                    }
                    yield years == 0 ? Double.NaN : sum / years;
                }
                case SHARE_FEMALE -> {
                    double all = run.sum(m, o.from(), o.to(), SexGroup.ALL);
                    yield all == 0 ? Double.NaN : run.sum(m, o.from(), o.to(), SexGroup.FEMALE) / all;
                }
            };
        }
        return v;
    }

    /**
     * The sensitivity indices of every output for every parameter, from each point's mean output over its
     * replications ({@code means[point][output]}). An output with NaN at some point (a share of no arrivals in
     * every replication) gets NaN indices.
     */
    public List<SensitivityRow> sensitivity(double[][] means) {
        if (means.length != points()) {
            throw new IllegalArgumentException("expected the means of " + points() + " points, found " + means.length);
        }
        SweepSpec.Sensitivity s = spec.sensitivity();
        if (s == null) {
            return List.of();
        }
        List<SensitivityRow> rows = new ArrayList<>();
        int d = parameterNames.size();
        for (int k = 0; k < s.outputs().size(); k++) {
            String output = s.outputs().get(k).name();
            double[] y = new double[points()];
            for (int p = 0; p < y.length; p++) {
                y[p] = means[p][k];
            }
            boolean complete = Arrays.stream(y).noneMatch(Double::isNaN);
            RandomGenerator bootstrap = streams().stream(RandomStreams.sweepBootstrap(output));
            if (morris != null) {
                List<MorrisEffects.Estimate> e = complete
                        ? MorrisEffects.estimate(y, morris, s.bootstrap(), s.confidenceLevel(), bootstrap) : null;
                for (int i = 0; i < d; i++) {
                    String parameter = parameterNames.get(i);
                    MorrisEffects.Estimate m = e == null
                            ? new MorrisEffects.Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                            : e.get(i);
                    rows.add(new SensitivityRow(output, parameter, MU, m.mu(), Double.NaN, Double.NaN));
                    rows.add(new SensitivityRow(output, parameter, MU_STAR, m.muStar(), m.muStarLow(),
                            m.muStarHigh()));
                    rows.add(new SensitivityRow(output, parameter, SIGMA, m.sigma(), Double.NaN, Double.NaN));
                }
            } else {
                int n = spec.design().baseSamples();
                List<SobolIndices.Estimate> e = complete
                        ? SobolIndices.estimate(y, n, d, s.bootstrap(), s.confidenceLevel(), bootstrap) : null;
                for (int i = 0; i < d; i++) {
                    String parameter = parameterNames.get(i);
                    SobolIndices.Estimate m = e == null ? new SobolIndices.Estimate(Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN, Double.NaN) : e.get(i);
                    rows.add(new SensitivityRow(output, parameter, FIRST_ORDER, m.firstOrder(), m.firstOrderLow(),
                            m.firstOrderHigh()));
                    rows.add(new SensitivityRow(output, parameter, TOTAL, m.total(), m.totalLow(), m.totalHigh()));
                }
            }
        }
        return rows;
    }
}
