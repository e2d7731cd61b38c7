package com.rostra.forecasting.model;

import java.time.LocalDate;

/**
 * Calendar regression with a mean-reverting level ({@code calendar}). Daily totals on the log scale,
 * {@code log(y + 1)}, are fitted as
 * <pre>
 *   log(y + 1) = week effect + weekday effect + turn-of-month effect + e
 * </pre>
 * by alternating least squares over the whole history: the week effects soak up level shifts so the weekday and
 * month effects are measured within weeks. The month effect uses {@link MonthTurnEffect#bin}'s positions in the
 * month (counted in open days), each shrunk toward zero by {@code n / (n + 0.25)}, and only with six weeks of history or more (as
 * {@link MonthTurnEffect}). Then the calendar-adjusted residual {@code r = log(y + 1) − weekday − month} is
 * treated as a mean {@code μ} (its mean over the history) plus a deviation that decays back to it:
 * <pre>
 *   l ← φ l (every calendar day);   on a present day  l ← l + α ψ(r − μ − l)
 *   forecast k days ahead: exp(μ + φ^k l + weekday + month) − 1
 * </pre>
 * where ψ clips a surprise to a few robust scales ({@link RobustInnovations}; one odd day moves the deviation by a
 * bounded step). α and φ are fitted with BOBYQA on the squared errors of forecasts 1 to {@link #HORIZON} days ahead. Contact volume
 * in a bank's call centre drifts for a few weeks and comes back (a quiet month, a busy month), which a random-walk
 * level (exponential smoothing) carries on forever and a plain long average ignores. The day's total is spread over
 * the day by the weekday's {@link IntradayProfile} tilted for its position in the month ({@link MonthShape}), as in
 * {@link TopDownModel}.
 */
public final class CalendarModel implements DayModel {

    public static final String NAME = "calendar";

    static final int HORIZON = 35;
    static final double MONTH_SHRINK = MonthTurnEffect.SHRINK;
    private static final int ITERATIONS = 12;
    static final double[] UNFITTED = {0.2, 0.95};
    private static final double[] LOWER = {0.02, 0.5};
    private static final double[] UPPER = {0.8, 0.995};

    @Override
    public String name() { return NAME; }

    /**
     * A candidate for the weeks after the first only: it is built for where the level goes over weeks, and in the
     * first week the smoothing models that follow the latest level win (US bank backtest: week 1 WAPE 6.56 % against
     * top-down's 6.32 %; weeks 2–5 6.58 % against 6.76 %).
     */
    @Override
    public boolean nearTerm() { return false; }

    @Override
    public double[][] forecast(DayHistory h, int horizon) {
        return MonthShape.spread(h, MonthTurnEffect.estimate(h), totals(h, horizon));
    }

    /** The fitted effects: weekday (Monday = 0), month-position bins, mean residual, and the fitted α, φ. */
    public record Fit(double[] weekday, double[] month, double mean, double[] residual, boolean[] seen, double alpha, double phi,
                      double deviation) {

        /** The daily total {@code k} ≥ 1 days after the history's last day, which is {@code date}. */
        public double total(int k, LocalDate date) {
            int wd = date.getDayOfWeek().getValue() - 1;
            if (!seen[wd]) return 0;
            return Math.max(0, Math.exp(mean + Math.pow(phi, k) * deviation + weekday[wd] + month[MonthTurnEffect.bin(date, seen)]) - 1);
        }
    }

    /** Daily totals for the {@code horizon} days after the history. */
    public static double[] totals(DayHistory h, int horizon) {
        Fit fit = fit(h);
        double[] out = new double[horizon];
        for (int k = 0; k < horizon; k++) out[k] = fit.total(k + 1, h.end().plusDays(k));
        return out;
    }

