package com.rostra.gladly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery the event store cannot hold is refused on its own, with a 400 naming the field; it never fails the
 * other deliveries (of other companies) that arrive with it and share its group commit.
 */
class WebhookDeliveryIsolationApiTest extends ApiTest {

    private Http.Response post(TestCompany c, Object event) {
        return http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()), event);
    }

    private long stored(TestCompany c) {
        return jdbc.sql("select count(*) from gladly_events where company_id = ?").param(c.id()).query(Long.class).single();
    }

    private void assertRefused(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode problem = r.json();
        assertThat(problem.get("title").asString()).isEqualTo("Malformed Gladly event");
        assertThat(problem.get("detail").asString()).startsWith(field + ": ");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void overLongKeysAndAbsurdTimesAreRefusedWithTheFieldNamed() {
        TestCompany c = newCompany();
        Instant now = now();

        Map<String, Object> longType = event("AGENT_STATUS/LOGGED_IN", "agent-1", now, Map.of());
        longType.put("type", "AGENT_STATUS/" + "X".repeat(120));
        assertRefused(post(c, longType), "type");

        assertRefused(post(c, event("AGENT_STATUS/LOGGED_IN", "a".repeat(65), now, Map.of())), "content.agentId");

        Map<String, Object> farFuture = event("AGENT_STATUS/LOGGED_IN", "agent-1", now, Map.of());
        ((Map<String, Object>) farFuture.get("content")).put("occurredAt", "+99999-01-01T00:00:00Z");
        assertRefused(post(c, farFuture), "content.occurredAt");

        Map<String, Object> ancient = event("AGENT_STATUS/LOGGED_IN", "agent-1", now, Map.of());
        ((Map<String, Object>) ancient.get("content")).put("occurredAt", "0001-01-01T00:00:00Z");
        assertRefused(post(c, ancient), "content.occurredAt");

        Map<String, Object> garbled = event("AGENT_STATUS/LOGGED_IN", "agent-1", now, Map.of());
        ((Map<String, Object>) garbled.get("content")).put("occurredAt", "yesterday-ish");
        assertRefused(post(c, garbled), "content.occurredAt");

        Map<String, Object> badTimestamp = event("AGENT_STATUS/LOGGED_IN", "agent-1", now, Map.of());
        badTimestamp.put("timestamp", "3000-01-01T00:00:00Z");
        assertRefused(post(c, badTimestamp), "timestamp");

        assertThat(stored(c)).isZero();
        assertThat(jdbc.sql("select count(*) from gladly_rejected_deliveries where company_id = ?").param(c.id())
                .query(Long.class).single()).as("each refusal is recorded").isEqualTo(6);

        // The longest legal values are stored.
        Map<String, Object> edge = event("AGENT_STATUS/LOGGED_IN", "a".repeat(64), now, Map.of());
        edge.put("type", "T".repeat(100));
        assertThat(post(c, edge).status()).isEqualTo(200);
        assertThat(stored(c)).isOne();
    }

    /**
     * A row the database refuses although it parses (staged with a check constraint, as any unforeseen constraint
     * would): deliveries committed in the same group as it are still stored and acknowledged.
     */
    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnDelivery() throws Exception {
        TestCompany good = newCompany();
        TestCompany bad = newCompany();
        jdbc.sql("alter table gladly_events add constraint ck_test_poison check (event_id not like 'poison-%')").update();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Http.Response>> goodResponses = new ArrayList<>();
            List<Future<Http.Response>> badResponses = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Map<String, Object> e = event("AGENT_STATUS/LOGGED_IN", "agent-" + (i % 20), now(), Map.of());
                goodResponses.add(pool.submit(() -> post(good, e)));
                if (i % 3 == 0) {
                    Map<String, Object> poison = new LinkedHashMap<>(event("AGENT_STATUS/LOGGED_IN", "agent-p", now(), Map.of()));
                    poison.put("id", "poison-" + UUID.randomUUID());
                    badResponses.add(pool.submit(() -> post(bad, poison)));
                }
            }
            for (Future<Http.Response> f : goodResponses) {
                Http.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            for (Future<Http.Response> f : badResponses) {
                Http.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().get("detail").asString()).contains("could not be stored");
            }
            assertThat(stored(good)).isEqualTo(300);
            assertThat(stored(bad)).isZero();
        } finally {
            pool.shutdownNow();
            jdbc.sql("alter table gladly_events drop constraint ck_test_poison").update();
        }
    }
}
