package escaperoutes.calibration;

/**
 * Count-appropriate losses for comparing simulated arrivals in South Korea with the Ministry of Unification's
 * counts. Every argument that is a count is in persons; every result is a deviance, that is twice the log-likelihood
 * gap between a model that reproduces the observation exactly and the candidate. Deviances of independent targets
 * add up, and minimising their sum is maximum likelihood, so the sum over targets can go straight to an optimiser.
 * A deviance is 0 only when the candidate reproduces the observation, and it is not symmetric: missing 10 observed
 * by predicting 8 does not cost the same as missing 8 by predicting 10.
 *
 * <p>Arguments that cannot be counts or probabilities (negative, NaN, infinite, more women than persons) are
 * errors, not clamped: they mean a bug upstream. The only values moved are the expected count 0 and the
 * probabilities 0 and 1, which a legitimate candidate can produce and which would otherwise give an infinite loss.
 */
public final class LossFunctions {

    /**
     * Smallest expected count used, persons. A candidate whose simulation produces no arrivals in a period is a bad
     * fit, not an impossible one: with the raw expected count of 0 the deviance of any positive observation would
     * be infinite, and an optimiser cannot compare or step away from infinities. Flooring keeps the loss large but
     * finite (observing 10 when expecting 0 costs about 302) and continuous, since every expected count below the
     * floor is treated as the floor.
     */
    public static final double MIN_EXPECTED = 1e-6;

    /**
     * Smallest probability used, and 1 minus the largest, for the share of women. For the same reason as
     * {@link #MIN_EXPECTED}: a candidate whose simulated arrivals are all men (or all women) must get a large,
     * finite loss when women (or men) were observed, not an infinite one.
     */
    public static final double MIN_PROBABILITY = 1e-9;

    private LossFunctions() {
    }

    /**
     * How much the totals term and the women term of {@link #targetLoss} count, as plain multipliers of their
     * deviances (dimensionless, finite, not negative; 0 switches a term off).
     */
    public record Weights(double totals, double women) {
        public Weights {
            requireWeight("totals", totals);
            requireWeight("women", women);
        }

