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
 * hence the small radius. If the optimizer gives up (too many evaluations), the best point it evaluated is used:
 * a fit never fails a forecast.
 */
final class Fitting {

    private static final double INITIAL_RADIUS = 0.04;
    private static final double STOP_RADIUS = 1e-3;

    private Fitting() {}

    static double[] minimize(MultivariateFunction f, double[] start, double[] lower, double[] upper, int maxEval) {
        double[][] bestX = {start.clone()};
        double[] bestValue = {f.value(start)};
        MultivariateFunction tracked = x -> {
            double v = f.value(x);
            if (v < bestValue[0]) {
                bestValue[0] = v;
                bestX[0] = x.clone();
            }
            return v;
        };
        try {
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, INITIAL_RADIUS, STOP_RADIUS);
            PointValuePair result = optimizer.optimize(new MaxEval(maxEval), new ObjectiveFunction(tracked), GoalType.MINIMIZE,
                    new InitialGuess(start), new SimpleBounds(lower, upper));
            return result.getValue() <= bestValue[0] ? result.getPoint() : bestX[0];
        } catch (RuntimeException tooManyEvaluationsOrDegenerate) {
            return bestX[0];
        }
    }
}
