package com.rostra.volume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;
import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Volume per local interval through the API, checked against the contacts stored, across a DST change. */
class VolumeApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    private static ContactRecord contact(String id, Channel channel, Instant queued, Integer firstResponse) {
        Instant fulfilled = firstResponse == null ? null : queued.plusSeconds(firstResponse);
        return new ContactRecord(id, "conv-" + id, "cust", channel, channel.name(), "INBOUND", "Customer", null, null,
                "in1", "Support", "in1", "Support", fulfilled == null ? ContactStatus.OPEN : ContactStatus.SOLVED, null,
                queued, queued, fulfilled, firstResponse, null, null, firstResponse, null, null);
    }

    @Test
    void hourlyVolumeOnTheFallBackDayHas25IntervalsAndMatchesTheContacts() {
        TestCompany company = newCompany("America/New_York");
        Instant dayStart = Instant.parse("2026-11-01T04:00:00Z"); // local midnight, EDT
        List<ContactRecord> contacts = new ArrayList<>();
        // One phone contact in every UTC half hour of the 25-hour day, plus chats at 01:30 EDT and 01:30 EST.
        for (int i = 0; i < 50; i++) {
            contacts.add(contact("p" + i, Channel.PHONE, dayStart.plus(Duration.ofMinutes(30L * i + 5)), i % 2 == 0 ? 30 : 90));
        }
        contacts.add(contact("c1", Channel.CHAT, Instant.parse("2026-11-01T05:30:00Z"), 10));
        contacts.add(contact("c2", Channel.CHAT, Instant.parse("2026-11-01T06:30:00Z"), 10));
        store.upsert(new CompanyId(company.id()), contacts);

        JsonNode volume = http.get("/api/v1/volume?start=2026-11-01T04:00:00Z&end=2026-11-02T05:00:00Z&interval=60m&group_by=channel",
                company.auth()).json();
        assertThat(volume.get("time_zone").asString()).isEqualTo("America/New_York");
        List<JsonNode> phone = new ArrayList<>();
        volume.get("intervals").forEach(i -> { if (i.get("key").asString().equals("phone")) phone.add(i); });
        assertThat(phone).hasSize(25);
        assertThat(phone).allSatisfy(i -> assertThat(i.get("count").asLong()).isEqualTo(2));
        JsonNode first = phone.get(0);
        assertThat(first.get("sla_total").asLong()).isEqualTo(2);
        assertThat(first.get("sla_met").asLong()).as("phone's default staffing target, 20 s: 30 s and 90 s missed").isZero();
        String range = "/api/v1/volume?start=2026-11-01T04:00:00Z&end=2026-11-01T05:00:00Z&interval=60m&group_by=channel";
        assertThat(http.put("/api/v1/staffing-settings/all/phone", company.auth(), java.util.Map.of("service_level", 0.8,
                "target_seconds", 60, "aht_seconds", 300)).status()).isEqualTo(200);
        assertThat(phoneMet(company, range)).as("the company's phone target, 60 s: 30 s met, 90 s missed").isEqualTo(1);

        // A queue's own target wins over the company's for the contacts it claims.
        long queue = http.post("/api/v1/queues", company.auth(), java.util.Map.of("name", "Phones", "rules",
                List.of(java.util.Map.of("attribute", "channel", "operator", "is", "value", "phone")))).json().get("id").asLong();
        assertThat(http.put("/api/v1/staffing-settings/" + queue + "/phone", company.auth(), java.util.Map.of("service_level", 0.8,
                "target_seconds", 100, "aht_seconds", 300)).status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> phoneMet(company, range) == 2);
        assertThat(first.get("avg_first_response_duration").asDouble()).isEqualTo(60.0);

        long chatsAtOneAm = 0;
        for (JsonNode i : volume.get("intervals")) {
            if (i.get("key").asString().equals("chat") && i.get("count").asLong() > 0) chatsAtOneAm++;
        }
        assertThat(chatsAtOneAm).as("the repeated 01:00 hour is two intervals").isEqualTo(2);

        JsonNode daily = http.get("/api/v1/volume?start=2026-11-01T04:00:00Z&end=2026-11-02T05:00:00Z&interval=1d",
                company.auth()).json().get("intervals");
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).get("count").asLong()).isEqualTo(52);

        JsonNode quarter = http.get("/api/v1/volume?start=2026-11-01T04:00:00Z&end=2026-11-02T05:00:00Z&interval=15m",
                company.auth()).json().get("intervals");
        assertThat(quarter).hasSize(100);
    }

    @Test
    void impossibleParametersAreRejected() {
        TestCompany company = newCompany();
        assertThat(http.get("/api/v1/volume?start=2026-11-02T00:00:00Z&end=2026-11-01T00:00:00Z", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/volume?start=yesterday&end=2026-11-01T00:00:00Z", company.auth()).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("start");
        assertThat(http.get("/api/v1/volume?start=2026-11-01T00:00:00Z&end=2026-11-02T00:00:00Z&interval=7m", company.auth())
                .json().get("errors").get(0).get("field").asString()).isEqualTo("interval");
        assertThat(http.get("/api/v1/volume?start=2000-01-01T00:00:00Z&end=2026-11-02T00:00:00Z&interval=15m", company.auth())
                .status()).as("too many intervals").isEqualTo(400);
        assertThat(http.get("/api/v1/volume?start=2026-11-01T00:00:00Z&end=2026-11-02T00:00:00Z&time_zone=Nowhere/Land", company.auth())
                .status()).isEqualTo(400);
        assertThat(http.get("/api/v1/volume?end=2026-11-02T00:00:00Z", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/contacts?limit=0", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/contacts?channel=fax", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/contacts?cursor=garbage!", company.auth()).status()).isEqualTo(400);
    }

    /**
     * Grouped by queue, each queue adds a key to every interval: a company with a dozen queues over 100 days of quarter
     * hours would answer 125,000 values. Refused by name, saying the limit and how to narrow the read; the same range
     * by channel, or by queue hourly, is answered.
     */
    @Test
    void aQueueGroupedReadTooLargeToAnswerIsRefusedNamingGroupBy() {
        TestCompany company = newCompany();
        for (int i = 0; i < 12; i++) {
            assertThat(http.post("/api/v1/queues", company.auth(), java.util.Map.of("name", "Queue " + i)).status()).isEqualTo(201);
        }
        String range = "/api/v1/volume?start=2026-06-01T00:00:00Z&end=2026-09-09T00:00:00Z"; // 100 days: 9,600 quarter hours

        com.rostra.support.Http.Response refused = http.get(range + "&interval=15m&group_by=queue", company.auth());
        assertThat(refused.status()).as(() -> refused.body().substring(0, Math.min(300, refused.body().length()))).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("group_by");
        assertThat(error.get("message").asString()).as("the limit and how to narrow the read")
                .contains("13 keys", "at most 100000", "shorten the range", "longer interval", "/api/v1/queues/{id}/volume");

        JsonNode byChannel = http.get(range + "&interval=15m&group_by=channel", company.auth()).json().get("intervals");
        assertThat(byChannel).as("five channels over the same range").hasSize(5 * 9_600);
        JsonNode hourly = http.get(range + "&interval=60m&group_by=queue", company.auth()).json().get("intervals");
        assertThat(hourly).as("thirteen keys (twelve queues and no_queue), hourly").hasSize(13 * 2_400);
    }

    private long phoneMet(TestCompany company, String range) {
        for (JsonNode i : http.get(range, company.auth()).json().get("intervals")) {
            if (i.get("key").asString().equals("phone")) return i.get("sla_met").asLong();
        }
        throw new AssertionError("no phone interval");
    }
}
