package com.rostra.forecasting.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Days whose total is far from the robust level of the same weekday around them: the median of up to six nearest
 * present same weekdays (before and after), with the median absolute deviation (×1.4826) as the spread. A day is
 * abnormal when it is more than {@link #ROBUST_Z} spreads <em>and</em> more than {@link #MIN_RELATIVE} of the level
 * away (the second condition keeps a perfectly regular series, whose spread is zero, from flagging noise).
 * Half-day outages, storms and one-off campaigns show up here; they are left out of training and backtests.
 */
public final class AbnormalDays {

    static final double ROBUST_Z = 4;
    static final double MIN_RELATIVE = 0.25;
    static final int NEIGHBOURS = 6;

    private AbnormalDays() {}

    public static List<LocalDate> detect(DayHistory h) {
        List<LocalDate> abnormal = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            if (!h.present(i)) continue;
            double[] ref = new double[NEIGHBOURS];
            int n = 0;
            for (int step = 1; n < NEIGHBOURS && (i - 7 * step >= 0 || i + 7 * step < h.size()); step++) {
                if (h.present(i - 7 * step)) ref[n++] = h.total(i - 7 * step);
                if (n < NEIGHBOURS && h.present(i + 7 * step)) ref[n++] = h.total(i + 7 * step);
            }
            if (n < 3) continue;
            double[] r = Arrays.copyOf(ref, n);
            double median = median(r);
            double[] dev = new double[n];
            for (int k = 0; k < n; k++) dev[k] = Math.abs(r[k] - median);
            double spread = 1.4826 * median(dev);
            double distance = Math.abs(h.total(i) - median);
            if (distance > ROBUST_Z * spread && distance > MIN_RELATIVE * median) abnormal.add(h.date(i));
        }
        return abnormal;
    }

    /** The median of the same weekday's present totals nearest to day {@code i} (the day itself excluded). */
    public static double normalLevel(DayHistory h, int i) {
        double[] ref = new double[NEIGHBOURS];
        int n = 0;
        for (int step = 1; n < NEIGHBOURS && (i - 7 * step >= 0 || i + 7 * step < h.size()); step++) {
            if (h.present(i - 7 * step)) ref[n++] = h.total(i - 7 * step);
            if (n < NEIGHBOURS && h.present(i + 7 * step)) ref[n++] = h.total(i + 7 * step);
        }
        return n == 0 ? Double.NaN : median(Arrays.copyOf(ref, n));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
