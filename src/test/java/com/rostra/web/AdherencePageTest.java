package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;

import static com.rostra.support.GladlyEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The adherence report page and its CSV, which a spreadsheet can open without running anything in it. */
class AdherencePageTest extends ApiTest {

    @Test
    void theReportShowsPeopleAndTeamsAndItsCsvIsFormulaSafe() {
        TestCompany c = newCompany();
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 0)).status()).isEqualTo(200);
        long person = http.post("/api/v1/people", c.auth(), Map.of("first_name", "=HYPERLINK(\"x\")", "email", "f-" + c.id() + "@example.com",
                "team", "Phones", "gladly_agent_id", "csv-agent")).json().get("id").asLong();
        Instant nine = now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).plus(Duration.ofHours(9));
        ScheduleFixtures.schedule(http, c, person, "Phone", nine, nine.plus(Duration.ofHours(2)));
        http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()),
                event("AGENT_STATUS/LOGGED_IN", "csv-agent", nine.plus(Duration.ofMinutes(30)), Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states/current", c.auth()).json().size() == 1);

        LocalDate day = LocalDate.ofInstant(nine, ZoneOffset.UTC);
        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Mo Manager"), USER_PASSWORD);
        String page = lead.get("/adherence?from=" + day + "&to=" + day);
        assertThat(page).contains("data-person=\"" + person + "\"").contains("75.0%").contains("Phones");

        String csv = lead.get("/adherence.csv?from=" + day + "&to=" + day);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("person,team,scheduled_hours");
        assertThat(csv).as("a cell starting with = is text, quoted because of its quotes")
                .contains("\"'=HYPERLINK(\"\"x\"\")\",Phones,2.00,1.50,0.7500");

        PageSession agent = PageSession.signIn(port, addUser(c, "agent", "Al Agent"), USER_PASSWORD);
        assertThat(agent.fetch("/adherence").statusCode()).isEqualTo(403);
        assertThat(agent.get("/realtime")).as("agents are not offered pages they may not open")
                .doesNotContain("href=\"/adherence\"").doesNotContain("href=\"/queues\"").doesNotContain("href=\"/settings/integrations\"");
    }
}
