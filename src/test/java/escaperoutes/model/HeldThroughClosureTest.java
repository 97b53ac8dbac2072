package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detainees China holds while neither repatriation nor release happens (the 2020-23 closure) stay held after it ends
 * and leave only in one-off waves, a documented count each; on a network small enough to follow every person.
 */
class HeldThroughClosureTest {

    /**
     * 100 women hide in China from day 0 and are all arrested within days (hazard 10 a day), then held 10 days. Until
     * day 100 China neither repatriates nor releases anyone ({@code closed}); from day 100 it would repatriate
     * everybody whose detention ends. Waves: 30 persons on day 150, then every detainee left on day 160.
     */
    private static TransitionLog run(boolean closed) {
        List<Place> places = TestNetworks.hidingPlaces();
        List<Leg> legs = TestNetworks.hidingLegs();
        List<String> segments = List.of("nk", "cn", "detention");
        double[][][] during = TestNetworks.noChange(segments.size());
        double[][][] after = TestNetworks.noChange(segments.size());
        if (closed) {
            for (MultiplierKind kind : List.of(MultiplierKind.REPATRIATION, MultiplierKind.RELEASE)) {
                during[2][kind.ordinal()] = new double[] {0.0, 0.0};
            }
        }
        EnforcementTimeline timeline = new EnforcementTimeline(segments.size(), List.of(
                new EnforcementTimeline.Regime("closure", 0, 100, during),
                new EnforcementTimeline.Regime("after", 100, Double.POSITIVE_INFINITY, after)));
        ModelCalendar calendar = new ModelCalendar(TestNetworks.START, TestNetworks.START.plusDays(199));
        HidingBehaviour hiding = new HidingBehaviour(0.0, 0.0, new Duration.Fixed(1000));
        ModelConfig config = new ModelConfig(calendar, List.of("north_korea", "china", "south_korea"), segments,
                places, legs, List.of(new Province(0, "home", new double[] {0.0, 0.0}, true)),
                List.of(hiding, hiding), 10.0, new Duration.Fixed(10), 1.0, 1.0, 2, new Duration.Fixed(10), 0.0,
                new double[] {0.0, 0.0}, new Duration.Fixed(10), 30,
                List.of(new InitialStock(Sex.FEMALE, 100, 1, new Duration.Fixed(0))),
                List.of(new OneOffEvent.MassRepatriation(150, 30, 0.0, 0.0),
                        new OneOffEvent.MassRepatriation(160, 0, 1.0, 0.0)), timeline, 1.0, 0.0);
        TransitionLog log = new TransitionLog(ModelListener.NONE);
        new EscapeModel(config, 5, 0, log).runToEnd();
        return log;
    }

    @Test
    void thoseHeldThroughTheClosureLeaveOnlyInTheWaves() {
        TransitionLog log = run(true);
        assertEquals(100, log.byPerson.size());
        List<Double> leftDetention = new ArrayList<>();
        for (List<TransitionLog.Entry> history : log.byPerson.values()) {
            assertEquals(Status.HIDING_CHINA, history.get(0).to());
            assertEquals(Status.DETAINED_CHINA, history.get(1).to());
            assertTrue(history.get(1).day() < 5, "arrested on day " + history.get(1).day());
            // Held from then on: the next transition is the repatriation of a wave, not the end of a term.
            assertEquals(Status.DETAINED_NK, history.get(2).to());
            leftDetention.add(history.get(2).day());
        }
        assertEquals(30, leftDetention.stream().filter(d -> d == 150.0).count());
        assertEquals(70, leftDetention.stream().filter(d -> d == 160.0).count());
    }

    @Test
    void withoutTheClosureDetentionEndsAfterItsTerm() {
        // Release probability 1 (after the repatriation draw of 1.0 fails for nobody): all repatriated 10 days on.
        for (List<TransitionLog.Entry> history : run(false).byPerson.values()) {
            assertEquals(Status.DETAINED_NK, history.get(2).to());
            assertEquals(history.get(1).day() + 10, history.get(2).day(), 1e-9);
        }
    }
}
