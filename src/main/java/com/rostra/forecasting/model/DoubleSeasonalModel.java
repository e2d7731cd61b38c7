package com.rostra.forecasting.model;

/**
 * Double-seasonal Holt-Winters at interval level (Taylor 2003, additive form): a level, a within-day seasonal
 * (one value per interval of the day, shared by all weekdays) and a within-week seasonal (one per interval of the
 * week), updated interval by interval:
 * <pre>
 *   l  ← α (y − d[j] − w[k]) + (1 − α) l
 *   d[j] ← δ (y − l − w[k]) + (1 − δ) d[j]
 *   w[k] ← ω (y − l − d[j]) + (1 − ω) w[k]
 *   forecast = l + d[j] + w[k]
 * </pre>
 * Absent days are skipped (the state does not move). Taylor's AR(1) term on the one-step error is left out: it
 * decays within hours and forecasts start at least one day ahead. α, δ, ω are fitted with BOBYQA on the squared
 * <em>day-ahead</em> errors (each day predicted from the state at the end of the day before), which is what
 * forecasts are used for, rather than on one-step errors, which favour a level that chases the last interval.
 */
public final class DoubleSeasonalModel implements DayModel {

    record Parameters(double alpha, double delta, double omega) {}

    static final Parameters UNFITTED = new Parameters(0.02, 0.05, 0.1);
    private static final double[] LOWER = {0, 0, 0};
    private static final double[] UPPER = {0.3, 0.5, 0.5};

    @Override
    public String name() { return "double_seasonal"; }

    @Override
    public double[][] forecast(DayHistory h, int horizon) {
        Parameters p = UNFITTED;
        if (h.presentDays() >= 14) {
            double[] x = Fitting.minimize(v -> run(h, new Parameters(v[0], v[1], v[2]), null),
                    new double[] {UNFITTED.alpha(), UNFITTED.delta(), UNFITTED.omega()}, LOWER, UPPER, 200);
            p = new Parameters(x[0], x[1], x[2]);
        }
        State[] out = new State[1];
        run(h, p, out);
        State s = out[0];
        boolean[] seen = DayModel.seenWeekdays(h);
        double[][] f = new double[horizon][h.slots()];
        for (int k = 0; k < horizon; k++) {
            int wd = h.end().plusDays(k).getDayOfWeek().getValue() - 1;
            if (!seen[wd]) continue;
            for (int j = 0; j < h.slots(); j++) f[k][j] = Math.max(0, s.level + s.daily[j] + s.weekly[wd][j]);
        }
        return f;
    }

    private record State(double level, double[] daily, double[][] weekly) {}

    /** Filters the history; returns the sum of squared day-ahead errors after the first week. */
    static double run(DayHistory h, Parameters p, State[] out) {
        int slots = h.slots();
        int init = Math.min(h.size(), 14);
        double[][] mean = new double[7][slots];
        int[] count = new int[7];
        for (int i = 0; i < init; i++) {
            if (!h.present(i)) continue;
            int wd = h.weekday(i);
            double[] d = h.day(i);
            for (int j = 0; j < slots; j++) mean[wd][j] += d[j];
            count[wd]++;
        }
        double level = 0;
        int seen = 0;
        for (int wd = 0; wd < 7; wd++) {
            if (count[wd] == 0) continue;
            for (int j = 0; j < slots; j++) {
                mean[wd][j] /= count[wd];
                level += mean[wd][j];
            }
            seen++;
        }
        double[] daily = new double[slots];
        double[][] weekly = new double[7][slots];
        if (seen > 0) {
            level /= (double) seen * slots;
            for (int j = 0; j < slots; j++) {
                double s = 0;
                for (int wd = 0; wd < 7; wd++) if (count[wd] > 0) s += mean[wd][j];
                daily[j] = s / seen - level;
            }
            for (int wd = 0; wd < 7; wd++) {
                if (count[wd] > 0) for (int j = 0; j < slots; j++) weekly[wd][j] = mean[wd][j] - level - daily[j];
            }
        }
        double a = p.alpha(), dl = p.delta(), om = p.omega();
        double sse = 0;
        for (int i = 0; i < h.size(); i++) {
            double[] y = h.day(i);
            if (y == null) continue;
            int wd = h.weekday(i);
            double[] w = weekly[wd];
            double dayStartLevel = level;
            boolean score = i >= 7;
            for (int j = 0; j < slots; j++) {
                if (score) {
                    double e = y[j] - Math.max(0, dayStartLevel + daily[j] + w[j]);
                    sse += e * e;
                }
                double newLevel = a * (y[j] - daily[j] - w[j]) + (1 - a) * level;
                double newDaily = dl * (y[j] - newLevel - w[j]) + (1 - dl) * daily[j];
                w[j] = om * (y[j] - newLevel - daily[j]) + (1 - om) * w[j];
                daily[j] = newDaily;
                level = newLevel;
            }
        }
        if (out != null) out[0] = new State(level, daily, weekly);
        return sse;
    }
}
