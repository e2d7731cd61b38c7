package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Realtime as a lead reads it: who is out of adherence comes first (longest first), the count and the share in
 * adherence now are on top, and an agent out for longer than the company's alert threshold is highlighted.
 */
class RealtimeAdherencePageTest extends ApiTest {

    @Test
    void outOfAdherenceAgentsComeFirstAndLongOnesAreHighlighted() {
        TestCompany c = newCompany();
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("alert_after_seconds", 300)).status()).isEqualTo(200);
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        String webhook = Http.basic(c.apiKey(), c.apiKey());
        Map<String, Integer> awayMinutes = Map.of("long-away", 10, "short-away", 1);
        for (String agent : new String[] {"working", "short-away", "long-away"}) {
            long person = http.post("/api/v1/people", c.auth(), Map.of("first_name", agent, "email", agent + "-" + c.id() + "@example.com",
                    "gladly_agent_id", agent)).json().get("id").asLong();
            ScheduleFixtures.schedule(http, c, person, "Phone", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
            http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/LOGGED_IN", agent, now.minus(Duration.ofMinutes(50)), Map.of()));
            if (awayMinutes.containsKey(agent)) {
                http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/WENT_AWAY", agent,
                        now.minus(Duration.ofMinutes(awayMinutes.get(agent))), Map.of("awayReason", reason("Coffee"))));
            }
        }
        http.post("/webhooks/gladly", webhook, event("AGENT_AVAILABILITY/UPDATED", "working", now.minus(Duration.ofMinutes(40)),
                Map.of("availableFor", java.util.List.of("VOICE", "MAIL"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states/current", c.auth()).json().size() == 3
                && http.get("/api/v1/agent-states/current", c.auth()).body().split("\"away\"").length == 3
                && http.get("/api/v1/agent-states/current", c.auth()).body().contains("MAIL"));

        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);
        String table = lead.get("/realtime/table");
        Matcher rows = Pattern.compile("<tr([^>]*)>").matcher(table);
        Pattern agent = Pattern.compile("data-agent=\"([^\"]+)\"");
        StringBuilder order = new StringBuilder();
        while (rows.find()) {
            Matcher a = agent.matcher(rows.group(1));
            if (a.find()) order.append(a.group(1)).append(rows.group(1).contains("class=\"alert\"") ? "!" : "").append(' ');
        }
        assertThat(order.toString().strip()).isEqualTo("long-away! short-away working");
        assertThat(table).contains("id=\"count-out\">2<").contains("id=\"adherence-now\">33%<");
        assertThat(table).as("Gladly's availability codes in Rostra's channel names").contains(">Phone, Email<").doesNotContain(">VOICE");
    }
}
