package escaperoutes.experiment;

import escaperoutes.observe.Measure;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.simulation.Comparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The what-if scenarios shipped in scenarios/: each extends the baseline, states its question, validates, runs,
 * and moves arrivals the way its question says, on common random numbers (seed 1, the same replications as the
 * baseline). The effects are checked replication by replication where the paired difference has one sign in every
 * replication; where an effect builds up slowly from a small start, per year on the mean, allowing the noise that
 * comes once the scenarios' random streams part (see {@link #notLower}).
 */
class ScenarioLibraryTest {

    /** The library, the baseline first; file names are the scenarios' names. */
    private static final List<String> LIBRARY = List.of("baseline", "baseline-2030", "no-2020-closure",
            "china-halts-repatriation", "border-reopens-2027", "surveillance-doubles-2026", "laos-route-closes",
            "broker-fees-2019");
    /** Enough for the per-year checks of the mean; every run is a full 1998-2030 baseline, ~0.1 s each. */
    private static final int REPLICATIONS = 8;
    private static final String ARRIVALS = Measure.ARRIVALS.key();

    private static final List<ScenarioReader.Read> READS = new ArrayList<>();
    private static Comparison comparison;

    @BeforeAll
    static void runTheLibrary() throws Exception {
        List<Comparison.Compared> compared = new ArrayList<>();
        for (String name : LIBRARY) {
            ScenarioReader.Read read = new ScenarioReader().readWithParents(file(name));
            READS.add(read);
            compared.add(new Comparison.Compared(name, ScenarioCompiler.compile(read.scenario())));
        }
        comparison = Comparison.run(compared, 1, REPLICATIONS, Runtime.getRuntime().availableProcessors(),
                new Comparison.Window(2025, 2030), 2025, null);
    }

    @Test
    void everyWhatIfExtendsTheBaselineAndStatesItsQuestion() {
        for (int s = 1; s < LIBRARY.size(); s++) {
            ScenarioReader.Read read = READS.get(s);
            assertEquals(List.of(file(LIBRARY.get(s)), file("baseline")), read.files(), LIBRARY.get(s));
            assertEquals(LIBRARY.get(s), read.scenario().name());
            assertTrue(read.scenario().description().startsWith("Question: "), read.scenario().description());
        }
    }

    @Test
    void theProjectionTo2030ChangesNothingButItsNameSoItsDifferenceIsExactlyZero() {
        int s = index("baseline-2030");
        for (String series : comparison.series()) {
            for (int year = comparison.firstYear(); year <= comparison.lastYear(); year++) {
                for (double d : comparison.differences(s, series, year, SexGroup.ALL)) {
                    assertTrue(d == 0 || Double.isNaN(d), series + " " + year + ": " + d);
                }
            }
        }
        assertEquals(2030, comparison.lastYear());
    }

    @Test
    void withoutThe2020ClosureMoreArriveIn2020To2024() {
        int s = index("no-2020-closure");
        exactlyEqualBefore(s, 2020);
        for (double d : comparison.cumulativeDifferences(s, ARRIVALS, SexGroup.ALL, new Comparison.Window(2020,
                2024))) {
            assertTrue(d > 0, "2020-2024: " + d);
        }
    }

    @Test
    void haltingRepatriationLowersArrivalsInNoYear() {
        int s = index("china-halts-repatriation");
        // Nothing differs before the halt: the streams are the baseline's, draw for draw.
        exactlyEqualBefore(s, 2027);
        for (int year = 2027; year <= 2030; year++) {
            notLower(s, year);
        }
        for (double d : comparison.cumulativeDifferences(s, ARRIVALS, SexGroup.ALL, new Comparison.Window(2027,
                2030))) {
            assertTrue(d > 0, "2027-2030: " + d);
        }
    }

    @Test
    void reopeningTheBorderRaisesArrivalsFrom2027() {
        int s = index("border-reopens-2027");
        exactlyEqualBefore(s, 2027);
        // New crossers mostly hide in China for a year or more first, so 2027 itself moves little and, replication
        // by replication, either way; from 2028 every replication gains.
        notLower(s, 2027);
        for (int year = 2028; year <= 2030; year++) {
            for (double d : comparison.differences(s, ARRIVALS, year, SexGroup.ALL)) {
                assertTrue(d > 0, year + ": " + d);
            }
        }
    }

