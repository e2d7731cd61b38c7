package com.rostra.contacts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The interval grid in the company's time zone. Every real zone offset is a multiple of 15 minutes, so any
 * local 15/30/60-minute or day interval is a union of UTC quarter hours; DST days simply have 92 or 100.
 */
public enum IntervalLength {
    MINUTES_15("15m", 15), MINUTES_30("30m", 30), MINUTES_60("60m", 60), DAY("1d", 1440);

    private final String wire;
    private final int minutes;

    IntervalLength(String wire, int minutes) {
        this.wire = wire;
        this.minutes = minutes;
    }

    /** The length as a duration (a day is 24 hours here; DST days are longer or shorter). */
    public java.time.Duration nominal() {
        return java.time.Duration.ofMinutes(minutes);
    }

    public static Optional<IntervalLength> fromWire(String value) {
        for (IntervalLength l : values()) {
            if (l.wire.equals(value)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Start of the local interval containing {@code instant}. */
    public Instant floor(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        if (this == DAY) {
            return local.toLocalDate().atStartOfDay(zone).toInstant();
        }
        int minuteOfHour = local.getMinute();
        return local.truncatedTo(ChronoUnit.HOURS).plusMinutes(minuteOfHour - minuteOfHour % Math.min(minutes, 60))
                .toInstant();
    }

    /** Start of the interval after the one starting at {@code start}. */
    public Instant next(Instant start, ZoneId zone) {
        if (this == DAY) {
            return start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        return start.plus(Duration.ofMinutes(minutes));
    }
}
