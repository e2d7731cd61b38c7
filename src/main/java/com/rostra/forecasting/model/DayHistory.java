package com.rostra.forecasting.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Consecutive calendar days from {@link #first()}, each a vector of local intervals of the day (96 quarter hours,
 * 48 half hours, ...), or {@code null} when the day is <b>absent</b>: no data at all, a special day or an abnormal
 * day. Absent is not zero: absent days are neither trained on nor scored. Arrays are shared, never modified.
 */
public final class DayHistory {

    private final LocalDate first;
    private final double[][] days;
    private final int slots;

    public DayHistory(LocalDate first, double[][] days, int slotsPerDay) {
        this.first = first;
        this.days = days;
        this.slots = slotsPerDay;
        for (double[] d : days) {
            if (d != null && d.length != slotsPerDay) throw new IllegalArgumentException("every day needs " + slotsPerDay + " slots");
        }
    }

    public LocalDate first() { return first; }

    /** The day after the last one (exclusive end): the origin of a forecast from this history. */
    public LocalDate end() { return first.plusDays(days.length); }

    public int size() { return days.length; }

    public int slots() { return slots; }

    public LocalDate date(int i) { return first.plusDays(i); }

    /** Monday = 0 … Sunday = 6. */
    public int weekday(int i) { return date(i).getDayOfWeek().getValue() - 1; }

    public double[] day(int i) { return i >= 0 && i < days.length ? days[i] : null; }

    public double[] day(LocalDate date) { return day((int) ChronoUnit.DAYS.between(first, date)); }

    public boolean present(int i) { return day(i) != null; }

    public int presentDays() {
        int n = 0;
        for (double[] d : days) if (d != null) n++;
        return n;
    }

    public double total(int i) {
        double[] d = day(i);
        if (d == null) return Double.NaN;
        double s = 0;
        for (double v : d) s += v;
        return s;
    }

    /** The days before {@code endExclusive} (what was known at that origin). */
    public DayHistory until(LocalDate endExclusive) {
        int n = (int) Math.max(0, Math.min(days.length, ChronoUnit.DAYS.between(first, endExclusive)));
        double[][] copy = new double[n][];
        System.arraycopy(days, 0, copy, 0, n);
        return new DayHistory(first, copy, slots);
    }

    /** The last {@code n} calendar days at most. */
    public DayHistory last(int n) {
        int from = Math.max(0, days.length - n);
        double[][] copy = new double[days.length - from][];
        System.arraycopy(days, from, copy, 0, copy.length);
        return new DayHistory(first.plusDays(from), copy, slots);
    }

    /** The same history with these dates marked absent. */
    public DayHistory without(Collection<LocalDate> absent) {
        double[][] copy = days.clone();
        for (LocalDate d : absent) {
            long i = ChronoUnit.DAYS.between(first, d);
            if (i >= 0 && i < copy.length) copy[(int) i] = null;
        }
        return new DayHistory(first, copy, slots);
    }
}
