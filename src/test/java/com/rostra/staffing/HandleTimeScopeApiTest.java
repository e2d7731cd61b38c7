package com.rostra.staffing;

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
 * A Work Session counts under its contact's queue and own channel, only while the contact is counted (not excluded),
 * and only when it ended within the weeks asked. Sessions by hand (handle + after-contact seconds):
 * queue A phone: p1 100+20, p2 200+40 and again 60+0 (a transfer, two sessions) → 3 sessions, mean 140, handle 120,
 * after-contact 20. Every queue's phone adds p3 (no queue) 500+100 → 4 sessions, mean 255, handle 215, after-contact
 * 40. Left out everywhere: p4 (Billing but excluded by A's exclusion) 900+0, a session of a contact Rostra never stored
 * 700+0, and a session of p1 that ended nine weeks ago 999+0. Queue A chat: c1 300+30.
 */
class HandleTimeScopeApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    @Autowired
    HandleTimes handleTimes;

    @Test
    void aSessionCountsUnderItsContactsQueueAndChannelWhileTheContactCounts() {
        TestCompany c = newCompany();
        CompanyId company = new CompanyId(c.id());
        Http.Response created = http.post("/api/v1/queues", c.auth(), Map.of("name", "A",
                "rules", List.of(Map.of("attribute", "inbox_when_queued", "operator", "is", "value", "Billing")),
                "exclusions", List.of(Map.of("attribute", "entry_point", "operator", "contains", "value", "spam"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long a = created.json().get("id").asLong();

        // Whole seconds, as Gladly reports times: the store keeps microseconds.
        Instant at = now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store.upsert(company, List.of(
                contact("p1", Channel.PHONE, "Billing", null, at),
                contact("p2", Channel.PHONE, "Billing", null, at.plusSeconds(3600)),
                contact("p3", Channel.PHONE, "Support", null, at.plusSeconds(7200)),
                contact("p4", Channel.PHONE, "Billing", "spam line", at.plusSeconds(10_800)),
                contact("c1", Channel.CHAT, "Billing", null, at.plusSeconds(14_400))));
        Instant ended = at.plus(Duration.ofHours(6));
        handleTimes.record(company, List.of(
                session("s1", "p1", ended, 100, 20),
                session("s2", "p2", ended, 200, 40),
                session("s2b", "p2", ended, 60, 0),
                session("s3", "p3", ended, 500, 100),
                session("s4", "p4", ended, 900, 0),
                session("s5", "never-stored", ended, 700, 0),
                session("s6", "p1", now().minus(Duration.ofDays(63)), 999, 0),
                session("s7", "c1", ended, 300, 30)));

        String base = "/api/v1/staffing-settings/";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get(base + a + "/phone/measured-handle-time", c.auth()).json().get("sessions").asLong())
                        .as("the contacts are assigned to A").isEqualTo(3));
        JsonNode phoneA = http.get(base + a + "/phone/measured-handle-time", c.auth()).json();
        assertThat(phoneA.get("mean_seconds").asDouble()).isEqualTo(140.0);
        assertThat(phoneA.get("mean_handle_seconds").asDouble()).isEqualTo(120.0);
        assertThat(phoneA.get("mean_after_contact_seconds").asDouble()).isEqualTo(20.0);

        JsonNode phoneAll = http.get(base + "all/phone/measured-handle-time", c.auth()).json();
        assertThat(phoneAll.get("sessions").asLong()).isEqualTo(4);
        assertThat(phoneAll.get("mean_seconds").asDouble()).isEqualTo(255.0);
        assertThat(phoneAll.get("mean_handle_seconds").asDouble()).isEqualTo(215.0);
        assertThat(phoneAll.get("mean_after_contact_seconds").asDouble()).isEqualTo(40.0);

        JsonNode chatA = http.get(base + a + "/chat/measured-handle-time", c.auth()).json();
        assertThat(chatA.get("sessions").asLong()).isEqualTo(1);
        assertThat(chatA.get("mean_seconds").asDouble()).isEqualTo(330.0);

        JsonNode sms = http.get(base + "all/sms/measured-handle-time", c.auth()).json();
        assertThat(sms.get("sessions").asLong()).isZero();
        assertThat(sms.get("mean_seconds").isNull()).isTrue();

        // Ten weeks reach the old session of p1 too.
        JsonNode tenWeeks = http.get(base + a + "/phone/measured-handle-time?weeks=10", c.auth()).json();
        assertThat(tenWeeks.get("sessions").asLong()).isEqualTo(4);
        assertThat(tenWeeks.get("mean_seconds").asDouble()).isEqualTo((120 + 240 + 60 + 999) / 4.0, org.assertj.core.data.Offset.offset(0.05));
    }

    private static ContactRecord contact(String id, Channel channel, String inbox, String entryPoint, Instant at) {
        String gladly = channel == Channel.PHONE ? "PHONE_CALL" : "CHAT";
        return new ContactRecord(id, "conv-" + id, "cust", channel, gladly, "INBOUND", "Customer", entryPoint, null,
                "inbox-" + inbox, inbox, "inbox-" + inbox, inbox, ContactStatus.SOLVED, "Answered", at, at,
                at.plusSeconds(30), 30, null, null, 30, at.plusSeconds(600), null);
    }

    private static HandleTimes.Observation session(String id, String contactId, Instant ended, double handle, double acw) {
        return new HandleTimes.Observation(id, contactId, "PHONE_CALL", "inbox", ended, handle, acw);
    }
}
