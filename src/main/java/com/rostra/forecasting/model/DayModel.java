package com.rostra.forecasting.model;

/**
 * A forecasting model over {@link DayHistory}: pure, no I/O. Given the days known at an origin
 * ({@link DayHistory#end()}), it predicts the next {@code horizon} calendar days, one vector of slots per day.
 * A weekday never seen in the history is forecast at zero (a weekday-only operation stays closed at weekends).
 */
public interface DayModel {

    String name();

    double[][] forecast(DayHistory history, int horizon);

    /** Whether the engine may choose this model for the first forecast week (otherwise only for the weeks after). */
    default boolean nearTerm() { return true; }

    /** Whether weekday {@code wd} (Monday = 0) appears among the present days. */
    static boolean[] seenWeekdays(DayHistory h) {
        boolean[] seen = new boolean[7];
        for (int i = 0; i < h.size(); i++) if (h.present(i)) seen[h.weekday(i)] = true;
        return seen;
    }
}
