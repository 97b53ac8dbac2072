package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.simulation.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import org.junit.jupiter.api.Test;

/**
 * {@code annualVariation}: a yearly factor of mean 1 on attempt rates spreads replications beyond Poisson noise
 * without moving the mean. The small scenario with departures from abroad has ~600 attempts in 2010 (400 from the
 * provinces, 200 from abroad, a few retries), nearly Poisson at σ = 0; at σ they are Poisson given the year's factor
 * F, with variance about m + m²·(exp(σ²) − 1) for mean m.
 */
class AnnualVariationTest {
    private static final int REPLICATIONS = 200;

    private static double[] attemptsIn2010(double sigma) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = FixedRateOriginTest.withAbroadTree();
        tree.put("annualVariation", sigma);
        Scenario varied = new ScenarioReader().fromTree(tree, "small with abroad, σ " + sigma);
        ModelConfig config = ScenarioCompiler.compile(varied);
        double[] attempts = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            RunResult result = Replications.runOne(config, 9, r);
            attempts[r] = result.value(Measure.ATTEMPTS, 2010, SexGroup.ALL);
        }
        return attempts;
    }

    @Test
    void yearlyFactorsWidenTheSpreadAndKeepTheMean() throws Exception {
        double[] plain = attemptsIn2010(0);
        double[] varied = attemptsIn2010(0.4);
        double plainMean = mean(plain);
        double variedMean = mean(varied);
        // Var(F) = exp(0.16) − 1 = 0.17: the spread of the varied runs is several times the plain one.
        assertTrue(variance(varied) > 3 * variance(plain),
                "variance " + variance(varied) + " vs " + variance(plain) + " without variation");
        double standardError = Math.sqrt(variance(varied) / REPLICATIONS);
        assertEquals(plainMean, variedMean, 3 * standardError + 3 * Math.sqrt(variance(plain) / REPLICATIONS),
                "the factor has mean 1");
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }
}
