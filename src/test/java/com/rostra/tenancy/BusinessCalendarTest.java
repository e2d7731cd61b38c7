package com.rostra.tenancy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

    static BusinessCalendar nineToFiveWeekdays(ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<BusinessCalendar.Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(new BusinessCalendar.Window(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return new BusinessCalendar(zone, weekly, holidays);
    }

    @Test
    void anEmailFromFridayEveningAnsweredMondayMorningTookMinutes() {
        BusinessCalendar c = nineToFiveWeekdays(ZoneId.of("Europe/Berlin"), Set.of());
        // Friday 2026-03-06 18:00 Berlin (17:00Z) → Monday 2026-03-09 09:05 Berlin (08:05Z)
        assertThat(c.businessSeconds(Instant.parse("2026-03-06T17:00:00Z"), Instant.parse("2026-03-09T08:05:00Z"))).isEqualTo(300);
    }

    @Test
    void withinOneDayAndAcrossDays() {
        BusinessCalendar c = nineToFiveWeekdays(ZoneId.of("UTC"), Set.of());
        assertThat(c.businessSeconds(Instant.parse("2026-03-10T10:00:00Z"), Instant.parse("2026-03-10T10:00:45Z"))).isEqualTo(45);
        assertThat(c.businessSeconds(Instant.parse("2026-03-10T16:00:00Z"), Instant.parse("2026-03-11T10:00:00Z"))).isEqualTo(7200);
        assertThat(c.businessSeconds(Instant.parse("2026-03-10T18:00:00Z"), Instant.parse("2026-03-10T20:00:00Z"))).isZero();
        assertThat(c.businessSeconds(Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-10T11:00:00Z"))).isZero();
    }

    @Test
    void holidaysAreClosed() {
        BusinessCalendar c = nineToFiveWeekdays(ZoneId.of("UTC"), Set.of(LocalDate.of(2026, 12, 25)));
        // Thursday 24th 16:00 → Monday 28th 10:00: 1 h on the 24th, the 25th closed, 1 h on the 28th.
        assertThat(c.businessSeconds(Instant.parse("2026-12-24T16:00:00Z"), Instant.parse("2026-12-28T10:00:00Z"))).isEqualTo(7200);
    }

    @Test
    void openingHoursFollowTheLocalClockAcrossDst() {
        BusinessCalendar c = nineToFiveWeekdays(ZoneId.of("America/New_York"), Set.of());
        // Monday 2026-03-09, after the spring-forward Sunday: 09:00 EDT is 13:00Z.
        assertThat(c.businessSeconds(Instant.parse("2026-03-09T12:00:00Z"), Instant.parse("2026-03-09T14:00:00Z"))).isEqualTo(3600);
    }
}
