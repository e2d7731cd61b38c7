package com.rostra.forecasting.model;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Bounded minimisation of a smoothing model's in-sample error with commons-math3's BOBYQA (Powell's derivative-free
 * trust-region method). BOBYQA needs every bound interval to be at least twice the initial trust-region radius,
 * hence the small radius. If the optimizer gives up (too many evaluations), the best point it reached is not
 * available, so the initial guess is kept: a fit never fails a forecast.
 */
final class Fitting {

    private static final double INITIAL_RADIUS = 0.04;
    private static final double STOP_RADIUS = 1e-3;

    private Fitting() {}

    static double[] minimize(MultivariateFunction f, double[] start, double[] lower, double[] upper, int maxEval) {
        try {
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, INITIAL_RADIUS, STOP_RADIUS);
            PointValuePair best = optimizer.optimize(new MaxEval(maxEval), new ObjectiveFunction(f), GoalType.MINIMIZE,
                    new InitialGuess(start), new SimpleBounds(lower, upper));
            double[] x = best.getPoint();
            return f.value(x) <= f.value(start) ? x : start;
        } catch (RuntimeException tooManyEvaluationsOrDegenerate) {
            return start;
        }
    }
}
