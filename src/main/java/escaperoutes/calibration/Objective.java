package escaperoutes.calibration;

import escaperoutes.evidence.EvidenceItem;
import escaperoutes.simulation.Replications;
import escaperoutes.model.ModelConfig;
import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss of a candidate: its replications, run on common random numbers (the same seed and replication numbers
 * for every candidate, so that differences between candidates come from their parameters, not from noise), are
 * averaged per observed period, and each period's observed total and number of women are scored against those
 * means with {@link LossFunctions#targetLoss}. A period counts when it lies wholly inside the window; a lumped
 * period (several years) is compared with the simulated sum over the same years, and a part of a year with the
 * simulated arrivals in the same months.
 */
public final class Objective {

    /** One observed period scored by the loss, with the simulated means over the replications. */
    public record TargetFit(ObservedSeries.Period period, double simulatedTotal, double simulatedWomen, double loss) {
    }

    /** An evidence item fitted, with the multiplier of its term (≥ 0). */
    public record EvidenceTarget(EvidenceItem item, double weight) {
    }

    /**
     * An evidence item scored: the mean over the replications of its statistic (NaN replications, e.g. a mean over
     * no arrivals, left out; NaN if all are) and its weighted term.
     */
    public record EvidenceFit(EvidenceTarget target, double simulatedMean, double loss) {
    }

    /** A candidate's whole score: the arrival targets, the evidence, and the loss they add up to. */
    public record Score(List<TargetFit> targets, List<EvidenceFit> evidence) {
        public double total() {
            double total = Objective.total(targets);
            for (EvidenceFit e : evidence) {
                total += e.loss();
            }
            return total;
        }
    }

    private final List<ObservedSeries.Period> targets;
    private final List<EvidenceTarget> evidence;
    private final LossFunctions.Weights weights;
    private final Double negativeBinomialSize;
    private final long seed;
    private final int replications;
    private final int threads;

    /**
     * @param fromYear,toYear      the window (inclusive); periods wholly inside it are targets
     * @param negativeBinomialSize null for Poisson deviance on totals
     */
    public Objective(ObservedSeries observed, int fromYear, int toYear, LossFunctions.Weights weights,
                     Double negativeBinomialSize, long seed, int replications, int threads) {
        this(observed, fromYear, toYear, weights, negativeBinomialSize, List.of(), seed, replications, threads);
    }

    /** As above, with evidence items fitted besides the arrivals. */
    public Objective(ObservedSeries observed, int fromYear, int toYear, LossFunctions.Weights weights,
                     Double negativeBinomialSize, List<EvidenceTarget> evidence, long seed, int replications,
                     int threads) {
        this.evidence = List.copyOf(evidence);
        this.targets = observed.periods().stream()
                .filter(p -> p.startYear() >= fromYear && p.endYear() <= toYear).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no observed period lies within " + fromYear + "-" + toYear);
        }
        this.weights = weights;
        this.negativeBinomialSize = negativeBinomialSize;
        this.seed = seed;
        this.replications = replications;
        this.threads = threads;
    }

    public List<ObservedSeries.Period> targets() {
        return targets;
    }

    /** Runs the candidate's replications and scores them; the same configuration always gives the same fits. */
    public List<TargetFit> fit(ModelConfig candidate) throws InterruptedException {
        return fit(Replications.run(candidate, seed, replications, threads, null));
    }

    /** Runs the candidate's replications and scores them on the arrivals and the evidence. */
    public Score score(ModelConfig candidate) throws InterruptedException {
        return score(Replications.run(candidate, seed, replications, threads, null));
    }

    /** Scores replications already run, on the arrivals and the evidence. */
    public Score score(List<RunResult> runs) {
        List<EvidenceFit> fits = new ArrayList<>(evidence.size());
        for (EvidenceTarget target : evidence) {
            double mean = meanOf(runs, target.item());
            fits.add(new EvidenceFit(target, mean, target.weight() * target.item().loss(mean)));
        }
        return new Score(fit(runs), fits);
    }

    /** The item's statistic averaged over the replications where it is defined; NaN where it never is. */
    public static double meanOf(List<RunResult> runs, EvidenceItem item) {
        return meanOf(simulated(runs, item));
    }

    /** The item's statistic in each replication, in their order (NaN where it is undefined). */
    public static double[] simulated(List<RunResult> runs, EvidenceItem item) {
        double[] values = new double[runs.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = item.measure().simulate(runs.get(r), item.period());
        }
        return values;
    }

    /** The mean of the values that are not NaN, in their order; NaN if none is. */
    public static double meanOf(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public List<EvidenceTarget> evidence() {
        return evidence;
    }

    /** Scores replications already run. */
    public List<TargetFit> fit(List<RunResult> runs) {
        List<TargetFit> fits = new ArrayList<>(targets.size());
        for (ObservedSeries.Period period : targets) {
            double total = 0;
            double women = 0;
            for (RunResult run : runs) {
                total += simulated(run, period, SexGroup.ALL);
                women += simulated(run, period, SexGroup.FEMALE);
            }
            total /= runs.size();
            women /= runs.size();
            double loss = LossFunctions.targetLoss(period.total(), period.female(), total, women, weights,
                    negativeBinomialSize);
            fits.add(new TargetFit(period, total, women, loss));
        }
        return fits;
    }

    /** Arrivals over the period's span: whole years from the annual counts, otherwise month by month. */
    private static double simulated(RunResult run, ObservedSeries.Period period, SexGroup sex) {
        return period.isWholeYears() ? run.sum(Measure.ARRIVALS, period.startYear(), period.endYear(), sex)
                : run.arrivalsInMonths(period.startYear(), period.startMonth(), period.endYear(), period.endMonth(),
                        sex);
    }

    /** The total loss over the targets. */
    public static double total(List<TargetFit> fits) {
        return fits.stream().mapToDouble(TargetFit::loss).sum();
    }
}
