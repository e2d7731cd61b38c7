package com.rostra.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /actuator/health as a load balancer, Kubernetes and an operator read it: one indicator per concern (database,
 * scheduler, Gladly connections), readiness and liveness groups, and counts of healthy / invalid / lagging
 * connections that only the operator sees.
 */
class HealthApiTest extends ApiTest {

    @Test
    void probesAndComponentsAreOpenButDetailsAreTheOperatorsOnly() {
        Http.Response anonymous = http.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        JsonNode components = anonymous.json().get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("dbScheduler").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("gladlyConnections").get("status").asString()).isIn("UP", "DEGRADED");
        assertThat(components.get("gladlyConnections").has("details")).as("no counts for anonymous callers").isFalse();
        assertThat(components.get("db").has("details")).isFalse();

        Http.Response readiness = http.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").has("db")).isTrue();
        assertThat(readiness.json().get("components").has("dbScheduler")).isTrue();
        assertThat(readiness.json().get("components").has("gladlyConnections"))
                .as("one tenant's Gladly account does not take the node out of the load balancer").isFalse();
        Http.Response liveness = http.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.json().get("components").has("db")).as("a database outage does not restart the pod").isFalse();

        TestCompany c = newCompany();
        assertThat(http.get("/actuator/health", c.auth()).json().get("components").get("gladlyConnections").has("details"))
                .as("a company key is not the operator").isFalse();
        assertThat(http.get("/actuator/health", "Bearer wrong").status()).as("a wrong token still gets the open answer").isEqualTo(200);
        JsonNode details = http.get("/actuator/health", OPERATOR).json().get("components").get("gladlyConnections").get("details");
        assertThat(details.get("lag_threshold_seconds").asLong()).isEqualTo(1800);
        assertThat(details.has("healthy")).isTrue();
    }

    @Test
    void invalidAndLaggingConnectionsAreCountedAndDegradeTheIndicator() {
        // Other tests' connections come and go (and the counts are cached up to 5 s): counts are checked as lower bounds.
        TestCompany revoked = newCompany();
        TestCompany behind = newCompany();
        try (GladlySimulator sim = Simulators.start(31, 50)) {
            Instant start = now();
            connect(revoked, sim, 1);
            connect(behind, sim, 1);
            Simulators.assertHealthy(Simulators.awaitSettled(http, revoked, start));
            Simulators.assertHealthy(Simulators.awaitSettled(http, behind, start));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(gladly().get("details").get("healthy").asLong()).isGreaterThanOrEqualTo(2));

            // Gladly refuses the token at the next sync: the connection is invalid until the company re-authorizes.
            sim.faults().revokeToken(true);
            Instant resync = now();
            http.post("/api/v1/integrations/gladly/sync", revoked.auth(), Map.of());
            assertThat(Simulators.awaitSettled(http, revoked, resync).get("status").asString()).isEqualTo("invalid");
            sim.faults().revokeToken(false);
            // A sync that stopped advancing: the checkpoint two hours back (staged; the scheduler would take 2 h).
            jdbc.sql("update gladly_connections set contacts_checkpoint = ? where company_id = ?")
                    .params(Db.ts(now().minus(Duration.ofHours(2))), behind.id()).update();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode g = gladly();
                assertThat(g.get("status").asString()).isEqualTo("DEGRADED");
                assertThat(g.get("details").get("invalid").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(g.get("details").get("lagging").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(g.get("details").get("max_lag_seconds").asDouble()).isGreaterThanOrEqualTo(7200);
            });
            Http.Response anonymous = http.get("/actuator/health", null);
            assertThat(anonymous.status()).as("DEGRADED still answers 200").isEqualTo(200);
            assertThat(anonymous.json().get("status").asString()).isEqualTo("DEGRADED");
            assertThat(anonymous.body()).doesNotContain(revoked.name()).doesNotContain(behind.name())
                    .doesNotContain("\"invalid\"");
            assertThat(http.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");

            String scrape = http.get("/actuator/prometheus", OPERATOR).body();
            assertThat(scrape).contains("rostra_gladly_connections_invalid ").contains("rostra_sync_lagging ");
        }
    }

    private JsonNode gladly() {
        return http.get("/actuator/health", OPERATOR).json().get("components").get("gladlyConnections");
    }
}
