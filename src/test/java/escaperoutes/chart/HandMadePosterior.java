package escaperoutes.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A posterior folder written by hand, as {@code escape-routes posterior} writes one: the run tables of
 * {@link HandMadeFolder} as its three posterior predictive runs, a fit.csv and evidence.csv for them, and the
 * sampler's files for two parameters — {@code $.attempts.attemptsPerYear} (log scale 100–5000, log-uniform prior)
 * and {@code $.legs[3].arrest} (linear 0–1, normal prior with mean 0.3 and sd 0.15, truncated) — over two
 * generations of 30 particles, the second drawn from a seeded generator around a median of about 860 attempts
 * and an arrest probability that rises with them (so the pair is correlated).
 */
final class HandMadePosterior {
    static final String ATTEMPTS = "$.attempts.attemptsPerYear";
    static final String ARREST = "$.legs[3].arrest";
    static final int PARTICLES = 30;
    static final String MANIFEST = """
            {"seed": 7, "replications": 2, "programVersion": "test", "finishedAt": "2026-01-01T00:00:00Z",
             "scenarioFile": "scenarios/hand-made.json", "scenarioSha256": "abc"}
            """;
    /** Numbers as the sampler would report them; the finite tolerance and ESS match generations.csv's last row. */
    static final String POSTERIOR_JSON = """
            {"stoppedBecause": "the acceptance rate fell below 0.3", "generations": 2, "simulations": 150,
             "seconds": 3.9, "particles": 30, "effectiveSampleSize": 26.4, "finalTolerance": 41.5,
             "replicationsPerParticle": 2, "predictiveDraws": 3,
             "fit": {"window": "2020-2020", "years": 1, "medianAbsLogError": 0.223, "averageRelativeDifference": 0.2,
                     "maseAgainstPersistence": 0.5, "coverage50": 1, "coverage90": 1, "femaleShareMaePoints": 16.7,
                     "dispersion": 0.9},
             "holdOut": {"window": "2021-2021", "years": 0, "medianAbsLogError": "NaN",
                         "averageRelativeDifference": "NaN", "maseAgainstPersistence": "NaN", "coverage50": "NaN",
                         "coverage90": "NaN", "femaleShareMaePoints": "NaN", "dispersion": "NaN"},
             "evidence": {"source": "other-evidence.csv", "sha256": "def", "items": 5, "inside": 3,
                          "outside": ["repatriated-2020-2024apr", "direct-none"], "loss": 115.95}}
            """;
    /** The second parameter's row is the one the malformed-file tests change. */
    static final String SUMMARY = """
            parameter,log_scale,lower,upper,prior,prior_low,prior_high,mean,p05,p50,p95,ess,width_ratio
            $.attempts.attemptsPerYear,true,100,5000,log_uniform,121.566,4112.97,903.2,452.1,861.7,1634.2,26.4,0.33
            $.legs[3].arrest,false,0,1,normal,0.0763,0.5466,0.352,0.22,0.35,0.49,26.4,0.574
            """;
    static final String GENERATIONS = """
            generation,tolerance,acceptance_rate,proposals,simulations,effective_sample_size,seconds
            0,NA,1,30,30,30,0.8
            1,41.5,0.25,150,120,26.4,3.1
            """;
    static final String FIT = """
            year,window,observed_total,observed_women,observed_men,simulated_total_mean,simulated_total_p05,simulated_total_p95,simulated_women_mean,simulated_women_p05,simulated_women_p95,simulated_men_mean,simulated_men_p05,simulated_men_p95,observed_share_women,simulated_share_women
            2020,fit,25,15,10,20,11,29,15.3333,6.4,28,4.66667,0,9.4,0.6,0.766667
            """;

    private HandMadePosterior() {
    }

    static Path write(Path dir) throws IOException {
        HandMadeFolder.write(dir);
        Files.writeString(dir.resolve("manifest.json"), MANIFEST);
        Files.writeString(dir.resolve("posterior.json"), POSTERIOR_JSON);
        Files.writeString(dir.resolve("posterior-summary.csv"), SUMMARY);
        Files.writeString(dir.resolve("generations.csv"), GENERATIONS);
        Files.writeString(dir.resolve("fit.csv"), FIT);
        Files.writeString(dir.resolve("evidence.csv"), ChartFolderTest.EVIDENCE);
        Files.writeString(dir.resolve("calibration-spec.json"), "{\"parameters\": []}\n");
        Files.writeString(dir.resolve("posterior.csv"), particles());
        Files.writeString(dir.resolve("prior-density.csv"), priorDensity());
        return dir;
    }

    /**
     * Generation 0: 30 draws from the priors with equal weights. Generation 1: the search coordinate of attempts
     * about 0.55 (sd 0.1), the arrest probability 0.35 + 0.5 × (that coordinate − 0.55) give or take 0.05, weights
     * drawn between 0.5 and 1.5 and normalised.
     */
    static String particles() {
        StringBuilder csv = new StringBuilder("generation,particle,weight,distance," + ATTEMPTS + "," + ARREST + "\n");
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < PARTICLES; k++) {
            double attempts = 100 * Math.pow(50, random.nextDouble());
            double arrest = Math.min(1, Math.max(0, 0.3 + 0.15 * gaussian(random)));
            csv.append(String.format(Locale.ROOT, "0,%d,%s,%s,%s,%s%n", k, 1.0 / PARTICLES,
                    60 + 100 * random.nextDouble(), attempts, arrest));
        }
        double[] weights = new double[PARTICLES];
        double total = 0;
        for (int k = 0; k < PARTICLES; k++) {
            weights[k] = 0.5 + random.nextDouble();
            total += weights[k];
        }
        for (int k = 0; k < PARTICLES; k++) {
            double u = Math.min(1, Math.max(0, 0.55 + 0.1 * gaussian(random)));
            double attempts = 100 * Math.pow(50, u);
            double arrest = Math.min(1, Math.max(0, 0.35 + 0.5 * (u - 0.55) + 0.05 * gaussian(random)));
            csv.append(String.format(Locale.ROOT, "1,%d,%s,%s,%s,%s%n", k, weights[k] / total,
                    41.5 * random.nextDouble(), attempts, arrest));
        }
        return csv.toString();
    }

    /**
     * 101 points per parameter, density per unit of the search coordinate: 1 throughout for the log-uniform prior
     * on its log scale; the normal's density truncated to [0, 1] (times the interval's width, 1) for the other.
     */
    static String priorDensity() {
        StringBuilder csv = new StringBuilder("parameter,value,density\n");
        for (int k = 0; k <= 100; k++) {
            csv.append(ATTEMPTS).append(',').append(100 * Math.pow(50, k / 100.0)).append(",1\n");
        }
        NormalDistribution normal = new NormalDistribution(0.3, 0.15);
        double mass = normal.cumulativeProbability(1) - normal.cumulativeProbability(0);
        for (int k = 0; k <= 100; k++) {
            double v = k / 100.0;
            csv.append(ARREST).append(',').append(v).append(',').append(normal.density(v) / mass).append('\n');
        }
        return csv.toString();
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
