package escaperoutes.parameter;

import escaperoutes.calibration.CalibrationSpecReader;
import escaperoutes.scenario.InvalidScenarioException;
import escaperoutes.sweep.SweepPlan;
import escaperoutes.sweep.SweepSpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How long building a candidate takes, in microseconds, outside JUnit: each of the enforcement sweep's 448 points as
 * the sweep's executor builds it ({@code configAt}), as {@code --only-point} builds it ({@code scenarioAt}) and as
 * the check before a sweep validates it ({@code checkPoints}), and 448 random candidates of the shipped baseline's
 * calibration (validated and compiled, as an evaluation does). Rounds after a warm-up; min, median and max over them.
 *
 * <pre>
 * mvn -q -B -DskipTests package test-compile    # the jar brings the libraries
 * java -cp target/test-classes:target/escape-routes.jar escaperoutes.parameter.CandidateBench [ROUNDS]
 * </pre>
 */
public final class CandidateBench {
    private static final int WARM_UP_ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        SweepPlan plan = SweepPlan.of(new SweepSpecReader().read(Path.of("scenarios/sweeps/enforcement.json")));
        ParameterSpace space = new CalibrationSpecReader().resolve(Path.of("scenarios/calibration/baseline.json"),
                Path.of("scenarios/baseline-handset.json")).space();
        SplittableRandom random = new SplittableRandom(1);
        double[][] candidates = new double[plan.points()][];
        for (int c = 0; c < candidates.length; c++) {
            candidates[c] = space.fromUnit(random.doubles(space.dimension()).toArray());
        }
        String[] names = {"sweep configAt", "sweep scenarioAt", "sweep checkPoints", "calibration candidate"};
        List<double[]> measured = new ArrayList<>();
        long sink = 0;
        for (int r = 0; r < WARM_UP_ROUNDS + rounds; r++) {
            long[] t = new long[names.length + 1];
            t[0] = System.nanoTime();
            for (int p = 0; p < plan.points(); p++) {
                sink += plan.configAt(p).legs().size();
            }
            t[1] = System.nanoTime();
            for (int p = 0; p < plan.points(); p++) {
                sink += plan.scenarioAt(p).legs().size();
            }
            t[2] = System.nanoTime();
            sink += plan.checkPoints(new SweepPlan.Slice(0, plan.points()), 1, 10).size();
            t[3] = System.nanoTime();
            for (double[] values : candidates) {
                try {
                    sink += space.configAt(values).legs().size();
                } catch (InvalidScenarioException e) {
                    sink++;
                }
            }
            t[4] = System.nanoTime();
            if (r >= WARM_UP_ROUNDS) {
                double[] perCandidate = new double[names.length];
                for (int k = 0; k < names.length; k++) {
                    perCandidate[k] = (t[k + 1] - t[k]) / 1e3 / plan.points();
                }
                measured.add(perCandidate);
            }
        }
        for (int k = 0; k < names.length; k++) {
            final int column = k;
            double[] v = measured.stream().mapToDouble(m -> m[column]).sorted().toArray();
            System.out.printf("%-22s µs per candidate: min %7.1f  median %7.1f  max %7.1f%n", names[k], v[0],
                    v[v.length / 2], v[v.length - 1]);
        }
        System.out.println("(checksum " + sink + ", " + rounds + " rounds of " + plan.points() + ")");
    }
}
