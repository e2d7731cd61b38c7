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

    /**
     * Filters by team, queue and channel; team adherence now per team; the highlight threshold set on the page.
     * Four agents on phone shifts now: Billing team a1 (in) and a2 (away 20 min: out); Support team s1 (in, email
     * only: out on a phone block) and s2 (in). Queue "Priority": a1 and s1.
     */
    @Test
    void filtersByTeamQueueAndChannelAndTeamAdherenceNow() {
        TestCompany c = newCompany();
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("alert_after_seconds", 3600)).status()).isEqualTo(200);
        long priority = http.post("/api/v1/queues", c.auth(), Map.of("name", "Priority")).json().get("id").asLong();
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        String webhook = Http.basic(c.apiKey(), c.apiKey());
        Map<String, String> teams = Map.of("a1", "Billing", "a2", "Billing", "s1", "Support", "s2", "Support");
        for (String agent : teams.keySet()) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("first_name", agent, "email", agent + "-" + c.id() + "@example.com",
                    "gladly_agent_id", agent, "team", teams.get(agent)));
            if (agent.endsWith("1")) body.put("queue_ids", java.util.List.of(priority));
            long person = http.post("/api/v1/people", c.auth(), body).json().get("id").asLong();
            ScheduleFixtures.schedule(http, c, person, "Phone", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
            http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/LOGGED_IN", agent, now.minus(Duration.ofMinutes(50)), Map.of()));
            http.post("/webhooks/gladly", webhook, event("AGENT_AVAILABILITY/UPDATED", agent, now.minus(Duration.ofMinutes(50)),
                    Map.of("availableFor", agent.equals("s1") ? java.util.List.of("MAIL") : java.util.List.of("VOICE"))));
        }
        http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/WENT_AWAY", "a2", now.minus(Duration.ofMinutes(20)),
                Map.of("awayReason", reason("Coffee"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String body = http.get("/api/v1/agent-states/current", c.auth()).body();
            return body.contains("\"away\"") && body.split("\"VOICE\"").length == 4 && body.contains("MAIL");
        });

        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);
        String all = lead.get("/realtime/table");
        assertThat(agents(all)).isEqualTo("s1 a2 a1 s2");
        assertThat(all).contains("id=\"count-out\">2<").contains("id=\"adherence-now\">50%<");
        assertThat(teamRow(all, "Billing")).isEqualTo("1 1 50%");
        assertThat(teamRow(all, "Support")).isEqualTo("1 1 50%");
        assertThat(all).as("20 minutes out, under the hour threshold").doesNotContain("class=\"alert\"");

        assertThat(agents(lead.get("/realtime/table?team=Support"))).isEqualTo("s1 s2");
        String queue = lead.get("/realtime/table?queue=" + priority);
        assertThat(agents(queue)).isEqualTo("s1 a1");
        assertThat(teamRow(queue, "Billing")).isEqualTo("1 0 100%");
        assertThat(teamRow(queue, "Support")).isEqualTo("0 1 0%");
        assertThat(agents(lead.get("/realtime/table?channel=MAIL"))).isEqualTo("s1");
        assertThat(agents(lead.get("/realtime/table?queue=" + priority + "&team=Billing"))).isEqualTo("a1");
        assertThat(lead.get("/realtime?queue=" + priority)).contains("selected=\"selected\">Priority<").contains("queue=" + priority);

        // The threshold from the page: at 10 minutes both s1 (out for 50 min, since its state began inside the block)
        // and a2 (out for 20) are highlighted; at 30 minutes only s1.
        assertThat(lead.post("/realtime/alert", Map.of("minutes", "10", "team", "", "queue", "", "channel", "")).statusCode()).isEqualTo(302);
        assertThat(http.get("/api/v1/adherence-settings", c.auth()).json().get("alert_after_seconds").asInt()).isEqualTo(600);
        assertThat(agentsWithAlerts(lead.get("/realtime/table"))).isEqualTo("s1! a2! a1 s2");
        assertThat(lead.post("/realtime/alert", Map.of("minutes", "30", "team", "", "queue", "", "channel", "")).statusCode()).isEqualTo(302);
        assertThat(agentsWithAlerts(lead.get("/realtime/table"))).isEqualTo("s1! a2 a1 s2");
        assertThat(lead.post("/realtime/alert", Map.of("minutes", "-3", "team", "", "queue", "", "channel", "")).statusCode()).isEqualTo(400);

        PageSession agent = PageSession.signIn(port, addUser(c, "agent", "Al Agent"), USER_PASSWORD);
        assertThat(agent.get("/realtime")).doesNotContain("id=\"realtime-alert\"");
        assertThat(agent.post("/realtime/alert", Map.of("minutes", "1")).statusCode()).isEqualTo(403);
    }

    private static String agents(String table) {
        return agentsWithAlerts(table).replace("!", "");
    }

    private static String agentsWithAlerts(String table) {
        Matcher rows = Pattern.compile("<tr([^>]*)>").matcher(table);
        Pattern agent = Pattern.compile("data-agent=\"([^\"]+)\"");
        StringBuilder order = new StringBuilder();
        while (rows.find()) {
            Matcher a = agent.matcher(rows.group(1));
            if (a.find()) order.append(a.group(1)).append(rows.group(1).contains("class=\"alert\"") ? "!" : "").append(' ');
        }
        return order.toString().strip();
    }

    private static String teamRow(String table, String team) {
        Matcher m = Pattern.compile("data-team=\"" + team + "\">\\s*<td>[^<]*</td><td>(\\d+)</td><td>(\\d+)</td>\\s*<td class=\"team-now\">(\\d+%)</td>").matcher(table);
        assertThat(m.find()).as("team row " + team + " in " + table).isTrue();
        return m.group(1) + " " + m.group(2) + " " + m.group(3);
    }
}
