package com.rostra.gladly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges an operator alerts on: the stored-but-unprocessed webhook backlog and the age of its oldest event (is the
 * processor keeping up?), and how far each connection's sync checkpoint lags now (is Gladly intake healthy?). Sync
 * lag is summarised across companies (min, max, count), so the label set stays bounded however many tenants there
 * are. Read from the database at most every five seconds, whatever the scrape rate.
 */
@Component
class IntakeMetrics {

    private static final Duration CACHE = Duration.ofSeconds(5);

    record Snapshot(Instant at, long backlog, double oldestSeconds, long connections, double minLagSeconds, double maxLagSeconds) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot last;

    IntakeMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("rostra.events.backlog", this, m -> m.snapshot().backlog())
                .description("Webhook and Events API events stored but not yet applied to agent states").register(registry);
        Gauge.builder("rostra.events.oldest.unprocessed.age", this, m -> m.snapshot().oldestSeconds()).baseUnit("seconds")
                .description("Age of the oldest event not yet applied (0 when none)").register(registry);
        Gauge.builder("rostra.gladly.connections", this, m -> m.snapshot().connections())
                .description("Connected Gladly organizations").register(registry);
        Gauge.builder("rostra.sync.lag.max", this, m -> m.snapshot().maxLagSeconds()).baseUnit("seconds")
                .description("Largest now minus contact checkpoint across connections").register(registry);
        Gauge.builder("rostra.sync.lag.min", this, m -> m.snapshot().minLagSeconds()).baseUnit("seconds")
                .description("Smallest now minus contact checkpoint across connections").register(registry);
    }

    Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot s = last;
        if (s != null && Duration.between(s.at(), now).compareTo(CACHE) < 0) {
            return s;
        }
        long backlog = jdbc.sql("select count(*) from gladly_events where processed_at is null").query(Long.class).single();
        OffsetDateTime oldest = jdbc.sql("select min(received_at) from gladly_events where processed_at is null")
                .query(OffsetDateTime.class).optional().orElse(null);
        long connections = jdbc.sql("select count(*) from gladly_connections where disconnected_at is null").query(Long.class).single();
        OffsetDateTime minCheckpoint = jdbc.sql("select min(contacts_checkpoint) from gladly_connections where disconnected_at is null")
                .query(OffsetDateTime.class).optional().orElse(null);
        OffsetDateTime maxCheckpoint = jdbc.sql("select max(contacts_checkpoint) from gladly_connections where disconnected_at is null")
                .query(OffsetDateTime.class).optional().orElse(null);
        s = new Snapshot(now, backlog, secondsSince(oldest, now), connections,
                secondsSince(maxCheckpoint, now), secondsSince(minCheckpoint, now));
        last = s;
        return s;
    }

    private static double secondsSince(OffsetDateTime t, Instant now) {
        return t == null ? 0 : Math.max(0, Duration.between(t.toInstant(), now).toMillis() / 1000.0);
    }
}
