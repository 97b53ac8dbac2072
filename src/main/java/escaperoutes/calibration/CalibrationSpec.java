package escaperoutes.calibration;

import com.fasterxml.jackson.annotation.JsonValue;
import escaperoutes.io.Default;
import escaperoutes.io.Doc;
import escaperoutes.io.Range;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A calibration spec file: which numbers of a scenario are free, what they are fitted to, and how. Bound by
 * {@link escaperoutes.io.JsonBinder} (unknown keys are errors) and checked against the scenario by
 * {@link CalibrationSpecReader}; a spec obtained otherwise has not been checked.
 *
 * <pre>{@code
 * {
 *   "parameters": [
 *     {"path": "$.attempts.attemptsPerYear", "lower": 2000, "upper": 15000, "logScale": true},
 *     {"path": "$.regimes[name=buffer-zone].multipliers.china_life.departure.female", "lower": 0, "upper": 1}
 *   ],
 *   "fitWindow": {"from": 2012, "to": 2019},
 *   "holdOutWindow": {"from": 2020, "to": 2024},
 *   "loss": {"totals": "negative_binomial", "negativeBinomialSize": 20, "weights": {"totals": 1, "women": 2}},
 *   "replications": 8,
 *   "budget": 400,
 *   "optimizer": "cmaes",
 *   "seed": 1
 * }
 * }</pre>
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@code parameters}</td><td>the free numbers, at least one (keys below)</td><td>required</td></tr>
 * <tr><td>{@code parameters[].path}</td><td>where the number is in the scenario, e.g.
 *     {@code $.attempts.attemptsPerYear}, {@code $.legs[18].arrest},
 *     {@code $.regimes[name=buffer-zone].multipliers.nk_border.attempt.female}: {@code .key}, {@code [position]}
 *     and {@code [key=value]} steps. Keys the scenario file leaves out count with their default. Multipliers and
 *     {@code retryProbability} are per sex in the resolved scenario, so their paths end in {@code .female} or
 *     {@code .male}. A number may be free only once.</td><td>required</td></tr>
 * <tr><td>{@code parameters[].lower}, {@code .upper}</td><td>the search interval, in the parameter's own units;
 *     finite, {@code lower < upper}, and each bound a value the scenario accepts there</td><td>required</td></tr>
 * <tr><td>{@code parameters[].alsoPaths}</td><td>more paths set to the same value: one free number for
 *     several places of the scenario (say the same multiplier in two regimes), so that tying them costs one
 *     parameter, not two</td><td>{@code []}</td></tr>
 * <tr><td>{@code parameters[].logScale}</td><td>search the logarithm (for rates spanning orders of magnitude);
 *     needs {@code lower > 0}</td><td>{@code false}</td></tr>
 * <tr><td>{@code observed}</td><td>CSV of observed arrivals, relative to the spec file's folder, with columns
 *     {@code period_start,period_end,male,female,total} (and optionally {@code note}); absent: the Ministry of
 *     Unification series shipped with the program</td><td>shipped series</td></tr>
 * <tr><td>{@code fitWindow}</td><td>{@code {"from": year, "to": year}}, inclusive: observed periods wholly
 *     inside it are fitted. {@code from <= to}; it must hold at least one single-year observed period and lie in
 *     whole years the scenario simulates</td><td>{@code {"from": 2012, "to": 2024}}</td></tr>
 * <tr><td>{@code holdOutWindow}</td><td>years reported but not fitted, same form and rules as {@code fitWindow};
 *     must not overlap it</td><td>none</td></tr>
 * <tr><td>{@code loss.totals}</td><td>deviance on annual totals: {@code "poisson"} or
 *     {@code "negative_binomial"}</td><td>{@code "poisson"}</td></tr>
 * <tr><td>{@code loss.negativeBinomialSize}</td><td>size k of the negative binomial (variance μ + μ²/k), > 0,
 *     with {@code "negative_binomial"} (an error with {@code "poisson"}); absent, it is the year-to-year variation
 *     the scenario itself has: k = 1 / (exp(σ²) − 1) for its {@code annualVariation} σ &gt; 0</td>
 *     <td>from {@code annualVariation}</td></tr>
 * <tr><td>{@code loss.weights.totals}, {@code .women}</td><td>multipliers of the totals deviance and of the
 *     binomial deviance on the number of women; ≥ 0, not both 0</td><td>1, 1</td></tr>
 * <tr><td>{@code replications}</td><td>simulation runs per evaluated candidate, ≥ 1; every candidate runs on the
 *     same seeds</td><td>8</td></tr>
 * <tr><td>{@code budget}</td><td>evaluations of candidates the optimiser may spend, ≥ 1</td><td>400</td></tr>
 * <tr><td>{@code optimizer}</td><td>{@code "cmaes"} (CMA-ES), {@code "bobyqa"} (BOBYQA) or
 *     {@code "nelder_mead"} (Nelder–Mead)</td><td>{@code "cmaes"}</td></tr>
 * <tr><td>{@code seed}</td><td>seed of the simulations and of the optimiser; the same seed gives the same
 *     calibration</td><td>1</td></tr>
 * <tr><td>{@code parameters[].prior}</td><td>for {@code posterior}: {@code {"distribution": "uniform"}},
 *     {@code "log_uniform"}, {@code {"distribution": "normal", "mean": m, "sd": s, "source": ...}} or
 *     {@code {"distribution": "log_normal", "median": m, "sdLog": s, "source": ...}}, the last two truncated to
 *     [lower, upper] and needing their centre inside it, a width &gt; 0 and a source</td>
 *     <td>uniform; log-uniform with {@code logScale}</td></tr>
 * <tr><td>{@code posterior}</td><td>settings of {@code escape-routes posterior}: {@code particles},
 *     {@code quantile}, {@code targetTolerance}, {@code minAcceptanceRate}, {@code maxSimulations},
 *     {@code maxGenerations}, {@code replicationsPerParticle}, {@code predictiveDraws}, {@code kernel}
 *     ({@link Posterior})</td><td>300, 0.5, 0, 0.01, 60000, 25, 1, 100, {@code "global"}</td></tr>
 * <tr><td>{@code evidence}</td><td>independent evidence fitted besides arrivals: {@code {"file": ..., "weight": w,
 *     "items": [{"id": ..., "weight": w}, ...], "weights": {id: w, ...}}}; {@code file} relative to the spec's folder
 *     (absent: the shipped {@code other-evidence.csv}), {@code items} absent: every item of the file; {@code weights}
 *     weights fitted items by id without listing them; weights ≥ 0, default 1. Each
 *     item's period must lie in whole years the scenario simulates</td><td>none</td></tr>
 * <tr><td>{@code annualVariation}</td><td>{@code "keep"}: the calibrated scenario keeps the year-to-year variation
 *     σ it was searched with; {@code "from_misses"}: after the search, σ is set to the smallest value, in steps of
 *     0.01 up to 2, whose final replications' bands are as wide as the fit window's misses (dispersion ≤ 1; needs
 *     at least 2 final replications), and the closing runs use it ({@link AnnualVariationEstimate})</td>
 *     <td>{@code "keep"}</td></tr>
 * </table>
 *
 * <p>Enum values are written in lower case with underscores, as the binder reads constant names.
 */
