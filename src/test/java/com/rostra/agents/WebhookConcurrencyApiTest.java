package com.rostra.agents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimEvent;
import com.rostra.simulator.SimulatorConfig;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.MutableClock;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The webhook under concurrent, duplicated, reordered and simultaneous deliveries: each event lands exactly once. */
class WebhookConcurrencyApiTest extends ApiTest {

    private static String webhookAuth(TestCompany c) {
        return Http.basic(c.apiKey(), c.apiKey());
    }

    private long count(String sql, long company) {
        return jdbc.sql(sql).param(company).query(Long.class).single();
    }

    /** Runs every task at the same moment (after a shared start signal) and returns their results. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameEventDeliveredEightTimesAtOnceIsStoredAndAppliedOnce() throws Exception {
        TestCompany c = newCompany();
        Map<String, Object> e = event("AGENT_STATUS/LOGGED_IN", "agent-twice", now().minusSeconds(30), Map.of("activeReason", reason("Chat")));
        List<Callable<Http.Response>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) deliveries.add(() -> http.post("/webhooks/gladly", webhookAuth(c), e));
        List<Http.Response> answers = atOnce(deliveries);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(answers).extracting(r -> r.json().get("status").asString()).containsOnly("accepted", "duplicate")
                .filteredOn("accepted"::equals).hasSize(1);
        assertThat(count("select count(*) from gladly_events where company_id = ?", c.id())).isOne();
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from agent_state_changes where company_id = ?", c.id()) == 1);
        assertThat(count("select count(*) from gladly_events where company_id = ? and processed_at is null", c.id())).isZero();
    }

    @Test
    void manyAgentsAtOnceWithEveryEventTwiceLandInOneBatchPathExactlyOnce() throws Exception {
        TestCompany c = newCompany();
        Instant t = now().minusSeconds(600);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int a = 0; a < 40; a++) {
            events.add(event("AGENT_STATUS/LOGGED_IN", "agent-" + a, t.plusSeconds(a), Map.of("activeReason", reason("Phone"))));
            events.add(event("AGENT_STATUS/WENT_AWAY", "agent-" + a, t.plusSeconds(100 + a), Map.of("awayReason", reason("Lunch"))));
        }
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            for (int k = 0; k < 16; k++) {
                int thread = k;
                deliveries.add(() -> {
                    for (int i = thread; i < events.size(); i += 16) {
                        assertThat(http.post("/webhooks/gladly", webhookAuth(c), events.get(i)).status()).isEqualTo(200);
                    }
                    return 0;
                });
            }
        }
        atOnce(deliveries);
        assertThat(count("select count(*) from gladly_events where company_id = ?", c.id())).isEqualTo(80);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from agent_state_changes where company_id = ?", c.id()) == 80);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get("/api/v1/agent-states/current", c.auth()).json())
                .hasSize(40).allSatisfy(row -> assertThat(row.get("reason").asString()).isEqualTo("Lunch")));
    }

    @Test
    void twoChangesAtTheSameInstantBothEnterTheTimelineAndTheLaterDeliveryWins() {
        TestCompany c = newCompany();
        Instant same = now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Sent together in one burst so they can share a processing batch.
        http.post("/webhooks/gladly", webhookAuth(c), event("AGENT_STATUS/LOGGED_IN", "tie", same, Map.of("activeReason", reason("Email"))));
        http.post("/webhooks/gladly", webhookAuth(c), event("AGENT_STATUS/WENT_AWAY", "tie", same, Map.of("awayReason", reason("Coaching"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from agent_state_changes where company_id = ?", c.id()) == 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode current = http.get("/api/v1/agent-states/current", c.auth()).json();
            assertThat(current).hasSize(1);
            assertThat(current.get(0).get("state").asString()).isEqualTo("away");
            assertThat(current.get(0).get("reason").asString()).isEqualTo("Coaching");
        });
    }

    /**
     * End to end through a simulated Gladly whose webhook both duplicates every delivery and sends each burst newest
     * first: six hours of twenty agents' days arrive at once, and the timeline and current states match the
     * simulator's ground truth exactly.
     */
    @Test
    void duplicatedAndReversedDeliveriesFromGladlyMatchTheGroundTruth() throws Exception {
        TestCompany c = newCompany("America/New_York");
        Instant dayStart = Instant.parse("2026-11-17T12:00:00Z"); // a Tuesday, 07:00 in New York
        MutableClock simClock = new MutableClock(dayStart);
        SimulatorConfig config = SimulatorConfig.defaults(97).withContactsPerDay(10)
                .withWebhookRetryDelays(List.of(Duration.ofMillis(200), Duration.ofMillis(500)), Duration.ofSeconds(5));
        try (GladlySimulator sim = new GladlySimulator(config, simClock).start(0)) {
            sim.faults().duplicateWebhookDeliveries(true).reverseWebhookOrder(true);
            addWebhook(sim, c.apiKey(), List.of("AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/LOGGED_OUT", "AGENT_STATUS/WENT_AWAY",
                    "AGENT_STATUS/RETURNED_FROM_AWAY", "AGENT_STATUS/CHANGED_ACTIVE_REASON"));
            Instant until = dayStart.plus(Duration.ofHours(6));
            simClock.advance(Duration.ofHours(6));

            List<SimEvent> truth = sim.organization().agentEventsBetween(dayStart, until).stream()
                    .filter(e -> e.type().startsWith("AGENT_STATUS/"))
                    .filter(e -> !e.timestamp().isBefore(dayStart) && e.timestamp().isBefore(until)).toList();
            assertThat(truth).hasSizeGreaterThan(50);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    count("select count(*) from agent_state_changes where company_id = ?", c.id()) >= truth.size());
            assertThat(count("select count(*) from gladly_events where company_id = ?", c.id())).isEqualTo(truth.size());
            assertThat(count("select count(*) from agent_state_changes where company_id = ?", c.id())).isEqualTo(truth.size());
            // The simulator logs a delivery after Rostra has answered it.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sim.webhookDeliveries().size())
                    .as("every event was delivered twice").isGreaterThanOrEqualTo(2 * truth.size()));

            Map<String, Instant> lastChange = new HashMap<>();
            for (SimEvent e : truth) {
                Instant at = Instant.parse(e.content().get("occurredAt").toString());
                lastChange.merge(e.content().get("agentId").toString(), at, (a, b) -> b.isAfter(a) ? b : a);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<String, Instant> current = new HashMap<>();
                for (JsonNode row : http.get("/api/v1/agent-states/current", c.auth()).json()) {
                    current.put(row.get("gladly_agent_id").asString(), Instant.parse(row.get("since").asString()));
                }
                assertThat(current).isEqualTo(lastChange);
            });
        }
    }

    private void addWebhook(GladlySimulator sim, String apiKey, List<String> events) throws Exception {
        String gladlyAuth = "Basic " + Base64.getEncoder().encodeToString(
                (sim.config().apiUserEmail() + ":" + sim.config().apiToken()).getBytes(StandardCharsets.UTF_8));
        String body = Http.JSON.writeValueAsString(Map.of("name", "Rostra Agent States",
                "url", "http://127.0.0.1:" + port + "/webhooks/gladly", "events", events,
                "credentials", Map.of("username", apiKey, "password", apiKey), "enabled", true));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/webhooks"))
                .header("Authorization", gladlyAuth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
