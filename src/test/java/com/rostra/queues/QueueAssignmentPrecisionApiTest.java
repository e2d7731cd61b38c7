package com.rostra.queues;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;
import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A contact queued at a time finer than the database keeps (nanoseconds; stored rounded to microseconds) is assigned
 * to its queue like any other: the changed range announced by the store covers the stored time.
 */
class QueueAssignmentPrecisionApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    @Test
    void aContactQueuedAtANanosecondTimeIsAssignedToItsQueue() {
        TestCompany c = newCompany();
        Http.Response created = http.post("/api/v1/queues", c.auth(), Map.of("name", "Billing",
                "rules", List.of(Map.of("attribute", "inbox_when_queued", "operator", "is", "value", "Billing"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long billing = created.json().get("id").asLong();

        Instant day = now().minus(Duration.ofDays(1));
        // 0.9 µs past a microsecond rounds up when stored; 0.1 µs past one rounds down.
        Instant up = Instant.ofEpochSecond(day.getEpochSecond(), 123_456_900);
        Instant down = Instant.ofEpochSecond(day.getEpochSecond() + 60, 123_456_100);
        store.upsert(new CompanyId(c.id()), List.of(contact("n1", up), contact("n2", down)));

        String range = "&start=" + day.minusSeconds(3600) + "&end=" + day.plusSeconds(3600);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed = http.get("/api/v1/contacts?queue_id=" + billing + range, c.auth()).json().get("contacts");
            assertThat(listed).extracting(k -> k.get("external_id").asString()).containsExactlyInAnyOrder("n1", "n2");
        });
    }

    private static ContactRecord contact(String id, Instant at) {
        return new ContactRecord(id, "conv-" + id, "cust", Channel.PHONE, "PHONE_CALL", "INBOUND", "Customer", null, null,
                "inbox-billing", "Billing", "inbox-billing", "Billing", ContactStatus.SOLVED, "Answered", at, at,
                at.plusSeconds(30), 30, null, null, 30, at.plusSeconds(600), null);
    }
}
