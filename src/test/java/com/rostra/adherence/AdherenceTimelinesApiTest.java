package com.rostra.adherence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * The hand-worked timelines through the webhook and the API (the calculator has its own): an early lunch,
 * states delivered out of order, and a night shift across midnight and the end of daylight saving time.
 */
class AdherenceTimelinesApiTest extends ApiTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");

    /** Yesterday 09:00 UTC on the suite's clock: wholly in the past. */
    private Instant nine() {
        return now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).plus(Duration.ofHours(9));
    }

    private Instant at(int minutesAfterNine) {
        return nine().plus(Duration.ofMinutes(minutesAfterNine));
    }

    private long person(TestCompany c, String agent) {
        return http.post("/api/v1/people", c.auth(), Map.of("first_name", agent, "email", agent + "-" + c.id() + "@example.com",
                "gladly_agent_id", agent)).json().get("id").asLong();
    }

    private void deliver(TestCompany c, String agent, Instant from, List<Map<String, Object>> events) {
        for (Map<String, Object> e : events) {
            assertThat(http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()), e).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states?gladly_agent_id=" + agent
                + "&start=" + from.minus(Duration.ofDays(1)) + "&end=" + now(), c.auth()).json().size() == events.size());
    }

    private JsonNode adherence(TestCompany c, long person, Instant from, Instant to) {
        JsonNode r = http.get("/api/v1/adherence?start=" + from + "&end=" + to + "&person_id=" + person, c.auth()).json();
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    private static List<String> stretches(JsonNode day) {
        List<String> out = new ArrayList<>();
        day.get("out_of_adherence").forEach(s -> out.add(s.get("start").asString() + "/" + s.get("end").asString()));
        return out;
    }

    @Test
    void anEarlyLunchIsOutOnBothSidesBeyondTheGrace() {
        TestCompany c = newCompany();
        long p = person(c, "early");
        ScheduleFixtures.schedule(http, c, p, "Phone", at(0), at(180));
        ScheduleFixtures.schedule(http, c, p, "Lunch", at(180), at(210));
        ScheduleFixtures.schedule(http, c, p, "Phone", at(210), at(240));
        // Logs in 08:58, goes to lunch 11:45, back 12:15.
        deliver(c, "early", at(-2), List.of(event("AGENT_STATUS/LOGGED_IN", "early", at(-2), Map.of()),
                event("AGENT_STATUS/WENT_AWAY", "early", at(165), Map.of("awayReason", reason("Lunch"))),
                event("AGENT_STATUS/RETURNED_FROM_AWAY", "early", at(195), Map.of())));
        // Default grace 2 min: away 11:45-11:58 on phone time is out (11:58-12:00 is the phone block's last grace);
        // 12:00-12:15 away on lunch is in; working 12:15-12:28 through lunch is out (12:28-12:30 grace). 214 of 240.
        JsonNode a = adherence(c, p, at(0), at(240));
        assertThat(a.get("scheduled_seconds").asLong()).isEqualTo(240 * 60);
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(214 * 60);
        assertThat(a.get("adherence").asDouble()).isEqualTo(0.8917);
        assertThat(a.get("productive_adherence").asDouble()).as("197 of 210 productive minutes").isEqualTo(0.9381);
        assertThat(a.get("conformance").asDouble()).as("210 worked (09:00-11:45, 12:15-13:00) of 210").isEqualTo(1.0);
        JsonNode day = http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=" + java.time.LocalDate.ofInstant(nine(),
                java.time.ZoneOffset.UTC), c.auth()).json();
        assertThat(stretches(day)).containsExactly(at(165) + "/" + at(178), at(195) + "/" + at(208));
    }

    @Test
    void statesDeliveredOutOfOrderGiveTheFiguresOfTheRightOrder() {
        // Phone 09:00-11:00, Break 11:00-11:15, Phone 11:15-12:00; grace 0. States: in 09:05, away (Break) 10:50,
        // back 11:20, away (Coffee) 11:40, back 11:50.
        List<Map<String, Object>> events = new ArrayList<>();
        TestCompany inOrder = newCompany();
        TestCompany shuffled = newCompany();
        for (TestCompany c : List.of(inOrder, shuffled)) {
            assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 0)).status()).isEqualTo(200);
        }
        List<Long> people = new ArrayList<>();
        for (TestCompany c : List.of(inOrder, shuffled)) {
            long p = person(c, "ooo");
            people.add(p);
            ScheduleFixtures.schedule(http, c, p, "Phone", at(0), at(120));
            ScheduleFixtures.schedule(http, c, p, "Break", at(120), at(135));
            ScheduleFixtures.schedule(http, c, p, "Phone", at(135), at(180));
        }
        events.add(event("AGENT_STATUS/LOGGED_IN", "ooo", at(5), Map.of()));
        events.add(event("AGENT_STATUS/WENT_AWAY", "ooo", at(110), Map.of("awayReason", reason("Break"))));
        events.add(event("AGENT_STATUS/RETURNED_FROM_AWAY", "ooo", at(140), Map.of()));
        events.add(event("AGENT_STATUS/WENT_AWAY", "ooo", at(160), Map.of("awayReason", reason("Coffee"))));
        events.add(event("AGENT_STATUS/RETURNED_FROM_AWAY", "ooo", at(170), Map.of()));
        deliver(inOrder, "ooo", at(0), events);
        List<Map<String, Object>> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        deliver(shuffled, "ooo", at(0), reversed);
        // Out: 09:00-09:05 (5), 10:50-11:00 (10), 11:15-11:20 (5), 11:40-11:50 (10): 30 of 180 out.
        for (int i = 0; i < 2; i++) {
            TestCompany c = i == 0 ? inOrder : shuffled;
            JsonNode a = adherence(c, people.get(i), at(0), at(180));
            assertThat(a.get("in_adherence_seconds").asLong()).as(i == 0 ? "in order" : "reversed").isEqualTo(150 * 60);
            assertThat(a.get("adherence").asDouble()).isEqualTo(0.8333);
            JsonNode day = http.get("/api/v1/adherence/timeline?person_id=" + people.get(i) + "&date="
                    + java.time.LocalDate.ofInstant(nine(), java.time.ZoneOffset.UTC), c.auth()).json();
            assertThat(stretches(day)).containsExactly(at(0) + "/" + at(5), at(110) + "/" + at(120), at(135) + "/" + at(140),
                    at(160) + "/" + at(170));
        }
        assertThat(http.get("/api/v1/agent-states/current", shuffled.auth()).json().get(0).get("state").asString())
                .as("the latest state is current, though delivered first").isEqualTo("active");
    }

    @Test
    void aNightShiftAcrossMidnightAndTheEndOfDaylightSavingTime() {
        TestCompany c = newCompany("America/New_York");
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 0)).status()).isEqualTo(200);
        long p = person(c, "night");
        // 22:00 EDT Oct 31 to 06:00 EST Nov 1, 2026: nine real hours (01:00-02:00 happens twice).
        Instant start = LocalDateTime.of(2026, 10, 31, 22, 0).atZone(NY).toInstant();
        Instant end = LocalDateTime.of(2026, 11, 1, 6, 0).atZone(NY).toInstant();
        Instant five = LocalDateTime.of(2026, 11, 1, 5, 0).atZone(NY).toInstant();
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(9));
        ScheduleFixtures.schedule(http, c, p, "Messaging", start, end);
        deliver(c, "night", start, List.of(event("AGENT_STATUS/LOGGED_IN", "night", start.minus(Duration.ofMinutes(1)), Map.of()),
                event("AGENT_STATUS/LOGGED_OUT", "night", five, Map.of())));

        // The whole shift: 540 minutes scheduled, out 05:00-06:00 EST: 480 in.
        JsonNode a = adherence(c, p, start.minus(Duration.ofHours(2)), end.plus(Duration.ofHours(2)));
        assertThat(a.get("scheduled_seconds").asLong()).isEqualTo(540 * 60);
        assertThat(a.get("in_adherence_seconds").asLong()).isEqualTo(480 * 60);
        assertThat(a.get("adherence").asDouble()).isEqualTo(0.8889);

        // Nov 1 local (25 hours): 00:00 EDT to 06:00 EST is seven real hours of the shift; 360 of 420 in.
        JsonNode nov1 = http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=2026-11-01", c.auth()).json();
        assertThat(nov1.get("adherence").asDouble()).isEqualTo(0.8571);
        assertThat(stretches(nov1)).containsExactly(five + "/" + end);
        assertThat(nov1.get("states").get(0).get("start").asString()).as("clipped to local midnight, EDT")
                .isEqualTo("2026-11-01T04:00:00Z");
        // Oct 31 local: 22:00-24:00 EDT, two hours all in.
        JsonNode oct31 = http.get("/api/v1/adherence/timeline?person_id=" + p + "&date=2026-10-31", c.auth()).json();
        assertThat(oct31.get("adherence").asDouble()).isEqualTo(1.0);
        assertThat(oct31.get("scheduled")).hasSize(1);
    }
}
