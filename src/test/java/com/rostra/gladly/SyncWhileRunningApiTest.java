package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Sync now" and re-authorizing while a sync is running: the scheduler cannot move a running execution, which used to
 * surface as a 500. Both answer normally; the run that used old credentials is followed at once by one with the new.
 */
class SyncWhileRunningApiTest extends ApiTest {

    @Test
    void syncNowAndReauthorizeDuringARunAnswerNormallyAndTheSyncEndsHealthy() throws Exception {
        try (GladlySimulator sim = Simulators.start(77, 400)) {
            sim.faults().latency(Duration.ofMillis(150));
            TestCompany company = newCompany();
            Instant before = now();
            assertThat(connect(company, sim, 3).status()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (jdbc.sql("select count(*) from gladly_events where company_id = ?").param(company.id()).query(Long.class).single() == 0
                    && jdbc.sql("select count(*) from contacts where company_id = ?").param(company.id()).query(Long.class).single() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (int i = 0; i < 3; i++) {
                Http.Response sync = http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of());
                assertThat(sync.status()).as(sync.body()).isEqualTo(202);
            }
            Map<String, Object> keepToken = new HashMap<>(Simulators.connectBody(sim, 2));
            keepToken.put("api_token", "");
            Http.Response reauthorized = http.put("/api/v1/integrations/gladly", company.auth(), keepToken);
            assertThat(reauthorized.status()).as("a blank token keeps the stored one: " + reauthorized.body()).isEqualTo(200);

            sim.faults().latency(Duration.ZERO);
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
            assertThat(jdbc.sql("select backfill_days from gladly_connections where company_id = ?").param(company.id())
                    .query(Integer.class).single()).isEqualTo(2);
        }
    }

    @Test
    void aBlankTokenWithoutAConnectionIsStillRequired() {
        TestCompany company = newCompany();
        Http.Response r = http.put("/api/v1/integrations/gladly", company.auth(), Map.of("username", "api@example.com",
                "api_token", "", "subdomain", "acme"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("api_token");
    }
}
