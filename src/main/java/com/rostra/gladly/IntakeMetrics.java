package com.rostra.gladly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges an operator alerts on: the stored-but-unprocessed webhook backlog and the age of its oldest event (is the
 * processor keeping up?), and how far each connection's sync checkpoint lags now (is Gladly intake healthy?). Sync
 * lag is summarised across companies (min, max, count, how many lag beyond the threshold), so the label set stays
 * bounded however many tenants there are; {@code rostra.metrics.per-company-sync-lag=true} adds one
 * {@code rostra_sync_lag_seconds{company}} series per connection, for operators who accept that cardinality.
 * Read from the database at most every five seconds, whatever the scrape rate.
 */
@Component
class IntakeMetrics {

    private static final Duration CACHE = Duration.ofSeconds(5);

    record Snapshot(Instant at, long backlog, double oldestSeconds, long connections, double minLagSeconds,
                    double maxLagSeconds, long healthy, long invalid, long syncing, long lagging) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lagThreshold;
    private final MultiGauge perCompany;
    private volatile Snapshot last;

    IntakeMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock,
                  @Value("${rostra.health.sync-lag-threshold:30m}") Duration lagThreshold,
                  @Value("${rostra.metrics.per-company-sync-lag:false}") boolean perCompanySyncLag) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lagThreshold = lagThreshold;
        GladlyMetrics.init();
        Gauge.builder("rostra.events.backlog", this, m -> m.snapshot().backlog())
                .description("Webhook and Events API events stored but not yet applied to agent states").register(registry);
        Gauge.builder("rostra.events.oldest.unprocessed.age", this, m -> m.snapshot().oldestSeconds()).baseUnit("seconds")
                .description("Age of the oldest event not yet applied (0 when none)").register(registry);
        Gauge.builder("rostra.gladly.connections", this, m -> m.snapshot().connections())
                .description("Connected Gladly organizations").register(registry);
        Gauge.builder("rostra.gladly.connections.invalid", this, m -> m.snapshot().invalid())
                .description("Connections whose credentials Gladly refused (401/403): the company must re-authorize").register(registry);
        Gauge.builder("rostra.sync.lagging", this, m -> m.snapshot().lagging())
                .description("Connections past their backfill whose contact checkpoint is older than rostra.health.sync-lag-threshold").register(registry);
        Gauge.builder("rostra.sync.lag.max", this, m -> m.snapshot().maxLagSeconds()).baseUnit("seconds")
                .description("Largest now minus contact checkpoint across connections").register(registry);
        Gauge.builder("rostra.sync.lag.min", this, m -> m.snapshot().minLagSeconds()).baseUnit("seconds")
                .description("Smallest now minus contact checkpoint across connections").register(registry);
        this.perCompany = perCompanySyncLag
                ? MultiGauge.builder("rostra.sync.lag").baseUnit("seconds")
                        .description("Now minus the contact checkpoint of one company's connection").register(registry)
                : null;
        refreshPerCompany();
    }

    Duration lagThreshold() {
        return lagThreshold;
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
        Instant laggingBefore = now.minus(lagThreshold);
        var c = jdbc.sql("""
                        select count(*) as total,
                               coalesce(sum(case when status = 'healthy' then 1 else 0 end), 0) as healthy,
                               coalesce(sum(case when status = 'invalid' then 1 else 0 end), 0) as invalid,
                               coalesce(sum(case when status = 'sync_in_progress' then 1 else 0 end), 0) as syncing,
                               coalesce(sum(case when backfill_completed_at is not null and contacts_checkpoint < ? then 1 else 0 end), 0) as lagging,
                               min(contacts_checkpoint) as min_checkpoint, max(contacts_checkpoint) as max_checkpoint
                        from gladly_connections where disconnected_at is null""")
                .param(com.rostra.platform.Db.ts(laggingBefore))
                .query((rs, n) -> new Object[] {rs.getLong("total"), rs.getLong("healthy"), rs.getLong("invalid"),
                        rs.getLong("syncing"), rs.getLong("lagging"),
                        com.rostra.platform.Db.instant(rs, "min_checkpoint"), com.rostra.platform.Db.instant(rs, "max_checkpoint")})
                .single();
        s = new Snapshot(now, backlog, secondsSince(oldest, now), (Long) c[0],
                secondsSince((Instant) c[6], now), secondsSince((Instant) c[5], now),
                (Long) c[1], (Long) c[2], (Long) c[3], (Long) c[4]);
        last = s;
        return s;
    }

    /** Only when the operator asked for per-company series: one row per connected company, replaced every 15 s. */
    @Scheduled(fixedDelayString = "${rostra.metrics.per-company-sync-lag-refresh:15s}", initialDelayString = "15s")
    void refreshPerCompany() {
        if (perCompany == null) return;
        Instant now = clock.instant();
        List<MultiGauge.Row<Number>> rows = jdbc.sql("select company_id, contacts_checkpoint from gladly_connections where disconnected_at is null")
                .query((rs, n) -> {
                    double lag = secondsSince(com.rostra.platform.Db.instant(rs, "contacts_checkpoint"), now);
                    return MultiGauge.Row.of(Tags.of("company", Long.toString(rs.getLong("company_id"))), (Number) lag);
                }).list();
        perCompany.register(List.copyOf(rows), true);
    }

    private static double secondsSince(OffsetDateTime t, Instant now) {
        return secondsSince(t == null ? null : t.toInstant(), now);
    }

    private static double secondsSince(Instant t, Instant now) {
        return t == null ? 0 : Math.max(0, Duration.between(t, now).toMillis() / 1000.0);
    }
}
