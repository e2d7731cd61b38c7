package com.rostra.staffing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Scheduled agents per queue: people's queue_ids are skills; someone serving several queues counts for each in
 * proportion to their requirements in the interval (equally when none requires anyone). Worked by hand: queue A gets
 * every chat (one per quarter hour 10:00-10:45 on a weekday, 3 to schedule as in RequirementsApiTest), queue B none.
 * Ann serves A and B, Bob B, Cat A; all three on chat 10:00-11:00. 10:00: A = Ann 3/(3+0) + Cat = 2 (under 3),
 * B = Ann 0 + Bob = 1 (over 0). 10:45: nothing required anywhere, so Ann splits evenly: A = 1.5, B = 1.5 (both over).
 */
class QueueStaffingApiTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Autowired
    ContactStore store;

    @Test
    void aPersonServingSeveralQueuesCountsForEachInProportionToTheirRequirements() {
        TestCompany c = newCompany(ZONE.getId());
        long a = queue(c, "A", "Chat");
        long b = queue(c, "B", "Nothing routes here");
        store.upsert(new CompanyId(c.id()), WeeklyChats.sixWeeks(ZONE));
        Map<String, Object> settings = new HashMap<>(Map.of("service_level", 0.8, "target_seconds", 60, "aht_seconds", 300,
                "shrinkage", 0.3, "max_occupancy", 0.85, "concurrency", 1));
        for (long q : new long[] {a, b}) {
            Http.Response put = http.put("/api/v1/staffing-settings/" + q + "/chat", c.auth(), settings);
            assertThat(put.status()).as(put.body()).isEqualTo(200);
        }
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        java.time.Instant ten = monday.atTime(10, 0).atZone(ZONE).toInstant();
        String range = "&start=" + ten + "&end=" + ten.plusSeconds(3600);
        person(c, "ann", List.of(a, b), ten);
        person(c, "bob", List.of(b), ten);
        person(c, "cat", List.of(a), ten);

        JsonNode forA = http.get("/api/v1/requirements?channel=chat&queue_id=" + a + range, c.auth()).json();
        JsonNode forB = http.get("/api/v1/requirements?channel=chat&queue_id=" + b + range, c.auth()).json();
        JsonNode all = http.get("/api/v1/requirements?channel=chat" + range, c.auth()).json();
        assertThat(forA.get(0).get("required_with_shrinkage").asInt()).isEqualTo(3);
        assertThat(forB.get(0).get("required_with_shrinkage").asInt()).isZero();
        assertThat(forA.get(0).get("scheduled_for_queue").asDouble()).isEqualTo(2.0);
        assertThat(forA.get(0).get("staffing").asString()).isEqualTo("under");
        assertThat(forB.get(0).get("scheduled_for_queue").asDouble()).isEqualTo(1.0);
        assertThat(forB.get(0).get("staffing").asString()).isEqualTo("over");
        assertThat(forA.get(3).get("scheduled_for_queue").asDouble()).isEqualTo(1.5);
        assertThat(forB.get(3).get("scheduled_for_queue").asDouble()).isEqualTo(1.5);
        assertThat(forA.get(3).get("staffing").asString()).isEqualTo("over");
        // Two of A's people after 30 % shrinkage are one agent on chat: 1/3 Erlang, 300 s, 60 s target → 70.8 %.
        assertThat(forA.get(0).get("scheduled_service_level").asDouble()).isCloseTo(1 - (1.0 / 3) * Math.exp(-(1 - 1.0 / 3) * 60 / 300.0),
                within(0.001));
        // All queues together: everyone scheduled on the channel, whole.
        assertThat(all.get(0).get("scheduled_for_queue").asDouble()).isEqualTo(3.0);
        assertThat(all.get(0).get("scheduled_agents").asInt()).isEqualTo(3);
        // A person's shares add up to one: A + B in every interval is the three people.
        for (int i = 0; i < 4; i++) {
            assertThat(forA.get(i).get("scheduled_for_queue").asDouble() + forB.get(i).get("scheduled_for_queue").asDouble())
                    .isCloseTo(3.0, within(0.011));
        }
        // The Staffing page for queue A: the chart's scheduled line and the table carry the shares, the totals the day.
        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);
        String html = lead.get("/staffing?channel=chat&queue=" + a + "&day=" + monday);
        Matcher m = Pattern.compile("data-scheduled=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        String[] perQuarter = m.group(1).split("\\|");
        assertThat(perQuarter).hasSize(96);
        assertThat(perQuarter[40]).isEqualTo("2");
        assertThat(perQuarter[43]).isEqualTo("1.5");
        assertThat(perQuarter[44]).isEqualTo("0");
        assertThat(html).contains("id=\"staffing-table\"").contains("understaffed").contains("overstaffed");
        assertThat(html).containsPattern("data-staffing=\"under\"");
        Matcher totals = Pattern.compile("id=\"scheduled-hours\">([^<]*)<").matcher(html);
        assertThat(totals.find()).isTrue();
        // (2 + 2 + 2 + 1.5) / 4 agent-hours on A's side of the hour (10:15 and 10:30 are like 10:00).
        double expectedHours = 0;
        for (int i = 0; i < 4; i++) expectedHours += forA.get(i).get("scheduled_for_queue").asDouble() / 4;
        assertThat(Double.parseDouble(totals.group(1))).isCloseTo(expectedHours, within(0.05));
        Matcher under = Pattern.compile("id=\"under-count\">([^<]*)<").matcher(html);
        assertThat(under.find()).isTrue();
        long underRows = 0;
        java.time.Instant dayStart = monday.atStartOfDay(ZONE).toInstant();
        for (JsonNode r : http.get("/api/v1/requirements?channel=chat&queue_id=" + a + "&start=" + dayStart + "&end="
                + monday.plusDays(1).atStartOfDay(ZONE).toInstant(), c.auth()).json()) {
            if (r.get("staffing").asString().equals("under")) underRows++;
        }
        assertThat(Long.parseLong(under.group(1))).isEqualTo(underRows).isPositive();
    }

    private long queue(TestCompany c, String name, String inbox) {
        Http.Response r = http.post("/api/v1/queues", c.auth(), Map.of("name", name,
                "rules", List.of(Map.of("attribute", "inbox_when_queued", "operator", "is", "value", inbox))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private void person(TestCompany c, String name, List<Long> queues, java.time.Instant from) {
        Http.Response p = http.post("/api/v1/people", c.auth(), Map.of("first_name", name, "email", name + "-" + c.id() + "@example.com",
                "channels", List.of("chat"), "queue_ids", queues));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        ScheduleFixtures.schedule(http, c, p.json().get("id").asLong(), "Chat", from, from.plusSeconds(3600));
    }
}
