package com.rostra.forecasting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * Cached fits follow the volume under them: storing contacts, changing a queue's rules and importing volume each
 * make the next forecast read the new volume, with no call to /api/v1/forecasts/rebuild.
 */
class ForecastCacheApiTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Autowired
    ContactStore store;

    private String nextMonday() {
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return "&interval=1d&start=" + monday.atStartOfDay(ZONE).toOffsetDateTime() + "&end="
                + monday.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
    }

    private double monday(TestCompany company, String series) {
        Http.Response r = http.get("/api/v1/forecasts?" + series + nextMonday(), company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode days = r.json().get("intervals");
        assertThat(days).hasSize(1);
        return days.get(0).get("volume").asDouble();
    }

    /** The same six weeks again under other ids: every interval doubles. */
    private static List<ContactRecord> copies(List<ContactRecord> originals) {
        return originals.stream().map(c -> new ContactRecord("x" + c.externalId(), "x" + c.conversationId(), c.customerId(),
                c.channel(), c.gladlyChannel(), c.direction(), c.initiator(), c.entryPoint(), c.finalIvrSelection(),
                c.inboxWhenQueuedId(), c.inboxWhenQueued(), c.inboxWhenEndedId(), c.inboxWhenEnded(), c.status(),
                c.gladlyStatus(), c.externalCreatedAt(), c.queuedAt(), c.firstRespondedAt(), c.firstResponseDuration(),
                c.callStartedAt(), c.answeredAt(), c.answerWaitSeconds(), c.endedAt(), c.agentId())).toList();
    }

    @Test
    void storedContactsQueueRuleChangesAndImportsEachReplaceCachedFits() {
        TestCompany company = newCompany(ZONE.getId());
        CompanyId id = new CompanyId(company.id());
        List<ContactRecord> sixWeeks = WeeklyChats.sixWeeks(ZONE);
        store.upsert(id, sixWeeks);
        assertThat(monday(company, "channel=chat")).isCloseTo(24.0, offset(0.01));

        store.upsert(id, copies(sixWeeks));
        assertThat(monday(company, "channel=chat")).as("contacts stored: the fit is not the cached one").isCloseTo(48.0, offset(0.01));

        long queue = http.post("/api/v1/queues", company.auth(), Map.of("name", "Mail", "channels", List.of("email")))
                .json().get("id").asLong();
        assertThat(monday(company, "queue_id=" + queue)).isZero();
        Http.Response moved = http.put("/api/v1/queues/" + queue, company.auth(), Map.of("name", "Chat", "channels", List.of("chat")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/queues/assignment", company.auth()).json().get("status").asString().equals("up_to_date"));
        assertThat(monday(company, "queue_id=" + queue)).as("queue rules changed").isCloseTo(48.0, offset(0.01));

        assertThat(monday(company, "channel=phone")).isZero();
        StringBuilder csv = new StringBuilder("interval_start,queue_id,channel,count\n");
        LocalDate today = today(ZONE);
        for (LocalDate d = today.minusWeeks(6); d.isBefore(today); d = d.plusDays(1)) {
            csv.append(d.atTime(10, 0).atZone(ZONE).toOffsetDateTime()).append(",,phone,7\n");
        }
        Http.Response imported = http.postRaw("/api/v1/volume/import?interval_minutes=60", company.auth(), "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(monday(company, "channel=phone")).as("volume imported").isCloseTo(7.0, offset(0.01));
    }
}