    @Test
    void doubledSurveillanceLowersArrivalsFrom2026() {
        int s = index("surveillance-doubles-2026");
        exactlyEqualBefore(s, 2026);
        for (int year = 2026; year <= 2030; year++) {
            for (double d : comparison.differences(s, ARRIVALS, year, SexGroup.ALL)) {
                assertTrue(d < 0, year + ": " + d);
            }
        }
    }

    @Test
    void closingLaosLowersArrivalsViaLaosAndRaisesTheOtherRoutesShares() {
        int s = index("laos-route-closes");
        int base = 0;
        String viaLaos = Comparison.ARRIVALS_VIA + "laos";
        Comparison.Window afterClosure = new Comparison.Window(2026, 2030);
        double[] laosBase = comparison.cumulative(base, viaLaos, SexGroup.ALL, afterClosure);
        double[] laosClosed = comparison.cumulative(s, viaLaos, SexGroup.ALL, afterClosure);
        double[] allBase = comparison.cumulative(base, ARRIVALS, SexGroup.ALL, afterClosure);
        double[] allClosed = comparison.cumulative(s, ARRIVALS, SexGroup.ALL, afterClosure);
        for (int r = 0; r < REPLICATIONS; r++) {
            assertTrue(laosClosed[r] < laosBase[r], "via Laos " + laosClosed[r] + " against " + laosBase[r]);
            double otherShareBase = 1 - laosBase[r] / allBase[r];
            double otherShareClosed = 1 - laosClosed[r] / allClosed[r];
            assertTrue(otherShareClosed > otherShareBase, otherShareClosed + " against " + otherShareBase);
        }
        // After 2026 only stragglers who left Laos before the closure could still arrive that way (the legs beyond
        // Laos take a few months): the route is closed.
        Comparison.Window later = new Comparison.Window(2027, 2030);
        double[] laterBase = comparison.cumulative(base, viaLaos, SexGroup.ALL, later);
        double[] laterClosed = comparison.cumulative(s, viaLaos, SexGroup.ALL, later);
        for (int r = 0; r < REPLICATIONS; r++) {
            assertTrue(laterClosed[r] < 0.01 * laterBase[r], "2027-2030 via Laos " + laterClosed[r] + " against "
                    + laterBase[r]);
        }
        exactlyEqualBefore(s, 2026);
    }

    @Test
    void cheaperBrokersRaiseArrivalsFrom2026() {
        int s = index("broker-fees-2019");
        exactlyEqualBefore(s, 2026);
        for (double d : comparison.cumulativeDifferences(s, ARRIVALS, SexGroup.ALL, new Comparison.Window(2026,
                2030))) {
            assertTrue(d > 0, "2026-2030: " + d);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /**
     * Arrivals equal the baseline's in every replication, to the person, in every year before the year before
     * {@code year} (the change's first year). The year just before may differ by a few: a journey is walked in one
     * event when it starts, so a person setting out in late December draws the legs after the change from the
     * shared journey stream, and the people who set out after them that month draw different numbers — some of
     * whom arrive before the new year.
     */
    private static void exactlyEqualBefore(int scenario, int year) {
        for (int y = comparison.firstYear(); y < year - 1; y++) {
            for (double d : comparison.differences(scenario, ARRIVALS, y, SexGroup.ALL)) {
                assertEquals(0.0, d, LIBRARY.get(scenario) + " " + y);
            }
        }
    }

    /**
     * Arrivals are not lower than the baseline's in {@code year}: the mean paired difference is no more than two
     * standard errors below 0. Paired replications share their streams only until a person's path differs, after
     * which the difference carries noise of either sign; an effect that is small at first (the year of a change)
     * cannot be asked to be positive in every replication.
     */
    private static void notLower(int scenario, int year) {
        double[] d = comparison.differences(scenario, ARRIVALS, year, SexGroup.ALL);
        double mean = Arrays.stream(d).average().orElseThrow();
        double variance = 0;
        for (double v : d) {
            variance += (v - mean) * (v - mean) / (d.length - 1);
        }
        double standardError = Math.sqrt(variance / d.length);
        assertTrue(mean >= -2 * standardError, LIBRARY.get(scenario) + " " + year + ": mean difference " + mean
                + ", standard error " + standardError);
    }

    private static int index(String name) {
        return LIBRARY.indexOf(name);
    }

    private static Path file(String name) {
        return Path.of("scenarios", name + ".json");
    }
}
