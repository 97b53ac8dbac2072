package escaperoutes.posterior;

import escaperoutes.parameter.Prior;
import escaperoutes.parameter.Scale;
import escaperoutes.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;

/**
 * What a posterior sample says about each parameter: the weighted mean and quantiles of the last generation, its
 * effective sample size, and how much the data narrowed the parameter — the posterior's 90% width over the prior's,
 * both on the parameter's search scale (in the logarithm for a log-scale parameter, so that a multiplier known to
 * within a factor counts the same at any size).
 */
public final class PosteriorSummary {

    /**
     * One parameter.
     *
     * @param priorLow,priorHigh the prior's 5% and 95% quantiles (parameter units)
     * @param widthRatio         posterior 90% width ÷ prior 90% width on the search scale: near 1 the data said
     *                           little, near 0 they pinned the parameter down
     */
    public record Row(String parameter, boolean logScale, double lower, double upper, String prior, double priorLow,
                      double priorHigh, double mean, double p05, double p50, double p95,
                      double effectiveSampleSize, double widthRatio) {
    }

    private PosteriorSummary() {
    }

    public static List<Row> of(AbcSmc.Generation posterior, List<String> parameterPaths, List<Prior> priors,
                               List<Scale> scales) {
        List<AbcSmc.Particle> particles = posterior.particles();
        double[] weights = particles.stream().mapToDouble(AbcSmc.Particle::weight).toArray();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < priors.size(); k++) {
            Scale scale = scales.get(k);
            Prior prior = priors.get(k);
            int index = k;
            double[] units = particles.stream().mapToDouble(p -> p.unit()[index]).toArray();
            double[] values = particles.stream().mapToDouble(p -> scale.valueAt(p.unit()[index])).toArray();
            double mean = 0;
            for (int i = 0; i < values.length; i++) {
                mean += weights[i] * values[i];
            }
            double posteriorWidth = Quantiles.weighted(units, weights, 0.95) - Quantiles.weighted(units, weights, 0.05);
            double priorLow = prior.quantile(0.05);
            double priorHigh = prior.quantile(0.95);
            double priorWidth = scale.unitOf(priorHigh) - scale.unitOf(priorLow);
            rows.add(new Row(parameterPaths.get(k), scale instanceof Scale.Logarithmic, scale.lower(), scale.upper(),
                    prior.distribution(), priorLow, priorHigh, mean, Quantiles.weighted(values, weights, 0.05),
                    Quantiles.weighted(values, weights, 0.5), Quantiles.weighted(values, weights, 0.95),
                    posterior.effectiveSampleSize(), posteriorWidth / priorWidth));
        }
        return rows;
    }

    /**
     * {@code count} particles drawn from the generation by weight, by systematic resampling from one uniform number
     * {@code u} in [0, 1): the i-th draw is the particle whose cumulative weight first exceeds (i + u) / count, so
     * each particle appears about weight × count times, in the order of the generation.
     */
    public static List<AbcSmc.Particle> resample(AbcSmc.Generation generation, int count, double u) {
        List<AbcSmc.Particle> particles = generation.particles();
        double total = particles.stream().mapToDouble(AbcSmc.Particle::weight).sum();
        List<AbcSmc.Particle> draws = new ArrayList<>(count);
        double cumulative = particles.get(0).weight() / total;
        int j = 0;
        for (int i = 0; i < count; i++) {
            double target = (i + u) / count;
            while (cumulative <= target && j < particles.size() - 1) {
                j++;
                cumulative += particles.get(j).weight() / total;
            }
            draws.add(particles.get(j));
        }
        return draws;
    }
}
