package com.rostra.gladly;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Simulators;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Gladly answering slower than the client waits: each call gives up at the timeout, retries, then says why. */
class SlowGladlyApiTest extends ApiTest {

    @Autowired
    RequestBudget budget;
    @Autowired
    GladlyProperties properties;

    private GladlyProperties withTimeout(Duration timeout, int attempts) {
        GladlyProperties p = properties;
        return new GladlyProperties(p.allowedHosts(), p.encryptionKey(), p.dataDir(), p.defaultBackfillDays(), p.syncInterval(),
                p.trailingWindow(), p.maxWindow(), p.targetRowsPerReport(), p.requestsPerSecond(), p.reportsPerMinute(),
                p.reportWindowMargin(), p.callLookupsPerRun(), timeout, attempts, Duration.ofMillis(10), Duration.ofMillis(50),
                p.rateLimitPatience(), p.syncRetryBase());
    }

    @Test
    void aSlowGladlyTimesOutRetriesAndReportsTheTimeout() {
        try (GladlySimulator sim = Simulators.start(93, 20)) {
            CompanyId company = new CompanyId(newCompany().id());
            GladlyClient client = new GladlyClient(company, sim.baseUrl(), sim.config().apiUserEmail(), sim.config().apiToken(),
                    budget, withTimeout(Duration.ofSeconds(1), 2));
            sim.faults().latency(Duration.ofSeconds(3));
            GladlyApiException e = catchThrowableOfType(GladlyApiException.class, client::agents);
            assertThat(e).isNotNull();
            assertThat(e.status()).as("no answer").isZero();
            assertThat(e.getMessage()).contains("did not answer within 1 s").contains("after 2 attempts");
            // The simulator logs a request once it has answered, after its delay.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(sim.requests()).filteredOn(r -> r.path().endsWith("/agents")).hasSize(2));

            sim.faults().latency(Duration.ZERO);
            assertThat(client.agents()).hasSize(20);
        }
    }
}
