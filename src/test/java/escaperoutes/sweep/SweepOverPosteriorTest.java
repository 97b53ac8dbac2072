package escaperoutes.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escaperoutes.observe.Measure;
import escaperoutes.observe.RunResult;
import escaperoutes.observe.SexGroup;
import escaperoutes.parameter.Parameter;
import escaperoutes.parameter.ParameterSpace;
import escaperoutes.parameter.Scale;
import escaperoutes.scenario.ScenarioReader;
import escaperoutes.simulation.Replications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose points run over a posterior's draws, as its resolved spec holds them: replications 2d and 2d + 1 of
 * every point run at draw d, and a number both the posterior and the sweep set takes the sweep's value.
 */
class SweepOverPosteriorTest {
    @TempDir
    Path dir;

    /** Two draws of a posterior on the attempts and the crackdown's multiplier; a sweep of the women's share. */
    private static final String RESOLVED = """
            {"name": "over-posterior", "scenario": "small.json",
             "parameters": [{"name": "women", "path": "$.attempts.femaleShare", "levels": [0.5, 0.75]}],
             "design": {"kind": "grid"},
             "replications": 4, "seed": 3,
             "outputs": {"measures": ["arrivals"], "sexes": ["all"], "perYear": false,
                         "windows": [{"from": 2010, "to": 2011}]},
             "posterior": {"folder": "somewhere",
               "parameters": [{"path": "$.attempts.attemptsPerYear"},
                              {"path": "$.regimes[name=crackdown].multipliers.nk_border.attempt.female"}],
               "stateSha256": "0123", "draws": [[300, 0.4], [1200, 0.9]]}}
            """;

    private SweepPlan resolvedPlan(String text) throws Exception {
        Path spec = TestSweeps.write(dir, text);
        try {
            return SweepPlan.of(new SweepSpecReader().readResolved(spec, dir.resolve("small.json")));
        } catch (InvalidSweepSpecException e) {
            throw new AssertionError(problems(e), e);
        }
    }

    private static String problems(InvalidSweepSpecException e) {
        return String.join("\n", e.problems().stream().map(Object::toString).toList());
    }

    private static double arrivals(RunResult run) {
        return run.sum(Measure.ARRIVALS, 2010, 2011, SexGroup.ALL);
    }

    @Test
    void replicationPairsRunAtTheirDrawWithThePointsValues() throws Exception {
        SweepPlan plan = resolvedPlan(RESOLVED);
        assertTrue(plan.overPosterior());
        assertEquals(0, plan.checkPoints(plan.chunk(1, 1), 1, 10).size());
        ParameterSpace all = new ParameterSpace(new ScenarioReader().read(dir.resolve("small.json")), List.of(
                Parameter.of("a", "$.attempts.attemptsPerYear", List.of(), Scale.range(1, 1e5, true)),
                Parameter.of("c", "$.regimes[name=crackdown].multipliers.nk_border.attempt.female", List.of(),
                        Scale.range(0, 1, false)),
                Parameter.of("w", "$.attempts.femaleShare", List.of(), Scale.range(0, 1, false))));
        double[][] draws = {{300, 0.4}, {1200, 0.9}};
        double[] women = {0.5, 0.75};
        for (int point = 0; point < 2; point++) {
            for (int r = 0; r < 4; r++) {
                double[] d = draws[r / 2];
                RunResult expected = Replications.runOne(all.checkedConfigAt(new double[] {d[0], d[1], women[point]}),
                        3, r);
                assertEquals(arrivals(expected), arrivals(Replications.runOne(plan.configAt(point, r), 3, r)),
                        "point " + point + ", replication " + r);
            }
        }
        // Draw 1 has four times the attempts of draw 0: its replications see far more arrivals.
        assertTrue(arrivals(Replications.runOne(plan.configAt(0, 2), 3, 2))
                > 2 * arrivals(Replications.runOne(plan.configAt(0, 0), 3, 0)));
        assertThrows(IllegalStateException.class, () -> plan.configAt(0));
    }

    @Test
    void aNumberBothSetTakesTheSweepsValue() throws Exception {
        // The sweep varies the attempts, which the posterior also sets: the points' values win.
        SweepPlan plan = resolvedPlan(RESOLVED.replace("""
                [{"name": "women", "path": "$.attempts.femaleShare", "levels": [0.5, 0.75]}]""", """
                [{"name": "attempts", "path": "$.attempts.attemptsPerYear", "levels": [500, 800]}]"""));
        ParameterSpace all = new ParameterSpace(new ScenarioReader().read(dir.resolve("small.json")), List.of(
                Parameter.of("a", "$.attempts.attemptsPerYear", List.of(), Scale.range(1, 1e5, true)),
                Parameter.of("c", "$.regimes[name=crackdown].multipliers.nk_border.attempt.female", List.of(),
                        Scale.range(0, 1, false))));
        double[] attempts = {500, 800};
        for (int point = 0; point < 2; point++) {
            for (int r = 0; r < 4; r++) {
                double crackdown = r < 2 ? 0.4 : 0.9;
                assertEquals(arrivals(Replications.runOne(all.checkedConfigAt(new double[] {attempts[point],
                                crackdown}), 3, r)), arrivals(Replications.runOne(plan.configAt(point, r), 3, r)),
                        "point " + point + ", replication " + r);
            }
        }
    }

    @Test
    void badPosteriorSectionsAreReportedWithTheirPaths() throws Exception {
        // A user's spec gives the folder alone, and an even number of replications.
        Path spec = TestSweeps.write(dir, RESOLVED.replace("\"replications\": 4", "\"replications\": 3"));
        InvalidSweepSpecException e = assertThrows(InvalidSweepSpecException.class,
                () -> new SweepSpecReader().read(spec));
        assertTrue(problems(e).contains("$.replications: with a posterior, an even number"), problems(e));
        assertTrue(problems(e).contains("$.posterior: parameters, stateSha256 and draws are written by the sweep"),
                problems(e));
        // A resolved spec with a draw short of a value, a draw too few and a path that is no number.
        Path resolved = TestSweeps.write(dir, RESOLVED.replace("[[300, 0.4], [1200, 0.9]]", "[[300]]")
                .replace("$.attempts.attemptsPerYear\"}", "$.attempts.attemptsPerDay\"}"));
        InvalidSweepSpecException r = assertThrows(InvalidSweepSpecException.class,
                () -> new SweepSpecReader().readResolved(resolved, dir.resolve("small.json")));
        assertTrue(problems(r).contains("$.posterior.draws: 4 replications need 2 draws, found 1"), problems(r));
        assertTrue(problems(r).contains("$.posterior.draws[0]: needs one value per parameter (2)"), problems(r));
        assertTrue(problems(r).contains("$.posterior.parameters[0].path:"), problems(r));
        assertFalse(Files.exists(dir.resolve("results")));
    }
}
