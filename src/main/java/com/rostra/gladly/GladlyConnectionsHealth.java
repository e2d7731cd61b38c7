package com.rostra.gladly;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/gladlyConnections}: how many Gladly connections are healthy, invalid (Gladly refused the
 * credentials: the company must re-authorize) and lagging (contact checkpoint older than
 * {@code rostra.health.sync-lag-threshold}, default 30 minutes). Any invalid or lagging connection makes it
 * {@code DEGRADED}, answered 200: one tenant's Gladly account must not take the node out of the load balancer, so
 * this indicator is in neither the readiness nor the liveness group. Only counts, never a company's name or id; the
 * counts themselves are shown to the operator only.
 */
@Component("gladlyConnectionsHealthIndicator")
class GladlyConnectionsHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some Gladly connections are invalid or lagging");

    private final IntakeMetrics intake;

    GladlyConnectionsHealth(IntakeMetrics intake) {
        this.intake = intake;
    }

    @Override
    public Health health() {
        IntakeMetrics.Snapshot s = intake.snapshot();
        Health.Builder b = s.invalid() > 0 || s.lagging() > 0 ? Health.status(DEGRADED) : Health.up();
        return b.withDetail("connections", s.connections())
                .withDetail("healthy", s.healthy())
                .withDetail("invalid", s.invalid())
                .withDetail("sync_in_progress", s.syncing())
                .withDetail("lagging", s.lagging())
                .withDetail("lag_threshold_seconds", intake.lagThreshold().toSeconds())
                .withDetail("max_lag_seconds", s.maxLagSeconds())
                .build();
    }
}
