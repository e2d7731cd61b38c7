package com.rostra.forecasting.model;

import java.time.LocalDate;

/**
 * A multiplicative day-of-month effect on daily totals, for the turn-of-the-month peak many contact centres see
 * (statements, pay days, billing runs: on the US bank series the last open day of a month and the first three of
 * the next run 5–18 % above their weekday's level, mid-month weeks 3–8 % below). Days are grouped by their position
 * in the month counted in open days ({@link #bin}); each group's factor is the mean ratio of its days' totals to
 * their weekday's robust level ({@link AbnormalDays#normalLevel}), shrunk toward 1 by {@code n / (n + SHRINK)}.
 * Estimated from the history, not set by hand; with no turn-of-month pattern the factors stay near 1, and with
 * less than six weeks of history there is no effect (over a single month a trend would be read as a month effect:
 * on the IL bank's one month, estimating it made the top-down model worse).
 */
public final class MonthTurnEffect {

    static final int BINS = 9;

    /**
     * Light shrinkage: a group holds one day a month, so 16 weeks give it about four. Chosen on the US bench's ten
     * earlier origins (3, the old value, 1, 0.5, 0.25, 0.1, 0 tried; 0 was marginally best there, 0.25 kept because
     * with 8 weeks of history it did better at 1 day and week 1) and confirmed on the ten later ones;
     * docs/notes/forecasting.md, "Fifth pass".
     */
    static final double SHRINK = 0.25;

    /** Calendar days of history needed to estimate (six weeks: at least one month turn and most of two months). */
    static final int MIN_DAYS = 42;

    private final double[] factor;
    private final boolean[] open;

    private MonthTurnEffect(double[] factor, boolean[] open) {
        this.factor = factor;
        this.open = open;
    }

    public static MonthTurnEffect none() {
        double[] f = new double[BINS];
        java.util.Arrays.fill(f, 1);
        return new MonthTurnEffect(f, new boolean[7]);
    }

    /**
     * Position in the month counted in open days (days of a weekday the series is open on): the first, second and
     * third open day, the others up to the 10th, the 11th–17th, the 18th–24th, the 25th up to the third-last open day,
     * the second-last and the last open day. Month-turn volume follows business days, not dates: when the 1st is a
     * Saturday, a weekday-only operation's statement-day peak falls on Monday the 3rd (by date, the US bank's
     * last-three-days group mixed the last business day's +15 % with ordinary days).
     */
    static int bin(LocalDate d, boolean[] open) {
        int fromStart = 1;
        for (LocalDate x = d.withDayOfMonth(1); x.isBefore(d); x = x.plusDays(1)) if (open[x.getDayOfWeek().getValue() - 1]) fromStart++;
        int fromEnd = 1;
        for (LocalDate x = d.plusDays(1); x.getMonthValue() == d.getMonthValue(); x = x.plusDays(1)) {
            if (open[x.getDayOfWeek().getValue() - 1]) fromEnd++;
        }
        if (fromEnd == 1) return 8;
        if (fromEnd == 2) return 7;
        if (fromStart <= 3) return fromStart - 1;
        int dom = d.getDayOfMonth();
        if (dom <= 10) return 3;
        if (dom <= 17) return 4;
        if (dom <= 24) return 5;
        return 6;
    }

    public static MonthTurnEffect estimate(DayHistory h) {
        if (h.size() < MIN_DAYS) return none();
        boolean[] open = DayModel.seenWeekdays(h);
        double[] sum = new double[BINS];
        int[] n = new int[BINS];
        for (int i = 0; i < h.size(); i++) {
            if (!h.present(i)) continue;
            double level = AbnormalDays.normalLevel(h, i);
            if (Double.isNaN(level) || level <= 0) continue;
            int b = bin(h.date(i), open);
            sum[b] += h.total(i) / level;
            n[b]++;
        }
        double[] f = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            f[b] = n[b] == 0 ? 1 : 1 + (sum[b] / n[b] - 1) * n[b] / (n[b] + SHRINK);
        }
        return new MonthTurnEffect(f, open);
    }

    public double factor(LocalDate d) {
        return factor[bin(d, open)];
    }
}
