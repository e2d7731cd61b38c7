package com.rostra.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimulatorConfig;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starting simulators and connecting test companies to them through Rostra's public API. */
public final class Simulators {

    private Simulators() {}

    /** A simulated organization on the suite's clock (the same one the application reads). */
    public static GladlySimulator start(long seed, double contactsPerDay) {
        return new GladlySimulator(SimulatorConfig.defaults(seed).withContactsPerDay(contactsPerDay), TestClocks.clock()).start(0);
    }

    public static Map<String, Object> connectBody(GladlySimulator sim, int backfillDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", sim.config().apiUserEmail());
        body.put("api_token", sim.config().apiToken());
        body.put("base_url", sim.baseUrl());
        body.put("backfill_days", backfillDays);
        return body;
    }

    public static Http.Response connect(Http http, ApiTest.TestCompany company, GladlySimulator sim, int backfillDays) {
        return http.put("/api/v1/integrations/gladly", company.auth(), connectBody(sim, backfillDays));
    }

    /** Waits until the integration leaves sync_in_progress with a finished run (healthy or invalid) after {@code since}. */
    public static JsonNode awaitSettled(Http http, ApiTest.TestCompany company, Instant since) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode s = http.get("/api/v1/integrations/gladly", company.auth()).json();
            last[0] = s;
            String status = s.get("status").asString();
            boolean ranSince = !s.get("last_synced_at").isNull() && Instant.parse(s.get("last_synced_at").asString()).isAfter(since);
            boolean erredSince = !s.get("last_error").isNull() && Instant.parse(s.get("last_error").get("at").asString()).isAfter(since);
            return (status.equals("healthy") && ranSince) || status.equals("invalid") || erredSince;
        });
        return last[0];
    }

    /**
     * Waits until Gladly's Work Session report has been pulled up to the sync that made the connection healthy: that
     * pull runs after the contacts are marked synced, within the same run, up to a minute (truncated) before it.
     */
    public static JsonNode awaitHandleTimes(Http http, ApiTest.TestCompany company, JsonNode settled) {
        Instant through = Instant.parse(settled.get("last_synced_at").asString()).minus(Duration.ofMinutes(2));
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode s = http.get("/api/v1/integrations/gladly", company.auth()).json();
            last[0] = s;
            JsonNode until = s.get("handle_times_synced_until");
            return !until.isNull() && !Instant.parse(until.asString()).isBefore(through);
        });
        return last[0];
    }

    public static void assertHealthy(JsonNode status) {
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("healthy");
    }
}
