package com.rostra.forecasting.model;

import java.time.LocalDate;

/**
 * How the shape of the day tilts with the {@link MonthTurnEffect}: on the US bank's turn-of-the-month days the
 * extra calls come early (07:00 +15 %, 08:00 +8 % of the usual share, the afternoon −3 %), so a busy month-turn day
 * is not a scaled normal day. Per interval j, the relative share {@code q = share / weekday's mean share} is
 * regressed on the day's month factor: {@code q − 1 = c_j (m − 1)} (least squares through the origin, weighted by
 * the expected count, as Poisson noise is), and c is smoothed over neighbouring intervals. History days are
 * de-tilted before the weekday profiles are made ({@link #detilt}); a forecast day's profile is tilted by its own
 * month factor ({@link #tilt}). With no month effect (m = 1 everywhere) c is zero and nothing changes.
 */
public final class MonthShape {

    /**
     * Intervals on each side pooled into one c: the month-turn days are few (about one in five), so one interval's
     * regression is mostly Poisson noise (radius 1, 2 and 4 measured alike on the US bench).
     */
    static final int RADIUS = 2;

    private final MonthTurnEffect month;
    private final double[] c;

    private MonthShape(MonthTurnEffect month, double[] c) {
        this.month = month;
        this.c = c;
    }

    public static MonthShape estimate(DayHistory h, MonthTurnEffect month) {
        int slots = h.slots();
        double[][] mean = new double[7][slots];
        double[] weekdayTotal = new double[7];
        for (int i = 0; i < h.size(); i++) {
            double[] d = h.day(i);
            if (d == null) continue;
            for (int j = 0; j < slots; j++) mean[h.weekday(i)][j] += d[j];
            weekdayTotal[h.weekday(i)] += h.total(i);
        }
        for (int wd = 0; wd < 7; wd++) {
            for (int j = 0; j < slots; j++) mean[wd][j] = weekdayTotal[wd] > 0 ? mean[wd][j] / weekdayTotal[wd] : 0;
        }
        double[] xy = new double[slots];
        double[] xx = new double[slots];
        for (int i = 0; i < h.size(); i++) {
            double[] d = h.day(i);
            double total = h.total(i);
            if (d == null || total <= 0) continue;
            double x = month.factor(h.date(i)) - 1;
            double[] p = mean[h.weekday(i)];
            for (int j = 0; j < slots; j++) {
                if (p[j] <= 0) continue;
                double expected = p[j] * total;
                double q = d[j] / expected - 1;
                xy[j] += expected * x * q;
                xx[j] += expected * x * x;
            }
        }
        int r = RADIUS;
        double[] c = new double[slots];
        for (int j = 0; j < slots; j++) {
            double sxy = 0;
            double sxx = 0;
            for (int k = Math.max(0, j - r); k <= Math.min(slots - 1, j + r); k++) {
                sxy += xy[k];
                sxx += xx[k];
            }
            c[j] = sxx > 1e-12 ? sxy / sxx : 0;
        }
        return new MonthShape(month, c);
    }

    /** The profile of a day on {@code date}: the weekday's profile tilted by the day's month factor, summing to 1. */
    public double[] tilt(double[] profile, LocalDate date) {
        return reshape(profile, month.factor(date) - 1, 1);
    }

    /**
     * The {@code totals} of the days after {@code h} spread over each day: weekday profiles ({@link IntradayProfile},
     * settings fitted) from the de-tilted history, each tilted by the forecast day's month factor.
     */
    public static double[][] spread(DayHistory h, MonthTurnEffect month, double[] totals) {
        MonthShape shape = estimate(h, month);
        DayHistory shapes = shape.detilt(h);
        IntradayProfile.Settings settings = IntradayProfile.fit(shapes, 10);
        double[][] profiles = new double[7][];
        for (int wd = 0; wd < 7; wd++) profiles[wd] = IntradayProfile.of(shapes, wd, settings);
        double[][] out = new double[totals.length][h.slots()];
        for (int k = 0; k < totals.length; k++) {
            LocalDate date = h.end().plusDays(k);
            double[] p = shape.tilt(profiles[date.getDayOfWeek().getValue() - 1], date);
            for (int j = 0; j < p.length; j++) out[k][j] = totals[k] * p[j];
        }
        return out;
    }

    /** The history with every day's shape taken back to a month factor of 1 (totals kept). */
    public DayHistory detilt(DayHistory h) {
        double[][] days = new double[h.size()][];
        for (int i = 0; i < h.size(); i++) {
            double[] d = h.day(i);
            if (d == null) continue;
            double[] shape = reshape(d, month.factor(h.date(i)) - 1, -1);
            double total = h.total(i);
            days[i] = new double[d.length];
            for (int j = 0; j < d.length; j++) days[i][j] = shape[j] * total;
        }
        return new DayHistory(h.first(), days, h.slots());
    }

    /** {@code v × (1 + c x)^sign}, renormalised to shares; the factor is kept above 0.2 so a noisy c never empties an interval. */
    private double[] reshape(double[] v, double x, int sign) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int j = 0; j < v.length; j++) {
            double f = Math.max(0.2, 1 + c[j] * x);
            out[j] = sign > 0 ? v[j] * f : v[j] / f;
            sum += out[j];
        }
        if (sum > 0) for (int j = 0; j < out.length; j++) out[j] /= sum;
        return out;
    }
}
