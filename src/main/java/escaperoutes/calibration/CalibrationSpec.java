package escaperoutes.calibration;

import com.fasterxml.jackson.annotation.JsonValue;
import escaperoutes.io.Default;
import escaperoutes.io.Doc;
import escaperoutes.io.Range;
import java.util.List;
import java.util.Locale;

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
 * <tr><td>{@code evidence}</td><td>independent evidence fitted besides arrivals: {@code {"file": ..., "weight": w,
 *     "items": [{"id": ..., "weight": w}, ...]}}; {@code file} relative to the spec's folder (absent: the shipped
 *     {@code other-evidence.csv}), {@code items} absent: every item of the file; weights ≥ 0, default 1. Each
 *     item's period must lie in whole years the scenario simulates</td><td>none</td></tr>
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
        @Default("null") Evidence evidence) {

    /**
     * Independent evidence fitted besides arrivals: items of an evidence file ({@code file}, relative to the spec's
     * folder; absent: the shipped {@code other-evidence.csv}) by id, each term of the loss multiplied by its weight
     * (the item's own, else the section's). Without {@code items}, every item of the file.
     */
    public record Evidence(
            @Default("null") String file,
            @Default("1") @Range(min = 0) double weight,
            @Default("null") List<EvidenceChoice> items) {
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
            @Default("[]") List<String> alsoPaths) {
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
