package escaperoutes.scenario;

import escaperoutes.io.Problem;
import escaperoutes.model.ChainDefection;
import escaperoutes.model.EnforcementTimeline;
import escaperoutes.model.InitialStock;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.MultiplierKind;
import escaperoutes.model.Province;
import escaperoutes.model.Sex;
import escaperoutes.model.Territory;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * How many people a replication of a configuration will create, estimated from its rates before running, and the
 * refusal, before anything is written, of a run whose replications running at once would not fit in the heap (a
 * scenario of absurd size validates, then ran for minutes on its way to running out of memory).
 */
public final class ScenarioSize {

    /**
     * Heap per person a replication creates, bytes. Measured on the shipped baseline at scale 10 (seed 1,
     * replication 0: 1,051,532 persons): a listener ran a full collection every 10 simulated days, and the live heap
     * rose at most 39.8 MB above what it was before the model was built, 37.9 bytes per person created (38 rounded
     * up; 31.9 before each person carried its own random numbers, 12 bytes more a person). People who have arrived,
     * died or stayed home are garbage, so the figure depends on how long people stay: at the peak some 180,000 were
     * alive, about 200 bytes each (the person, its queue entries, the list of those in China); a scenario in which
     * people stay far longer than in the baseline takes up to that much per person.
     */
    public static final long BYTES_PER_PERSON = 38;

    /**
     * Share of the heap that the replications running at once may take; the rest holds the young generation (the
     * launcher's 400 MB), every replication's results, the tables and the charts.
     */
    private static final double USABLE_SHARE = 0.75;

    private static final double DAYS_PER_YEAR = 365.25;

    private ScenarioSize() {
    }

    /**
     * The persons one replication is expected to create (agents, so at the configuration's scale). A retry sets out
     * again as the same person, and a year's random factor on attempts ({@code annualVariation}) has mean 1, so
     * neither adds to the expectation.
     *
     * @param initialStock      people hiding in China at the start
     * @param attempts          first attempts from the provinces that share {@code attempts.attemptsPerYear}
     * @param fixedRateAttempts first attempts from origins with a fixed rate of their own
     * @param chainAttempts     at most this many first attempts funded from South Korea (chain defection), counting
     *                          every person created as an arrival at once, at the highest ATTEMPT multiplier: a
     *                          bound, not an expectation, since its rate grows with the arrivals
     * @param years             the length of the run, years
     */
    public record Estimate(double initialStock, double attempts, double fixedRateAttempts, double chainAttempts,
                           double years) {
        public double persons() {
            return initialStock + attempts + fixedRateAttempts + chainAttempts;
        }

        public double bytes() {
            return persons() * BYTES_PER_PERSON;
        }
    }

    /** The expected persons of one replication: the stock, and each origin's rate × its ATTEMPT multipliers. */
    public static Estimate estimate(ModelConfig config) {
        double stock = 0;
        for (InitialStock s : config.initialStock()) {
            stock += Math.round(s.persons() * config.scale());
        }
        double endDay = config.calendar().endDay();
        EnforcementTimeline timeline = config.timeline();
        double attempts = 0;
        double fixed = 0;
        for (Province p : config.provinces()) {
            int segment = config.places().get(p.place()).segment();
            double persons = 0;
            for (Sex sex : Sex.values()) {
                double multiplierDays = 0;
                for (int i = 0; i < timeline.intervalCount(); i++) {
                    double days = Math.min(timeline.intervalEnd(i), endDay) - Math.max(timeline.intervalStart(i), 0);
                    if (days > 0) {
                        multiplierDays += days * timeline.multiplierIn(i, segment, MultiplierKind.ATTEMPT, sex);
                    }
                }
                persons += p.attemptsPerDay()[sex.index()] * config.scale() * multiplierDays;
            }
            if (p.stockOrigin()) {
                attempts += persons;
            } else {
                fixed += persons;
            }
        }
        return new Estimate(stock, attempts, fixed, chainBound(config, stock + attempts + fixed), endDay / DAYS_PER_YEAR);
    }

    /**
     * At most how many chain-defection attempts a replication makes ({@link ChainDefection}), if every person created
     * arrived at once and funded crossings at the highest ATTEMPT multiplier of North Korea's provinces' segments
     * (m) for as long as the chain lets them: each of the {@code others} persons funds at most F = k·m·D crossings
     * (k per resident per day, D the window or, without one, the whole run), the residents at the start R₀·k·m·T
     * (none with a window), and every chain crosser funds F more, so C ≤ (R₀·k·m·T + others·F) / (1 − F) while F &lt; 1.
     * Otherwise the rate can grow without such a limit and C ≤ (R₀ + others)·(e^{k·m·T} − 1), from
     * dC/dt ≤ k·m·(R₀ + others + C).
     */
    static double chainBound(ModelConfig config, double others) {
        ChainDefection chain = config.chainDefection();
        if (!chain.active()) {
            return 0;
        }
        EnforcementTimeline timeline = config.timeline();
        double maxMultiplier = 0;
        for (Province p : config.provinces()) {
            if (config.places().get(p.place()).territory() != Territory.NORTH_KOREA) {
                continue;
            }
            int segment = config.places().get(p.place()).segment();
            for (int i = 0; i < timeline.intervalCount(); i++) {
                for (Sex sex : Sex.values()) {
                    maxMultiplier = Math.max(maxMultiplier,
                            timeline.multiplierIn(i, segment, MultiplierKind.ATTEMPT, sex));
                }
            }
        }
        double days = config.calendar().endDay();
        double perDay = chain.attemptsPerResidentPerDay() * maxMultiplier;
        double atStart = chain.residentsAtStart() * config.scale();
        double fundedEach = perDay * (chain.windowMonths() > 0 ? chain.windowMonths() * DAYS_PER_YEAR / 12 : days);
        double fromStart = chain.windowMonths() > 0 ? 0 : atStart * perDay * days;
        if (fundedEach < 1) {
            return (fromStart + others * fundedEach) / (1 - fundedEach);
        }
        return (atStart + others) * Math.expm1(perDay * days);
    }

