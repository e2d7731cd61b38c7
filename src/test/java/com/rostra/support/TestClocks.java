package com.rostra.support;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The suite's time. The test profile sets {@code rostra.clock.start-at} to {@link #START}: the application's clock read
 * that instant when this JVM started and ticks from there. Code outside the Spring context (simulators started in a
 * {@code @BeforeAll}, the demo test) uses {@link #clock()}, the very same clock.
 */
public final class TestClocks {

    /** A Wednesday, noon in New York (17:00 UTC): weekday agents are at work, shops are open, no DST change nearby. */
    public static final Instant START = Instant.parse("2026-11-18T17:00:00Z");

    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(),
            Duration.between(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), START));

    private TestClocks() {}

    public static Clock clock() {
        return CLOCK;
    }

    public static Instant now() {
        return CLOCK.instant();
    }
}
