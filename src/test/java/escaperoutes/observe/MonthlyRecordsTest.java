package escaperoutes.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.model.EscapeModel;
import escaperoutes.model.ModelCalendar;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.ModelListener;
import escaperoutes.model.Person;
import escaperoutes.model.Status;
import escaperoutes.scenario.ScenarioCompiler;
import escaperoutes.scenario.ScenarioReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the recorder keeps month by month (repatriations, the years in China of arrivals) and the arrests of people
 * hiding, checked on the baseline against a log of every transition kept beside it, and against the annual measures.
 */
class MonthlyRecordsTest {

    /** Counts, from the transitions themselves, what the recorder should have. */
    private static final class Log implements ModelListener {
        final ModelCalendar calendar;
        final ModelListener next;
        final long[] repatriationsByMonth;
        final long[] arrestsInHidingByYear;
        final long[] arrestsByYear;

        Log(ModelCalendar calendar, ModelListener next) {
            this.calendar = calendar;
            this.next = next;
            repatriationsByMonth = new long[12 * calendar.years()];
            arrestsInHidingByYear = new long[calendar.years()];
            arrestsByYear = new long[calendar.years()];
        }

        @Override
        public void transition(Person person, Status from, Status to, double day) {
            if (from == Status.DETAINED_CHINA && to == Status.DETAINED_NK) {
                repatriationsByMonth[calendar.monthIndex(day)]++;
            }
            if (to == Status.DETAINED_CHINA) {
                arrestsByYear[calendar.yearIndex(day)]++;
                if (from == Status.HIDING_CHINA) {
                    arrestsInHidingByYear[calendar.yearIndex(day)]++;
                }
            }
            next.transition(person, from, to, day);
        }
    }

    @Test
    void monthsAddUpToTheYearsAndMatchTheTransitions() throws Exception {
        ModelConfig config = ScenarioCompiler.compile(new ScenarioReader().read(Path.of("scenarios/baseline.json")))
                .withScale(0.1);
        Recorder recorder = new Recorder(config);
        Log log = new Log(config.calendar(), recorder);
        EscapeModel model = new EscapeModel(config, 7, 0, log);
        model.runToEnd();
        RunResult r = recorder.result(0, model.personEvents(), model.personsCreated());
        double perAgent = 1 / config.scale();
        int first = config.calendar().firstYear();
        long repatriations = 0;
        long arrestsInHiding = 0;
        for (int y = 0; y < config.calendar().years(); y++) {
            int year = first + y;
            for (int month = 1; month <= 12; month++) {
                assertEquals(log.repatriationsByMonth[12 * y + month - 1] * perAgent,
                        r.repatriationsInMonths(year, month, year, month, SexGroup.ALL), 1e-9, year + "-" + month);
                repatriations += log.repatriationsByMonth[12 * y + month - 1];
            }
            for (SexGroup sex : SexGroup.values()) {
                assertEquals(r.value(Measure.REPATRIATIONS, year, sex),
                        r.repatriationsInMonths(year, 1, year, 12, sex), 1e-9, "repatriations " + year + " " + sex);
                assertEquals(r.value(Measure.ARRIVALS, year, sex), r.arrivalsInMonths(year, 1, year, 12, sex), 1e-9);
                double annualMean = r.value(Measure.MEAN_YEARS_IN_CHINA_OF_ARRIVALS, year, sex);
                double monthlyMean = r.meanYearsInChinaOfArrivalsInMonths(year, 1, year, 12, sex);
                if (Double.isNaN(annualMean)) {
                    assertTrue(Double.isNaN(monthlyMean));
                } else {
                    assertEquals(annualMean, monthlyMean, 1e-9 * annualMean, "years in China " + year + " " + sex);
                }
            }
            assertEquals(log.arrestsInHidingByYear[y] * perAgent, r.arrestsInHiding(year, SexGroup.ALL), 1e-9);
            assertEquals(log.arrestsByYear[y] * perAgent, r.value(Measure.ARRESTS_CHINA, year, SexGroup.ALL), 1e-9);
            arrestsInHiding += log.arrestsInHidingByYear[y];
        }
        // The baseline must exercise both: otherwise the comparisons above prove nothing.
        assertTrue(repatriations > 100, "repatriations " + repatriations);
        assertTrue(arrestsInHiding > 100, "arrests in hiding " + arrestsInHiding);
        int last = first + config.calendar().years() - 1;
        assertEquals(r.sum(Measure.REPATRIATIONS, first, last, SexGroup.ALL),
                r.repatriationsInMonths(first, 1, last, 12, SexGroup.ALL), 1e-6);
    }
}
