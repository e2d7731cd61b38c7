package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.platform.Db;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person's day as a lead opens it from People or Adherence: both lanes drawn where the hours are, the late start
 * marked out of adherence, the outage shaded and left out of the figure; managers only; another company's person 404.
 */
class TimelinePageTest extends ApiTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");

    @Test
    void theDayShowsBothLanesTheOutStretchAndTheOutage() {
        TestCompany c = newCompany("America/New_York");
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 0)).status()).isEqualTo(200);
        long p = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Tim", "last_name", "Line", "email", "tim@example.com",
                "gladly_agent_id", "tim", "team", "Phones", "channels", java.util.List.of("phone", "sms"))).json().get("id").asLong();
        LocalDate day = today(NY).minusDays(1);
        Instant nine = day.atTime(9, 0).atZone(NY).toInstant();
        ScheduleFixtures.schedule(http, c, p, "Phone", nine, nine.plus(Duration.ofHours(2)));
        ScheduleFixtures.schedule(http, c, p, "Lunch", nine.plus(Duration.ofHours(2)), nine.plus(Duration.ofMinutes(150)));
        String webhook = Http.basic(c.apiKey(), c.apiKey());
        http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/LOGGED_IN", "tim", nine.plus(Duration.ofMinutes(10)), Map.of()));
        http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/WENT_AWAY", "tim", nine.plus(Duration.ofHours(2)),
                Map.of("awayReason", reason("Lunch"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states/current", c.auth()).body().contains("\"away\""));
        // Rostra heard nothing from Gladly 10:00-10:15 local.
        jdbc.sql("insert into agent_state_outages (company_id, started_at, ended_at, recovered_events, recorded_at) values (?, ?, ?, 0, ?)")
                .params(c.id(), Db.ts(nine.plus(Duration.ofHours(1))), Db.ts(nine.plus(Duration.ofMinutes(75))), Db.ts(now())).update();

        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);
        assertThat(lead.get("/people")).as("People links each person to the day").contains("href=\"/people/" + p + "/timeline\"");
        assertThat(lead.get("/adherence?from=" + day + "&to=" + day)).contains("href=\"/people/" + p + "/timeline?date=" + day + "\"");

        String page = lead.get("/people/" + p + "/timeline?date=" + day);
        assertThat(page).contains("id=\"timeline-person\">Tim Line<").contains("id=\"timeline-date\" data-date=\"" + day + "\">"
                + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH).format(day) + "<");
        // Phone 09:00-11:00 of a 24-hour day: 37.5 % from the left, 8.33 % wide; lunch from 45.83 %.
        assertThat(page).as("the person page: who this is and what they work on")
                .contains("<dd>Phones</dd>", "id=\"person-channels\">Phone, SMS<", "id=\"person-queues\">Any<", "<code>tim</code>");
        assertThat(page).contains("left: 37.5%; width: 8.33%").contains("left: 45.83%; width: 2.08%");
        // The actual lane: active from 09:10 (38.19 %), away for lunch from 11:00.
        assertThat(page).contains("left: 38.19%; width: 7.64%");
        // Out 09:00-09:10 (logged out on phone time); the outage is excluded: 125 of 135 minutes in.
        assertThat(page).contains("<td>Out of adherence</td><td>—</td><td>09:00–09:10</td>");
        assertThat(page).contains("10:00–10:15").contains("class=\"outage\"");
        assertThat(page).contains("id=\"timeline-adherence\">92.6%<").contains("id=\"timeline-out-minutes\">10 min<");

        assertThat(lead.get("/people/" + p + "/timeline?date=2026-11-01")).as("the day the clocks went back").contains("a 25-hour day");
        assertThat(lead.get("/people/" + p + "/timeline?date=soon")).contains("id=\"timeline-error\"");

        PageSession agent = PageSession.signIn(port, addUser(c, "agent", "Al Agent"), USER_PASSWORD);
        assertThat(agent.fetch("/people/" + p + "/timeline").statusCode()).isEqualTo(403);
        TestCompany other = newCompany();
        PageSession stranger = PageSession.signIn(port, addUser(other, "admin", "Oz Other"), USER_PASSWORD);
        assertThat(stranger.fetch("/people/" + p + "/timeline?date=" + day).statusCode()).isEqualTo(404);
    }
}
