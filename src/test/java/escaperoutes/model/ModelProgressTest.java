package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelProgressTest {
    private static final double[][] NO_RISKS = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};

    /**
     * A 1,095-day run is processed in 30-day stretches from day 0, and a one-off event at day 100.5 pauses the
     * stretch from day 90 there; the stretches then run from day 100.5 (the rest of day 100) to 130, 160, … 1090,
     * and the last ends at 1095.
     */
    @Test
    void progressIsReportedAfterEachStretchOfDaysEndingAtTheTotal() {
        Duration[] days = {new Duration.Fixed(2), new Duration.Fixed(1), new Duration.Fixed(5), new Duration.Fixed(7)};
        ModelConfig chain = TestNetworks.chain(2_000, 365, 3 * 365, days, NO_RISKS);
        ModelConfig config = new ModelConfig(chain.calendar(), chain.countries(), chain.segments(), chain.places(),
                chain.legs(), chain.provinces(), chain.hiding(), chain.hidingArrestPerDay(),
                chain.chinaDetentionDays(), chain.repatriationProbability(), chain.releaseProbability(),
                chain.chinaDetentionSegment(), chain.nkDetentionDays(), chain.deathInNkDetention(),
                chain.retryProbability(), chain.retryDelayDays(), chain.noRouteWaitDays(), chain.initialStock(),
                List.of(new OneOffEvent.MassRepatriation(100.5, 0, 1.0, 1.0)), chain.timeline(), chain.scale(),
                chain.annualVariation());
        List<Double> reported = new ArrayList<>();
        new EscapeModel(config, 3, 0, ModelListener.NONE, (done, total) -> {
            assertEquals(1095.0, total);
            reported.add(done);
        }).runToEnd();

        List<Double> expected = new ArrayList<>(List.of(30.0, 60.0, 90.0, 100.5));
        for (int day = 130; day <= 1090; day += 30) {
            expected.add((double) day);
        }
        expected.add(1095.0);
        assertEquals(expected, reported);
    }
}
