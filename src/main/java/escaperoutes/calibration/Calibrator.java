package escaperoutes.calibration;

import escaperoutes.parameter.ParameterSpace;
import escaperoutes.scenario.InvalidScenarioException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The search: a Commons Math optimiser over the unit cube of a {@link ParameterSpace}, each point scored by an
 * {@link Objective} on common random numbers. Every evaluation is reported as it happens (the trace), the best so
 * far is kept, and the search stops at the budget, when the optimiser converges, or when the thread is
 * interrupted — in every case with the best point found. The same seed gives the same search: the optimiser's own
 * random numbers are seeded, and each evaluation is deterministic whatever the number of threads.
 */
public final class Calibrator {

    /** One evaluation: its number (from 1), the parameter values, the loss (NaN if the point was invalid). */
    public record Evaluation(int number, double[] values, double loss, String problem) {
    }

    /** Told of every evaluation, in order (for the trace file and the progress bar). */
    public interface Listener {
        void evaluated(Evaluation evaluation, Evaluation best);
    }

    /** The outcome: the best evaluation and why the search ended. */
    public record Result(Evaluation best, int evaluations, String stoppedBecause) {
    }

    /** Loss given to points whose scenario is invalid, so that optimisers move away from them. */
    static final double INVALID_POINT_LOSS = 1e15;

    private final ParameterSpace space;
    private final Objective objective;

    public Calibrator(ParameterSpace space, Objective objective) {
        this.space = space;
        this.objective = objective;
    }

    /** Thrown inside the optimiser's call to stop it; carries nothing, the best is kept outside. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }

    public Result run(CalibrationSpec.Optimizer optimizer, int budget, long seed, double[] start, Listener listener) {
        int dimension = space.dimension();
        double[] startUnit = clampToUnit(space.toUnit(start));
        List<Evaluation> best = new ArrayList<>(List.of(new Evaluation(0, start, Double.POSITIVE_INFINITY, null)));
        int[] count = {0};
        ObjectiveFunction function = new ObjectiveFunction(unit -> {
            if (Thread.currentThread().isInterrupted() || count[0] >= budget) {
                throw new Interrupted();
            }
            double[] values = space.fromUnit(clampToUnit(unit));
            Evaluation e = evaluate(++count[0], values);
            if (e.loss() < best.get(0).loss()) {
                best.set(0, e);
            }
            listener.evaluated(e, best.get(0));
            double score = Double.isNaN(e.loss()) ? INVALID_POINT_LOSS : e.loss();
            // Nelder-Mead has no bounds: points outside the cube are scored at the boundary plus a penalty.
            return score + outside(unit) * INVALID_POINT_LOSS * 1e-6;
        });
        SimpleBounds bounds = new SimpleBounds(filled(dimension, 0.0), filled(dimension, 1.0));
        String stopped;
        try {
            switch (optimizer) {
                case CMAES -> new CMAESOptimizer(Integer.MAX_VALUE, 0.0, true, 0, 0, new MersenneTwister(seed),
                        false, null).optimize(new MaxEval(Integer.MAX_VALUE), function, GoalType.MINIMIZE,
                        new InitialGuess(startUnit), bounds, new CMAESOptimizer.Sigma(filled(dimension, 0.3)),
                        new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(dimension))));
                case BOBYQA -> new BOBYQAOptimizer(2 * dimension + 1).optimize(new MaxEval(Integer.MAX_VALUE),
                        function, GoalType.MINIMIZE, new InitialGuess(startUnit), bounds);
                case NELDER_MEAD -> new SimplexOptimizer(1e-6, 1e-9).optimize(new MaxEval(Integer.MAX_VALUE),
                        new MaxIter(Integer.MAX_VALUE), function, GoalType.MINIMIZE, new InitialGuess(startUnit),
                        new NelderMeadSimplex(filled(dimension, 0.2)));
                default -> throw new IllegalStateException();
            }
            stopped = "converged";
        } catch (Interrupted e) {
            stopped = count[0] >= budget ? "budget of " + budget + " evaluations used" : "interrupted";
        } catch (TooManyEvaluationsException e) {
            stopped = "budget of " + budget + " evaluations used";
        }
        return new Result(best.get(0), count[0], stopped);
    }

    private Evaluation evaluate(int number, double[] values) {
        try {
            return new Evaluation(number, values, objective.score(space.configAt(values)).total(), null);
        } catch (InvalidScenarioException e) {
            return new Evaluation(number, values, Double.NaN, e.problems().get(0).toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    private static double[] clampToUnit(double[] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = Math.min(1.0, Math.max(0.0, x[i]));
        }
        return c;
    }

    private static double outside(double[] x) {
        double d = 0;
        for (double v : x) {
            d += Math.max(0, -v) + Math.max(0, v - 1);
        }
        return d;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
