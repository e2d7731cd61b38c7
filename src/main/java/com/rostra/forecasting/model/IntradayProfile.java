package com.rostra.forecasting.model;

/**
 * The share of a day's volume per interval for one weekday, from the most recent present days of that weekday
 * (newest weighs most: weight {@code decay^k} for the k-th most recent), each interval then smoothed with its
 * neighbours ({@code [s, 1−2s, s]}) to take the Poisson noise out of small intervals. Intervals never open in
 * those days (closed hours) stay at zero; the shares sum to 1, or are all zero for a weekday never seen.
 */
public final class IntradayProfile {

    private IntradayProfile() {}

    /** How a profile is made: days of the weekday used, decay per older day, neighbour smoothing. */
    public record Settings(int days, double decay, double smoothing) {}

    static final Settings DEFAULT = new Settings(8, 0.85, 0.15);

    private static final java.util.List<Settings> GRID;

    static {
        java.util.List<Settings> grid = new java.util.ArrayList<>();
        for (int days : new int[] {4, 8, 12}) {
            for (double decay : new double[] {0.8, 1.0}) {
                for (double smoothing : new double[] {0, 0.15, 0.3}) grid.add(new Settings(days, decay, smoothing));
            }
        }
        GRID = java.util.List.copyOf(grid);
    }

    /**
     * The settings whose profiles best predicted the shape of the last {@code scoredDays} present days from the
     * days before each (absolute error of share × the day's actual total, so busy days count more); the default
     * when there are too few days to judge.
     */
    public static Settings fit(DayHistory h, int scoredDays) {
        Settings best = DEFAULT;
        double bestError = Double.MAX_VALUE;
        java.util.List<Integer> scored = new java.util.ArrayList<>();
        for (int i = h.size() - 1; i >= 0 && scored.size() < scoredDays; i--) if (h.present(i)) scored.add(i);
        if (scored.size() < scoredDays || h.presentDays() < scoredDays + 14) return DEFAULT;
        for (Settings s : GRID) {
            double error = 0;
            for (int i : scored) {
                DayHistory before = h.until(h.date(i));
                double[] p = of(before, h.weekday(i), s);
                double[] actual = h.day(i);
                double total = h.total(i);
                for (int j = 0; j < p.length; j++) error += Math.abs(actual[j] - p[j] * total);
            }
            if (error < bestError - 1e-9) {
                bestError = error;
                best = s;
            }
        }
        return best;
    }

    public static double[] of(DayHistory h, int weekday, Settings s) {
        return of(h, weekday, s.days(), s.decay(), s.smoothing());
    }

    public static double[] of(DayHistory h, int weekday, int days, double decay, double smoothing) {
        double[] sum = new double[h.slots()];
        double total = 0;
        double w = 1;
        int used = 0;
        for (int i = h.size() - 1; i >= 0 && used < days; i--) {
            if (h.weekday(i) != weekday || !h.present(i)) continue;
            double[] d = h.day(i);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += w * d[j];
                total += w * d[j];
            }
            w *= decay;
            used++;
        }
        if (total <= 0) return new double[h.slots()];
        double[] share = new double[sum.length];
        for (int j = 0; j < sum.length; j++) share[j] = sum[j] / total;
        return smoothing > 0 ? smooth(share, smoothing) : share;
    }

    /** Neighbour smoothing that keeps closed intervals closed and the sum at 1. */
    public static double[] smooth(double[] share, double s) {
        double[] out = new double[share.length];
        double total = 0;
        for (int j = 0; j < share.length; j++) {
            if (share[j] <= 0) continue;
            double left = j > 0 && share[j - 1] > 0 ? share[j - 1] : share[j];
            double right = j < share.length - 1 && share[j + 1] > 0 ? share[j + 1] : share[j];
            out[j] = s * left + (1 - 2 * s) * share[j] + s * right;
            total += out[j];
        }
        if (total > 0) for (int j = 0; j < out.length; j++) out[j] /= total;
        return out;
    }
}