    public static Fit fit(DayHistory h) {
        int n = h.size();
        double[] ly = new double[n];
        int present = 0;
        for (int i = 0; i < n; i++) {
            ly[i] = h.present(i) ? Math.log(Math.max(0, h.total(i)) + 1) : Double.NaN;
            if (h.present(i)) present++;
        }
        boolean[] seen = DayModel.seenWeekdays(h);
        double[] wdEffect = new double[7];
        double[] month = new double[MonthTurnEffect.BINS];
        if (present == 0) return new Fit(wdEffect, month, 0, ly, seen, UNFITTED[0], UNFITTED[1], 0);
        boolean withMonth = n >= MonthTurnEffect.MIN_DAYS;
        int offset = h.weekday(0);
        int weeks = (n - 1 + offset) / 7 + 1;
        double[] week = new double[weeks];
        int[] bins = new int[n];
        for (int i = 0; i < n; i++) bins[i] = MonthTurnEffect.bin(h.date(i), seen);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] s = new double[weeks];
            int[] c = new int[weeks];
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(ly[i])) continue;
                s[(i + offset) / 7] += ly[i] - wdEffect[h.weekday(i)] - month[bins[i]];
                c[(i + offset) / 7]++;
            }
            for (int w = 0; w < weeks; w++) week[w] = c[w] > 0 ? s[w] / c[w] : 0;
            double[] sw = new double[7];
            int[] cw = new int[7];
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(ly[i])) continue;
                sw[h.weekday(i)] += ly[i] - week[(i + offset) / 7] - month[bins[i]];
                cw[h.weekday(i)]++;
            }
            double meanWd = 0;
            int seenWd = 0;
            for (int d = 0; d < 7; d++) {
                if (cw[d] == 0) continue;
                wdEffect[d] = sw[d] / cw[d];
                meanWd += wdEffect[d];
                seenWd++;
            }
            meanWd /= seenWd;
            for (int d = 0; d < 7; d++) if (cw[d] > 0) wdEffect[d] -= meanWd;
            if (withMonth) {
                double[] sm = new double[month.length];
                int[] cm = new int[month.length];
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(ly[i])) continue;
                    sm[bins[i]] += ly[i] - week[(i + offset) / 7] - wdEffect[h.weekday(i)];
                    cm[bins[i]]++;
                }
                double weighted = 0;
                for (int b = 0; b < month.length; b++) {
                    month[b] = cm[b] > 0 ? sm[b] / (cm[b] + MONTH_SHRINK) : 0;
                    weighted += month[b] * cm[b];
                }
                for (int b = 0; b < month.length; b++) month[b] -= weighted / present;
            }
        }
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = Double.isNaN(ly[i]) ? Double.NaN : ly[i] - wdEffect[h.weekday(i)] - month[bins[i]];
            if (!Double.isNaN(r[i])) mean += r[i];
        }
        mean /= present;
        double mu = mean;
        double[] p = UNFITTED;
        if (present >= 14) {
            p = Fitting.minimize(v -> sse(r, mu, v[0], v[1], null), UNFITTED.clone(), LOWER, UPPER, 200);
        }
        double[] deviation = new double[1];
        sse(r, mu, p[0], p[1], deviation);
        return new Fit(wdEffect, month, mean, r, seen, p[0], p[1], deviation[0]);
    }

    /**
     * Runs the deviation filter; returns the squared errors of the forecasts made 1…{@link #HORIZON} days before
     * each present day (after the first week), the end deviation in {@code out}.
     */
    static double sse(double[] r, double mu, double alpha, double phi, double[] out) {
        int n = r.length;
        double[] state = new double[n]; // deviation at the end of each day
        double[] pow = new double[HORIZON + 1];
        pow[0] = 1;
        for (int k = 1; k <= HORIZON; k++) pow[k] = pow[k - 1] * phi;
        double l = 0;
        double sse = 0;
        RobustInnovations robust = new RobustInnovations();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(r[i]) && i >= 7) {
                for (int k = 1; k <= HORIZON && i - k >= 6; k++) {
                    double e = r[i] - mu - pow[k] * state[i - k];
                    sse += e * e;
                }
            }
            l *= phi;
            if (!Double.isNaN(r[i])) {
                double surprise = r[i] - mu - l;
                l += alpha * (i >= 7 ? robust.clean(surprise) : surprise);
            }
            state[i] = l;
        }
        if (out != null) out[0] = l;
        return sse;
    }
}
