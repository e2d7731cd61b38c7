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

    /**
     * A "sync now" that lands while a run is executing cannot move that run; it used to be dropped until the next
     * interval (an hour here). The run now sees the request when it ends and the next one starts at once.
     */
    @Test
    void syncNowDuringARunGetsARunRightAfterIt() throws Exception {
        try (GladlySimulator sim = Simulators.start(78, 200)) {
            TestCompany company = newCompany();
            Instant before = now();
            assertThat(connect(company, sim, 1).status()).isEqualTo(200);
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
            Simulators.awaitHandleTimes(http, company, http.get("/api/v1/integrations/gladly", company.auth()).json());

            sim.faults().latency(Duration.ofSeconds(2));
            long agentListsBefore = agentLists(sim);
            assertThat(http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of()).status()).isEqualTo(202);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> agentLists(sim) > agentListsBefore);
            // The run asked for above is executing now (every request takes two seconds): this request cannot move it.
            long running = agentLists(sim);
            assertThat(http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of()).status()).isEqualTo(202);
            sim.faults().latency(Duration.ZERO);
            org.awaitility.Awaitility.await("a run after the one executing when sync now was asked")
                    .atMost(Duration.ofSeconds(60)).until(() -> agentLists(sim) > running);
        }
    }

    /** Each sync run starts by reading Gladly's agent list. */
    private static long agentLists(GladlySimulator sim) {
        return sim.requests().stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/agents")).count();
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
