package com.rostra.forecasting.model;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Huber cleaning of a smoothing filter's one-step errors, after Gelper, Fried and Croux (2010), "Robust forecasting
 * with exponential and Holt–Winters smoothing": before a day updates the state, its error against the one-step
 * forecast is clipped to ±{@link #K} robust scales, so one odd day (a storm, an outage the abnormal-day check lets
 * through, a mailing) moves the level by a bounded step instead of its whole surprise, while a lasting shift still
 * gets through in a few days (each clipped step moves the level, and the scale grows with repeated large errors).
 *
 * <p>The scale is the root mean square of the first {@link #BURN_IN} errors (nothing clipped yet), then updated as
 * {@code σ² ← λ min(e², K²σ²) / c + (1 − λ) σ²} with {@code c = E[min(Z², K²)]} for a standard normal Z, so for
 * normal errors σ stays their standard deviation. K is Huber's textbook constant (95 % efficiency at the normal),
 * not tuned: on the US bank bench every K from 0.6 to 1.5 did about as well (docs/notes/forecasting.md, "Seventh
 * pass").
 */
final class RobustInnovations {

    static final double K = 1.345;
    static final int BURN_IN = 14;
    static final double SCALE_WEIGHT = 0.1;
    private static final double CONSISTENCY = truncatedSecondMoment(K);

    private double sumOfSquares;
    private int seen;
    private double scale;

    /** The error to update the state with: unchanged during the burn-in, then clipped to ±K·σ; σ learns from it. */
    double clean(double error) {
        if (seen < BURN_IN) {
            sumOfSquares += error * error;
            if (++seen == BURN_IN) scale = Math.sqrt(sumOfSquares / BURN_IN);
            return error;
        }
        double limit = K * scale;
        scale = Math.sqrt(SCALE_WEIGHT * Math.min(error * error, limit * limit) / CONSISTENCY + (1 - SCALE_WEIGHT) * scale * scale);
        return Math.max(-limit, Math.min(limit, error));
    }

    /** The current scale σ (zero during the burn-in). */
    double scale() { return seen < BURN_IN ? 0 : scale; }

    /** {@code E[min(Z², k²)]} for a standard normal Z. */
    static double truncatedSecondMoment(double k) {
        NormalDistribution z = new NormalDistribution();
        double inside = 2 * z.cumulativeProbability(k) - 1;
        return inside - 2 * k * z.density(k) + 2 * k * k * (1 - z.cumulativeProbability(k));
    }
}
