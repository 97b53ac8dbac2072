package escaperoutes.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.parameter.Prior;
import escaperoutes.parameter.Scale;
import escaperoutes.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sampler on toy models whose posterior is known exactly. */
class AbcSmcTest {

    /** The weighted mean and 5%, 95% quantiles of the posterior sample of parameter i, in its own units. */
    private static double[] summary(AbcSmc.Generation g, Scale scale) {
        double[] values = g.particles().stream().mapToDouble(p -> scale.valueAt(p.unit()[0])).toArray();
        double[] weights = g.particles().stream().mapToDouble(AbcSmc.Particle::weight).toArray();
        double mean = 0;
        for (int i = 0; i < values.length; i++) {
            mean += weights[i] * values[i];
        }
        return new double[] {mean, Quantiles.weighted(values, weights, 0.05),
            Quantiles.weighted(values, weights, 0.95)};
    }

    /**
     * Ten Poisson counts with mean θ summing to 42, θ log-uniform on [0.5, 50] and searched on a log scale: the
     * posterior is ∝ θ^42 e^{−10θ} / θ, a gamma distribution of shape 42 and rate 10 (its mass outside [0.5, 50]
     * is below 1e-20). The sum is sufficient and discrete, so at tolerance 0 the sample is exact.
     */
    @ParameterizedTest
    @EnumSource(AbcSmc.KernelChoice.class)
    void poissonCountsWithALogUniformPriorGiveTheGammaPosterior(AbcSmc.KernelChoice kernel)
            throws InterruptedException {
        Scale scale = Scale.range(0.5, 50, true);
        AbcSmc sampler = new AbcSmc(List.of(new Prior.LogUniform(0.5, 50)), List.of(scale));
        AbcSmc.Simulator poisson = (unit, seed) -> {
            double theta = scale.valueAt(unit[0]);
            SplittableRandom random = new SplittableRandom(seed);
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                // Poisson by counting exponential gaps within one unit of time
                double t = -Math.log(1 - random.nextDouble()) / theta;
                while (t < 1) {
                    sum++;
                    t += -Math.log(1 - random.nextDouble()) / theta;
                }
            }
            return Math.abs(sum - 42);
        };
        AbcSmc.Result result = sampler.run(new AbcSmc.Settings(2000, 0.5, 0, 0.001, 1_000_000, 30, 7, 2, kernel),
                poisson, List.of(), g -> { });
        assertEquals("target tolerance 0.0 reached", result.stoppedBecause());
        AbcSmc.Generation last = result.last();
        assertEquals(0, last.tolerance());
        GammaDistribution exact = new GammaDistribution(42, 0.1);
        double[] s = summary(last, scale);
        // Monte Carlo error: sd 0.65 over √ESS (ESS > 500) ≈ 0.03 for the mean, ≈ 0.05 for the tail quantiles.
        assertTrue(last.effectiveSampleSize() > 500, "ESS " + last.effectiveSampleSize());
        assertEquals(4.2, s[0], 0.08);
        assertEquals(exact.inverseCumulativeProbability(0.05), s[1], 0.15);
        assertEquals(exact.inverseCumulativeProbability(0.95), s[2], 0.15);
    }

    /**
     * Twenty normal observations of mean θ and variance 1 averaging 0.8, θ normal(0, 1) truncated to [−5, 5]: the
     * posterior is normal with precision 1 + 20, mean 16/21 and standard deviation 1/√21 (truncation negligible).
     * ABC at tolerance ε on the mean adds at most ε²/3 to the variance: nothing at ε ≤ 0.02.
     */
    @ParameterizedTest
    @EnumSource(AbcSmc.KernelChoice.class)
    void normalObservationsWithANormalPriorGiveTheConjugatePosterior(AbcSmc.KernelChoice kernel)
            throws InterruptedException {
        Scale scale = Scale.range(-5, 5, false);
        AbcSmc sampler = new AbcSmc(List.of(new Prior.Normal(0, 1, -5, 5)), List.of(scale));
        AbcSmc.Simulator normal = (unit, seed) -> {
            double theta = scale.valueAt(unit[0]);
            SplittableRandom random = new SplittableRandom(seed);
            double sum = 0;
            for (int i = 0; i < 20; i++) {
                sum += theta + gaussian(random);
            }
            return Math.abs(sum / 20 - 0.8);
        };
        AbcSmc.Result result = sampler.run(new AbcSmc.Settings(2000, 0.5, 0.02, 0.001, 1_000_000, 30, 3, 2,
                kernel), normal, List.of(), g -> { });
        AbcSmc.Generation last = result.last();
        assertTrue(last.tolerance() <= 0.02, result.stoppedBecause());
        double mean = 16.0 / 21;
        double sd = 1 / Math.sqrt(21);
        double[] s = summary(last, scale);
        assertEquals(mean, s[0], 0.02);
        assertEquals(mean - 1.6449 * sd, s[1], 0.04);
        assertEquals(mean + 1.6449 * sd, s[2], 0.04);
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; one of the pair is enough here
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Two parameters, each observed through its own noisy mean: a toy for determinism. */
    private static AbcSmc twoParameters() {
        return new AbcSmc(List.of(new Prior.Uniform(0, 10), new Prior.LogNormal(2, 0.5, 0.1, 20)),
                List.of(Scale.range(0, 10, false), Scale.range(0.1, 20, true)));
    }

    private static double twoParameterDistance(double[] unit, long seed) {
        double a = Scale.range(0, 10, false).valueAt(unit[0]);
        double b = Scale.range(0.1, 20, true).valueAt(unit[1]);
        SplittableRandom random = new SplittableRandom(seed);
        return Math.hypot(a + 0.3 * gaussian(random) - 4, b + 0.3 * gaussian(random) - 3);
    }

    @Test
    void theSampleIsTheSameWhateverTheThreadsAndWhenResumed() throws InterruptedException {
        AbcSmc.Settings one = new AbcSmc.Settings(200, 0.5, 0, 0, 1_000_000, 5, 11, 1);
        AbcSmc.Settings three = new AbcSmc.Settings(200, 0.5, 0, 0, 1_000_000, 5, 11, 3);
        AbcSmc.Result serial = twoParameters().run(one, AbcSmcTest::twoParameterDistance, List.of(), g -> { });
        AbcSmc.Result parallel = twoParameters().run(three, AbcSmcTest::twoParameterDistance, List.of(), g -> { });
        assertEquals("maximum of 5 generations reached", serial.stoppedBecause());
        assertSame(serial, parallel);

        // Interrupted after three generations, resumed from them with the same settings.
        AbcSmc.Settings firstThree = new AbcSmc.Settings(200, 0.5, 0, 0, 1_000_000, 3, 11, 3);
        List<AbcSmc.Generation> written = new ArrayList<>();
        twoParameters().run(firstThree, AbcSmcTest::twoParameterDistance, List.of(), written::add);
        assertEquals(3, written.size());
        AbcSmc.Result resumed = twoParameters().run(one, AbcSmcTest::twoParameterDistance, written, g -> { });
        assertSame(serial, resumed);

        // Tolerances fall and the weights are normalised.
        for (int g = 1; g < serial.generations().size(); g++) {
            assertTrue(serial.generations().get(g).tolerance() < serial.generations().get(g - 1).tolerance());
            assertEquals(1, serial.generations().get(g).particles().stream()
                    .mapToDouble(AbcSmc.Particle::weight).sum(), 1e-9);
        }
    }

    /**
     * A cluster stand-in: each batch's round goes through Java serialization (as Spark ships it to a worker) and
     * is evaluated by a sampler of its own, in pieces of 3 as tasks would be.
     */
    private static final class SerializingBatches implements AbcSmc.ProposalBatches {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public int parallelism() {
            return 6;
        }

        @Override
        public double[] distances(AbcSmc.Round round, long[] numbers) throws InterruptedException {
            batchSizes.add(numbers.length);
            AbcSmc.Round shipped = roundTrip(round);
            AbcSmc worker = twoParameters();
            AbcSmc.PreparedRound prepared = worker.prepare(shipped);
            double[] out = new double[numbers.length];
            for (int k = 0; k < numbers.length; k += 3) {
                long[] piece = java.util.Arrays.copyOfRange(numbers, k, Math.min(numbers.length, k + 3));
                System.arraycopy(worker.distances(prepared, piece, AbcSmcTest::twoParameterDistance), 0, out, k,
                        piece.length);
            }
            return out;
        }

        private static AbcSmc.Round roundTrip(AbcSmc.Round round) {
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                    out.writeObject(round);
                }
                try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                    return (AbcSmc.Round) in.readObject();
                }
            } catch (java.io.IOException | ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void batchesSimulatedElsewhereGiveTheSameSampleAsLocalThreads() throws InterruptedException {
        AbcSmc.Settings settings = new AbcSmc.Settings(200, 0.5, 0, 0, 1_000_000, 5, 11, 2);
        AbcSmc.Result local = twoParameters().run(settings, AbcSmcTest::twoParameterDistance, List.of(), g -> { });
        SerializingBatches batches = new SerializingBatches();
        AbcSmc.Result remote = twoParameters().run(settings, batches, List.of(), g -> { });
        assertSame(local, remote);
        assertEquals(local.stoppedBecause(), remote.stoppedBecause());
        // Every batch is a multiple of the parallelism; generation 0 (acceptance 1, every prior draw inside the
        // support) needs one batch of 1.1 × 200 rounded up to 222.
        assertTrue(batches.batchSizes.stream().allMatch(n -> n % 6 == 0), batches.batchSizes.toString());
        assertEquals(222, batches.batchSizes.get(0));
        // Later kernels propose points outside the prior's support; they are never sent (a worker refuses them).
        assertTrue(remote.generations().stream().anyMatch(g -> g.proposals() > g.simulations()));

        // The budget: the same generations dropped, the same reason.
        AbcSmc.Settings small = new AbcSmc.Settings(100, 0.5, 0, 0, 450, 50, 11, 2);
        AbcSmc.Result localSmall = twoParameters().run(small, AbcSmcTest::twoParameterDistance, List.of(), g -> { });
        AbcSmc.Result remoteSmall = twoParameters().run(small, new SerializingBatches(), List.of(), g -> { });
        assertSame(localSmall, remoteSmall);
        assertEquals(localSmall.stoppedBecause(), remoteSmall.stoppedBecause());
    }

    @Test
    void theSimulationBudgetDropsAnUnfinishedGeneration() throws InterruptedException {
        List<AbcSmc.Generation> written = new ArrayList<>();
        AbcSmc.Result result = twoParameters().run(new AbcSmc.Settings(100, 0.5, 0, 0, 450, 50, 11, 2),
                AbcSmcTest::twoParameterDistance, List.of(), written::add);
        long simulations = result.generations().stream().mapToLong(AbcSmc.Generation::simulations).sum();
        assertTrue(simulations <= 450, "simulations " + simulations);
        assertTrue(result.stoppedBecause().startsWith("simulation budget of 450 used"), result.stoppedBecause());
        assertEquals(written.size(), result.generations().size());
        // Generation 0 needs exactly 100 simulations: every prior draw is inside the support and accepted.
        assertEquals(100, result.generations().get(0).simulations());
        assertEquals(1.0, result.generations().get(0).acceptanceRate());
    }

    @Test
    void aDiscreteDistanceStillLowersTheTolerance() {
        // Weighted median 1 equals the previous tolerance: the largest distance below it (0) is next.
        AbcSmc.Generation g = new AbcSmc.Generation(1, 1, 10, 10, 1, 3, 0, List.of(
                new AbcSmc.Particle(new double[] {0.1}, 0.2, 0), new AbcSmc.Particle(new double[] {0.2}, 0.4, 1),
                new AbcSmc.Particle(new double[] {0.3}, 0.4, 1)));
        assertEquals(0, AbcSmc.nextTolerance(g, 0.5));
        // The weighted median 1 is below the previous tolerance 2: it is taken.
        AbcSmc.Generation h = new AbcSmc.Generation(1, 2, 10, 10, 1, 3, 0, g.particles());
        assertEquals(1, AbcSmc.nextTolerance(h, 0.5));
        assertEquals(0, AbcSmc.nextTolerance(h, 0.2));
    }

    private static void assertSame(AbcSmc.Result expected, AbcSmc.Result actual) {
        assertEquals(expected.generations().size(), actual.generations().size());
        for (int g = 0; g < expected.generations().size(); g++) {
            AbcSmc.Generation e = expected.generations().get(g);
            AbcSmc.Generation a = actual.generations().get(g);
            assertEquals(e.tolerance(), a.tolerance());
            assertEquals(e.proposals(), a.proposals());
            assertEquals(e.simulations(), a.simulations());
            for (int i = 0; i < e.particles().size(); i++) {
                assertArrayEquals(e.particles().get(i).unit(), a.particles().get(i).unit());
                assertEquals(e.particles().get(i).weight(), a.particles().get(i).weight());
                assertEquals(e.particles().get(i).distance(), a.particles().get(i).distance());
            }
        }
    }
}
