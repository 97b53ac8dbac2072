package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.observe.Measure;
import escaperoutes.observe.Recorder;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement with hand-computed expectations on a chain of four legs with constant hazards. */
class ChainNetworkTest {
    private static final double[][] RISKS = {
        {0.00, 0.10, 0.05},   // home → border: arrest, turned back
        {0.02, 0.15, 0.00},   // border → China: death, arrest
        {0.00, 0.08, 0.04},   // China → Laos
        {0.01, 0.00, 0.00}};  // Laos → South Korea

    /**
     * ∏(1 − p) over the legs, except that a person turned back outside North Korea with no hiding place to return
     * to waits and tries the same leg again: that leg is passed with probability s / (1 − r), where s is the chance
     * of passing one try and r of being turned back on it.
     */
    private static double passProbability(double[][] risks) {
        double q = 1;
        for (int leg = 0; leg < risks.length; leg++) {
            double[] r = risks[leg];
            double pass = (1 - r[0]) * (1 - r[1]) * (1 - r[2]);
            if (leg >= 2) {
                pass /= 1 - (1 - r[0]) * (1 - r[1]) * r[2];
            }
            q *= pass;
        }
        return q;
    }

    private record Outcome(RunResult result, TransitionLog log) {
    }

    private static Outcome run(Duration[] durations, double[][] risks, long seed) {
        ModelConfig config = TestNetworks.chain(20_000, 365, 3 * 365, durations, risks);
        Recorder recorder = new Recorder(config);
        TransitionLog log = new TransitionLog(recorder);
        EscapeModel model = new EscapeModel(config, seed, 0, log);
        model.runToEnd();
        return new Outcome(recorder.result(0, model.personEvents(), model.personsCreated()), log);
    }

    @Test
    void arrivalsEqualAttemptsTimesTheProductOfLegPassProbabilities() {
        Duration[] fixed = {new Duration.Fixed(2), new Duration.Fixed(1), new Duration.Fixed(5),
            new Duration.Fixed(7)};
        Outcome o = run(fixed, RISKS, 42);
        double attempts = o.result().sum(Measure.ATTEMPTS, 2000, 2002, SexGroup.ALL);
        double arrivals = o.result().sum(Measure.ARRIVALS, 2000, 2002, SexGroup.ALL);
        double q = passProbability(RISKS);
        double standardError = Math.sqrt(attempts * q * (1 - q));
        assertTrue(attempts > 19_000 && attempts < 21_000, "Poisson attempts over one year: " + attempts);
        assertEquals(attempts * q, arrivals, 3 * standardError,
                "arrivals vs N × ∏(1 − p_leg) with N = " + attempts + ", q = " + q);

        double crossings = o.result().sum(Measure.BORDER_CROSSINGS, 2000, 2002, SexGroup.ALL);
        double q2 = (1 - 0.10) * (1 - 0.05) * (1 - 0.02) * (1 - 0.15);
        assertEquals(attempts * q2, crossings, 3 * Math.sqrt(attempts * q2 * (1 - q2)));
        double caught = o.result().sum(Measure.BORDER_CAUGHT, 2000, 2002, SexGroup.ALL);
        double pCaught = 0.10 + (1 - 0.10) * (1 - 0.05) * (1 - 0.02) * 0.15;
        assertEquals(attempts * pCaught, caught, 3 * Math.sqrt(attempts * pCaught * (1 - pCaught)));
        // With fixed leg times an arrival took the 15 days of the legs, plus for each turning back abroad the 30-day
        // wait and the part (under 5 days) of the China → Laos leg travelled before it.
        List<Double> journeys = journeyDays(o.log());
        long delayed = 0;
        for (double days : journeys) {
            double extra = days - 15.0;
            if (extra > 1e-9) {
                delayed++;
                long turns = Math.round(Math.floor(extra / 30.0));
                assertTrue(turns >= 1 && extra < 35.0 * turns, "journey of " + days + " days");
            } else {
                assertEquals(15.0, days, 1e-9);
            }
        }
        double turnedBackOnce = (1 - RISKS[2][0]) * (1 - RISKS[2][1]) * RISKS[2][2];
        assertEquals(turnedBackOnce, (double) delayed / journeys.size(),
                3 * Math.sqrt(turnedBackOnce * (1 - turnedBackOnce) / journeys.size()));
    }

    @Test
    void meanTravelTimeOfArrivalsIsTheSumOfLegMeans() {
        Duration[] random = {new Duration.LogNormal(3, 0.5), new Duration.Exponential(1),
            new Duration.Uniform(2, 10), new Duration.Weibull(20, 1.5)};
        double expected = 0;
        for (Duration d : random) {
            expected += d.mean();
        }
        double[][] noTurningBackAbroad = {RISKS[0], RISKS[1], {0.0, 0.08, 0.0}, RISKS[3]};
        Outcome o = run(random, noTurningBackAbroad, 7);
        List<Double> times = journeyDays(o.log());
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(times.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum() / (times.size() - 1));
        assertEquals(expected, mean, 3 * sd / Math.sqrt(times.size()),
                "mean journey of " + times.size() + " arrivals");
    }

    /** Days from setting out to arriving, for every arrival. */
    private static List<Double> journeyDays(TransitionLog log) {
        return log.byPerson.values().stream()
                .filter(history -> history.get(history.size() - 1).to() == Status.ARRIVED)
                .map(history -> history.get(history.size() - 1).day() - history.get(0).day())
                .toList();
    }
}
