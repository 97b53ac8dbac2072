package escaperoutes.parameter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Prior densities and quantiles against values worked out by hand (normal ones with a table of Φ). */
class PriorTest {

    @Test
    void uniformAndLogUniform() {
        Prior uniform = new Prior.Uniform(2, 6);
        assertEquals(0.25, uniform.density(3), 1e-15);
        assertEquals(0, uniform.density(6.5));
        assertEquals(4, uniform.quantile(0.5), 1e-15);
        Prior logUniform = new Prior.LogUniform(1, 100);
        assertEquals(1 / (10 * Math.log(100)), logUniform.density(10), 1e-15);
        assertEquals(10, logUniform.quantile(0.5), 1e-12);
        // Each is flat in the unit coordinate of its own scale: density 1 everywhere in [0, 1], 0 outside.
        assertEquals(1, uniform.unitDensity(Scale.range(2, 6, false), 0.3), 1e-12);
        assertEquals(1, logUniform.unitDensity(Scale.range(1, 100, true), 0.7), 1e-12);
        assertEquals(0, logUniform.unitDensity(Scale.range(1, 100, true), 1.01));
        // At u = 1 the log scale's value, 0.002 · exp(ln 100), overshoots 0.2 by a rounding error: still inside.
        assertEquals(1, new Prior.LogUniform(0.002, 0.2).unitDensity(Scale.range(0.002, 0.2, true), 1), 1e-12);
        // A uniform prior searched on a log scale: density (1/99) · value · ln 100, so at u = 0.5 (value 10) 0.4652.
        assertEquals(10 * Math.log(100) / 99, new Prior.Uniform(1, 100).unitDensity(Scale.range(1, 100, true), 0.5),
                1e-12);
    }

    @Test
    void normalAndLogNormalAreTruncatedToTheInterval() {
        // Standard normal on [−1, 1]: mass Φ(1) − Φ(−1) = 0.682689; density at 0: 0.398942 / 0.682689.
        Prior normal = new Prior.Normal(0, 1, -1, 1);
        assertEquals(0.584369, normal.density(0), 1e-6);
        assertEquals(0, normal.quantile(0.5), 1e-9);
        // Φ⁻¹(Φ(−1) + 0.975 · 0.682689) = Φ⁻¹(0.824277) = 0.93179
        assertEquals(0.93179, normal.quantile(0.975), 1e-5);
        // ln-normal around 2 with sdLog 0.5 on [0.1, 20]: ln bounds 4.6 and 4.6 sdLog away, so the median is 2.
        Prior logNormal = new Prior.LogNormal(2, 0.5, 0.1, 20);
        assertEquals(2, logNormal.quantile(0.5), 1e-4);
        // density at the median: φ(0) / (0.5 · 2) with the mass ≈ 1
        assertEquals(0.398942, logNormal.density(2), 1e-5);
    }

    @Test
    void impossiblePriorsAreRefusedWithTheReason() {
        assertEquals("a normal prior needs a standard deviation > 0, found 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Prior.Normal(1, 0, 0, 2)).getMessage());
        assertEquals("the prior's mean 3.0 is outside the parameter's interval [0.0, 2.0]",
                assertThrows(IllegalArgumentException.class, () -> new Prior.Normal(3, 1, 0, 2)).getMessage());
        assertEquals("a log-normal prior needs lower > 0, found 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Prior.LogNormal(1, 1, 0, 2)).getMessage());
        assertEquals("the prior's median 0.05 is outside the parameter's interval [0.1, 2.0]",
                assertThrows(IllegalArgumentException.class, () -> new Prior.LogNormal(0.05, 1, 0.1, 2))
                        .getMessage());
    }
}
