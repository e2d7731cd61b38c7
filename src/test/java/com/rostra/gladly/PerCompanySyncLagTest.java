package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Simulators;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync lag per company is opt-in (a label per tenant): without {@code rostra.metrics.per-company-sync-lag} only the
 * bounded min / max / lagging gauges exist; with it, one {@code rostra.sync.lag{company}} per connection.
 */
class PerCompanySyncLagTest extends ApiTest {

    @Test
    void perCompanySeriesOnlyWhenTheOperatorTurnsThemOn() {
        TestCompany c = newCompany();
        try (GladlySimulator sim = Simulators.start(12, 50)) {
            Instant before = now();
            connect(c, sim, 1);
            Simulators.assertHealthy(Simulators.awaitSettled(http, c, before));

            SimpleMeterRegistry off = new SimpleMeterRegistry();
            new IntakeMetrics(off, jdbc, clock, Duration.ofMinutes(30), false).refreshPerCompany();
            assertThat(off.find("rostra.sync.lag").meters()).isEmpty();
            assertThat(off.find("rostra.sync.lag.max").gauge()).isNotNull();

            SimpleMeterRegistry on = new SimpleMeterRegistry();
            IntakeMetrics metrics = new IntakeMetrics(on, jdbc, clock, Duration.ofMinutes(30), true);
            var gauge = on.find("rostra.sync.lag").tag("company", Long.toString(c.id())).gauge();
            assertThat(gauge).as("the company's own series").isNotNull();
            assertThat(gauge.value()).isGreaterThanOrEqualTo(0).isLessThan(Duration.ofDays(2).toSeconds());

            http.delete("/api/v1/integrations/gladly", c.auth());
            metrics.refreshPerCompany();
            assertThat(on.find("rostra.sync.lag").tag("company", Long.toString(c.id())).gauge())
                    .as("a disconnected company's series is removed").isNull();
        }
    }
}
