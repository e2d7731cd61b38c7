package com.rostra.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalLengthTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static int intervalsOn(LocalDate day, IntervalLength length, ZoneId zone) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        int n = 0;
        for (Instant t = day.atStartOfDay(zone).toInstant(); t.isBefore(end); t = length.next(t, zone)) n++;
        return n;
    }

    @Test
    void dstDaysHave23Or25Hours() {
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        assertThat(intervalsOn(fallBack, IntervalLength.MINUTES_60, NEW_YORK)).isEqualTo(25);
        assertThat(intervalsOn(fallBack, IntervalLength.MINUTES_15, NEW_YORK)).isEqualTo(100);
        assertThat(intervalsOn(springForward, IntervalLength.MINUTES_60, NEW_YORK)).isEqualTo(23);
        assertThat(intervalsOn(springForward, IntervalLength.MINUTES_30, NEW_YORK)).isEqualTo(46);
        assertThat(intervalsOn(springForward, IntervalLength.MINUTES_15, NEW_YORK)).isEqualTo(92);
        assertThat(intervalsOn(fallBack, IntervalLength.DAY, NEW_YORK)).isEqualTo(1);
    }

    @Test
    void floorFindsTheLocalIntervalEvenInTheRepeatedHour() {
        // 01:30 EDT and 01:30 EST are different instants an hour apart, each in its own hourly interval.
        Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z");
        Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");
        assertThat(IntervalLength.MINUTES_60.floor(firstOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(IntervalLength.MINUTES_60.floor(secondOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(IntervalLength.DAY.floor(secondOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(IntervalLength.MINUTES_30.floor(Instant.parse("2026-03-01T10:44:59Z"), ZoneId.of("Asia/Kolkata")))
                .as("a half-hour zone").isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
        assertThat(IntervalLength.MINUTES_60.floor(Instant.parse("2026-03-01T10:44:59Z"), ZoneId.of("Asia/Kolkata")))
                .isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
    }
}
