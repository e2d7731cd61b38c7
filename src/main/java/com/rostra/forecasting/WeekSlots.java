package com.rostra.forecasting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Local 15-minute slots of a week, Monday 00:00 first: 7 × 96 = 672. A DST day has 92 or 100 real quarter hours;
 * the skipped ones stay empty and the repeated hour's two quarter hours share a slot.
 */
final class WeekSlots {

    static final int SLOTS = 7 * 96;

    private WeekSlots() {}

    static int slot(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 96 + local.getHour() * 4 + local.getMinute() / 15;
    }

    /** Monday 00:00 (local) of the week holding {@code at}. */
    static Instant weekStart(Instant at, ZoneId zone) {
        LocalDate monday = at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(zone).toInstant();
    }

    static Instant nextWeek(Instant weekStart, ZoneId zone) {
        return weekStart.atZone(zone).toLocalDate().plusWeeks(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant();
    }

    static Instant previousWeek(Instant weekStart, ZoneId zone) {
        return weekStart.atZone(zone).toLocalDate().minusWeeks(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant();
    }
}
