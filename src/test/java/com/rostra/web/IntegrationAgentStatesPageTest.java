package com.rostra.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rostra.platform.Db;
import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;
import com.rostra.support.Simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #17, Integrations: the "Agent states" check counts the events that came through the Events API repair as well
 * as the webhook's, says which way each came, and waits for "the first webhook event" only while neither has come.
 */
class IntegrationAgentStatesPageTest extends ApiTest {

    private static final Pattern WEBHOOK = Pattern.compile("webhook: <span>([\\d,]+)</span> events");
    private static final Pattern REPAIRED = Pattern.compile("recovered through Gladly's Events API:\\s*<span>([\\d,]+)</span>");

    @Test
    void agentStatesCountBothWaysAndSayWhich() {
        TestCompany c = newCompany();
        try (GladlySimulator sim = Simulators.start(91, 20)) {
            connect(c, sim, 1);
            PageSession admin = PageSession.signIn(port, addUser(c, "admin", "Ina Integrations"), USER_PASSWORD);

            // One event recovered through the Events API (already applied), one delivered by the webhook.
            insertEvent(c, "repair-1", "events_api");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String check = agentStatesCheck(admin.get("/settings/integrations"));
                assertThat(check).doesNotContain("waiting for the first webhook event");
                assertThat(count(REPAIRED, check)).as("repaired, counted").isEqualTo(stored(c, "events_api")).isPositive();
                if (stored(c, "webhook") == 0) {
                    assertThat(check).contains("no webhook").doesNotContain("webhook: <span>");
                }
            });

            insertEvent(c, "hook-1", "webhook");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String check = agentStatesCheck(admin.get("/settings/integrations"));
                assertThat(count(WEBHOOK, check)).as("webhook, counted apart").isEqualTo(stored(c, "webhook")).isPositive();
                assertThat(count(REPAIRED, check)).isEqualTo(stored(c, "events_api"));
                assertThat(check).doesNotContain("no webhook");
            });
        }
    }

    private void insertEvent(TestCompany c, String id, String source) {
        jdbc.sql("""
                insert into gladly_events (company_id, event_id, type, agent_id, occurred_at, received_at, source, body, processed_at)
                values (?, ?, 'AGENT_STATUS/LOGGED_IN', 'nobody', ?, ?, ?, '{}', ?)""")
                .params(c.id(), id, Db.ts(now()), Db.ts(now()), source, Db.ts(now())).update();
    }

    private long stored(TestCompany c, String source) {
        return jdbc.sql("select count(*) from gladly_events where company_id = ? and source = ?").params(c.id(), source)
                .query(Long.class).single();
    }

    private static String agentStatesCheck(String html) {
        int start = html.indexOf("id=\"agent-states-check\"");
        assertThat(start).as("the Agent states check").isPositive();
        return html.substring(start, html.indexOf("</li>", start)).replaceAll("\\s+", " ");
    }

    private static long count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(p.pattern() + " in " + text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
