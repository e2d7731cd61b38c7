package com.rostra.adherence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * An agent works through a scheduled break and goes to lunch during a phone shift: adherence over the range and
 * the live badge follow the state timeline against the schedule.
 */
class AdherenceApiTest extends ApiTest {

    private void schedule(TestCompany c, long person, String type, Instant from, Instant to) {
        ScheduleFixtures.schedule(http, c, person, type, from, to);
    }

    private JsonNode current(TestCompany c, String agent) {
        for (JsonNode row : http.get("/api/v1/agent-states/current", c.auth()).json()) {
            if (row.get("gladly_agent_id").asString().equals(agent)) return row;
        }
        return null;
    }

    @Test
    void adherenceComparesTheStateTimelineWithTheSchedule() {
        TestCompany c = newCompany();
        String agent = "agent-adh";
        long person = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Ada", "email", "ada@example.com",
                "gladly_agent_id", agent)).json().get("id").asLong();
        Instant now = now().truncatedTo(ChronoUnit.MINUTES);
        Instant m = now.minus(Duration.ofMinutes(1)); // minutes are counted back from here
        schedule(c, person, "Break", m.minus(Duration.ofMinutes(90)), m.minus(Duration.ofMinutes(60)));
        schedule(c, person, "Phone", m.minus(Duration.ofMinutes(60)), m.plus(Duration.ofMinutes(60)));
        String auth = Http.basic(c.apiKey(), c.apiKey());
        assertThat(http.post("/webhooks/gladly", auth, event("AGENT_STATUS/LOGGED_IN", agent, m.minus(Duration.ofMinutes(100)),
                Map.of())).status()).isEqualTo(200);
        assertThat(http.post("/webhooks/gladly", auth, event("AGENT_STATUS/WENT_AWAY", agent, m.minus(Duration.ofMinutes(30)),
                Map.of("awayReason", reason("Lunch")))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode row = current(c, agent);
            return row != null && row.get("state").asString().equals("away");
        });

        // Break (30 min) worked through: out but for its first and last 2 minutes (the default grace). Phone until
        // 10 min ago (50 min): in for 30, away for 20.
        JsonNode report = http.get("/api/v1/adherence?start=" + m.minus(Duration.ofMinutes(120)) + "&end=" + m.minus(Duration.ofMinutes(10)),
                c.auth()).json();
        assertThat(report).hasSize(1);
        JsonNode ada = report.get(0);
        assertThat(ada.get("person_id").asLong()).isEqualTo(person);
        assertThat(ada.get("scheduled_seconds").asLong()).isEqualTo(80 * 60);
        assertThat(ada.get("in_adherence_seconds").asLong()).isEqualTo(34 * 60);
        assertThat(ada.get("adherence").asDouble()).isEqualTo(0.425);
        assertThat(ada.get("productive_adherence").asDouble()).as("30 of 50 productive minutes").isEqualTo(0.6);
        assertThat(ada.get("conformance").asDouble()).as("70 productive minutes against 50 scheduled").isEqualTo(1.4);

        JsonNode live = current(c, agent);
        assertThat(live.get("scheduled_activity").asString()).isEqualTo("Phone");
        assertThat(live.get("in_adherence").asBoolean()).as("away on a phone shift").isFalse();
        assertThat(Instant.parse(live.get("adherence_since").asString())).isEqualTo(m.minus(Duration.ofMinutes(30)));

        assertThat(http.get("/api/v1/adherence?start=" + m + "&end=" + m.minus(Duration.ofHours(1)), c.auth()).status()).isEqualTo(400);
        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/adherence?start=" + m.minus(Duration.ofHours(3)) + "&end=" + m + "&person_id=" + person,
                other.auth()).json()).as("another company's person is not there").isEmpty();
    }
}