        private static void requireWeight(String name, double weight) {
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weight " + name + " must be finite and >= 0, got " + weight);
            }
        }
    }

    /**
     * Poisson unit deviance of an observed count y against an expected count μ, both in persons:
     * 2·[y·ln(y/μ) − (y − μ)], where y·ln(y/μ) is 0 when y = 0 (so observing nobody costs 2μ). Poisson is the
     * natural loss for counts of independent arrivals: a miss of 10 persons matters more when 20 were expected
     * than when 2000 were. An expected count below {@link #MIN_EXPECTED} is raised to it.
     *
     * @param observed observed count, persons, ≥ 0
     * @param expected simulated count, persons, ≥ 0
     */
    public static double poissonDeviance(double observed, double expected) {
        requireCount("observed", observed);
        double mu = flooredExpected(expected);
        return 2 * (xLogXOverY(observed, mu) - (observed - mu));
    }

    /**
     * Negative-binomial (NB2) unit deviance of an observed count y against an expected count μ, both in persons,
     * with size k, so that the variance is μ + μ²/k: 2·[y·ln(y/μ) − (y + k)·ln((y + k)/(μ + k))], with the same
     * conventions as {@link #poissonDeviance}. Annual arrivals vary more than Poisson allows (broker networks,
     * crackdowns and border closures move whole groups at once); a finite k accepts that extra variation, so the
     * same miss costs less than under Poisson, the less the smaller k is. As k grows the deviance tends to the
     * Poisson deviance; an infinite k gives it exactly.
     *
     * @param observed observed count, persons, ≥ 0
     * @param expected simulated count, persons, ≥ 0
     * @param size     NB size k (persons; the dispersion is 1/k), &gt; 0, may be infinite
     * @throws IllegalArgumentException when k is not &gt; 0
     */
    public static double negativeBinomialDeviance(double observed, double expected, double size) {
        if (!(size > 0)) {
            throw new IllegalArgumentException("negative-binomial size must be > 0, got " + size);
        }
        if (size == Double.POSITIVE_INFINITY) {
            return poissonDeviance(observed, expected);
        }
        requireCount("observed", observed);
        double mu = flooredExpected(expected);
        // ln((y + k)/(μ + k)) written as log1p((y − μ)/(μ + k)): for large k the ratio is within rounding of 1 and
        // a plain logarithm would lose every digit that makes the result differ from Poisson.
        double logRatio = Math.log1p((observed - mu) / (mu + size));
        return 2 * (xLogXOverY(observed, mu) - (observed + size) * logRatio);
    }

    /**
     * Binomial deviance of s successes out of n trials against a probability p of success:
     * 2·[s·ln(s/(n·p)) + (n − s)·ln((n − s)/(n·(1 − p)))], where 0·ln(0) is 0. Here s is the number of women
     * among n observed arrivals (persons) and p the simulated share of women. It judges the mix by sex given the
     * total, so a candidate is not rewarded for the right share on the wrong total or vice versa, and the same
     * error in share costs more the more arrivals it is measured on. p and 1 − p are each kept at least
     * {@link #MIN_PROBABILITY}, which amounts to p in [1e-9, 1 − 1e-9] wherever it matters, so that a candidate
     * simulating only men (or only women) gets a large but finite loss when women (or men) were observed. No trials
     * give 0: there is nothing to compare.
     *
     * @param successes   women among the observed arrivals, persons, 0 ≤ s ≤ n
     * @param trials      observed arrivals, persons, ≥ 0
     * @param probability simulated share of women, in [0, 1]
     */
    public static double binomialDeviance(double successes, double trials, double probability) {
        requireCount("successes", successes);
        requireCount("trials", trials);
        if (successes > trials) {
            throw new IllegalArgumentException(
                    "successes (" + successes + ") must not exceed trials (" + trials + ")");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        if (trials == 0) {
            return 0;
        }
        // p and 1 − p are floored separately rather than p clamped into an interval, so that a perfect fit at the
        // boundary (no women observed, none simulated) still costs exactly 0.
        double p = Math.max(probability, MIN_PROBABILITY);
        double q = Math.max(1 - probability, MIN_PROBABILITY);
        return 2 * (xLogXOverY(successes, trials * p) + xLogXOverY(trials - successes, trials * q));
    }

    /**
     * Loss of one observed target (arrivals over one period, with the women among them) against one replication's
     * simulated arrivals over the same period, all in persons: the deviance of the totals (Poisson when
     * {@code negativeBinomialSize} is null, negative binomial with that size otherwise) times
     * {@code weights.totals()}, plus the binomial deviance of the observed women out of the observed total at the
     * simulated share of women times {@code weights.women()}. When the simulation produced no arrivals its share of
     * women is undefined; 0.5 is used, which neither favours nor punishes the mix, because the totals term already
     * gives such a candidate a large loss.
     *
     * @param negativeBinomialSize NB size k (&gt; 0), or null for Poisson totals
     */
    public static double targetLoss(double observedTotal, double observedWomen, double simulatedTotal,
            double simulatedWomen, Weights weights, Double negativeBinomialSize) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        requireCount("simulatedTotal", simulatedTotal);
        requireCount("simulatedWomen", simulatedWomen);
        if (simulatedWomen > simulatedTotal) {
            throw new IllegalArgumentException("simulatedWomen (" + simulatedWomen
                    + ") must not exceed simulatedTotal (" + simulatedTotal + ")");
        }
        double totals = negativeBinomialSize == null
                ? poissonDeviance(observedTotal, simulatedTotal)
                : negativeBinomialDeviance(observedTotal, simulatedTotal, negativeBinomialSize);
        double shareOfWomen = simulatedTotal == 0 ? 0.5 : simulatedWomen / simulatedTotal;
        double women = binomialDeviance(observedWomen, observedTotal, shareOfWomen);
        return weights.totals() * totals + weights.women() * women;
    }

    /** x·ln(x/y), taking 0·ln(0) as its limit 0; y &gt; 0. */
    private static double xLogXOverY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }

    private static double flooredExpected(double expected) {
        requireCount("expected", expected);
        return Math.max(expected, MIN_EXPECTED);
    }

    private static void requireCount(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite count >= 0 (persons), got " + value);
        }
    }
}
