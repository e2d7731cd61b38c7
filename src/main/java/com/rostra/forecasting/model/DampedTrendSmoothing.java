package com.rostra.forecasting.model;

/**
 * Daily totals by exponential smoothing with an additive damped trend and multiplicative weekly seasonality
 * (ETS(A,Ad,M), Gardner–McKenzie damping), run over calendar days: an absent day only advances the state
 * (level plus damped trend), nothing is learnt from it. A present day's surprise is clipped before it updates the
 * state ({@link RobustInnovations}), so a single odd day does not drag the level and the trend with it. α, β, γ and φ are fitted with BOBYQA by minimising
 * the mean squared error of the forecasts made 1 to 14 days ahead; with fewer than two weeks of present days there is too little to fit and
 * conservative fixed values are used (no trend).
 */
public final class DampedTrendSmoothing {

    /** α, β (as a share of α), γ, φ. */
    public record Parameters(double alpha, double betaShare, double gamma, double phi) {
        double[] array() { return new double[] {alpha, betaShare, gamma, phi}; }

        static Parameters of(double[] x) { return new Parameters(x[0], x[1], x[2], x[3]); }
    }

    /** Days ahead the fit scores (1…14): forecasts are used days and weeks ahead, not just for tomorrow. */
    static final int HORIZON = 14;

    static final Parameters UNFITTED = new Parameters(0.2, 0, 0.1, 0.9);
    private static final double[] LOWER = {0.01, 0, 0, 0.8};
    private static final double[] UPPER = {0.8, 0.5, 0.5, 0.98};

    private DampedTrendSmoothing() {}

    /** State after filtering: level, trend, seasonal factor per weekday (Monday = 0), and which weekdays were seen. */
    public record State(double level, double trend, double[] seasonal, boolean[] seen, Parameters parameters) {

        /** The total {@code k} ≥ 1 days after the last day, for weekday {@code wd}. */
        public double forecast(int k, int wd) {
            if (!seen[wd]) return 0;
            double damped = 0;
            double p = 1;
            for (int i = 1; i <= k; i++) {
                p *= parameters.phi();
                damped += p;
            }
            return Math.max(0, (level + damped * trend) * seasonal[wd]);
        }
    }

    public static State fit(double[] totals, int firstWeekday) {
        int present = 0;
        for (double t : totals) if (!Double.isNaN(t)) present++;
        Parameters p = UNFITTED;
        if (present >= 14) {
            double[] x = Fitting.minimize(v -> run(totals, firstWeekday, Parameters.of(v), null),
                    new double[] {0.2, 0.1, 0.1, 0.9}, LOWER, UPPER, 250);
            p = Parameters.of(x);
        }
        State[] out = new State[1];
        run(totals, firstWeekday, p, out);
        return out[0];
    }

    /** Runs the filter, returns the sum of squared one-step errors after the first week; the end state in {@code out}. */
    static double run(double[] y, int firstWeekday, Parameters p, State[] out) {
        double[] sum = new double[7];
        int[] count = new int[7];
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) continue;
            int wd = (firstWeekday + i) % 7;
            sum[wd] += y[i];
            count[wd]++;
        }
        boolean[] seen = new boolean[7];
        double overall = 0;
        int weekdays = 0;
        for (int wd = 0; wd < 7; wd++) {
            if (count[wd] > 0) {
                seen[wd] = true;
                overall += sum[wd] / count[wd];
                weekdays++;
            }
        }
        double[] s = new double[7];
        if (weekdays == 0 || overall <= 0) {
            if (out != null) out[0] = new State(0, 0, s, seen, p);
            return 0;
        }
        overall /= weekdays;
        for (int wd = 0; wd < 7; wd++) s[wd] = count[wd] > 0 ? sum[wd] / count[wd] / overall : 1;
        // level from the first week's present days, deseasonalised
        double l = 0;
        int n = 0;
        for (int i = 0; i < Math.min(7, y.length); i++) {
            int wd = (firstWeekday + i) % 7;
            if (!Double.isNaN(y[i]) && s[wd] > 1e-6) {
                l += y[i] / s[wd];
                n++;
            }
        }
        l = n > 0 ? l / n : overall;
        double b = 0;
        double alpha = p.alpha();
        double beta = p.betaShare() * alpha;
        double gamma = p.gamma();
        double phi = p.phi();
        double sse = 0;
        RobustInnovations robust = new RobustInnovations();
        // the state at the start of each day, to score the forecasts made 1…HORIZON days before it
        double[] levels = new double[y.length];
        double[] trends = new double[y.length];
        double[][] seasonals = new double[y.length][7];
        double[] damped = new double[HORIZON + 1]; // damped[h] = φ + φ² + … + φ^h
        double pw = 1;
        for (int h = 1; h <= HORIZON; h++) {
            pw *= phi;
            damped[h] = damped[h - 1] + pw;
        }
        for (int i = 0; i < y.length; i++) {
            int wd = (firstWeekday + i) % 7;
            levels[i] = l;
            trends[i] = b;
            System.arraycopy(s, 0, seasonals[i], 0, 7);
            if (!Double.isNaN(y[i]) && i >= 7) {
                for (int h = 1; h <= HORIZON && i - h + 1 >= 7; h++) {
                    int from = i - h + 1;
                    double f = (levels[from] + damped[h] * trends[from]) * seasonals[from][wd];
                    sse += (y[i] - f) * (y[i] - f) / HORIZON;
                }
            }
            double predictedLevel = l + phi * b;
            if (Double.isNaN(y[i])) {
                l = predictedLevel;
                b = phi * b;
                continue;
            }
            if (s[wd] > 1e-6) {
                double oneStep = predictedLevel * s[wd];
                double cleaned = i >= 7 ? oneStep + robust.clean(y[i] - oneStep) : y[i];
                double newLevel = alpha * cleaned / s[wd] + (1 - alpha) * predictedLevel;
                b = beta * (newLevel - l) + (1 - beta) * phi * b;
                l = newLevel;
                if (l > 1e-9) s[wd] = gamma * cleaned / l + (1 - gamma) * s[wd];
            } else {
                l = predictedLevel;
                b = phi * b;
                if (l > 1e-9) s[wd] = gamma * y[i] / l + (1 - gamma) * s[wd];
            }
            if (l < 0) l = 0;
        }
        if (out != null) out[0] = new State(l, b, s, seen, p);
        return sse;
    }
}
