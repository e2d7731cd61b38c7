package com.rostra.forecasting.model;

/**
 * WAPE and MASE accumulated over forecast days. WAPE = Σ|actual − forecast| / Σ actual. MASE = mean absolute
 * error / the in-sample mean absolute error of the seasonal naive forecast "same interval one week before"
 * (over pairs of present days seven days apart in the training history), so below 1 beats last week's copy.
 */
public final class ForecastErrors {

    private double absError;
    private double actual;
    private double scaledSlots; // Σ over scored days of slots × naive scale of that day's training history
    private int slots;

    public void add(double[] actualDay, double[] forecastDay, double naiveScale) {
        for (int j = 0; j < actualDay.length; j++) {
            absError += Math.abs(actualDay[j] - forecastDay[j]);
            actual += actualDay[j];
        }
        slots += actualDay.length;
        scaledSlots += naiveScale * actualDay.length;
    }

    public void add(ForecastErrors other) {
        absError += other.absError;
        actual += other.actual;
        scaledSlots += other.scaledSlots;
        slots += other.slots;
    }

    /** Null when nothing was scored or the actuals sum to zero. */
    public Double wape() { return actual > 0 ? absError / actual : null; }

    /** Null when nothing was scored or the naive forecast was perfect (no scale). */
    public Double mase() { return scaledSlots > 0 ? absError / scaledSlots : null; }

    public double absError() { return absError; }

    public double actual() { return actual; }

    public int slots() { return slots; }

    /** Mean absolute difference between each interval and the same interval seven days before, both present. */
    public static double weeklyNaiveScale(DayHistory h) {
        double sum = 0;
        long n = 0;
        for (int i = 7; i < h.size(); i++) {
            double[] d = h.day(i);
            double[] before = h.day(i - 7);
            if (d == null || before == null) continue;
            for (int j = 0; j < d.length; j++) sum += Math.abs(d[j] - before[j]);
            n += d.length;
        }
        return n > 0 ? sum / n : 0;
    }
}
