package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One-off events on a fractional day (possible through the model's API, though scenario files give dates): the
 * agent events due before the event's time happen before it, the others after it.
 */
class FractionalDayEventTest {

    /**
     * Home (North Korea) → a hiding place in China → South Korea (5 days). Nobody attempts; 100 women hide from day 0
     * for 100.7 days: 40 of them have already hidden 0.4 days, so they leave at 100.3, the other 60 at 100.7. A mass
     * repatriation of everyone hiding at 100.5 (after a no-op one at 100.2, in the same day) takes exactly the 60.
     */
    @Test
    void anEventWithinADayActsAfterThatDaysEarlierAgentEventsAndBeforeTheLaterOnes() {
        List<Place> places = TestNetworks.hidingPlaces();
        List<Leg> legs = TestNetworks.hidingLegs();
        List<InitialStock> stock = List.of(
                new InitialStock(Sex.FEMALE, 40, 1, new Duration.Fixed(0.4)),
                new InitialStock(Sex.FEMALE, 60, 1, new Duration.Fixed(0)));
        List<OneOffEvent> events = List.of(
                new OneOffEvent.MassRepatriation(100.2, 0, 0.0, 0.0),
                new OneOffEvent.MassRepatriation(100.5, 0, 0.0, 1.0));
        ModelConfig config = TestNetworks.config(List.of("north_korea", "china", "south_korea"),
                List.of("nk", "cn", "detention"), places, legs, 0.0, 0, 200,
                new HidingBehaviour(0.0, 0.0, new Duration.Fixed(100.7)), 0.0, stock, events);
        TransitionLog log = new TransitionLog(ModelListener.NONE);
        new EscapeModel(config, 1, 0, log).runToEnd();

        assertEquals(100, log.byPerson.size());
        int arrived = 0;
        int repatriated = 0;
        for (List<TransitionLog.Entry> history : log.byPerson.values()) {
            TransitionLog.Entry second = history.get(1);
            if (second.to() == Status.TRANSIT_CHINA) {
                assertEquals(100.3, second.day(), 1e-9);
                assertEquals(Status.ARRIVED, history.get(2).to());
                assertEquals(105.3, history.get(2).day(), 1e-9);
                arrived++;
            } else {
                assertEquals(Status.DETAINED_CHINA, second.to());
                assertEquals(100.5, second.day());
                assertEquals(Status.DETAINED_NK, history.get(2).to());
                assertEquals(100.5, history.get(2).day());
                // 10 days of North Korean detention, then home for good (nobody retries).
                assertEquals(Status.STAYED_NK, history.get(3).to());
                assertEquals(110.5, history.get(3).day());
                repatriated++;
            }
        }
        assertEquals(40, arrived);
        assertEquals(60, repatriated);
    }
}
