package escaperoutes.design;

import escaperoutes.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Morris's screening measures from the outputs at the points of a {@link MorrisDesign}. Each trajectory gives
 * parameter i one elementary effect, EE<sub>i</sub> = (f(x') − f(x)) / (x'<sub>i</sub> − x<sub>i</sub>), x and x'
 * the points before and after the step that moves i, in unit coordinates: the change of the output over the
 * parameter's whole range (its whole logarithmic range for a log scale) if the output were linear in it. Over the
 * r trajectories: μ the mean of the EE<sub>i</sub>, μ* the mean of |EE<sub>i</sub>| (Campolongo et al. 2007: the
 * importance of the parameter), σ their standard deviation (n − 1 denominator: non-linearity and interactions).
 * μ and μ* are in the output's units; μ* has a percentile bootstrap interval over trajectories.
 */
public final class MorrisEffects {

    /** The measures of one parameter. */
    public record Estimate(double mu, double muStar, double sigma, double muStarLow, double muStarHigh) {
    }

    private MorrisEffects() {
    }

    /**
     * @param outputs   the output at each point of the design, in the design's order
     * @param bootstrap resamples of the trajectories for μ*'s interval; 0 gives a NaN interval
     * @param level     the interval's coverage, e.g. 0.95
     * @return one estimate per parameter, in parameter order
     */
    public static List<Estimate> estimate(double[] outputs, MorrisDesign design, int bootstrap, double level,
                                          RandomGenerator random) {
        int r = design.trajectories();
        int d = design.dimension();
        if (outputs.length != MorrisDesign.size(r, d)) {
            throw new IllegalArgumentException("expected " + MorrisDesign.size(r, d) + " outputs for " + r
                    + " trajectories of " + d + " parameters, found " + outputs.length);
        }
        double[][] effects = new double[d][r];
        for (int t = 0; t < r; t++) {
            int first = t * (d + 1);
            for (int k = 0; k < d; k++) {
                int i = design.moved(t, k);
                effects[i][t] = (outputs[first + k + 1] - outputs[first + k]) / design.step(t, k);
            }
        }
        double[][] resampledMuStar = new double[d][bootstrap];
        for (int b = 0; b < bootstrap; b++) {
            int[] rows = new int[r];
            for (int t = 0; t < r; t++) {
                rows[t] = random.nextInt(r);
            }
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int t : rows) {
                    sum += Math.abs(effects[i][t]);
                }
                resampledMuStar[i][b] = sum / r;
            }
        }
        List<Estimate> estimates = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            double sum = 0;
            double absolute = 0;
            for (double e : effects[i]) {
                sum += e;
                absolute += Math.abs(e);
            }
            double mu = sum / r;
            double squares = 0;
            for (double e : effects[i]) {
                squares += (e - mu) * (e - mu);
            }
            double sigma = r > 1 ? Math.sqrt(squares / (r - 1)) : Double.NaN;
            double[] interval = Quantiles.interval(resampledMuStar[i], level);
            estimates.add(new Estimate(mu, absolute / r, sigma, interval[0], interval[1]));
        }
        return estimates;
    }
}