    /**
     * Refuses a configuration whose {@code atOnce} replications, running at once on the threads, would not fit in
     * this Java's heap ({@link Runtime#maxMemory()}), or that would create more persons than the model can number.
     *
     * @param source the file the configuration comes from (a scenario, or the spec of a calibration or sweep)
     * @param where  the JSON path within it that the problem is reported at
     */
    public static void check(String source, String where, ModelConfig config, int atOnce)
            throws InvalidScenarioException {
        check(source, where, config, atOnce, Runtime.getRuntime().maxMemory());
    }

    static void check(String source, String where, ModelConfig config, int atOnce, long maxMemory)
            throws InvalidScenarioException {
        Estimate e = estimate(config);
        double usable = USABLE_SHARE * maxMemory;
        boolean tooMany = !(e.persons() <= Integer.MAX_VALUE);
        if (!tooMany && e.bytes() * atOnce <= usable) {
            return;
        }
        String size = String.format(Locale.ROOT, "a replication would create about %s persons (%s already in China "
                        + "at the start, %s attempts over %.1f years%s%s, at scale %s), %s at %d bytes a person",
                count(e.persons()), count(e.initialStock()), count(e.attempts() + e.fixedRateAttempts()), e.years(),
                e.fixedRateAttempts() > 0 ? " of which " + count(e.fixedRateAttempts()) + " from fixed-rate origins"
                        : "", e.chainAttempts() > 0 ? ", and up to " + count(e.chainAttempts())
                        + " funded from South Korea (chain defection)" : "",
                SpecChecks.format(config.scale()), bytes(e.bytes()), BYTES_PER_PERSON);
        String limit = tooMany
                ? "more than the " + count(Integer.MAX_VALUE) + " persons the model can number"
                : String.format(Locale.ROOT, "%s for the %d replications run at once, but this Java may use %s of "
                        + "its %s heap (-Xmx); at most about %s persons a replication fit", bytes(e.bytes() * atOnce),
                        atOnce, bytes(usable), bytes(maxMemory), count(usable / atOnce / BYTES_PER_PERSON));
        throw new InvalidScenarioException(source, List.of(new Problem(source + ": " + where, "too large to run: "
                + size + "; " + limit + ". Lower attemptsPerYear, fixedAttemptsPerYear, "
                + (config.chainDefection().active() ? "attempts.chain, " : "") + "the initial stock or the scale"
                + (tooMany ? "" : ", run fewer replications at once (--threads), or give Java more memory") + ".")));
    }

    /** Values → a configuration, or the problems of values whose scenario does not validate. */
    @FunctionalInterface
    public interface ConfigAt {
        ModelConfig at(double[] values) throws InvalidScenarioException;
    }

    /**
     * The configuration expected to create the most persons among those a search within {@code [lower, upper]}
     * can reach from {@code start} (a point inside). The persons change monotonically with each number of a
     * scenario (rates, multipliers, the stock and the scale linearly; a province's weight through its share of the
     * rate), so the largest is at the corner where each value is at the end that alone gives more persons. Values
     * whose scenario does not validate are passed over (no search runs them); the start's configuration is the
     * answer if nothing larger validates.
     */
    public static ModelConfig largestWithin(double[] start, double[] lower, double[] upper, ConfigAt configAt)
            throws InvalidScenarioException {
        ModelConfig largest = configAt.at(start);
        double most = estimate(largest).persons();
        double[] corner = start.clone();
        for (int i = 0; i < start.length; i++) {
            double atLower = Double.NEGATIVE_INFINITY;
            for (double end : new double[] {lower[i], upper[i]}) {
                double[] values = start.clone();
                values[i] = end;
                ModelConfig config = validOrNull(configAt, values);
                double persons = config == null ? Double.NEGATIVE_INFINITY : estimate(config).persons();
                if (persons > most) {
                    most = persons;
                    largest = config;
                }
                if (end == lower[i]) {
                    atLower = persons;
                } else {
                    corner[i] = persons >= atLower ? upper[i] : lower[i];
                }
            }
        }
        ModelConfig config = validOrNull(configAt, corner);
        return config != null && estimate(config).persons() > most ? config : largest;
    }

    /** The index in [from, to) whose configuration is expected to create the most persons (a sweep's points). */
    public static int largestOf(int from, int to, IntFunction<ModelConfig> configAt) {
        int largest = from;
        double most = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double persons = estimate(configAt.apply(i)).persons();
            if (persons > most) {
                most = persons;
                largest = i;
            }
        }
        return largest;
    }

    private static ModelConfig validOrNull(ConfigAt configAt, double[] values) {
        try {
            return configAt.at(values);
        } catch (InvalidScenarioException e) {
            return null;
        }
    }

    /** Persons: grouped digits up to a trillion, then in powers of ten. */
    private static String count(double persons) {
        return persons < 1e12 ? String.format(Locale.ROOT, "%,.0f", persons)
                : String.format(Locale.ROOT, "%.3g", persons);
    }

    private static String bytes(double bytes) {
        if (bytes >= 1e15 || Double.isInfinite(bytes)) {
            return String.format(Locale.ROOT, "%.3g bytes", bytes);
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (unit < units.length - 1 && bytes >= 1024) {
            bytes /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
    }
}
