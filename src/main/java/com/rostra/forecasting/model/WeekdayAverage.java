package com.rostra.forecasting.model;

/**
 * The baseline every series is scored against: per interval, the mean of the last {@code n} present days of the
 * same weekday (absent days are skipped, not counted as zero).
 */
public final class WeekdayAverage implements DayModel {

    public static final int DEFAULT_WEEKS = 4;

    private final int n;

    public WeekdayAverage(int n) {
        if (n < 1) throw new IllegalArgumentException("n must be at least 1");
        this.n = n;
    }

    public WeekdayAverage() { this(DEFAULT_WEEKS); }

    public int weeks() { return n; }

    @Override
    public String name() { return "week_average"; }

    @Override
    public double[][] forecast(DayHistory h, int horizon) {
        double[][] perWeekday = new double[7][];
        for (int wd = 0; wd < 7; wd++) {
            double[] sum = new double[h.slots()];
            int count = 0;
            for (int i = h.size() - 1; i >= 0 && count < n; i--) {
                if (h.weekday(i) != wd || !h.present(i)) continue;
                double[] d = h.day(i);
                for (int j = 0; j < sum.length; j++) sum[j] += d[j];
                count++;
            }
            if (count > 0) for (int j = 0; j < sum.length; j++) sum[j] /= count;
            perWeekday[wd] = sum;
        }
        double[][] out = new double[horizon][];
        for (int k = 0; k < horizon; k++) {
            out[k] = perWeekday[h.end().plusDays(k).getDayOfWeek().getValue() - 1].clone();
        }
        return out;
    }
}
