package escaperoutes.posterior;

import escaperoutes.model.RandomStreams;
import escaperoutes.parameter.Prior;
import escaperoutes.parameter.Scale;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Approximate Bayesian computation by sequential Monte Carlo: population Monte Carlo with an adaptive tolerance
 * (Beaumont, Cornuet, Marin and Robert 2009, "Adaptive approximate Bayesian computation", Biometrika 96; the
 * tolerance schedule as in pyABC's default, a quantile of the previous generation's distances).
 *
 * <p>Generation 0 draws particles from the prior and keeps every one whose simulation succeeds. Generation t ≥ 1
 * sets its tolerance ε_t to the weighted {@code quantile} of generation t−1's distances and proposes: a particle
 * of t−1 drawn by weight, moved by a normal kernel whose covariance is twice the weighted covariance of generation
 * t−1 (Beaumont et al.'s choice). A proposal outside the prior's support is discarded without a simulation; one
 * whose distance is at most ε_t is kept with weight prior(θ) / Σ_j w_j K(θ | θ_j). A generation is complete when it
 * holds {@code particles} particles.
 *
 * <p>Everything is in the parameters' unit coordinates ({@link Scale}): a log-scale parameter moves in its
 * logarithm. Each proposal — generation t, number k — draws its particle, its move and its simulation's seed from
 * its own random stream (seed, t, k), and proposals are kept in the order of k, so the result is the same for a
 * seed whatever the number of threads, and a run resumed from its last complete generation continues exactly as
 * the uninterrupted run would have.
 */
public final class AbcSmc {

    /** Simulates at a point and scores it: the distance to the observed data; NaN or +∞ rejects the point. */
    @FunctionalInterface
    public interface Simulator {
        double distance(double[] unit, long seed) throws InterruptedException;
    }

    /**
     * @param particles         particles per generation, ≥ 2
     * @param quantile          each tolerance is this weighted quantile of the previous generation's distances,
     *                          in (0, 1)
     * @param targetTolerance   stop once a generation's tolerance is at most this (0: never for this reason)
     * @param minAcceptanceRate stop once a generation keeps fewer than this share of its simulations
     * @param maxSimulations    stop before simulating more than this many points in all (an unfinished
     *                          generation is dropped)
     * @param maxGenerations    stop after this many generations, generation 0 included
     * @param seed              seed of every proposal's stream
     * @param threads           simulations run at once (the result does not depend on it)
     * @param kernel            the perturbation kernel's covariance (see {@link KernelChoice})
     */
    public record Settings(int particles, double quantile, double targetTolerance, double minAcceptanceRate,
                           long maxSimulations, int maxGenerations, long seed, int threads, KernelChoice kernel) {
        /** Settings with Beaumont et al.'s global kernel. */
        public Settings(int particles, double quantile, double targetTolerance, double minAcceptanceRate,
                        long maxSimulations, int maxGenerations, long seed, int threads) {
            this(particles, quantile, targetTolerance, minAcceptanceRate, maxSimulations, maxGenerations, seed,
                    threads, KernelChoice.GLOBAL);
        }

        public Settings {
            if (particles < 2) {
                throw new IllegalArgumentException("at least 2 particles are needed, found " + particles);
            }
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("the quantile must lie in (0, 1), found " + quantile);
            }
            if (threads < 1 || maxGenerations < 1 || maxSimulations < 1) {
                throw new IllegalArgumentException("threads, generations and simulations must be at least 1");
            }
            java.util.Objects.requireNonNull(kernel, "kernel");
        }
    }

    /** How the perturbation kernel's covariance is chosen (see {@link Kernel}). */
    public enum KernelChoice {
        /** Twice the previous generation's weighted covariance, for every particle (Beaumont et al. 2009). */
        GLOBAL,
        /** Each particle's optimal local covariance over the particles within the new tolerance (Filippi 2013). */
        LOCAL
    }

    /** A kept proposal: unit coordinates, normalised weight, distance. */
    public record Particle(double[] unit, double weight, double distance) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A complete generation.
     *
     * @param tolerance      its ε (+∞ for generation 0)
     * @param proposals      proposals drawn, inside the prior's support or not
     * @param simulations    proposals simulated
     * @param acceptanceRate particles kept over simulations
     * @param seconds        wall-clock time it took (not reproducible; everything else is)
     */
    public record Generation(int number, double tolerance, long proposals, long simulations, double acceptanceRate,
                             double effectiveSampleSize, double seconds, List<Particle> particles)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Generation {
            particles = List.copyOf(particles);
        }
    }

    /** Told of each generation as it completes (to write it down before the next starts). */
    public interface Listener {
        void completed(Generation generation) throws InterruptedException;
    }

    /** Every complete generation, the last being the posterior sample, and why the sampler stopped. */
    public record Result(List<Generation> generations, String stoppedBecause) {
        public Generation last() {
            return generations.get(generations.size() - 1);
        }
    }

    /** Random stream of proposal {@code index} of generation {@code generation}. */
    static String streamName(long index) {
        return "abc-proposal-" + index;
    }

    private final List<Prior> priors;
    private final List<Scale> scales;

    /** One prior and one continuous scale (spanning the prior's interval) per parameter. */
    public AbcSmc(List<Prior> priors, List<Scale> scales) {
        if (priors.isEmpty() || priors.size() != scales.size()) {
            throw new IllegalArgumentException("one prior and one scale per parameter are needed");
        }
        this.priors = List.copyOf(priors);
        this.scales = List.copyOf(scales);
    }

    public int dimension() {
        return priors.size();
    }

    /**
     * Runs generations until a stopping rule holds, starting after {@code done} (complete generations of an
     * earlier run with the same settings, or none).
     */
    public Result run(Settings settings, Simulator simulator, List<Generation> done, Listener listener)
            throws InterruptedException {
        return run(settings, new Evaluation(simulator, null), done, listener);
    }

    /**
     * As {@link #run(Settings, Simulator, List, Listener)}, the proposals simulated by {@code batches} (a cluster)
     * instead of local threads; the result is the same.
     */
    public Result run(Settings settings, ProposalBatches batches, List<Generation> done, Listener listener)
            throws InterruptedException {
        return run(settings, new Evaluation(null, batches), done, listener);
    }

    /** Where proposals are simulated: here by {@code simulator}, or elsewhere by {@code batches}. */
    private record Evaluation(Simulator simulator, ProposalBatches batches) {
    }

    private Result run(Settings settings, Evaluation evaluation, List<Generation> done, Listener listener)
            throws InterruptedException {
        List<Generation> generations = new ArrayList<>(done);
        long simulations = generations.stream().mapToLong(Generation::simulations).sum();
        ExecutorService pool = evaluation.simulator() != null && settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "abc-smc");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            while (true) {
                String stop = stopBefore(settings, generations, simulations);
                if (stop != null) {
                    return new Result(generations, stop);
                }
                int number = generations.size();
                Generation next = generate(number, generations.isEmpty() ? null : generations.get(number - 1),
                        settings, evaluation, settings.maxSimulations() - simulations, pool);
                if (next == null) {
                    return new Result(generations, "simulation budget of " + settings.maxSimulations()
                            + " used during generation " + number + ", which is dropped");
                }
                simulations += next.simulations();
                generations.add(next);
                listener.completed(next);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static String stopBefore(Settings s, List<Generation> generations, long simulations) {
        if (generations.isEmpty()) {
            return null;
        }
        Generation last = generations.get(generations.size() - 1);
        if (generations.size() >= s.maxGenerations()) {
            return "maximum of " + s.maxGenerations() + " generations reached";
        }
        if (last.tolerance() <= s.targetTolerance()) {
            return "target tolerance " + s.targetTolerance() + " reached";
        }
        if (last.acceptanceRate() < s.minAcceptanceRate()) {
            return "acceptance rate " + last.acceptanceRate() + " below " + s.minAcceptanceRate();
        }
        if (simulations >= s.maxSimulations()) {
            return "simulation budget of " + s.maxSimulations() + " used";
        }
        if (Double.isFinite(nextTolerance(last, s.quantile()))) {
            return null;
        }
        return "the tolerance cannot decrease: every particle of generation " + last.number()
                + " is at distance " + last.tolerance();
    }

    /**
     * The weighted {@code quantile} of the generation's distances; where distances are discrete and that is the
     * generation's own tolerance, the largest distance below it, so the tolerance always decreases; +∞ if none is.
     */
    static double nextTolerance(Generation previous, double quantile) {
        List<Particle> sorted = new ArrayList<>(previous.particles());
        sorted.sort(Comparator.comparingDouble(Particle::distance));
        double cumulative = 0;
        double q = sorted.get(sorted.size() - 1).distance();
        for (Particle p : sorted) {
            cumulative += p.weight();
            if (cumulative >= quantile) {
                q = p.distance();
                break;
            }
        }
        if (q < previous.tolerance()) {
            return q;
        }
        double below = Double.NEGATIVE_INFINITY;
        for (Particle p : sorted) {
            if (p.distance() < previous.tolerance()) {
                below = Math.max(below, p.distance());
            }
        }
        return below == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : below;
    }

    /**
     * One proposal's outcome: its point in unit coordinates, null when it lay outside the prior's support and was
     * not simulated (its point is never needed), and its distance (+∞ for a failed simulation, NaN when not
     * simulated).
     */
    private record Proposal(double[] unit, double distance) {
        boolean simulated() {
            return unit != null;
        }
    }

    /** A proposal outside the prior's support: not simulated, its point not needed. */
    private static final Proposal OUTSIDE = new Proposal(null, Double.NaN);

    /**
     * What a generation's proposals depend on, besides their numbers: the generation, the seed, the kernel's choice,
     * the previous generation (null for generation 0) and the tolerance. A cluster's worker given a round draws the
     * same proposals as the driver would.
     */
    public record Round(int generation, long seed, KernelChoice kernel, Generation previous, double tolerance)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A round with its perturbation kernel built, ready to draw proposals from (see {@link #prepare}). */
    public static final class PreparedRound {
        private final Round round;
        private final Kernel kernel;

        private PreparedRound(Round round, Kernel kernel) {
            this.round = round;
            this.kernel = kernel;
        }

        public Round round() {
            return round;
        }
    }

    /**
     * Simulates proposals elsewhere — a cluster's workers. The sampler draws each proposal's point here (cheap) and
     * sends only the numbers of those inside the prior's support, in batches; a worker draws the same point and
     * simulation seed from the proposal's own stream and returns its distance. Proposals simulated beyond the
     * generation's last kept particle are discarded (and not counted), so the result equals that of local threads.
     */
    public interface ProposalBatches {
        /** Simulations the executor runs at once: each batch asked for is a multiple of it. */
        int parallelism();

        /**
         * The distances of the round's proposals {@code numbers} (each inside the prior's support), in their order;
         * NaN or +∞ for a failed simulation.
         */
        double[] distances(Round round, long[] numbers) throws InterruptedException;
    }

    /** The round's kernel, built once for many proposals. */
    public PreparedRound prepare(Round round) {
        return new PreparedRound(round, round.previous() == null ? null
                : new Kernel(round.previous(), round.tolerance(), round.kernel()));
    }

    /**
     * The distances of a round's proposals {@code numbers}, simulated here one after another (a worker's side of
     * {@link ProposalBatches}); IllegalArgumentException for a number whose point lies outside the prior's support.
     */
    public double[] distances(PreparedRound prepared, long[] numbers, Simulator simulator)
            throws InterruptedException {
        double[] out = new double[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            Candidate c = candidate(prepared.round.generation(), numbers[i], prepared.round.seed(), prepared.kernel);
            if (!c.inside()) {
                throw new IllegalArgumentException("proposal " + numbers[i] + " of generation "
                        + prepared.round.generation() + " lies outside the prior's support");
            }
            out[i] = simulator.distance(c.unit(), c.simulationSeed());
        }
        return out;
    }

    /** A generation's proposals in the order of their numbers, wherever they are simulated. */
    private interface ProposalStream {
        /**
         * The next proposal, {@code stillNeeded} more particles being needed, {@code kept} kept so far out of
         * {@code simulations} simulated.
         */
        Proposal next(int stillNeeded, int kept, long simulations) throws InterruptedException;

        /** Gives up the proposals simulated ahead that the generation did not need. */
        void cancel();
    }

    /** The next generation, or null if the simulations allowed ran out first. */
    private Generation generate(int number, Generation previous, Settings settings, Evaluation evaluation,
                                long simulationsAllowed, ExecutorService pool) throws InterruptedException {
        long started = System.nanoTime();
        double tolerance = previous == null ? Double.POSITIVE_INFINITY : nextTolerance(previous, settings.quantile());
        Round round = new Round(number, settings.seed(), settings.kernel(), previous, tolerance);
        PreparedRound prepared = prepare(round);
        List<Particle> kept = new ArrayList<>(settings.particles());
        long proposals = 0;
        long simulations = 0;
        ProposalStream stream = evaluation.batches() != null
                ? new Batches(prepared, evaluation.batches(), previous, simulationsAllowed)
                : new Proposals(prepared, evaluation.simulator(), pool, pool == null ? 1 : 4 * settings.threads());
        try {
            while (kept.size() < settings.particles()) {
                Proposal o = stream.next(settings.particles() - kept.size(), kept.size(), simulations);
                if (o.simulated()) {
                    if (simulations >= simulationsAllowed) {
                        return null;
                    }
                    simulations++;
                }
                proposals++;
                if (o.simulated() && Double.isFinite(o.distance()) && o.distance() <= tolerance) {
                    double weight = prepared.kernel == null ? 1
                            : priorDensity(o.unit()) / prepared.kernel.mixtureDensity(o.unit());
                    kept.add(new Particle(o.unit(), weight, o.distance()));
                }
            }
        } finally {
            stream.cancel();
        }
        double total = kept.stream().mapToDouble(Particle::weight).sum();
        double sumOfSquares = 0;
        List<Particle> normalised = new ArrayList<>(kept.size());
        for (Particle p : kept) {
            double w = p.weight() / total;
            sumOfSquares += w * w;
            normalised.add(new Particle(p.unit(), w, p.distance()));
        }
        return new Generation(number, tolerance, proposals, simulations, (double) kept.size() / simulations,
                1 / sumOfSquares, (System.nanoTime() - started) / 1e9, normalised);
    }

    /**
     * Proposals simulated here: ahead on the pool, up to {@code ahead} in flight, and taken in their order as each
     * finishes (or one by one on this thread with no pool). A slow simulation holds back only the taking, not the
     * other threads (a barrier after each batch left one core idle while the other finished a batch's slowest draw:
     * 1.3 times faster on 2 threads, not 2).
     */
    private final class Proposals implements ProposalStream {
        private final PreparedRound prepared;
        private final Simulator simulator;
        private final ExecutorService pool;
        private final int ahead;
        private final java.util.ArrayDeque<Future<Proposal>> queued = new java.util.ArrayDeque<>();
        private long nextIndex;

        Proposals(PreparedRound prepared, Simulator simulator, ExecutorService pool, int ahead) {
            this.prepared = prepared;
            this.simulator = simulator;
            this.pool = pool;
            this.ahead = ahead;
        }

        @Override
        public Proposal next(int stillNeeded, int kept, long simulations) throws InterruptedException {
            if (pool == null) {
                return proposal(nextIndex++);
            }
            while (queued.size() < ahead) {
                long index = nextIndex++;
                queued.add(pool.submit(() -> proposal(index)));
            }
            try {
                return queued.poll().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InterruptedException ie) {
                    throw ie;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }

        private Proposal proposal(long index) throws InterruptedException {
            Candidate c = candidate(prepared.round.generation(), index, prepared.round.seed(), prepared.kernel);
            if (!c.inside()) {
                return OUTSIDE;
            }
            return simulated(c.unit(), simulator.distance(c.unit(), c.simulationSeed()));
        }

        @Override
        public void cancel() {
            queued.forEach(f -> f.cancel(true));
            queued.clear();
        }
    }

    /**
     * Proposals simulated elsewhere in batches. Points are drawn here; those inside the prior's support are sent, a
     * batch at a time, sized to finish the generation with a margin — the particles still needed over the share of
     * simulations kept (so far in this generation once some are; before, the previous generation's share, halved
     * since the tolerance tightens), times 1.1, at most what the budget allows — and rounded up to a multiple of the
     * executor's parallelism: a batch too small costs another round trip, one too large simulates proposals that are
     * thrown away. Proposals outside the support are never sent (with a wide kernel in many dimensions they can be
     * most of a generation's).
     */
    private final class Batches implements ProposalStream {
        /** Batches never exceed this many simulations per particle still needed (an acceptance of 1 in 50). */
        private static final int MAX_SIMULATIONS_PER_PARTICLE = 50;
        private final PreparedRound prepared;
        private final ProposalBatches batches;
        private final double previousAcceptance;
        private final long simulationsAllowed;
        private final java.util.ArrayDeque<Proposal> ready = new java.util.ArrayDeque<>();
        private long nextIndex;

        Batches(PreparedRound prepared, ProposalBatches batches, Generation previous, long simulationsAllowed) {
            this.prepared = prepared;
            this.batches = batches;
            this.previousAcceptance = previous == null ? 1 : Math.max(previous.acceptanceRate() / 2, 1e-3);
            this.simulationsAllowed = simulationsAllowed;
        }

        @Override
        public Proposal next(int stillNeeded, int kept, long simulations) throws InterruptedException {
            if (ready.isEmpty()) {
                fill(stillNeeded, kept, simulations);
            }
            return ready.poll();
        }

        private void fill(int stillNeeded, int kept, long simulations) throws InterruptedException {
            double acceptance = kept > 0 ? (double) kept / simulations : previousAcceptance;
            double wanted = Math.min(1.1 * stillNeeded / acceptance,
                    (double) MAX_SIMULATIONS_PER_PARTICLE * stillNeeded);
            // No batch larger than the simulations the budget still allows (plus one, to learn it is spent).
            wanted = Math.min(wanted, simulationsAllowed - simulations + 1);
            int parallelism = Math.max(1, batches.parallelism());
            int count = (int) Math.max(parallelism, Math.ceil(wanted / parallelism) * parallelism);
            List<Candidate> drawn = new ArrayList<>();
            long[] numbers = new long[count];
            int inside = 0;
            while (inside < count) {
                Candidate c = candidate(prepared.round.generation(), nextIndex++, prepared.round.seed(),
                        prepared.kernel);
                if (c.inside()) {
                    numbers[inside++] = c.index();
                    drawn.add(c);
                } else {
                    drawn.add(null);
                }
            }
            double[] distances = batches.distances(prepared.round, numbers);
            if (distances.length != count) {
                throw new IllegalStateException("the executor returned " + distances.length + " of " + count
                        + " distances");
            }
            int k = 0;
            for (Candidate c : drawn) {
                ready.add(c == null ? OUTSIDE : simulated(c.unit(), distances[k++]));
            }
        }

        @Override
        public void cancel() {
            ready.clear();
        }
    }

    /** A simulated proposal; a NaN distance (a failed simulation) becomes +∞, which no tolerance keeps. */
    private static Proposal simulated(double[] unit, double distance) {
        return new Proposal(unit, Double.isNaN(distance) ? Double.POSITIVE_INFINITY : distance);
    }

    /** A proposal's point, whether it lies inside the prior's support, and its simulation's seed if it does. */
    private record Candidate(long index, double[] unit, boolean inside, long simulationSeed) {
    }

    /** Draws proposal {@code index} of a generation from its own stream: the point, then the simulation's seed. */
    private Candidate candidate(int generation, long index, long seed, Kernel kernel) {
        RandomGenerator random = new RandomStreams(seed, generation).stream(streamName(index));
        double[] unit = new double[dimension()];
        if (kernel == null) {
            for (int i = 0; i < unit.length; i++) {
                unit[i] = scales.get(i).unitOf(priors.get(i).quantile(random.nextDouble()));
            }
        } else {
            unit = kernel.move(random);
        }
        if (!(priorDensity(unit) > 0)) {
            return new Candidate(index, unit, false, 0);
        }
        return new Candidate(index, unit, true, random.nextLong());
    }

    /** The prior density of a point in unit coordinates (0 outside the unit cube). */
    double priorDensity(double[] unit) {
        double density = 1;
        for (int i = 0; i < unit.length; i++) {
            density *= priors.get(i).unitDensity(scales.get(i), unit[i]);
        }
        return density;
    }

    /**
     * The perturbation: a normal kernel centred on a particle of the previous generation drawn by weight, with
     * either twice the generation's weighted covariance for every particle ({@link KernelChoice#GLOBAL}, Beaumont
     * et al. 2009) or, for particle i, the "optimal local covariance matrix" of Filippi, Barnes, Cornebise and Stumpf
     * (2013, Statistical Applications in Genetics and Molecular Biology 12): Σ_i = Σ_k ω_k (θ_k − θ_i)(θ_k − θ_i)ᵀ
     * over the particles k already within the new tolerance, their weights renormalised ({@link KernelChoice#LOCAL}),
     * which moves each particle towards where the next generation will be kept and so keeps more proposals as the
     * tolerance tightens.
     */
    private static final class Kernel {
        private final List<Particle> particles;
        private final double[] cumulativeWeights;
        /** Per particle, the lower Cholesky factor of its covariance (all the same one for the global kernel). */
        private final double[][][] lower;
        /** Per particle, −½ ln det of its covariance: the local kernels' densities differ by this factor. */
        private final double[] logNormaliser;

        Kernel(Generation previous, double tolerance, KernelChoice choice) {
            this.particles = previous.particles();
            int n = particles.size();
            int d = particles.get(0).unit().length;
            cumulativeWeights = new double[n];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += particles.get(j).weight();
                cumulativeWeights[j] = sum;
            }
            lower = new double[n][][];
            logNormaliser = new double[n];
            List<Particle> within = particles.stream().filter(p -> p.distance() <= tolerance).toList();
            if (choice == KernelChoice.GLOBAL || within.isEmpty()) {
                double[][] l = cholesky(twiceCovariance(particles));
                java.util.Arrays.fill(lower, l);
            } else {
                double total = within.stream().mapToDouble(Particle::weight).sum();
                for (int i = 0; i < n; i++) {
                    double[] centre = particles.get(i).unit();
                    double[][] covariance = new double[d][d];
                    for (Particle k : within) {
                        double w = k.weight() / total;
                        for (int a = 0; a < d; a++) {
                            for (int b = 0; b <= a; b++) {
                                covariance[a][b] += w * (k.unit()[a] - centre[a]) * (k.unit()[b] - centre[b]);
                                covariance[b][a] = covariance[a][b];
                            }
                        }
                    }
                    lower[i] = cholesky(covariance);
                    for (int a = 0; a < d; a++) {
                        logNormaliser[i] -= Math.log(lower[i][a][a]);
                    }
                }
            }
        }

        /** Twice the weighted covariance of the particles (Beaumont et al.'s kernel). */
        private static double[][] twiceCovariance(List<Particle> particles) {
            int d = particles.get(0).unit().length;
            double[] mean = new double[d];
            for (Particle p : particles) {
                for (int i = 0; i < d; i++) {
                    mean[i] += p.weight() * p.unit()[i];
                }
            }
            double[][] covariance = new double[d][d];
            for (Particle p : particles) {
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        covariance[a][b] += 2 * p.weight() * (p.unit()[a] - mean[a]) * (p.unit()[b] - mean[b]);
                        covariance[b][a] = covariance[a][b];
                    }
                }
            }
            return covariance;
        }

        /** Lower-triangular L with L·Lᵀ = the covariance, a little widened if it is (nearly) singular. */
        private static double[][] cholesky(double[][] covariance) {
            int d = covariance.length;
            // A particle population that has collapsed in a direction (say every particle at one bound) would
            // give a singular matrix; a variance of (1e-6)² in unit coordinates keeps the kernel proper.
            for (double jitter = 0; ; jitter = jitter == 0 ? 1e-12 : jitter * 100) {
                RealMatrix m = new Array2DRowRealMatrix(covariance, true);
                for (int i = 0; i < d; i++) {
                    m.addToEntry(i, i, jitter);
                }
                try {
                    return new CholeskyDecomposition(m, 1e-12, 1e-14).getL().getData();
                } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear
                        .NonSymmetricMatrixException e) {
                    if (jitter > 1) {
                        throw new IllegalStateException("the particles' covariance cannot be factorised", e);
                    }
                }
            }
        }

        double[] move(RandomGenerator random) {
            double u = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
            int j = Arrays.binarySearch(cumulativeWeights, u);
            j = j >= 0 ? j : Math.min(-j - 1, cumulativeWeights.length - 1);
            double[] centre = particles.get(j).unit();
            double[][] l = lower[j];
            int d = centre.length;
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = random.nextGaussian();
            }
            double[] x = centre.clone();
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    x[a] += l[a][b] * z[b];
                }
            }
            return x;
        }

        /**
         * Σ_j w_j |Σ_j|^−½ exp(−½ (x − x_j)ᵀ Σ_j⁻¹ (x − x_j)), the kernel mixture's density up to the factor
         * (2π)^−d/2, the same for every proposal, which cancels when the weights are normalised.
         */
        double mixtureDensity(double[] x) {
            int d = x.length;
            double[] y = new double[d];
            double sum = 0;
            for (int j = 0; j < particles.size(); j++) {
                Particle p = particles.get(j);
                double[][] l = lower[j];
                // Solve L y = x − x_j by forward substitution; the quadratic form is |y|².
                double q = 0;
                for (int a = 0; a < d; a++) {
                    double v = x[a] - p.unit()[a];
                    for (int b = 0; b < a; b++) {
                        v -= l[a][b] * y[b];
                    }
                    y[a] = v / l[a][a];
                    q += y[a] * y[a];
                }
                sum += p.weight() * Math.exp(logNormaliser[j] - 0.5 * q);
            }
            return sum;
        }
    }
}
