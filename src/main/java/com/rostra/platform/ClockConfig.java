package com.rostra.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module reads "now" from. {@code rostra.clock.start-at} (an ISO instant) is what the clock read
 * when this process started; it ticks from there. The test suite pins the date and the time of day it runs at, and a
 * demo can be shown at a busy hour whatever the hour is. Anchoring on the process start (not on when this bean is
 * made) gives every context in one JVM, and the tests' own code, the very same clock. Unset: the system's UTC clock.
 */
@Configuration
class ClockConfig {

    @Bean
    Clock clock(@Value("${rostra.clock.start-at:}") String startAt) {
        if (startAt == null || startAt.isBlank()) {
            return Clock.systemUTC();
        }
        Instant processStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return Clock.offset(Clock.systemUTC(), Duration.between(processStart, Instant.parse(startAt.trim())));
    }
}
