package com.rostra.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Gladly's AGENT_STATUS webhook through HTTP: auth, every event type, duplicates, order, bad bodies. */
class AgentStateWebhookApiTest extends ApiTest {

    private static String webhookAuth(TestCompany c) {
        return Http.basic(c.apiKey(), c.apiKey());
    }

    private Http.Response post(TestCompany c, Object event) {
        return http.post("/webhooks/gladly", webhookAuth(c), event);
    }

    private JsonNode currentOf(TestCompany c, String agentId) {
        for (JsonNode row : http.get("/api/v1/agent-states/current", c.auth()).json()) {
            if (row.get("gladly_agent_id").asString().equals(agentId)) return row;
        }
        return null;
    }

    private JsonNode awaitState(TestCompany c, String agentId, String state, String reason) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = currentOf(c, agentId);
            return last[0] != null && last[0].get("state").asString().equals(state)
                    && (reason == null ? last[0].get("reason").isNull() : reason.equals(last[0].get("reason").asString()));
        });
        return last[0];
    }

    @Test
    void onlyTheCompanyKeyAsUsernameAndPasswordIsAccepted() {
        TestCompany c = newCompany();
        Map<String, Object> e = event("AGENT_STATUS/LOGGED_IN", "agent-1", now(), Map.of());
        assertThat(http.post("/webhooks/gladly", null, e).status()).isEqualTo(401);
        assertThat(http.post("/webhooks/gladly", Http.basic(c.apiKey(), ""), e).status()).as("password must be the key").isEqualTo(401);
        assertThat(http.post("/webhooks/gladly", Http.basic("rk_notAKeyButLooksLikeOne123", "rk_notAKeyButLooksLikeOne123"), e).status()).isEqualTo(401);
        Http.Response unauthorized = http.post("/webhooks/gladly", Http.basic(c.apiKey(), "other"), e);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.json().get("detail").asString()).contains("both username and password");
        assertThat(jdbc.sql("select count(*) from gladly_events where company_id = ?").param(c.id()).query(Long.class).single()).isZero();
        assertThat(post(c, e).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from gladly_events where company_id = ?").param(c.id()).query(Long.class).single()).isOne();
    }

    @Test
    void pingIsAnsweredWith200AndStoresNothing() {
        TestCompany c = newCompany();
        Http.Response r = post(c, Map.of("id", "p1", "type", "PING", "timestamp", now().toString(), "content", Map.of()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("pong");
        assertThat(jdbc.sql("select count(*) from gladly_events where company_id = ?").param(c.id()).query(Long.class).single()).isZero();
    }

    @Test
    void everyAgentStatusEventMovesTheStateAndTheTimelineKeepsEachChange() {
        TestCompany c = newCompany();
        String agent = "agent-" + UUID.randomUUID();
        Instant t = now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        assertThat(post(c, event("AGENT_STATUS/LOGGED_IN", agent, t, Map.of("activeReason", reason("Triaging Inbox (Default)")))).status()).isEqualTo(200);
        JsonNode row = awaitState(c, agent, "active", "Triaging Inbox (Default)");
        assertThat(row.get("person_id").isNull()).isTrue();
        assertThat(row.get("activity_type").asString()).isEqualTo("Productive");

        post(c, event("AGENT_AVAILABILITY/UPDATED", agent, t.plusSeconds(5), Map.of("availableFor", List.of("VOICE", "MESSAGING"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> currentOf(c, agent).get("available_for").size() == 2);

        post(c, event("AGENT_STATUS/CHANGED_ACTIVE_REASON", agent, t.plusSeconds(60), Map.of("activeReason", reason("Phones"))));
        awaitState(c, agent, "active", "Phones");

        post(c, event("AGENT_STATUS/WENT_AWAY", agent, t.plusSeconds(600), Map.of("awayReason", reason("Lunch"))));
        assertThat(awaitState(c, agent, "away", "Lunch").get("activity_type").asString()).isEqualTo("Lunch");

        post(c, event("AGENT_STATUS/RETURNED_FROM_AWAY", agent, t.plusSeconds(2400), Map.of("awayAt", t.plusSeconds(600).toString(),
                "awayReason", reason("Lunch"), "activeReason", reason("Phones"))));
        awaitState(c, agent, "active", "Phones");

        post(c, event("AGENT_STATUS/WENT_AWAY", agent, t.plusSeconds(3000), Map.of()));
        assertThat(awaitState(c, agent, "away", null).get("activity_type").asString()).as("idle auto-away").isEqualTo("Away");

        post(c, event("AGENT_STATUS/LOGGED_OUT", agent, t.plusSeconds(3600), Map.of()));
        JsonNode out = awaitState(c, agent, "logged_out", null);
        assertThat(out.get("activity_type").asString()).isEqualTo("Offline");
        assertThat(Instant.parse(out.get("since").asString())).isEqualTo(t.plusSeconds(3600));

        JsonNode timeline = http.get("/api/v1/agent-states?gladly_agent_id=" + agent, c.auth()).json();
        assertThat(timeline).extracting(e -> e.get("state").asString())
                .containsExactly("active", "active", "away", "active", "away", "logged_out");
        assertThat(Instant.parse(timeline.get(0).get("end").asString())).isEqualTo(t.plusSeconds(60));
        assertThat(timeline.get(5).get("end").isNull()).isTrue();
    }

    @Test
    void duplicatesAreIdempotentAndLateEventsNeverOverwriteNewerStates() {
        TestCompany c = newCompany();
        String agent = "agent-" + UUID.randomUUID();
        Instant t = now().minus(Duration.ofMinutes(30));
        Map<String, Object> loggedIn = event("AGENT_STATUS/LOGGED_IN", agent, t, Map.of("activeReason", reason("Email")));
        Map<String, Object> away = event("AGENT_STATUS/WENT_AWAY", agent, t.plusSeconds(900), Map.of("awayReason", reason("Break")));

        // Newer first, then the older one arrives late.
        assertThat(post(c, away).json().get("status").asString()).isEqualTo("accepted");
        awaitState(c, agent, "away", "Break");
        post(c, loggedIn);
        assertThat(post(c, loggedIn).json().get("status").asString()).isEqualTo("duplicate");
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states?gladly_agent_id=" + agent, c.auth()).json().size() == 2);
        assertThat(currentOf(c, agent).get("state").asString()).as("the late event did not overwrite").isEqualTo("away");

        JsonNode timeline = http.get("/api/v1/agent-states?gladly_agent_id=" + agent, c.auth()).json();
        assertThat(timeline).extracting(e -> e.get("state").asString()).containsExactly("active", "away");
        assertThat(jdbc.sql("select count(*) from gladly_events where company_id = ?").param(c.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badBodiesGetAClear400AndAreLogged() {
        TestCompany c = newCompany();
        Http.Response notJson = http.postRaw("/webhooks/gladly", webhookAuth(c), "application/json", "{\"id\": \"x\", \"type\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asString()).contains("not valid JSON");
        Http.Response noId = post(c, Map.of("type", "AGENT_STATUS/LOGGED_IN", "content", Map.of()));
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().get("detail").asString()).contains("no id");
        assertThat(http.postRaw("/webhooks/gladly", webhookAuth(c), "application/json", "[1,2]").status()).isEqualTo(400);
        assertThat(http.postRaw("/webhooks/gladly", webhookAuth(c), "application/json", "").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from gladly_rejected_deliveries where company_id = ?").param(c.id())
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndRecorded() {
        TestCompany c = newCompany();
        Map<String, Object> e = Map.of("id", "future-1", "type", "AGENT_STATUS/TELEPORTED", "timestamp", now().toString(),
                "content", Map.of("agentId", "a"));
        assertThat(post(c, e).status()).isEqualTo(200);
        assertThat(post(c, Map.of("id", "conv-1", "type", "CONVERSATION/CLOSED", "timestamp", now().toString(),
                "content", Map.of("conversationId", "v"))).status()).isEqualTo(200);
        assertThat(jdbc.sql("select type from gladly_events where company_id = ? order by id").param(c.id()).query(String.class).list())
                .containsExactly("AGENT_STATUS/TELEPORTED", "CONVERSATION/CLOSED");
    }

    @Test
    void statesOfAnAgentUnknownAtFirstAttachWhenThePersonIsAdded() {
        TestCompany c = newCompany();
        String agent = "agent-" + UUID.randomUUID();
        post(c, event("AGENT_STATUS/LOGGED_IN", agent, now().minusSeconds(120), Map.of("activeReason", reason("Chat"))));
        assertThat(awaitState(c, agent, "active", "Chat").get("person_id").isNull()).isTrue();

        Http.Response person = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Late", "last_name", "Comer",
                "email", "late@example.com", "gladly_agent_id", agent, "channels", List.of("chat")));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        long personId = person.json().get("id").asLong();
        JsonNode row = currentOf(c, agent);
        assertThat(row.get("person_id").asLong()).isEqualTo(personId);
        assertThat(row.get("name").asString()).isEqualTo("Late Comer");
        JsonNode timeline = http.get("/api/v1/agent-states?person_id=" + personId, c.auth()).json();
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("person_id").asLong()).isEqualTo(personId);
    }

    @Test
    void contactStartedEventsShowNewVolumeBeforeTheNextReport() {
        TestCompany c = newCompany();
        Instant now = now();
        Map<String, Object> started = Map.of("id", "cs-1", "type", "CONTACT/STARTED", "timestamp", now.toString(),
                "initiator", Map.of("id", "cust", "type", "CUSTOMER"),
                "content", Map.of("channel", "WHATSAPP", "contactId", "contact-1", "conversationId", "conv-1", "customerId", "cust",
                        "context", Map.of("assignee", Map.of("inboxId", "inbox-1")), "entryPoint", "+1800"));
        assertThat(post(c, started).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get("/api/v1/contacts?channel=social", c.auth()).json().get("contacts").size() == 1);
        JsonNode contact = http.get("/api/v1/contacts?channel=social", c.auth()).json().get("contacts").get(0);
        assertThat(contact.get("external_id").asString()).isEqualTo("contact-1");
        assertThat(contact.get("status").asString()).isEqualTo("open");
    }

    @Test
    void oneCompanysKeyCannotWriteAnothersStates() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        String agent = "shared-agent-id";
        Map<String, Object> e = event("AGENT_STATUS/LOGGED_IN", agent, now().minusSeconds(60), Map.of("activeReason", reason("A")));
        post(a, e);
        awaitState(a, agent, "active", "A");
        assertThat(currentOf(b, agent)).as("B never sees A's agent").isNull();
        assertThat(post(b, e).json().get("status").asString()).as("same event id is B's own, separate").isEqualTo("accepted");
        // Stored at once, applied by the processor a moment later.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.get("/api/v1/agent-states?gladly_agent_id=" + agent, b.auth()).json()).hasSize(1));
        assertThat(http.get("/api/v1/agent-states?gladly_agent_id=" + agent, a.auth()).json()).hasSize(1);
    }

    @Test
    void stateMappingsListEverySeenStateAndCanBeChanged() {
        TestCompany c = newCompany();
        String agent = "agent-" + UUID.randomUUID();
        Instant t = now().minusSeconds(600);
        post(c, event("AGENT_STATUS/LOGGED_IN", agent, t, Map.of("activeReason", reason("Phones"))));
        post(c, event("AGENT_STATUS/WENT_AWAY", agent, t.plusSeconds(10), Map.of("awayReason", reason("Coaching"))));
        awaitState(c, agent, "away", "Coaching");

        JsonNode view = http.get("/api/v1/agent-state-mappings", c.auth()).json();
        assertThat(view.get("mappings")).isNotEmpty();
        assertThat(view.get("seen")).anySatisfy(s -> {
            assertThat(s.get("reason").asString()).isEqualTo("Coaching");
            assertThat(s.get("count").asLong()).isEqualTo(1);
            assertThat(s.get("activity_type").asString()).isEqualTo("Away");
        });

        Http.Response put = http.put("/api/v1/agent-state-mappings", c.auth(), List.of(
                Map.of("state", "active", "reason", "*", "activity_type", "Productive", "productive", true),
                Map.of("state", "away", "reason", "Coaching", "activity_type", "Training", "productive", false)));
        assertThat(put.status()).isEqualTo(200);
        assertThat(currentOf(c, agent).get("activity_type").asString()).isEqualTo("Training");
        JsonNode seen = put.json().get("seen");
        assertThat(seen).anySatisfy(s -> assertThat(s.get("mapped").asBoolean()).isTrue());

        http.put("/api/v1/agent-state-mappings", c.auth(), List.of(
                Map.of("state", "active", "reason", "*", "activity_type", "Productive", "productive", true)));
        JsonNode unmapped = http.get("/api/v1/agent-state-mappings", c.auth()).json().get("seen");
        assertThat(unmapped).anySatisfy(s -> {
            assertThat(s.get("reason").asString()).isEqualTo("Coaching");
            assertThat(s.get("mapped").asBoolean()).as("unmapped states stay visible").isFalse();
        });
        assertThat(http.put("/api/v1/agent-state-mappings", c.auth(), List.of(Map.of("state", "dancing", "reason", "*",
                "activity_type", "X", "productive", true))).status()).isEqualTo(400);
        Http.Response fax = http.put("/api/v1/agent-state-mappings", c.auth(), List.of(Map.of("state", "active", "reason", "*",
                "activity_type", "X", "productive", true, "channel", "fax")));
        assertThat(fax.status()).isEqualTo(400);
        assertThat(fax.body()).contains("mappings[0].channel", "must be phone, email, chat, sms or social");
        assertThat(http.put("/api/v1/agent-state-mappings", c.auth(), List.of(Map.of("state", "active", "reason", "*",
                "activity_type", "Phone", "productive", true, "channel", "SMS"))).status())
                .as("channel names are case-insensitive").isEqualTo(200);
    }
}
