package escaperoutes.parameter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one mapping between a parameter's unit coordinate and its value. */
class ScaleTest {

    @Test
    void aLogScaleIsEvenInTheLogarithm() {
        Scale log = new Scale.Logarithmic(0.01, 1);
        assertEquals(0.01, log.valueAt(0), 1e-15);
        assertEquals(0.1, log.valueAt(0.5), 1e-15, "halfway in the logarithm: √(0.01 · 1)");
        assertEquals(1, log.valueAt(1), 1e-15);
        assertEquals(0.5, log.unitOf(0.1), 1e-15);
        assertEquals(0.25, log.unitOf(Math.sqrt(0.1) * 0.1), 1e-15, "0.01 · 100^0.25 ≈ 0.0316");
    }

    @Test
    void aLinearScaleIsEvenAndClampsCoordinatesOutsideTheCube() {
        Scale linear = new Scale.Linear(0.1, 0.7);
        assertEquals(0.1, linear.valueAt(0));
        assertEquals(0.4, linear.valueAt(0.5), 1e-15);
        assertEquals(0.7, linear.valueAt(1), 1e-15);
        assertEquals(0.1, linear.valueAt(-0.5), "clamped to u = 0");
        assertEquals(0.7, linear.valueAt(3), 1e-15, "clamped to u = 1");
        assertEquals(0.25, linear.unitOf(0.25), 1e-15);
        assertEquals(-0.5, linear.unitOf(-0.2), 1e-15, "a value outside the range lies outside [0, 1]");
    }

    @Test
    void levelsTakeEqualSharesOfTheUnitInterval() {
        Scale levels = new Scale.Levels(List.of(0.0, 0.25, 1.0, 3.0));
        assertEquals(0, levels.valueAt(0));
        assertEquals(0, levels.valueAt(0.24));
        assertEquals(0.25, levels.valueAt(0.25));
        assertEquals(1, levels.valueAt(0.74));
        assertEquals(3, levels.valueAt(0.75));
        assertEquals(3, levels.valueAt(1), "the last level includes u = 1");
        assertEquals(0, levels.lower());
        assertEquals(3, levels.upper());
        assertEquals(0.625, levels.unitOf(1), "the middle of the third quarter");
        assertEquals(1.0, levels.valueAt(levels.unitOf(1)));
        assertThrows(IllegalArgumentException.class, () -> levels.unitOf(0.5));
    }

    @Test
    void aRangeIsLinearOrLogarithmic() {
        assertEquals(new Scale.Linear(1, 2), Scale.range(1, 2, false));
        assertEquals(new Scale.Logarithmic(1, 2), Scale.range(1, 2, true));
    }

    @Test
    void boundsAndLevelsMustMakeSense() {
        assertEquals("bounds must be finite with lower < upper, found [5.0, 5.0]",
                assertThrows(IllegalArgumentException.class, () -> new Scale.Linear(5, 5)).getMessage());
        assertEquals("a log scale needs lower > 0, found 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Scale.Logarithmic(0, 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Scale.Linear(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Scale.Levels(List.of(1.0)));
        assertEquals("levels must be strictly increasing: [1.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> new Scale.Levels(List.of(1.0, 1.0))).getMessage());
    }
}
