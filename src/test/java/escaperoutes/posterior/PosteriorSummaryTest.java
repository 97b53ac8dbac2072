package escaperoutes.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;

import escaperoutes.parameter.Prior;
import escaperoutes.parameter.Scale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The posterior summary and the resampling of draws, on a handful of particles worked out by hand. */
class PosteriorSummaryTest {

    private static AbcSmc.Generation generation(double[] units, double[] weights) {
        List<AbcSmc.Particle> particles = new java.util.ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            particles.add(new AbcSmc.Particle(new double[] {units[i]}, weights[i], 1));
        }
        return new AbcSmc.Generation(2, 1, 10, 10, 1, 1, 0, particles);
    }

    @Test
    void summaryGivesWeightedQuantilesAndTheWidthRatioOnTheSearchScale() {
        // Ten particles at unit coordinates 0.05, 0.15, ..., 0.95 of a log scale over [1, 100], equal weights.
        double[] units = new double[10];
        double[] weights = new double[10];
        for (int i = 0; i < 10; i++) {
            units[i] = 0.05 + 0.1 * i;
            weights[i] = 0.1;
        }
        Scale scale = Scale.range(1, 100, true);
        PosteriorSummary.Row row = PosteriorSummary.of(generation(units, weights), List.of("$.x"),
                List.of(new Prior.LogUniform(1, 100)), List.of(scale)).get(0);
        assertEquals("log_uniform", row.prior());
        // The prior's 5% and 95% quantiles: 100^0.05 and 100^0.95.
        assertEquals(Math.pow(100, 0.05), row.priorLow(), 1e-12);
        assertEquals(Math.pow(100, 0.95), row.priorHigh(), 1e-9);
        // Weighted 5% quantile: the 1st particle (cumulative 0.1 ≥ 0.05); 95%: the 10th; median: the 5th.
        assertEquals(scale.valueAt(0.05), row.p05(), 1e-12);
        assertEquals(scale.valueAt(0.45), row.p50(), 1e-12);
        assertEquals(scale.valueAt(0.95), row.p95(), 1e-9);
        // Widths on the search scale: posterior 0.95 − 0.05 = 0.9, prior 0.9 as well.
        assertEquals(1.0, row.widthRatio(), 1e-12);
        double mean = 0;
        for (double u : units) {
            mean += 0.1 * scale.valueAt(u);
        }
        assertEquals(mean, row.mean(), 1e-9);
        assertEquals(1, row.effectiveSampleSize());
    }

    @Test
    void systematicResamplingTakesEachParticleAboutWeightTimesCountTimes() {
        AbcSmc.Generation g = generation(new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0.25, 0.25});
        // Targets (i + 0.5) / 4 = 0.125, 0.375, 0.625, 0.875 against cumulative weights 0.5, 0.75, 1.
        List<AbcSmc.Particle> draws = PosteriorSummary.resample(g, 4, 0.5);
        assertEquals(List.of(0.1, 0.1, 0.2, 0.3), draws.stream().map(p -> p.unit()[0]).toList());
        // u = 0: targets 0, 0.25, 0.5, 0.75; a target equal to a cumulative weight goes to the next particle.
        assertEquals(List.of(0.1, 0.1, 0.2, 0.3), PosteriorSummary.resample(g, 4, 0).stream()
                .map(p -> p.unit()[0]).toList());
    }
}
