package escaperoutes.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escaperoutes.io.Problem;
import escaperoutes.model.EnforcementTimeline;
import escaperoutes.model.ModelCalendar;
import escaperoutes.model.ModelConfig;
import escaperoutes.model.MultiplierKind;
import escaperoutes.model.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A regime's {@code rampMonths}: its multipliers move from the previous regime's to its own in monthly steps, each
 * month a fraction (k + ½)/n of the way; worked out by hand on the small scenario.
 */
class RegimeRampTest {

    /**
     * The small scenario (2010-2011) with a regime before the crackdown: attempts × 0.2 in 2010, then the crackdown's
     * × 0.5 from 2011-01-01, reached over {@code ramp} months.
     */
    private static ObjectNode scenario(int ramp) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(ScenarioReaderTest.SMALL_SCENARIO);
        ArrayNode regimes = (ArrayNode) tree.get("regimes");
        ObjectNode crackdown = (ObjectNode) regimes.get(0);
        crackdown.put("rampMonths", ramp);
        regimes.insert(0, new ObjectMapper().readTree("""
                {"name": "before", "start": "2010-01-01", "end": "2010-12-31",
                 "multipliers": {"nk_border": {"attempt": 0.2}}}"""));
        return tree;
    }

    private static double attemptMultiplierOn(ModelConfig config, LocalDate date) {
        ModelCalendar calendar = config.calendar();
        EnforcementTimeline timeline = config.timeline();
        int segment = config.segments().indexOf("nk_border");
        return timeline.multiplierIn(timeline.interval(calendar.dayOf(date) + 0.5), segment, MultiplierKind.ATTEMPT,
                Sex.FEMALE);
    }

    @Test
    void theMultipliersMoveFromThePreviousRegimesInMonthlySteps() throws Exception {
        ModelConfig config = ScenarioCompiler.compile(new ScenarioReader().fromTree(scenario(4), "ramp.json"));
        // 0.2 + (k + 0.5)/4 × (0.5 − 0.2) for the four months, then 0.5; the arrest multiplier (1 before, 2 after)
        // moves the same way.
        assertEquals(0.2, attemptMultiplierOn(config, LocalDate.of(2010, 12, 31)), 1e-12);
        assertEquals(0.2375, attemptMultiplierOn(config, LocalDate.of(2011, 1, 1)), 1e-12);
        assertEquals(0.2375, attemptMultiplierOn(config, LocalDate.of(2011, 1, 31)), 1e-12);
        assertEquals(0.3125, attemptMultiplierOn(config, LocalDate.of(2011, 2, 1)), 1e-12);
        assertEquals(0.3875, attemptMultiplierOn(config, LocalDate.of(2011, 3, 15)), 1e-12);
        assertEquals(0.4625, attemptMultiplierOn(config, LocalDate.of(2011, 4, 30)), 1e-12);
        assertEquals(0.5, attemptMultiplierOn(config, LocalDate.of(2011, 5, 1)), 1e-12);
        assertEquals(0.5, attemptMultiplierOn(config, LocalDate.of(2011, 12, 31)), 1e-12);
        int segment = config.segments().indexOf("nk_border");
        EnforcementTimeline t = config.timeline();
        assertEquals(1.125, t.multiplierIn(t.interval(config.calendar().dayOf(LocalDate.of(2011, 1, 10))), segment,
                MultiplierKind.ARREST, Sex.MALE), 1e-12);
        // Without a ramp, the change is at once.
        ModelConfig atOnce = ScenarioCompiler.compile(new ScenarioReader().fromTree(scenario(0), "ramp.json"));
        assertEquals(0.5, attemptMultiplierOn(atOnce, LocalDate.of(2011, 1, 1)), 1e-12);
    }

    @Test
    void aRampNeedsARegimeToStartFromAndMustFitItsOwn() throws Exception {
        ObjectNode first = (ObjectNode) new ObjectMapper().readTree(ScenarioReaderTest.SMALL_SCENARIO);
        ((ObjectNode) first.get("regimes").get(0)).put("rampMonths", 2);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> new ScenarioReader().fromTree(first, "ramp.json"));
        assertEquals(List.of(new Problem("ramp.json: $.regimes[0].rampMonths", "regime 'crackdown' ramps from the "
                + "regime ending the day before it starts (2010-12-31), and there is none")), e.problems());

        ObjectNode tooLong = scenario(3);
        ((ObjectNode) tooLong.get("regimes").get(1)).put("end", "2011-02-28");
        e = assertThrows(InvalidScenarioException.class, () -> new ScenarioReader().fromTree(tooLong, "ramp.json"));
        assertEquals(List.of(new Problem("ramp.json: $.regimes[1].rampMonths", "a ramp of 3 months from 2011-01-01 "
                + "outlasts regime 'crackdown', which ends 2011-02-28")), e.problems());
    }
}
