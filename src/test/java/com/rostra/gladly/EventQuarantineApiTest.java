package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stored event that cannot be applied is set aside with its error; it holds back neither the company's other
 * events nor any other company's. Over-long labels are applied shortened.
 */
class EventQuarantineApiTest extends ApiTest {

    private Http.Response post(TestCompany c, Object event) {
        return http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()), event);
    }

    private JsonNode currentOf(TestCompany c, String agentId) {
        for (JsonNode row : http.get("/api/v1/agent-states/current", c.auth()).json()) {
            if (row.get("gladly_agent_id").asString().equals(agentId)) return row;
        }
        return null;
    }

    private static Map<String, Object> contactStarted(String contactId, Instant at) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("contactId", contactId);
        content.put("conversationId", "conv-" + UUID.randomUUID());
        content.put("customerId", "cust-1");
        content.put("channel", "CHAT");
        content.put("occurredAt", at.toString());
        content.put("entryPoint", "entry-" + "e".repeat(500));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UUID.randomUUID().toString());
        e.put("type", "CONTACT/STARTED");
        e.put("timestamp", at.toString());
        e.put("initiator", Map.of("id", "cust-1", "type", "CUSTOMER"));
        e.put("content", content);
        return e;
    }

    @Test
    void anEventThatCannotBeAppliedIsQuarantinedAndHoldsBackNoOtherEventOrCompany() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        Instant t = now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);

        // A contact id longer than any contact id column: Gladly still gets its 200 (it is stored), but it cannot be applied.
        Map<String, Object> unappliable = contactStarted("c".repeat(100), t);
        assertThat(post(a, unappliable).status()).isEqualTo(200);

        // Over-long labels: applied, shortened to their columns.
        String agentA = "agent-" + UUID.randomUUID();
        String longReason = "Lunch " + "x".repeat(400);
        assertThat(post(a, event("AGENT_STATUS/LOGGED_IN", agentA, t.plusSeconds(1), Map.of())).status()).isEqualTo(200);
        assertThat(post(a, event("AGENT_STATUS/WENT_AWAY", agentA, t.plusSeconds(2), Map.of("awayReason", reason(longReason))))
                .status()).isEqualTo(200);
        List<String> manyChannels = new ArrayList<>();
        for (int i = 0; i < 20; i++) manyChannels.add("CHANNEL_NUMBER_" + i);
        assertThat(post(a, event("AGENT_AVAILABILITY/UPDATED", agentA, t.plusSeconds(3), Map.of("availableFor", manyChannels)))
                .status()).isEqualTo(200);

        // Another company's ordinary event, stored after the bad one.
        String agentB = "agent-" + UUID.randomUUID();
        assertThat(post(b, event("AGENT_STATUS/LOGGED_IN", agentB, t.plusSeconds(4), Map.of())).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode stateB = currentOf(b, agentB);
            assertThat(stateB).as("company B's agent is not held back by company A's bad event").isNotNull();
            assertThat(stateB.get("state").asString()).isEqualTo("active");
        });
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode stateA = currentOf(a, agentA);
            assertThat(stateA).isNotNull();
            assertThat(stateA.get("state").asString()).isEqualTo("away");
            assertThat(stateA.get("reason").asString()).hasSize(300).isEqualTo(longReason.substring(0, 300));
        });
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            String available = jdbc.sql("select available_for from agent_current_states where company_id = ? and gladly_agent_id = ?")
                    .params(a.id(), agentA).query(String.class).optional().orElse(null);
            assertThat(available).startsWith("CHANNEL_NUMBER_0,CHANNEL_NUMBER_1,");
            assertThat(available.length()).isLessThanOrEqualTo(100);
        });

        JsonNode status = awaitQuarantined(a, 1);
        JsonNode last = status.get("last_quarantined_event");
        assertThat(last.get("event_id").asString()).isEqualTo(unappliable.get("id"));
        assertThat(last.get("type").asString()).isEqualTo("CONTACT/STARTED");
        assertThat(last.get("error").asString()).isNotBlank();
        assertThat(last.get("at").isNull()).isFalse();
        assertThat(http.get("/api/v1/integrations/gladly", b.auth()).json().get("quarantined_events").asLong()).isZero();

        // Quarantined once, not retried in a loop: the row is marked processed and keeps its error.
        Map<String, Object> row = jdbc.sql("select processed_at, quarantined_at, quarantine_reason from gladly_events where company_id = ? and event_id = ?")
                .params(a.id(), unappliable.get("id")).query().singleRow();
        assertThat(row.get("processed_at")).isNotNull();
        assertThat(row.get("quarantined_at")).isNotNull();
        assertThat((String) row.get("quarantine_reason")).isNotBlank();

        // Later events of the same company keep flowing.
        assertThat(post(a, event("AGENT_STATUS/RETURNED_FROM_AWAY", agentA, t.plusSeconds(5), Map.of())).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> "active".equals(currentOf(a, agentA).get("state").asString()));
        assertThat(http.get("/api/v1/integrations/gladly", a.auth()).json().get("quarantined_events").asLong()).isOne();
    }

    @Test
    void theIntegrationsPageShowsTheQuarantinedCountAndTheLatestError() {
        TestCompany a = newCompany();
        String email = addUser(a, "admin", "Quinn Quarantine");
        assertThat(post(a, contactStarted("k".repeat(90), now().minusSeconds(60))).status()).isEqualTo(200);
        awaitQuarantined(a, 1);

        String page = new PageSession(port).login(email, USER_PASSWORD).get("/settings/integrations");
        assertThat(page).contains("id=\"gladly-quarantine\"").contains("1 webhook event could not be applied")
                .contains("CONTACT/STARTED");
    }

    private JsonNode awaitQuarantined(TestCompany c, long count) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = http.get("/api/v1/integrations/gladly", c.auth()).json();
            return last[0].get("quarantined_events").asLong() == count;
        });
        return last[0];
    }
}
