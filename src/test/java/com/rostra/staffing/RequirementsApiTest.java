package com.rostra.staffing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.LocalDayFixtures;
import com.rostra.support.LocalDayFixtures.LocalMonday;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** From the forecast of a steady chat week to agents per interval, with saved settings and a what-if preview. */
class RequirementsApiTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Autowired
    ContactStore store;

    @Test
    void oneChatAQuarterHourNeedsTwoAgentsAndThreeToSchedule() {
        TestCompany company = newCompany(ZONE.getId());
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(ZONE));
        Map<String, Object> settings = new HashMap<>(Map.of("service_level", 0.8, "target_seconds", 60, "aht_seconds", 300,
                "shrinkage", 0.3, "max_occupancy", 0.85, "concurrency", 1));
        Http.Response put = http.put("/api/v1/staffing-settings/all/chat", company.auth(), settings);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/staffing-settings/all/chat", company.auth()).json().get("aht_seconds").asInt()).isEqualTo(300);

        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String range = "&start=" + monday.atTime(10, 0).atZone(ZONE).toOffsetDateTime() + "&end=" + monday.atTime(11, 0).atZone(ZONE).toOffsetDateTime();
        JsonNode intervals = http.get("/api/v1/requirements?channel=chat" + range, company.auth()).json();
        assertThat(intervals).hasSize(4);
        // 10:05, 10:20, 10:35: one chat in each of the first three quarter hours. A = 1 × 300 / 900 = 1/3 Erlang:
        // one agent answers 70.8% within 60 s, two answer 96.6%.
        JsonNode first = intervals.get(0);
        assertThat(first.get("forecast_volume").asDouble()).isEqualTo(1.0);
        assertThat(first.get("required_agents").asInt()).isEqualTo(2);
        assertThat(first.get("required_with_shrinkage").asInt()).isEqualTo(3);
        assertThat(first.get("expected_service_level").asDouble()).isBetween(0.96, 0.97);
        assertThat(first.get("scheduled_agents").asInt()).as("nobody scheduled yet").isZero();
        assertThat(intervals.get(3).get("required_agents").asInt()).as("nothing forecast at 10:45").isZero();

        // Two people on chat from 10:00 to 10:30, one of them on a break after that.
        long chat = typeId(company, "Chat");
        long lunch = typeId(company, "Lunch");
        for (String who : new String[] {"ann", "bob"}) {
            long person = http.post("/api/v1/people", company.auth(), Map.of("first_name", who, "email", who + "@example.com"))
                    .json().get("id").asLong();
            Http.Response a = http.post("/api/v1/activities", company.auth(), Map.of("person_id", person, "activity_type_id", chat,
                    "start", monday.atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString(),
                    "end", monday.atTime(10, 30).atZone(ZONE).toOffsetDateTime().toString()));
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            http.post("/api/v1/activities", company.auth(), Map.of("person_id", person, "activity_type_id", lunch,
                    "start", monday.atTime(10, 30).atZone(ZONE).toOffsetDateTime().toString(),
                    "end", monday.atTime(11, 0).atZone(ZONE).toOffsetDateTime().toString()));
        }
        JsonNode withSchedule = http.get("/api/v1/requirements?channel=chat" + range, company.auth()).json();
        assertThat(withSchedule.get(0).get("scheduled_agents").asInt()).isEqualTo(2);
        assertThat(withSchedule.get(1).get("scheduled_agents").asInt()).isEqualTo(2);
        assertThat(withSchedule.get(2).get("scheduled_agents").asInt()).as("a break is not productive").isZero();
        assertThat(http.get("/api/v1/requirements?channel=phone" + range, company.auth()).json().get(0).get("scheduled_agents").asInt())
                .as("chat agents do not staff the phones").isZero();

        JsonNode whatIf = http.get("/api/v1/requirements?channel=chat&service_level=0.7" + range, company.auth()).json();
        assertThat(whatIf.get(0).get("required_agents").asInt()).as("a 70% target is met by one").isEqualTo(1);
        assertThat(http.get("/api/v1/staffing-settings/all/chat", company.auth()).json().get("service_level").asDouble())
                .as("a preview saves nothing").isEqualTo(0.8);
    }

    @Test
    void erlangASettingsDriveTheRequirements() {
        TestCompany company = newCompany(ZONE.getId());
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(ZONE));
        Map<String, Object> settings = new HashMap<>(Map.of("service_level", 0.8, "target_seconds", 60, "aht_seconds", 300,
                "shrinkage", 0.3, "max_occupancy", 0.85, "concurrency", 1));
        assertThat(http.put("/api/v1/staffing-settings/all/chat", company.auth(), settings).status()).isEqualTo(200);
        LocalDate monday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String range = "&start=" + monday.atTime(10, 0).atZone(ZONE).toOffsetDateTime() + "&end=" + monday.atTime(10, 15).atZone(ZONE).toOffsetDateTime();
        JsonNode erlangC = http.get("/api/v1/requirements?channel=chat" + range, company.auth()).json().get(0);
        assertThat(erlangC.get("required_agents").asInt()).isEqualTo(2);

        // Chatters who leave after 10 minutes on average: with one agent, 1/3 Erlang, most who wait are still answered.
        settings.putAll(Map.of("model", "erlang_a", "patience_seconds", 600));
        Http.Response put = http.put("/api/v1/staffing-settings/all/chat", company.auth(), settings);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode saved = http.get("/api/v1/staffing-settings/all/chat", company.auth()).json();
        assertThat(saved.get("model").asString()).isEqualTo("erlang_a");
        assertThat(saved.get("patience_seconds").asInt()).isEqualTo(600);
        assertThat(saved.has("staffing_model")).as("only the wire fields").isFalse();
        JsonNode erlangA = http.get("/api/v1/requirements?channel=chat" + range, company.auth()).json().get(0);
        double a = 300 / 900.0;
        int expected = ErlangA.agents(a, 300, 600, 60, 0.8, 0.85);
        assertThat(erlangA.get("required_agents").asInt()).isEqualTo(expected).isLessThanOrEqualTo(2);
        assertThat(erlangA.get("expected_service_level").asDouble())
                .isCloseTo(ErlangA.metrics(a, expected, 300, 600, 60).serviceLevel(), org.assertj.core.api.Assertions.within(1e-4));
        // A what-if back to Erlang C without saving.
        JsonNode whatIf = http.get("/api/v1/requirements?channel=chat&model=erlang_c" + range, company.auth()).json().get(0);
        assertThat(whatIf.get("required_agents").asInt()).isEqualTo(2);
    }

    @Test
    void aBareDateIsTheCompanysLocalDayNotUtcs() {
        LocalMonday auckland = LocalDayFixtures.aucklandWithSixWeeksOfChats(this, store);
        TestCompany company = auckland.company();
        LocalDate monday = auckland.monday();
        Instant midnight = auckland.midnight();

        Http.Response day = http.get("/api/v1/requirements?channel=chat&start=" + monday, company.auth());
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        JsonNode intervals = day.json();
        assertThat(intervals).as("that local day's quarter hours").hasSize(96);
        assertThat(Instant.parse(intervals.get(0).get("start").asString())).isEqualTo(midnight);
        assertThat(Instant.parse(intervals.get(95).get("start").asString())).isEqualTo(midnight.plus(Duration.ofHours(23).plusMinutes(45)));

        JsonNode twoDays = http.get("/api/v1/requirements?channel=chat&start=" + monday + "&end=" + monday.plusDays(2), company.auth()).json();
        assertThat(Instant.parse(twoDays.get(0).get("start").asString())).isEqualTo(midnight);
        assertThat(Instant.parse(twoDays.get(twoDays.size() - 1).get("start").asString()))
                .as("end is the start of that local day too").isEqualTo(monday.plusDays(2).atStartOfDay(auckland.zone()).toInstant().minus(Duration.ofMinutes(15)));

        // An instant with an offset is read as before.
        Instant utcMidnight = monday.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        JsonNode fromInstant = http.get("/api/v1/requirements?channel=chat&start=" + utcMidnight, company.auth()).json();
        assertThat(Instant.parse(fromInstant.get(0).get("start").asString())).isEqualTo(utcMidnight);
    }

    @Test
    void withoutAnEndADstDayIsItsLocalDayNot24Hours() {
        // New York's clocks go back on 2026-11-01 (a 25-hour day) and forward on 2027-03-14 (23 hours); the endpoint
        // takes past and future days alike.
        ZoneId newYork = ZoneId.of("America/New_York");
        TestCompany company = newCompany(newYork.getId());
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(newYork));
        Instant now = com.rostra.support.TestClocks.now();
        LocalDate back = newYork.getRules().previousTransition(now).getInstant().atZone(newYork).toLocalDate();
        LocalDate forward = newYork.getRules().nextTransition(now).getInstant().atZone(newYork).toLocalDate();
        for (LocalDate day : new LocalDate[] {back, forward}) {
            Instant midnight = day.atStartOfDay(newYork).toInstant();
            Instant nextMidnight = day.plusDays(1).atStartOfDay(newYork).toInstant();
            int quarterHours = (int) Duration.between(midnight, nextMidnight).toMinutes() / 15;
            assertThat(quarterHours).as(day + " is a DST day").isNotEqualTo(96);

            Http.Response r = http.get("/api/v1/requirements?channel=chat&start=" + day, company.auth());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode intervals = r.json();
            assertThat(intervals).as(day + ": that local day's quarter hours").hasSize(quarterHours);
            assertThat(Instant.parse(intervals.get(0).get("start").asString())).isEqualTo(midnight);
            assertThat(Instant.parse(intervals.get(quarterHours - 1).get("start").asString()))
                    .isEqualTo(nextMidnight.minus(Duration.ofMinutes(15)));

            // An instant start without an end runs to the same local time the next day, across the change too.
            Instant tenAm = day.minusDays(1).atTime(10, 0).atZone(newYork).toInstant();
            JsonNode fromTen = http.get("/api/v1/requirements?channel=chat&interval=60m&start=" + tenAm, company.auth()).json();
            assertThat(Instant.parse(fromTen.get(fromTen.size() - 1).get("start").asString()))
                    .isEqualTo(day.atTime(9, 0).atZone(newYork).toInstant());
        }
    }

    private long typeId(TestCompany company, String name) {
        for (JsonNode t : http.get("/api/v1/activity-types", company.auth()).json()) {
            if (t.get("name").asString().equals(name)) return t.get("id").asLong();
        }
        throw new AssertionError("no activity type " + name);
    }

    @Test
    void badSettingsAndParametersAreRejectedFieldByField() {
        TestCompany company = newCompany();
        Http.Response bad = http.put("/api/v1/staffing-settings/all/phone", company.auth(), Map.of("service_level", 1.5,
                "target_seconds", 0, "aht_seconds", 300, "shrinkage", 0.95, "max_occupancy", 0, "concurrency", 1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("service_level", "target_seconds", "shrinkage", "max_occupancy");
        assertThat(http.get("/api/v1/staffing-settings/all/fax", company.auth()).status()).isEqualTo(400);
        TestCompany other = newCompany();
        long theirs = http.post("/api/v1/queues", other.auth(), Map.of("name", "Theirs")).json().get("id").asLong();
        assertThat(http.get("/api/v1/staffing-settings/" + theirs + "/phone", company.auth()).status()).isEqualTo(404);
        Map<String, Object> valid = Map.of("service_level", 0.8, "target_seconds", 20, "aht_seconds", 300, "shrinkage", 0.3,
                "max_occupancy", 0.85, "concurrency", 1);
        assertThat(http.put("/api/v1/staffing-settings/" + theirs + "/phone", company.auth(), valid).status()).isEqualTo(404);
        Http.Response partial = http.put("/api/v1/staffing-settings/all/phone", company.auth(), Map.of("service_level", 0.9));
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().get("service_level").asDouble()).isEqualTo(0.9);
        assertThat(partial.json().get("aht_seconds").asInt()).as("left out: kept").isEqualTo(300);
        assertThat(http.get("/api/v1/requirements?channel=phone&queue_id=" + theirs, company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/requirements", company.auth()).json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(http.get("/api/v1/requirements?channel=phone&interval=1d", company.auth()).status()).isEqualTo(400);
        JsonNode defaults = http.get("/api/v1/staffing-settings/all/email", company.auth()).json();
        assertThat(defaults.get("sla_window_hours").asInt()).as("email is deferred by default").isEqualTo(24);
    }

    @Test
    void aStartWithoutAnEndAsksForThatDay() {
        TestCompany company = newCompany("America/New_York");
        java.time.LocalDate tomorrow = today(java.time.ZoneId.of("America/New_York")).plusDays(1);
        String start = tomorrow.atStartOfDay(java.time.ZoneId.of("America/New_York")).toInstant().toString();
        Http.Response day = http.get("/api/v1/requirements?channel=chat&interval=60m&start=" + start, company.auth());
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        assertThat(day.json()).hasSize(24);
        assertThat(day.json().get(0).get("start").asString()).isEqualTo(start);
        assertThat(http.get("/api/v1/requirements?channel=chat&interval=60m", company.auth()).json()).as("today").hasSize(24);
    }
}
