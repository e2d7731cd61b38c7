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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live badge keeps the report's grace period: a minute late into a block is not yet out of adherence. */
class RealtimeGraceApiTest extends ApiTest {

    @Test
    void aLateStartWithinTheGracePeriodIsNotOutAndOneBeyondItIs() {
        TestCompany c = newCompany();
        long p = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Gil", "email", "gil@example.com",
                "gladly_agent_id", "gil")).json().get("id").asLong();
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        ScheduleFixtures.schedule(http, c, p, "Phone", now.minus(Duration.ofSeconds(40)), now.plus(Duration.ofHours(1)));
        assertThat(http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()),
                event("AGENT_STATUS/LOGGED_OUT", "gil", now.minus(Duration.ofMinutes(10)), Map.of())).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states/current", c.auth()).json().size() == 1);

        JsonNode row = http.get("/api/v1/agent-states/current", c.auth()).json().get(0);
        assertThat(row.get("scheduled_activity").asString()).isEqualTo("Phone");
        assertThat(row.get("in_adherence").asBoolean()).as("logged out 40 s into a phone block, 2 min grace").isTrue();

        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 10)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/agent-states/current", c.auth()).json().get(0).get("in_adherence").asBoolean())
                .as("the same, with 10 s of grace").isFalse();
    }

    @Test
    void leavingWithinTheGraceBeforeABlockEndsIsNotOut() {
        TestCompany c = newCompany();
        long p = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Eve", "email", "eve@example.com",
                "gladly_agent_id", "eve")).json().get("id").asLong();
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        ScheduleFixtures.schedule(http, c, p, "Phone", now.minus(Duration.ofHours(1)), now.plus(Duration.ofSeconds(60)));
        assertThat(http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()),
                event("AGENT_STATUS/LOGGED_OUT", "eve", now.minus(Duration.ofSeconds(20)), Map.of())).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states/current", c.auth()).json().size() == 1);
        assertThat(http.get("/api/v1/agent-states/current", c.auth()).json().get(0).get("in_adherence").asBoolean())
                .as("logged out a minute before the block ends").isTrue();
        assertThat(http.put("/api/v1/adherence-settings", c.auth(), Map.of("grace_seconds", 0)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/agent-states/current", c.auth()).json().get(0).get("in_adherence").asBoolean()).isFalse();
    }
}
