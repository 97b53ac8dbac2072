package escaperoutes.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import escaperoutes.model.Duration;
import escaperoutes.model.EnforcementTimeline;
import escaperoutes.model.EscapeModel;
import escaperoutes.model.HidingBehaviour;
import escaperoutes.model.Leg;
import escaperoutes.model.ModelCalendar;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.MultiplierKind;
import escaperoutes.model.Place;
import escaperoutes.model.Province;
import escaperoutes.model.TestNetworks;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * People who leave from an origin outside North Korea (workers, sailors and diplomats abroad): caught there, they are
 * counted as caught abroad (not at the border, not by China) and stay in North Korea afterwards; arriving, they come
 * straight from that country. On a network of one leg, abroad → South Korea, with every person retrying if they can.
 */
class OriginAbroadTest {

    /** 365.25 attempts a year (women) for the first 100 days of a 400-day run; the leg's arrest probability given. */
    private static RunResult run(double arrest) {
        List<String> countries = List.of("north_korea", "south_korea", "abroad");
        List<String> segments = List.of("abroad", "detention");
        List<Place> places = List.of(
                new Place(0, "home", "north_korea", 0, false, 0),
                new Place(1, "posting", "abroad", 2, false, 0),
                new Place(2, "sk", "south_korea", 1, false, 0));
        List<Leg> legs = List.of(new Leg(1, 2, 1.0, new Duration.Fixed(3), 0.0, arrest, 0.0, 0));
        double[][][] off = TestNetworks.noChange(segments.size());
        off[0][MultiplierKind.ATTEMPT.ordinal()] = new double[] {0.0, 0.0};
        EnforcementTimeline timeline = new EnforcementTimeline(segments.size(), List.of(
                new EnforcementTimeline.Regime("no-more-attempts", 100, Double.POSITIVE_INFINITY, off)));
        LocalDate start = LocalDate.of(2000, 1, 1);
        HidingBehaviour hiding = new HidingBehaviour(1.0, 0.0, new Duration.Fixed(1));
        ModelConfig config = new ModelConfig(new ModelCalendar(start, start.plusDays(399)), countries, segments,
                places, legs, List.of(new Province(1, "Abroad", new double[] {1.0, 0.0}, false)),
                List.of(hiding, hiding), 0.0, new Duration.Fixed(10), 1.0, 1.0, 1, new Duration.Fixed(10), 0.0,
                new double[] {1.0, 1.0}, new Duration.Fixed(5), 30, List.of(), List.of(), timeline, 1.0, 0.0);
        Recorder recorder = new Recorder(config);
        EscapeModel model = new EscapeModel(config, 9, 0, recorder);
        model.runToEnd();
        return recorder.result(0, model.personEvents(), model.personsCreated());
    }

    private static double total(RunResult r, Measure m) {
        return r.value(m, 2000, SexGroup.ALL) + r.value(m, 2001, SexGroup.ALL);
    }

    @Test
    void caughtAbroadTheyAreSentBackAndStayInNorthKorea() {
        RunResult r = run(1.0);
        double attempts = total(r, Measure.ATTEMPTS);
        // A Poisson process of one attempt a day for 100 days; everyone caught, nobody tries again from abroad.
        assertEquals(r.persons(), attempts, 1e-9);
        assertEquals(attempts, total(r, Measure.CAUGHT_ABROAD), 1e-9);
        assertEquals(0, total(r, Measure.BORDER_CAUGHT), 1e-9);
        assertEquals(0, total(r, Measure.ARRESTS_CHINA), 1e-9);
        assertEquals(0, total(r, Measure.REPATRIATIONS), 1e-9);
        assertEquals(0, total(r, Measure.ARRIVALS), 1e-9);
        assertEquals(0, total(r, Measure.BORDER_CROSSINGS), 1e-9);
        assertEquals(0, r.value(Measure.DETAINED_NK_END, 2001, SexGroup.ALL), 1e-9, "all released long before");
    }

    @Test
    void arrivingTheyComeStraightFromTheirCountry() {
        RunResult r = run(0.0);
        double arrivals = total(r, Measure.ARRIVALS);
        assertEquals(total(r, Measure.ATTEMPTS), arrivals, 1e-9);
        assertEquals(r.persons(), arrivals, 1e-9);
        int direct = r.exitRoutes().indexOf("direct");
        int abroad = r.lastCountries().indexOf("abroad");
        assertEquals("direct_from_abroad", r.exitRouteLabel(direct, abroad));
        assertEquals(arrivals, r.routeArrivals(direct, abroad, 2000, SexGroup.ALL), 1e-9);
        // Never in China: no years in China to average.
        assertEquals(Double.NaN, r.value(Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS, 2000, SexGroup.ALL));
    }
}
