package com.rostra.queues;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static com.rostra.queues.QueueFixtures.externalIds;
import static com.rostra.queues.QueueFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** Priority, nesting, exclusions, No queue and the volume that follows from them. */
class QueueHierarchyApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    private long create(TestCompany company, Map<String, Object> body) {
        Http.Response r = http.post("/api/v1/queues", company.auth(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    @Test
    void contactsLandInTheMostSpecificQueueAndCountInItsParents() {
        TestCompany company = newCompany();
        store.upsert(new CompanyId(company.id()), QueueFixtures.sample());
        long support = create(company, body("name", "Support", "rules", List.of(rule("direction", "is", "inbound")),
                "exclusions", List.of(rule("inbox_when_queued", "contains", "spam"))));
        long billing = create(company, body("name", "Billing", "parent_id", support,
                "rules", List.of(rule("inbox_when_queued", "starts_with", "billing"))));
        long voice = create(company, body("name", "Voice", "parent_id", support, "channels", List.of("phone")));
        long outbound = create(company, body("name", "Outbound", "rules", List.of(rule("direction", "is", "outbound"))));
        Http.Response excl = http.put("/api/v1/exclusions", company.auth(),
                Map.of("exclusions", List.of(rule("gladly_channel", "is", "FB_MESSENGER"))));
        assertThat(excl.status()).as(excl.body()).isEqualTo(200);

        String auth = company.auth();
        assertThat(externalIds(http, auth, "queue_id=" + billing)).as("children are tried first").containsExactly("c1", "c2");
        assertThat(externalIds(http, auth, "queue_id=" + voice)).as("Billing comes before Voice").isEmpty();
        assertThat(externalIds(http, auth, "queue_id=" + support)).as("a child's contacts count in the parent")
                .containsExactly("c1", "c2", "c3");
        assertThat(externalIds(http, auth, "queue_id=" + outbound)).containsExactly("c4");
        assertThat(externalIds(http, auth, "queue_id=no_queue")).containsExactly("c7");
        assertThat(externalIds(http, auth, "queue_id=" + support + "&excluded=true")).as("the parent's exclusion")
                .containsExactly("c5");
        assertThat(externalIds(http, auth, "excluded=true")).containsExactly("c5", "c6");
        assertThat(externalIds(http, auth, "")).as("excluded contacts are kept").hasSize(7);

        JsonNode c1 = QueueFixtures.contact(http, auth, "c1");
        assertThat(c1.get("queue_ids").toString()).isEqualTo("[" + billing + "," + support + "]");
        assertThat(QueueFixtures.contact(http, auth, "c6").get("excluded").asBoolean()).isTrue();

        Map<String, Long> volume = dailyVolume(auth, "/api/v1/volume", "queue");
        assertThat(volume).containsEntry(String.valueOf(support), 3L).containsEntry(String.valueOf(billing), 2L)
                .containsEntry(String.valueOf(voice), 0L).containsEntry(String.valueOf(outbound), 1L)
                .containsEntry("no_queue", 1L);
        assertThat(dailyVolume(auth, "/api/v1/volume", "none")).containsEntry("all", 5L);
        assertThat(dailyVolume(auth, "/api/v1/queues/" + support + "/volume", "channel"))
                .containsEntry("phone", 1L).containsEntry("email", 1L).containsEntry("chat", 1L).containsEntry("sms", 0L);
        assertThat(dailyVolume(auth, "/api/v1/queues/" + support + "/volume", "queue"))
                .as("within a queue, grouping by queue shows it and its children only")
                .containsEntry(String.valueOf(support), 3L).containsEntry(String.valueOf(billing), 2L)
                .doesNotContainKey(String.valueOf(outbound)).doesNotContainKey("no_queue");

        // Priority change: Voice before Billing takes the inbound call.
        JsonNode voiceQueue = http.get("/api/v1/queues/" + voice, auth).json();
        assertThat(http.put("/api/v1/queues/" + voice, auth, body("name", "Voice", "parent_id", support, "priority", 1,
                "channels", List.of("phone"))).status()).isEqualTo(200);
        assertThat(voiceQueue.get("priority").asInt()).isGreaterThan(1);
        assertThat(externalIds(http, auth, "queue_id=" + voice)).containsExactly("c1");
        assertThat(externalIds(http, auth, "queue_id=" + billing)).containsExactly("c2");

        // Deleting a child hands its contacts back to the parent; the parent with children cannot go.
        assertThat(http.delete("/api/v1/queues/" + support, auth).status()).isEqualTo(409);
        assertThat(http.delete("/api/v1/queues/" + billing, auth).status()).isEqualTo(204);
        assertThat(QueueFixtures.contact(http, auth, "c2").get("queue_ids").toString()).isEqualTo("[" + support + "]");
        assertThat(http.get("/api/v1/queues/" + billing, auth).status()).isEqualTo(404);

        // Clearing the company-wide exclusion: c6 matches Support now (inbound, no spam).
        http.put("/api/v1/exclusions", auth, Map.of("exclusions", List.of()));
        assertThat(externalIds(http, auth, "excluded=true")).containsExactly("c5");
        assertThat(externalIds(http, auth, "queue_id=" + support)).containsExactly("c1", "c2", "c3", "c6");

        List<String> order = new ArrayList<>();
        http.get("/api/v1/queues", auth).json().forEach(q -> order.add(q.get("name").asString()));
        assertThat(order).as("parents before children, each level by priority").containsExactly("Support", "Voice", "Outbound");
    }

    @Test
    void contactsArrivingAfterTheRulesAreAssignedAsTheyAreStored() {
        TestCompany company = newCompany();
        long phone = create(company, body("name", "Phone", "channels", List.of("phone")));
        store.upsert(new CompanyId(company.id()), QueueFixtures.sample());
        assertThat(externalIds(http, company.auth(), "queue_id=" + phone)).containsExactly("c1", "c4");
        // An update that changes the channel moves the contact.
        ContactRecord moved = QueueFixtures.contact("c3", 20, Channel.PHONE, "PHONE_CALL", "INBOUND", "in-r", "Returns",
                "Returns", "Answered", null);
        store.upsert(new CompanyId(company.id()), List.of(moved));
        assertThat(externalIds(http, company.auth(), "queue_id=" + phone)).containsExactly("c1", "c3", "c4");

        // An earlier phone message of the same conversation arrives later: the whole conversation counts as phone.
        ContactRecord later = QueueFixtures.contact("c7", 55, Channel.EMAIL, "EMAIL", null, "in-o", "Other", "Other", "Answered", null);
        ContactRecord earlier = new ContactRecord("c0", later.conversationId(), "cust", Channel.PHONE, "PHONE_CALL", "INBOUND",
                "Customer", null, null, "in-o", "Other", null, "Other", later.status(), "Answered",
                QueueFixtures.DAY.minusSeconds(3600), QueueFixtures.DAY.minusSeconds(3600), null, null, null, null, null, null, null);
        store.upsert(new CompanyId(company.id()), List.of(earlier));
        assertThat(QueueFixtures.contact(http, company.auth(), "c7").get("channel").asString()).isEqualTo("phone");
        assertThat(externalIds(http, company.auth(), "queue_id=" + phone)).containsExactly("c0", "c1", "c3", "c4", "c7");
    }

    @Test
    void aLargeHistoryIsReassignedInTheBackgroundWithProgress() {
        TestCompany company = newCompany();
        List<ContactRecord> many = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            many.add(QueueFixtures.contact("m" + i, i, i % 2 == 0 ? Channel.CHAT : Channel.EMAIL, i % 2 == 0 ? "CHAT" : "EMAIL",
                    "INBOUND", "in-x", "Inbox " + (i % 3), "Inbox", "Answered", null));
        }
        store.upsert(new CompanyId(company.id()), many);
        long chat = create(company, body("name", "Chat", "channels", List.of("chat")));
        JsonNode status = http.get("/api/v1/queues/assignment", company.auth()).json();
        assertThat(status.get("rules_version").asLong()).isEqualTo(1);
        assertThat(status.get("status").asString()).as("more than the inline limit of the test profile").isIn("pending", "running");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/api/v1/queues/assignment", company.auth()).json().get("status").asString()).isEqualTo("up_to_date"));
        JsonNode done = http.get("/api/v1/queues/assignment", company.auth()).json();
        assertThat(done.get("done").asLong()).isEqualTo(130);
        assertThat(done.get("total").asLong()).isEqualTo(130);
        assertThat(externalIds(http, company.auth(), "queue_id=" + chat)).hasSize(65);
        long inDatabase = jdbc.sql("select count(*) from contacts where company_id = ? and queue_path = ?")
                .params(company.id(), "," + chat + ",").query(Long.class).single();
        assertThat(inDatabase).isEqualTo(65);
        assertThat(dailyVolume(company.auth(), "/api/v1/volume", "queue")).as("the interval volume follows the re-assignment")
                .containsEntry(String.valueOf(chat), 65L).containsEntry("no_queue", 65L);
    }

    @Test
    void aReassignmentInterruptedMidWayResumesAtItsLastChunk() {
        TestCompany company = newCompany();
        List<ContactRecord> many = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            many.add(QueueFixtures.contact("r" + i, i, Channel.CHAT, "CHAT", "INBOUND", "in-x", "Inbox", "Inbox", "Answered", null));
        }
        store.upsert(new CompanyId(company.id()), many);
        long chat = create(company, body("name", "Chat", "channels", List.of("chat")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/queues/assignment", company.auth()).json().get("status").asString().equals("up_to_date"));

        // A node died while applying version 2 of the rules (chat → email, which matches none of these chats),
        // after its chunk up to the 80th contact had committed.
        List<Long> ids = jdbc.sql("select id from contacts where company_id = ? order by id").param(company.id()).query(Long.class).list();
        long cursor = ids.get(79);
        jdbc.sql("update queues set channels = 'email' where id = ?").param(chat).update();
        // The first 80 keep their old queue as a marker: a resumed run must not touch them again, a restart would.
        jdbc.sql("""
                update queue_assignments set rules_version = 2, applied_version = 1, running_version = 2, cursor_id = ?,
                    done = 80, total = 130 where company_id = ?""").params(cursor, company.id()).update();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/queues/assignment", company.auth()).json().get("status").asString().equals("up_to_date"));
        JsonNode status = http.get("/api/v1/queues/assignment", company.auth()).json();
        assertThat(status.get("done").asLong()).isEqualTo(130);
        assertThat(status.get("applied_version").asLong()).isEqualTo(2);
        assertThat(externalIds(http, company.auth(), "queue_id=" + chat)).as("not processed again").hasSize(80);
        assertThat(externalIds(http, company.auth(), "queue_id=no_queue")).as("the rest, under the new rules").hasSize(50);
    }

    @Test
    void aQueueVolumeFollowsTheCompanyTimeZoneAcrossTheSpringForwardDay() {
        TestCompany company = newCompany("America/New_York");
        Instant localMidnight = Instant.parse("2026-03-08T05:00:00Z"); // 2026-03-08 00:00 EST; the day has 23 hours
        List<ContactRecord> contacts = new ArrayList<>();
        for (int h = 0; h < 23; h++) {
            Instant at = localMidnight.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(20));
            contacts.add(QueueFixtures.contact("d" + h, at, Channel.CHAT, "CHAT", "INBOUND", "in", "Chat", "Chat", "Answered", null));
        }
        long chat = create(company, body("name", "Chat", "channels", List.of("chat")));
        store.upsert(new CompanyId(company.id()), contacts);
        JsonNode hourly = http.get("/api/v1/queues/" + chat + "/volume?start=2026-03-08T05:00:00Z&end=2026-03-09T04:00:00Z"
                + "&interval=60m&group_by=queue", company.auth()).json();
        assertThat(hourly.get("time_zone").asString()).isEqualTo("America/New_York");
        assertThat(hourly.get("intervals")).hasSize(23).allSatisfy(i -> assertThat(i.get("count").asLong()).isEqualTo(1));
        JsonNode daily = http.get("/api/v1/queues/" + chat + "/volume?start=2026-03-08T05:00:00Z&end=2026-03-09T04:00:00Z"
                + "&interval=1d&group_by=queue", company.auth()).json().get("intervals");
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).get("count").asLong()).isEqualTo(23);
        assertThat(daily.get(0).get("start").asString()).isEqualTo("2026-03-08T05:00:00Z");
        for (String interval : List.of("15m", "30m")) {
            JsonNode series = http.get("/api/v1/queues/" + chat + "/volume?start=2026-03-08T05:00:00Z&end=2026-03-09T04:00:00Z"
                    + "&interval=" + interval + "&group_by=channel", company.auth()).json().get("intervals");
            long chatIntervals = 0;
            long total = 0;
            for (JsonNode i : series) {
                if (i.get("key").asString().equals("chat")) {
                    chatIntervals++;
                    total += i.get("count").asLong();
                }
            }
            assertThat(chatIntervals).as(interval).isEqualTo(interval.equals("15m") ? 92 : 46);
            assertThat(total).isEqualTo(23);
        }
    }

    private Map<String, Long> dailyVolume(String auth, String path, String groupBy) {
        Http.Response r = http.get(path + "?start=2026-11-20T00:00:00Z&end=2026-11-21T00:00:00Z&interval=1d&group_by=" + groupBy, auth);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        r.json().get("intervals").forEach(i -> counts.merge(i.get("key").asString(), i.get("count").asLong(), Long::sum));
        return counts;
    }

}
