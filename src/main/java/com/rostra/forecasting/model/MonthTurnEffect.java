package com.rostra.forecasting.model;

import java.time.LocalDate;

/**
 * A multiplicative day-of-month effect on daily totals, for the turn-of-the-month peak many contact centres see
 * (statements, pay days, billing runs: the US bank series runs 4–11 % above its weekday level from the 28th to
 * the 6th and 3 % below mid-month). Days are grouped by position in the month ({@link #bin}); each group's factor
 * is the mean ratio of its days' totals to their weekday's robust level ({@link AbnormalDays#normalLevel}),
 * shrunk toward 1 by {@code n / (n + SHRINK)} so a group seen once or twice barely moves. Estimated from the
 * history, not set by hand; with no turn-of-month pattern the factors stay near 1, and with less than six
 * weeks of history there is no effect (over a single month a trend would be read as a month effect: on the IL
 * bank's one month, estimating it made the top-down model worse).
 */
public final class MonthTurnEffect {

    static final int BINS = 8;
    static final double SHRINK = 3;

    private final double[] factor;

    private MonthTurnEffect(double[] factor) {
        this.factor = factor;
    }

    public static MonthTurnEffect none() {
        double[] f = new double[BINS];
        java.util.Arrays.fill(f, 1);
        return new MonthTurnEffect(f);
    }

    /** Position in the month: 1–2, 3–4, 5–6, 7–10, 11–17, 18–24, 25 to the fourth-last day, the last three days. */
    static int bin(LocalDate d) {
        int dom = d.getDayOfMonth();
        int toEnd = d.lengthOfMonth() - dom;
        if (toEnd < 3) return 7;
        if (dom <= 6) return (dom - 1) / 2;
        if (dom <= 10) return 3;
        if (dom <= 17) return 4;
        if (dom <= 24) return 5;
        return 6;
    }

    /** Calendar days of history needed to estimate (six weeks: at least one month turn and most of two months). */
    static final int MIN_DAYS = 42;

    public static MonthTurnEffect estimate(DayHistory h) {
        if (h.size() < MIN_DAYS) return none();
        double[] sum = new double[BINS];
        int[] n = new int[BINS];
        for (int i = 0; i < h.size(); i++) {
            if (!h.present(i)) continue;
            double level = AbnormalDays.normalLevel(h, i);
            if (Double.isNaN(level) || level <= 0) continue;
            int b = bin(h.date(i));
            sum[b] += h.total(i) / level;
            n[b]++;
        }
        double[] f = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            f[b] = n[b] == 0 ? 1 : 1 + (sum[b] / n[b] - 1) * n[b] / (n[b] + SHRINK);
        }
        return new MonthTurnEffect(f);
    }

    public double factor(LocalDate d) {
        return factor[bin(d)];
    }
}
