package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code direct} multiplier scales the probability of going straight on from the first hiding place as a hazard:
 * a direct share of 0.5 under multiplier 2 becomes 1 − 0.5² = 0.75; of those who stop, the scenario's share settle.
 */
class DirectJourneyMultiplierTest {

    /** 8,000 women cross to a hiding place within 200 days; those who go straight on reach South Korea in 5 days. */
    private static TransitionLog run(double directMultiplier) {
        List<Place> places = TestNetworks.hidingPlaces();
        List<Leg> legs = TestNetworks.hidingLegs();
        List<String> segments = List.of("nk", "cn", "detention");
        double[][][] m = TestNetworks.noChange(segments.size());
        m[1][MultiplierKind.DIRECT.ordinal()] = new double[] {directMultiplier, directMultiplier};
        double[][][] off = TestNetworks.noChange(segments.size());
        off[1][MultiplierKind.DIRECT.ordinal()] = new double[] {directMultiplier, directMultiplier};
        off[0][MultiplierKind.ATTEMPT.ordinal()] = new double[] {0.0, 0.0};
        EnforcementTimeline timeline = new EnforcementTimeline(segments.size(), List.of(
                new EnforcementTimeline.Regime("attempts", 0, 200, m),
                new EnforcementTimeline.Regime("no-more-attempts", 200, Double.POSITIVE_INFINITY, off)));
        // Direct 0.5, settle 0.2 (of everyone: 0.4 of those who stop), hiding 1,000 days: nobody else arrives.
        HidingBehaviour hiding = new HidingBehaviour(0.5, 0.2, new Duration.Fixed(1000));
        ModelCalendar calendar = new ModelCalendar(TestNetworks.START, TestNetworks.START.plusDays(399));
        ModelConfig config = new ModelConfig(calendar, List.of("north_korea", "china", "south_korea"), segments,
                places, legs, List.of(new Province(0, "home", new double[] {8000 / 200.0, 0.0}, true)),
                List.of(hiding, hiding), 0.0, new Duration.Fixed(10), 1.0, 1.0, 2, new Duration.Fixed(10),
                0.0, new double[] {0.0, 0.0}, new Duration.Fixed(10), 30, List.of(), List.of(), timeline, 1.0, 0.0);
        TransitionLog log = new TransitionLog(ModelListener.NONE);
        new EscapeModel(config, 3, 0, log).runToEnd();
        return log;
    }

    private static double share(TransitionLog log, Status status) {
        long n = log.byPerson.values().stream().filter(h -> h.get(h.size() - 1).to() == status).count();
        return (double) n / log.byPerson.size();
    }

    @Test
    void theDirectShareIsScaledAsAHazardAndTheSettlersShareOfThoseWhoStopIsKept() {
        TransitionLog doubled = run(2.0);
        int people = doubled.byPerson.size();
        assertTrue(people > 7000, "persons " + people);
        // Binomial standard deviation of a share near 0.75 over ~8,000 people: ~0.005; allow four of them.
        assertEquals(0.75, share(doubled, Status.ARRIVED), 0.02);
        assertEquals(0.5, share(run(1.0), Status.ARRIVED), 0.02);
        assertEquals(0.0, share(run(0.0), Status.ARRIVED), 0.0);
        // Of the quarter who stop under multiplier 2, 0.2 / 0.5 = 40 % settle (as without the multiplier).
        for (double multiplier : new double[] {2.0, 1.0}) {
            List<Person> stopped = run(multiplier).byPerson.entrySet().stream()
                    .filter(e -> e.getValue().get(e.getValue().size() - 1).to() == Status.HIDING_CHINA)
                    .map(java.util.Map.Entry::getKey).toList();
            double settled = stopped.stream().filter(p -> p.settled).count() / (double) stopped.size();
            assertEquals(0.4, settled, 0.04, "settled among those who stop, multiplier " + multiplier);
        }
    }
}
