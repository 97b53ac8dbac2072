package escaperoutes.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small configurations built in code, for tests (here and in other packages) that need hand-computable answers. */
public final class TestNetworks {
    private TestNetworks() {
    }

    static final LocalDate START = LocalDate.of(2000, 1, 1);

    /**
     * A chain: province → border (NK) → china transit → laos → south_korea, travel times {@code durations},
     * constant per-leg {death, arrest, turnBack} in {@code risks}; no hiding place, nobody retries. Attempts at
     * {@code attemptsPerYear} (all women) for the first {@code attemptDays} days; the run lasts {@code days}.
     */
    public static ModelConfig chain(double attemptsPerYear, int attemptDays, int days, Duration[] durations,
                             double[][] risks) {
        List<String> countries = List.of("north_korea", "china", "laos", "south_korea");
        List<String> segments = List.of("nk", "cn", "exit", "attemptsOff");
        List<Place> places = List.of(
                new Place(0, "home", "north_korea", 0, false, 0),
                new Place(1, "border", "north_korea", 0, false, 0),
                new Place(2, "transit", "china", 1, false, 1),
                new Place(3, "laos", "laos", 2, false, 2),
                new Place(4, "sk", "south_korea", 3, false, 2));
        int[] legSegments = {0, 0, 1, 2};
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            legs.add(new Leg(i, i + 1, 1.0, durations[i], risks[i][0], risks[i][1], risks[i][2], legSegments[i]));
        }
        return config(countries, segments, places, legs, attemptsPerYear, attemptDays, days,
                new HidingBehaviour(1.0, 0.0, new Duration.Fixed(1)), 0.0, List.of(), List.of());
    }

    /**
     * Home (place 0, North Korea, segment 0) → a hiding place in China (1 day; place 1, segment 1) → South Korea
     * (5 days; place 2): the network of the tests of what happens in hiding and detention.
     */
    static List<Place> hidingPlaces() {
        return List.of(
                new Place(0, "home", "north_korea", 0, false, 0),
                new Place(1, "hide", "china", 1, true, 1),
                new Place(2, "sk", "south_korea", 2, false, 1));
    }

    /** The legs of {@link #hidingPlaces}: free of risks, 1 and 5 days. */
    static List<Leg> hidingLegs() {
        return List.of(
                new Leg(0, 1, 1.0, new Duration.Fixed(1), 0, 0, 0, 0),
                new Leg(1, 2, 1.0, new Duration.Fixed(5), 0, 0, 0, 1));
    }

    /** Multipliers that change nothing: 1 for every segment, kind and sex. */
    public static double[][][] noChange(int segments) {
        double[][][] m = new double[segments][MultiplierKind.COUNT][Sex.COUNT];
        for (double[][] bySegment : m) {
            for (double[] byKind : bySegment) {
                java.util.Arrays.fill(byKind, 1.0);
            }
        }
        return m;
    }

    /** A configuration with one province at place 0 whose attempts (all women) stop after {@code attemptDays}. */
    public static ModelConfig config(List<String> countries, List<String> segments, List<Place> places, List<Leg> legs,
                              double attemptsPerYear, int attemptDays, int days, HidingBehaviour hiding,
                              double hidingArrestPerYear, List<InitialStock> stock, List<OneOffEvent> events) {
        ModelCalendar calendar = new ModelCalendar(START, START.plusDays(days - 1));
        double[][][] off = noChange(segments.size());
        off[places.get(0).segment()][MultiplierKind.ATTEMPT.ordinal()][0] = 0.0;
        off[places.get(0).segment()][MultiplierKind.ATTEMPT.ordinal()][1] = 0.0;
        EnforcementTimeline timeline = new EnforcementTimeline(segments.size(),
                List.of(new EnforcementTimeline.Regime("no-more-attempts", attemptDays, Double.POSITIVE_INFINITY,
                        off)));
        Province province = new Province(0, "home", new double[] {attemptsPerYear / 365.25, 0.0}, true);
        return new ModelConfig(calendar, countries, segments, places, legs, List.of(province),
                List.of(hiding, hiding), hidingArrestPerYear / 365.25, new Duration.Fixed(10), 1.0, 1.0,
                segments.size() - 1, new Duration.Fixed(10), 0.0, new double[] {0.0, 0.0}, new Duration.Fixed(10),
                30, stock, events, timeline, 1.0, 0.0);
    }
}
