package com.rostra.forecasting.model;

/**
 * The share of a day's volume per interval for one weekday, from the most recent present days of that weekday
 * (newest weighs most: weight {@code decay^k} for the k-th most recent), each interval then smoothed with its
 * neighbours ({@code [s, 1−2s, s]}) to take the Poisson noise out of small intervals. Intervals never open in
 * those days (closed hours) stay at zero; the shares sum to 1, or are all zero for a weekday never seen.
 */
public final class IntradayProfile {

    private IntradayProfile() {}

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
