package com.rostra.adherence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.ScheduleFixtures;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Adherence where the data is incomplete: hand-computed figures for each edge. */
class AdherenceEdgesApiTest extends ApiTest {

    /** Yesterday 09:00 UTC on the suite's clock: wholly in the past. */
    private Instant nine() {
        return now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).plus(Duration.ofHours(9));
    }

    private void schedule(TestCompany c, long person, String type, Instant from, Instant to) {
        ScheduleFixtures.schedule(http, c, person, type, from, to);
    }

    /** The edges below are worked without the grace period; grace has its own test. */
    private TestCompany company() {
        TestCompany c = newCompany();
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 0)).status()).isEqualTo(200);
        return c;
    }

    private long person(TestCompany c, String agent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("first_name", "P", "email", "p-" + agent + "-" + c.id() + "@example.com"));
        if (agent != null) body.put("gladly_agent_id", agent);
        return http.post("/api/v1/people", c.auth(), body).json().get("id").asLong();
    }

    private void states(TestCompany c, String agent, int expected, Map<String, Object>... events) {
        for (Map<String, Object> e : events) {
            assertThat(http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()), e).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states?gladly_agent_id=" + agent
                + "&start=" + nine().minus(Duration.ofDays(1)) + "&end=" + now(), c.auth()).json().size() == expected);
    }

    private JsonNode adherence(TestCompany c, long person, Instant from, Instant to) {
        JsonNode r = http.get("/api/v1/adherence?start=" + from + "&end=" + to + "&person_id=" + person, c.auth()).json();
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void theTimelineStartingInsideAProductiveBlockCountsTheGapAsOut() {
        TestCompany c = company();
        long p = person(c, "late");
        schedule(c, p, "Phone", nine(), nine().plus(Duration.ofHours(2)));
        states(c, "late", 1, event("AGENT_STATUS/LOGGED_IN", "late", nine().plus(Duration.ofMinutes(30)), Map.of()));
        JsonNode a = adherence(c, p, nine().minus(Duration.ofHours(1)), nine().plus(Duration.ofHours(3)));
        assertThat(a.get("scheduled_seconds").asLong()).isEqualTo(7200);
        assertThat(a.get("in_adherence_seconds").asLong()).as("90 of 120 minutes").isEqualTo(5400);
        assertThat(a.get("adherence").asDouble()).isEqualTo(0.75);
        assertThat(a.get("conformance").asDouble()).as("150 minutes worked (09:30-12:00) against 120").isEqualTo(1.25);
    }

    @Test
    void theTimelineStartingInsideABreakCountsTheUnknownPartAsIn() {
        TestCompany c = company();
        long p = person(c, "early");
        schedule(c, p, "Break", nine(), nine().plus(Duration.ofMinutes(30)));
        schedule(c, p, "Phone", nine().plus(Duration.ofMinutes(30)), nine().plus(Duration.ofMinutes(90)));
        states(c, "early", 1, event("AGENT_STATUS/LOGGED_IN", "early", nine().plus(Duration.ofMinutes(15)), Map.of()));
        JsonNode a = adherence(c, p, nine(), nine().plus(Duration.ofMinutes(90)));
        // 09:00-09:15 not logged in on a break: in. 09:15-09:30 working through the break: out. Phone hour: in.
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(75 * 60);
        assertThat(a.get("adherence").asDouble()).isEqualTo(0.8333);
    }

    @Test
    void aRangeReachingIntoTheFutureCountsOnlyUpToNow() {
        TestCompany c = company();
        long p = person(c, "now");
        Instant hourAgo = now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        schedule(c, p, "Phone", hourAgo, hourAgo.plus(Duration.ofHours(3)));
        states(c, "now", 1, event("AGENT_STATUS/LOGGED_IN", "now", hourAgo.minus(Duration.ofMinutes(5)), Map.of()));
        Instant asked = now();
        JsonNode a = adherence(c, p, hourAgo.minus(Duration.ofHours(1)), hourAgo.plus(Duration.ofHours(5)));
        Instant answered = now();
        assertThat(a.get("scheduled_seconds").asLong()).as("the scheduled hour so far, not the three planned")
                .isBetween(Duration.between(hourAgo, asked).getSeconds() - 1, Duration.between(hourAgo, answered).getSeconds() + 1);
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(a.get("scheduled_seconds").asLong());
        assertThat(a.get("adherence").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aPersonWithoutAGladlyIdIsOutOnProductiveWorkAndInOnBreaks() {
        TestCompany c = company();
        long p = person(c, null);
        schedule(c, p, "Phone", nine(), nine().plus(Duration.ofHours(1)));
        schedule(c, p, "Break", nine().plus(Duration.ofHours(1)), nine().plus(Duration.ofMinutes(90)));
        JsonNode a = adherence(c, p, nine(), nine().plus(Duration.ofHours(2)));
        assertThat(a.get("scheduled_seconds").asLong()).isEqualTo(90 * 60);
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(30 * 60);
        assertThat(a.get("adherence").asDouble()).isEqualTo(0.3333);
        assertThat(a.get("conformance").asDouble()).isEqualTo(0.0);
    }

    @Test
    void anUnmappedStateCountsAsNotProductive() {
        TestCompany c = company();
        // Only "away" is mapped: "active" has no activity type, so it is not counted as productive work.
        assertThat(http.put("/api/v1/agent-state-mappings", c.auth(), List.of(
                Map.of("state", "away", "reason", "*", "activity_type", "Away", "productive", false))).status()).isEqualTo(200);
        long p = person(c, "unmapped");
        schedule(c, p, "Phone", nine(), nine().plus(Duration.ofHours(1)));
        schedule(c, p, "Break", nine().plus(Duration.ofHours(1)), nine().plus(Duration.ofMinutes(80)));
        states(c, "unmapped", 2,
                event("AGENT_STATUS/LOGGED_IN", "unmapped", nine(), Map.of()),
                event("AGENT_STATUS/WENT_AWAY", "unmapped", nine().plus(Duration.ofMinutes(70)), Map.of("awayReason", reason("Mystery"))));
        JsonNode a = adherence(c, p, nine(), nine().plus(Duration.ofMinutes(80)));
        // Phone hour: active but unmapped, out. Break 60-70: still active (unmapped), so not on a break: out (a break
        // needs away or logged out by default). 70-80: away, in.
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(10 * 60);
        assertThat(a.get("adherence").asDouble()).isEqualTo(0.125);
    }

    @Test
    void anOutageIsExcludedAndTheDayTimelineShowsBothLanes() {
        TestCompany c = company();
        long p = person(c, "tl");
        assertThat(http.send("PATCH", "/api/v1/people/" + p, c.auth(), Map.of("team", "Phones")).status()).isEqualTo(200);
        schedule(c, p, "Phone", nine(), nine().plus(Duration.ofHours(2)));
        states(c, "tl", 2, event("AGENT_STATUS/LOGGED_IN", "tl", nine(), Map.of()),
                event("AGENT_STATUS/WENT_AWAY", "tl", nine().plus(Duration.ofMinutes(60)), Map.of("awayReason", reason("Coffee"))));
        // Rostra heard nothing from Gladly 10:30-11:00: the half hour away in it counts neither way.
        jdbc.sql("insert into agent_state_outages (company_id, started_at, ended_at, recovered_events, recorded_at) values (?, ?, ?, 0, ?)")
                .params(c.id(), com.rostra.platform.Db.ts(nine().plus(Duration.ofMinutes(90))),
                        com.rostra.platform.Db.ts(nine().plus(Duration.ofMinutes(120))), com.rostra.platform.Db.ts(now())).update();
        JsonNode a = adherence(c, p, nine(), nine().plus(Duration.ofHours(2)));
        assertThat(a.get("excluded_seconds").asLong()).isEqualTo(30 * 60);
        assertThat(a.get("scheduled_seconds").asLong()).isEqualTo(90 * 60);
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(60 * 60);
        assertThat(a.get("team").asString()).isEqualTo("Phones");

        String date = java.time.LocalDate.ofInstant(nine(), java.time.ZoneOffset.UTC).toString();
        JsonNode day = http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=" + date, c.auth()).json();
        assertThat(day.get("scheduled")).hasSize(1);
        assertThat(day.get("scheduled").get(0).get("activity_type").asString()).isEqualTo("Phone");
        assertThat(day.get("states")).extracting(s -> s.get("state").asString()).containsExactly("active", "away");
        assertThat(day.get("states").get(1).get("activity_type").asString()).as("mapped by the default rules").isEqualTo("Away");
        assertThat(day.get("out_of_adherence")).hasSize(1);
        assertThat(Instant.parse(day.get("out_of_adherence").get(0).get("start").asString())).isEqualTo(nine().plus(Duration.ofMinutes(60)));
        assertThat(Instant.parse(day.get("out_of_adherence").get(0).get("end").asString())).isEqualTo(nine().plus(Duration.ofMinutes(90)));
        assertThat(day.get("excluded")).hasSize(1);

        JsonNode teams = http.get("/api/v1/adherence/teams?start=" + nine() + "&end=" + nine().plus(Duration.ofHours(2)), c.auth()).json();
        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).get("team").asString()).isEqualTo("Phones");
        assertThat(teams.get(0).get("adherence").asDouble()).isEqualTo(0.6667);

        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=" + date, other.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=yesterday", c.auth()).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("date");
    }

    @Test
    void theGracePeriodForgivesShortOverrunsAndIsValidatedPerCompany() {
        TestCompany c = newCompany();
        assertThat(http.get("/api/v1/adherence-settings", c.auth()).json().get("grace_seconds").asInt()).as("default").isEqualTo(120);
        long p = person(c, "grace");
        schedule(c, p, "Break", nine(), nine().plus(Duration.ofMinutes(15)));
        schedule(c, p, "Phone", nine().plus(Duration.ofMinutes(15)), nine().plus(Duration.ofMinutes(60)));
        states(c, "grace", 2, event("AGENT_STATUS/WENT_AWAY", "grace", nine(), Map.of("awayReason", reason("Break"))),
                event("AGENT_STATUS/RETURNED_FROM_AWAY", "grace", nine().plus(Duration.ofMinutes(16)), Map.of()));
        assertThat(adherence(c, p, nine(), nine().plus(Duration.ofMinutes(60))).get("adherence").asDouble())
                .as("back one minute late: inside the 2-minute grace").isEqualTo(1.0);
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 30)).json().get("grace_seconds").asInt()).isEqualTo(30);
        assertThat(adherence(c, p, nine(), nine().plus(Duration.ofMinutes(60))).get("in_adherence_seconds").asLong())
                .as("30 s of the late minute forgiven").isEqualTo(60 * 60 - 30);

        Http.Response bad = http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", -1, "alert_after_seconds", 999_999));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder("grace_seconds", "alert_after_seconds");
        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/adherence-settings", other.auth()).json().get("grace_seconds").asInt()).isEqualTo(120);
    }
}
