package com.rostra.queues;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.tenancy.CompanyId;

import static com.rostra.queues.QueueFixtures.externalIds;
import static com.rostra.queues.QueueFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** One company's key can neither read nor change another's queues, nor use them, nor see its contacts through them. */
class QueueIsolationApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    @Test
    void anotherCompanysQueueDoesNotExistForYou() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        store.upsert(new CompanyId(a.id()), QueueFixtures.sample());
        store.upsert(new CompanyId(b.id()), QueueFixtures.sample());
        long phoneA = http.post("/api/v1/queues", a.auth(), Map.of("name", "Phone", "channels", List.of("phone"))).json().get("id").asLong();

        assertThat(http.get("/api/v1/queues/" + phoneA, b.auth()).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/queues/" + phoneA, b.auth(), Map.of("name", "Hijacked")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/queues/" + phoneA, b.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/queues/" + phoneA + "/volume?start=2026-11-20T00:00:00Z&end=2026-11-21T00:00:00Z", b.auth())
                .status()).isEqualTo(404);
        assertThat(http.get("/api/v1/queues", b.auth()).json()).isEmpty();
        Http.Response child = http.post("/api/v1/queues", b.auth(), Map.of("name", "Child", "parent_id", phoneA));
        assertThat(child.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/contacts?queue_id=" + phoneA, b.auth()).status()).isEqualTo(400);
        Http.Response person = http.post("/api/v1/people", b.auth(), Map.of("first_name", "Bo", "last_name", "B",
                "email", "bo@example.com", "role", "agent", "staffable", true, "channels", List.of("phone"), "queue_ids", List.of(phoneA)));
        assertThat(person.status()).isEqualTo(400);

        // B's own rules and exclusions touch only B's contacts.
        http.put("/api/v1/exclusions", b.auth(), Map.of("exclusions", List.of(rule("channel", "is", "phone"))));
        assertThat(externalIds(http, a.auth(), "queue_id=" + phoneA)).containsExactly("c1", "c4");
        assertThat(externalIds(http, a.auth(), "excluded=true")).isEmpty();
        assertThat(externalIds(http, b.auth(), "excluded=true")).containsExactly("c1", "c4");
        assertThat(http.get("/api/v1/queues/" + phoneA, a.auth()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/queues", "Basic bm9wZTo=").status()).isEqualTo(401);
    }

    @Test
    void ruleValuesOnOfferComeFromTheCompanysOwnContacts() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        java.time.Instant recent = now().minus(java.time.Duration.ofDays(2));
        store.upsert(new CompanyId(a.id()), List.of(QueueFixtures.contact("a1", recent, com.rostra.contacts.Channel.EMAIL,
                "EMAIL", "INBOUND", "in-a", "Billing", "Billing", "Answered", null)));
        store.upsert(new CompanyId(b.id()), List.of(QueueFixtures.contact("b1", recent, com.rostra.contacts.Channel.CHAT,
                "CHAT", "OUTBOUND", "in-b", "Secret inbox", "Secret inbox", "Answered", null)));
        tools.jackson.databind.JsonNode values = http.get("/api/v1/queues/attribute-values", a.auth()).json();
        assertThat(values.get("inbox_when_queued").toString()).contains("Billing").doesNotContain("Secret inbox");
        assertThat(values.get("direction").toString()).contains("INBOUND").doesNotContain("OUTBOUND");
        assertThat(values.get("channel").toString()).isEqualTo("[\"email\"]");
        assertThat(http.get("/api/v1/queues/attribute-values", "Basic bm9wZTo=").status()).isEqualTo(401);
    }

    @Test
    void peopleKeepOnlyQueuesThatExist() {
        TestCompany company = newCompany();
        long chat = http.post("/api/v1/queues", company.auth(), Map.of("name", "Chat", "channels", List.of("chat"))).json().get("id").asLong();
        Http.Response person = http.post("/api/v1/people", company.auth(), Map.of("first_name", "Ana", "last_name", "Silva",
                "email", "ana@example.com", "role", "agent", "staffable", true, "channels", List.of("chat"), "queue_ids", List.of(chat)));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        assertThat(person.json().get("queue_ids").toString()).isEqualTo("[" + chat + "]");
        assertThat(http.delete("/api/v1/queues/" + chat, company.auth()).status()).isEqualTo(204);
        long id = person.json().get("id").asLong();
        Http.Response after = http.get("/api/v1/people/" + id, company.auth());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("queue_ids").toString()).as("the deleted queue is let go of").isIn("[]", "null");
    }
}
