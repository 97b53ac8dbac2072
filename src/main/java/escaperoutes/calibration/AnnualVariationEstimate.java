package escaperoutes.calibration;

import escaperoutes.io.Csv;
import escaperoutes.observe.RunResult;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.scenario.Scenario;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.simulation.Replications;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The year-to-year variation ({@code annualVariation} σ) a calibrated scenario needs for its bands to be as wide as
 * its misses: the smallest σ, in steps of {@link #STEP}, whose replications put the fit window's observed annual
 * totals no further from the simulated ones than one more replication would be ({@link FitMetrics#dispersion} ≤ 1).
 *
 * <p>Why after the search rather than as a free parameter: σ is the size of what the documented regimes leave
 * unexplained, the model's discrepancy, and like the residual variance of a regression it is estimated from the
 * misses of the fitted mean. The search's loss keeps the variation it was given (the negative binomial's size
 * derives from the scenario's σ), so the fitted values do not change; only the bands do. Searching with the
 * estimated σ instead gives the totals a looser loss, which the shipped baseline's fit traded for the women's share
 * and the evidence (README, "The shipped baseline's calibration").
 *
 * <p>Every candidate σ runs the same replications (same seed, replications 0…N−1), so the dispersion of two values
 * differs by σ alone, not by chance. The search bisects on the assumption that the dispersion falls as σ grows.
 */
public final class AnnualVariationEstimate {

    /** Resolution of the estimate: σ is a whole number of hundredths ({@link #sigmaOf}). */
    public static final double STEP = 0.01;

    /** Largest σ a scenario accepts ({@code Scenario.annualVariation}'s range), in steps. */
    static final int MAX_STEPS = 200;

    /** One σ tried and the fit window's dispersion its replications gave. */
    public record Trial(double annualVariation, double dispersion) {
    }

    /**
     * The estimate.
     *
     * @param scenario     the calibrated scenario with σ set to the estimate, and a source for
     *                     {@code $.annualVariation} saying how it was found
     * @param searchedWith the σ the calibrated scenario had, which the search ran with
     * @param dispersion   the fit window's dispersion at the estimate
     * @param trials       every σ tried, in the order tried
     * @param runs         the replications at the estimate (the calibration's closing runs)
     */
    public record Result(Scenario scenario, double searchedWith, double dispersion, List<Trial> trials,
                         List<RunResult> runs) {

        /** The σ chosen, a multiple of {@link #STEP} in [0, 2]. */
        public double annualVariation() {
            return scenario.annualVariation();
        }

        /** Whether even σ = 2 left the misses wider than the bands (then σ is 2 and the dispersion above 1). */
        public boolean atUpperBound() {
            return !wideEnough(dispersion);
        }
    }

    /** The dispersion at a number of steps, and the runs that gave it. */
    interface Evaluator {
        Evaluated at(int steps) throws InvalidScenarioException, InterruptedException;
    }

    record Evaluated(double dispersion, List<RunResult> runs) {
    }

    private AnnualVariationEstimate() {
    }

    /**
     * Estimates σ for {@code calibrated} over the fit window {@code from}–{@code to} of {@code observed}, on
     * {@code replications} (≥ 2) replications of {@code seed}; {@code progress} hears each σ tried.
     */
    public static Result estimate(Scenario calibrated, ObservedSeries observed, int from, int to, long seed,
                                  int replications, int threads, Consumer<Trial> progress)
            throws InvalidScenarioException, InterruptedException {
        if (replications < 2) {
            throw new IllegalArgumentException("estimating the annual variation needs at least 2 replications, got "
                    + replications);
        }
        List<Trial> trials = new ArrayList<>();
        Evaluator evaluator = steps -> {
            Scenario s = calibrated.withAnnualVariation(sigmaOf(steps), calibrated.sources());
            List<RunResult> runs = Replications.run(ScenarioCompiler.compile(s), seed, replications, threads, null);
            double dispersion = FitMetrics.compute(runs, observed, from, to).dispersion();
            Trial trial = new Trial(sigmaOf(steps), dispersion);
            trials.add(trial);
            progress.accept(trial);
            return new Evaluated(dispersion, runs);
        };
        Search found = search(evaluator);
        double dispersion = found.at().dispersion();
        Map<String, String> sources = new LinkedHashMap<>(calibrated.sources());
        sources.put("$.annualVariation", String.format(Locale.ROOT,
                "estimated by escape-routes calibrate from the misses of the fit window %d-%d: the smallest value, "
                        + "in steps of %.2f, whose %d final replications (seed %d) put the observed annual totals no "
                        + "further from the simulated than one more replication would be (dispersion %.3f%s); the "
                        + "search ran with %s", from, to, STEP, replications, seed, dispersion,
                wideEnough(dispersion) ? "" : ", above 1 even at the largest value allowed, 2",
                Csv.exact(calibrated.annualVariation())));
        return new Result(calibrated.withAnnualVariation(sigmaOf(found.steps()), sources),
                calibrated.annualVariation(), dispersion, List.copyOf(trials), found.at().runs());
    }

    /** The steps chosen and what they gave. */
    record Search(int steps, Evaluated at) {
    }

    /**
     * The smallest number of steps in [0, {@link #MAX_STEPS}] whose dispersion is at most 1, by bisection
     * (0 when σ = 0 is already wide enough; {@link #MAX_STEPS} when not even that is).
     */
    static Search search(Evaluator evaluator) throws InvalidScenarioException, InterruptedException {
        Evaluated none = evaluator.at(0);
        if (wideEnough(none.dispersion())) {
            return new Search(0, none);
        }
        Evaluated most = evaluator.at(MAX_STEPS);
        if (!wideEnough(most.dispersion())) {
            return new Search(MAX_STEPS, most);
        }
        // Invariant: dispersion(low) > 1 and dispersion(high) ≤ 1, high's runs kept.
        int low = 0;
        int high = MAX_STEPS;
        Evaluated atHigh = most;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            Evaluated atMiddle = evaluator.at(middle);
            if (wideEnough(atMiddle.dispersion())) {
                high = middle;
                atHigh = atMiddle;
            } else {
                low = middle;
            }
        }
        return new Search(high, atHigh);
    }

    /** Bands at least as wide as the misses; NaN (no replication varies) is not. */
    private static boolean wideEnough(double dispersion) {
        return dispersion <= 1;
    }

    /** σ at a number of steps, as the nearest double to the decimal (0.27, not 27 × 0.01 = 0.27000000000000002). */
    private static double sigmaOf(int steps) {
        return steps / 100.0;
    }

}
