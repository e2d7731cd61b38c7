package com.rostra.tenancy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A company's opening hours in its own time zone. Measures how much open time lies between two instants, so a
 * reply on Monday 09:05 to an email from Friday 18:00 took five minutes of business time, not 63 hours.
 * Pure: no I/O.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> weekly, Set<LocalDate> holidays) {

    public record Window(LocalTime opens, LocalTime closes) {}

    private static final int MAX_DAYS = 400;

    /** Open seconds in [from, to); 0 when to is not after from. */
    public long businessSeconds(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long seconds = 0;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int i = 0; !day.isAfter(last) && i < MAX_DAYS; day = day.plusDays(1), i++) {
            if (holidays.contains(day)) continue;
            for (Window w : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant open = day.atTime(w.opens()).atZone(zone).toInstant();
                Instant close = day.atTime(w.closes()).atZone(zone).toInstant();
                Instant start = open.isAfter(from) ? open : from;
                Instant end = close.isBefore(to) ? close : to;
                if (end.isAfter(start)) {
                    seconds += Duration.between(start, end).getSeconds();
                }
            }
        }
        return seconds;
    }
}
