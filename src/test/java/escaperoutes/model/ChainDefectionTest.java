package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chain defection: attempts at a rate per resident of South Korea, the residents being those there at the start and
 * every arrival before the month (minus the lag); the crossers go straight through China with the chain's direct
 * share. Checked against hand-computed expectations on the network home → hiding place → South Korea.
 */
class ChainDefectionTest {

    private static final List<String> SEGMENTS = List.of("nk", "cn", "detention");

    /**
     * A run of {@code days} from 1 January 2000 in which, besides a negligible trickle of the province's own attempts
     * (whose rate only says where relatives live), the chain brings people out; legs take {@code legDays} days each,
     * and those who hide stay 1,000 days. Attempts stop from {@code attemptsUntil} on (the ATTEMPT multiplier).
     */
    private static TransitionLog run(ChainDefection chain, int days, double legDays, double attemptsUntil,
                                     long seed) {
        return run(chain, days, legDays, attemptsUntil, seed, 1e-9 * 365.25, 0.0);
    }

    /** As above, with the province's own attempts (all women) at {@code ownPerYear} and its hiders' direct share. */
    private static TransitionLog run(ChainDefection chain, int days, double legDays, double attemptsUntil,
                                     long seed, double ownPerYear, double ownDirectShare) {
        List<Leg> legs = List.of(
                new Leg(0, 1, 1.0, new Duration.Fixed(legDays), 0, 0, 0, 0),
                new Leg(1, 2, 1.0, new Duration.Fixed(legDays), 0, 0, 0, 1));
        double[][][] off = TestNetworks.noChange(SEGMENTS.size());
        off[0][MultiplierKind.ATTEMPT.ordinal()] = new double[] {0.0, 0.0};
        EnforcementTimeline timeline = new EnforcementTimeline(SEGMENTS.size(), List.of(
                new EnforcementTimeline.Regime("attempts-stop", attemptsUntil, Double.POSITIVE_INFINITY, off)));
        HidingBehaviour hiding = new HidingBehaviour(ownDirectShare, 0.0, new Duration.Fixed(1000));
        ModelCalendar calendar = new ModelCalendar(TestNetworks.START, TestNetworks.START.plusDays(days - 1));
        ModelConfig config = new ModelConfig(calendar, List.of("north_korea", "china", "south_korea"), SEGMENTS,
                TestNetworks.hidingPlaces(), legs,
                List.of(new Province(0, "home", new double[] {ownPerYear / 365.25, 1e-9}, true)),
                List.of(hiding, hiding), 0.0,
                new Duration.Fixed(10), 1.0, 1.0, 2, new Duration.Fixed(10), 0.0, new double[] {0.0, 0.0},
                new Duration.Fixed(10), 30, List.of(), List.of(), timeline, 1.0, 0.0)
                .withChainDefection(chain);
        TransitionLog log = new TransitionLog(ModelListener.NONE);
        new EscapeModel(config, seed, 0, log).runToEnd();
        return log;
    }

    private static long count(TransitionLog log, Sex sex, Status last) {
        return log.byPerson.entrySet().stream()
                .filter(e -> e.getKey().planned && (sex == null || e.getKey().sex() == sex))
                .filter(e -> e.getValue().get(e.getValue().size() - 1).to() == last).count();
    }

    @Test
    void withoutNewResidentsTheRateIsPerResidentSplitBySexAndTheDirectShareGoesStraightThrough() {
        // 1,000 residents all year (a lag longer than the run): 2 attempts per resident per year over 366 days.
        TransitionLog log = run(new ChainDefection(2.0 / 365.25, 0.7, 1000, 600, 0.25), 366, 1, 366, 5);
        double expected = 2.0 * 1000 * 366 / 365.25;
        long crossers = log.byPerson.keySet().stream().filter(p -> p.planned).count();
        // Poisson: standard deviation √2004 ≈ 45; allow four.
        assertEquals(expected, crossers, 4 * Math.sqrt(expected));
        long women = log.byPerson.keySet().stream().filter(p -> p.planned && p.sex() == Sex.FEMALE).count();
        assertEquals(0.7, women / (double) crossers, 4 * Math.sqrt(0.21 / crossers));
        // A quarter go straight on (2 days to South Korea), the rest hide for 1,000 days.
        long arrived = count(log, null, Status.ARRIVED);
        assertEquals(0.25, arrived / (double) crossers, 4 * Math.sqrt(0.25 * 0.75 / crossers));
        // The others are hiding (the last few days' crossers may still be on their way).
        long hiding = count(log, null, Status.HIDING_CHINA);
        assertTrue(arrived + hiding > crossers - 10 && arrived + hiding <= crossers, arrived + " + " + hiding);
    }