public record CalibrationSpec(
        @Doc("the free parameters, each {\"path\": ..., \"lower\": ..., \"upper\": ...}") List<Parameter> parameters,
        @Default("null") String observed,
        @Default("{\"from\": 2012, \"to\": 2024}") Window fitWindow,
        @Default("null") Window holdOutWindow,
        @Default("{}") Loss loss,
        @Default("8") @Range(min = 1) int replications,
        @Default("400") @Range(min = 1) int budget,
        @Default("\"cmaes\"") Optimizer optimizer,
        @Default("1") long seed,
        @Default("null") Evidence evidence,
        @Default("null") Posterior posterior,
        @Default("\"keep\"") AnnualVariation annualVariation) {

    /** The posterior's settings: the spec's, or every default if it has no {@code posterior} section. */
    public Posterior posteriorSettings() {
        return posterior != null ? posterior : new Posterior(300, 0.5, 0, 0.01, 60_000, 25, 1, 100, Kernel.GLOBAL);
    }

    /**
     * How {@code escape-routes posterior} samples (ABC-SMC; see {@code escaperoutes.posterior.AbcSmc}). The
     * distance of a proposal is the loss {@code calibrate} minimises, on its own {@code replicationsPerParticle}
     * replications with seeds of its own (not common random numbers: the posterior must see the model's chance).
     *
     * @param particles               particles per generation
     * @param quantile                each generation's tolerance is this weighted quantile of the previous one's
     *                                distances
     * @param targetTolerance         stop once the tolerance is at most this (0: no such target)
     * @param minAcceptanceRate       stop once a generation keeps fewer than this share of its simulations
     * @param maxSimulations          stop before more simulations than this (an unfinished generation is dropped)
     * @param maxGenerations          stop after this many generations
     * @param replicationsPerParticle replications per proposal, their loss its distance
     * @param predictiveDraws         posterior draws (one replication each) for the posterior predictive tables
     * @param kernel                  the perturbation's covariance: {@code global}, twice the previous generation's
     *                                (Beaumont et al. 2009), or {@code local}, each particle's optimal local
     *                                covariance over the particles within the new tolerance (Filippi et al. 2013)
     */
    public record Posterior(
            @Default("300") @Range(min = 2) int particles,
            @Default("0.5") @Range(min = 0.01, max = 0.99) double quantile,
            @Default("0") @Range(min = 0) double targetTolerance,
            @Default("0.01") @Range(min = 0, max = 1) double minAcceptanceRate,
            @Default("60000") @Range(min = 1) long maxSimulations,
            @Default("25") @Range(min = 1) int maxGenerations,
            @Default("1") @Range(min = 1) int replicationsPerParticle,
            @Default("100") @Range(min = 1) int predictiveDraws,
            @Default("\"global\"") Kernel kernel) {
    }

    /** The perturbation kernel of the posterior's sampler. */
    public enum Kernel {
        GLOBAL, LOCAL;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Independent evidence fitted besides arrivals: items of an evidence file ({@code file}, relative to the spec's
     * folder; absent: the shipped {@code other-evidence.csv}) by id, each term of the loss multiplied by its weight
     * (the item's own, in {@code items} or {@code weights}, else the section's). Without {@code items}, every item of
     * the file; {@code weights} weights some of them by id without listing the rest.
     */
    public record Evidence(
            @Default("null") String file,
            @Default("1") @Range(min = 0) double weight,
            @Default("null") List<EvidenceChoice> items,
            @Doc("weights of some fitted items by id, e.g. {\"repatriated-2002\": 4}; the others keep the section's")
            @Default("null") Map<String, Double> weights) {
    }

    /** One evidence item fitted: its id in the file, and its weight if not the section's. */
    public record EvidenceChoice(
            @Doc("the item's id in the evidence file, e.g. repatriated-2020-2024apr") String id,
            @Default("null") Double weight) {
    }

    /** A free number of the scenario and its search interval (in the number's own units). */
    public record Parameter(
            @Doc("where the number is in the scenario, e.g. $.attempts.attemptsPerYear") String path,
            @Doc("smallest value searched") double lower,
            @Doc("largest value searched") double upper,
            @Default("false") boolean logScale,
            @Doc("more numbers of the scenario set to the same value, e.g. one multiplier shared by two regimes")
            @Default("[]") List<String> alsoPaths,
            @Doc("what is believed about the number before the data (for the posterior); absent: uniform on "
                    + "[lower, upper], or log-uniform with logScale")
            @Default("null") PriorSpec prior) {

        /** A parameter with the default prior (uniform, or log-uniform on a log scale). */
        public Parameter(String path, double lower, double upper, boolean logScale, List<String> alsoPaths) {
            this(path, lower, upper, logScale, alsoPaths, null);
        }
    }

    /**
     * A parameter's prior as the spec writes it. {@code uniform} and {@code log_uniform} take no further keys;
     * {@code normal} takes {@code mean} and {@code sd}, {@code log_normal} {@code median} and {@code sdLog} (the
     * standard deviation of the natural logarithm), both truncated to the parameter's [lower, upper] and both
     * needing a {@code source}: where the belief comes from.
     */
    public record PriorSpec(
            @Doc("uniform, log_uniform, normal or log_normal") Distribution distribution,
            @Default("null") Double mean,
            @Default("null") Double sd,
            @Default("null") Double median,
            @Default("null") Double sdLog,
            @Default("null") String source) {
    }

    /** The shapes a prior can take. */
    public enum Distribution {
        UNIFORM, LOG_UNIFORM, NORMAL, LOG_NORMAL;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Calendar years {@code from} through {@code to}, inclusive. */
    public record Window(
            @Doc("first year, inclusive") int from,
            @Doc("last year, inclusive") int to) {

        public boolean overlaps(Window other) {
            return from <= other.to && other.from <= to;
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    public record Loss(
            @Default("\"poisson\"") Totals totals,
            @Default("null") Double negativeBinomialSize,
            @Default("{}") Weights weights) {

        /** The weights as {@link LossFunctions#targetLoss} takes them. */
        public LossFunctions.Weights lossWeights() {
            return new LossFunctions.Weights(weights.totals(), weights.women());
        }
    }

    /** Multipliers of the two deviance terms (dimensionless; 0 switches a term off). */
    public record Weights(
            @Default("1") @Range(min = 0) double totals,
            @Default("1") @Range(min = 0) double women) {
    }

    /**
     * What {@code calibrate} does with the scenario's {@code annualVariation} after the search: keep it, or set it
     * from the misses of the fit window ({@link AnnualVariationEstimate}).
     */
    public enum AnnualVariation {
        KEEP, FROM_MISSES;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The deviance used on annual totals; the women term is always binomial. */
    public enum Totals {
        POISSON, NEGATIVE_BINOMIAL;

        // Written back as it is read, so a spec saved beside the results reads again.
        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The Commons Math optimiser that searches the parameters. */
    public enum Optimizer {
        CMAES, BOBYQA, NELDER_MEAD;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
