package escaperoutes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.simulation.Replications;
import escaperoutes.observe.Measure;
import escaperoutes.observe.Recorder;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conservation and determinism on the shipped baseline (at a tenth of its scale, so it is quick): every regime,
 * one-off event, detention hold and retry is exercised.
 */
class ModelInvariantsTest {
    private static ModelConfig config;

    @BeforeAll
    static void readBaseline() throws Exception {
        config = ScenarioCompiler.compile(new ScenarioReader().read(Path.of("scenarios/baseline.json")))
                .withScale(0.1);
    }

    @Test
    void everyPersonIsInExactlyOneStatusAtEveryYearEndAndStocksMatch() {
        Recorder recorder = new Recorder(config);
        TransitionLog log = new TransitionLog(recorder);
        EscapeModel model = new EscapeModel(config, 11, 0, log);
        model.runToEnd();
        RunResult result = recorder.result(0, model.personEvents(), model.personsCreated());
        // Every agent reports a first transition when it is created, so the log knows them all.
        List<Person> people = new java.util.ArrayList<>(log.byPerson.keySet());
        assertEquals(model.personsCreated(), people.size());
        assertTrue(people.size() > 5_000, "persons: " + people.size());

        // Each history is one chain of statuses: starts from NOT_STARTED, each transition leaves the status the
        // previous one entered, never goes back in time, never leaves a terminal status, and ends in the status
        // the person holds at the end of the run.
        for (Person person : people) {
            List<TransitionLog.Entry> history = log.byPerson.get(person);
            Status current = Status.NOT_STARTED;
            double last = Double.NEGATIVE_INFINITY;
            for (TransitionLog.Entry e : history) {
                assertSame(current, e.from(), "person " + person.id());
                assertTrue(!current.isTerminal(), "person " + person.id() + " left terminal status " + current);
                assertTrue(e.day() >= last && e.day() < config.calendar().endDay(), "day " + e.day());
                assertNotEquals(e.from(), e.to());
                current = e.to();
                last = e.day();
            }
            assertSame(current, person.status(), "person " + person.id() + " final status");
        }

        ModelCalendar calendar = config.calendar();
        for (int y = 0; y < calendar.years(); y++) {
            int year = calendar.firstYear() + y;
            double yearEnd = Math.min(calendar.dayOf(java.time.LocalDate.of(year + 1, 1, 1)), calendar.endDay());
            Map<Status, long[]> tally = new EnumMap<>(Status.class);
            long started = 0;
            for (Person person : people) {
                Status s = log.statusBefore(person, yearEnd);
                tally.computeIfAbsent(s, k -> new long[2])[person.sex().index()]++;
                if (s != Status.NOT_STARTED) {
                    started++;
                }
            }
            long inSomeStatus = tally.entrySet().stream().filter(e -> e.getKey() != Status.NOT_STARTED)
                    .mapToLong(e -> e.getValue()[0] + e.getValue()[1]).sum();
            assertEquals(started, inSomeStatus, "year " + year);
            // The run is at a tenth of the scale: results count persons, each agent standing for 10.
            double perAgent = 1 / config.scale();
            for (SexGroup sex : List.of(SexGroup.FEMALE, SexGroup.MALE)) {
                int s = sex.ordinal();
                assertEquals(perAgent * (count(tally, s, Status.HIDING_CHINA) + count(tally, s, Status.TRANSIT_CHINA)
                        + count(tally, s, Status.DETAINED_CHINA)), result.value(Measure.IN_CHINA_END, year, sex), 1e-6,
                        "in China at the end of " + year);
                assertEquals(perAgent * count(tally, s, Status.HIDING_CHINA),
                        result.value(Measure.HIDING_CHINA_END, year, sex), 1e-6);
                assertEquals(perAgent * count(tally, s, Status.DETAINED_CHINA),
                        result.value(Measure.DETAINED_CHINA_END, year, sex), 1e-6);
                assertEquals(perAgent * count(tally, s, Status.DETAINED_NK),
                        result.value(Measure.DETAINED_NK_END, year, sex), 1e-6);
                // Months add up to years.
                assertEquals(result.value(Measure.ARRIVALS, year, sex),
                        result.arrivalsInMonths(year, 1, year, 12, sex), 1e-6, "monthly arrivals of " + year);
                // Flows add up to stocks: everyone in South Korea by the year's end arrived in some year so far.
                assertEquals(perAgent * count(tally, s, Status.ARRIVED),
                        result.sum(Measure.ARRIVALS, calendar.firstYear(), year, sex), 1e-6, "arrived by " + year);
            }
        }
    }

    private static long count(Map<Status, long[]> tally, int sex, Status status) {
        long[] n = tally.get(status);
        return n == null ? 0 : n[sex];
    }

    @Test
    void sameSeedSameHistoryOtherSeedOtherHistory() {
        RunResult a = Replications.runOne(config, 5, 3);
        RunResult b = Replications.runOne(config, 5, 3);
        RunResult c = Replications.runOne(config, 5, 4);
        RunResult d = Replications.runOne(config, 6, 3);
        int differ = 0;
        for (int year = a.firstYear(); year <= a.lastYear(); year++) {
            for (Measure m : Measure.values()) {
                for (SexGroup sex : SexGroup.values()) {
                    assertEquals(a.value(m, year, sex), b.value(m, year, sex), 0.0, m + " " + year);
                }
            }
            if (a.value(Measure.ARRIVALS, year, SexGroup.ALL) != c.value(Measure.ARRIVALS, year, SexGroup.ALL)) {
                differ++;
            }
            if (a.value(Measure.ARRIVALS, year, SexGroup.ALL) != d.value(Measure.ARRIVALS, year, SexGroup.ALL)) {
                differ++;
            }
        }
        assertTrue(differ > 20, "other replication / seed should change most years, changed " + differ);
        assertEquals(a.personEvents(), b.personEvents());
    }

    @Test
    void replicationsAreTheSameWhateverTheThreadCount() throws InterruptedException {
        List<RunResult> one = Replications.run(config, 9, 4, 1, null);
        List<RunResult> two = Replications.run(config, 9, 4, 2, null);
        for (int r = 0; r < 4; r++) {
            assertEquals(r, two.get(r).replication());
            for (int year = one.get(r).firstYear(); year <= one.get(r).lastYear(); year++) {
                for (Measure m : Measure.values()) {
                    assertEquals(one.get(r).value(m, year, SexGroup.ALL), two.get(r).value(m, year, SexGroup.ALL),
                            0.0, "replication " + r + " " + m + " " + year);
                }
            }
        }
    }

    @Test
    void monthSpansOutsideTheRunAreRefused() {
        RunResult r = Replications.runOne(config, 1, 0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.arrivalsInMonths(1997, 12, 1998, 1, SexGroup.ALL));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.arrivalsInMonths(2030, 6, 2031, 1, SexGroup.ALL));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.arrivalsInMonths(2024, 7, 2024, 6, SexGroup.ALL));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.arrivalsInMonths(2024, 0, 2024, 6, SexGroup.ALL));
        assertEquals(r.arrivalsInMonths(2024, 1, 2024, 6, SexGroup.ALL)
                + r.arrivalsInMonths(2024, 7, 2024, 12, SexGroup.ALL), r.value(Measure.ARRIVALS, 2024, SexGroup.ALL),
                1e-9);
    }
}