    @Test
    void arrivalsFundTheNextMonthsCrossingsAfterTheLag() {
        // Everyone goes straight through in no time, so each month's crossers are residents from the next month on
        // (lag 0) or three months later (lag 3). Expected residents follow month by month:
        // E[arrivals in month m] = k · days(m) · E[residents counted for m], residents = 1,000 + arrivals before m − lag.
        double perYear = 1.2;
        ModelCalendar calendar = new ModelCalendar(TestNetworks.START, TestNetworks.START.plusDays(365));
        for (int lag : new int[] {0, 3}) {
            double[] arrivals = new double[12];
            for (int m = 0; m < 12; m++) {
                double residents = 1000;
                for (int j = 0; j < m - lag; j++) {
                    residents += arrivals[j];
                }
                double days = calendar.monthStartDay(m + 1) - calendar.monthStartDay(m);
                arrivals[m] = perYear / 365.25 * days * residents;
            }
            double expected = java.util.Arrays.stream(arrivals).sum();
            double total = 0;
            int replications = 12;
            for (int seed = 1; seed <= replications; seed++) {
                total += count(run(new ChainDefection(perYear / 365.25, 0.5, 1000, lag, 1.0), 366, 0, 366, seed),
                        null, Status.ARRIVED);
            }
            double mean = total / replications;
            // Lag 0: 2,190 expected (against 2,320 if residents were counted continuously, e^1.2 − 1 per resident).
            // The spread of one run is about 60 persons; of the mean of 12, under 20: allow 2 %.
            assertEquals(expected, mean, 0.02 * expected, "lag " + lag);
        }
    }

    @Test
    void withAWindowOnlyTheArrivalsOfItsMonthsFundCrossings() {
        // The province's own women, 1,200 a year, all go straight through in no time; the chain (women, lag 1,
        // window 2) is funded in month m by the arrivals of months m − 3 and m − 2 only, and not by the 5,000
        // residents there at the start. E[arrivals] follow month by month: own(m) = 1,200 · days(m) / 365.25,
        // chain(m) = k · days(m) / 365.25 · (all arrivals of m − 3 and m − 2).
        double perYear = 3.0;
        ModelCalendar calendar = new ModelCalendar(TestNetworks.START, TestNetworks.START.plusDays(365));
        double[] all = new double[12];
        double expectedChain = 0;
        for (int m = 0; m < 12; m++) {
            double days = calendar.monthStartDay(m + 1) - calendar.monthStartDay(m);
            double funding = (m >= 3 ? all[m - 3] : 0) + (m >= 2 ? all[m - 2] : 0);
            double chain = perYear / 365.25 * days * funding;
            expectedChain += chain;
            all[m] = 1200 / 365.25 * days + chain;
        }
        double total = 0;
        int replications = 12;
        for (int seed = 1; seed <= replications; seed++) {
            total += count(run(new ChainDefection(perYear / 365.25, 1.0, 5000, 1, 1.0, 2), 366, 0, 366, seed,
                    1200, 1.0), null, Status.ARRIVED);
        }
        // About 725 expected (were the 5,000 at the start counted, some 15,000 would come on top); allow 3 %.
        assertEquals(expectedChain, total / replications, 0.03 * expectedChain);
    }

    @Test
    void theBordersAttemptMultiplierActsOnChainCrossingsToo() {
        TransitionLog log = run(new ChainDefection(2.0 / 365.25, 0.5, 1000, 600, 1.0), 366, 1, 100, 7);
        double last = log.byPerson.entrySet().stream().filter(e -> e.getKey().planned)
                .mapToDouble(e -> e.getValue().get(0).day()).max().orElseThrow();
        assertTrue(last < 100, "last chain crossing on day " + last);
        double expected = 2.0 * 1000 * 100 / 365.25;
        long crossers = log.byPerson.keySet().stream().filter(p -> p.planned).count();
        assertEquals(expected, crossers, 4 * Math.sqrt(expected));
    }
}
