package com.rostra.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimEvent;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A webhook outage, then "sync now": everything missed comes back from Gladly's Events API. */
class ReconciliationApiTest extends ApiTest {

    @Test
    void eventsMissedDuringAnOutageAreRecoveredAndTheOutageIsRecorded() {
        try (GladlySimulator sim = Simulators.start(61, 100)) {
            TestCompany c = newCompany();
            Instant now = now();
            List<SimEvent> last24h = sim.organization().agentEventsBetween(now.minus(Duration.ofHours(23)), now);
            List<SimEvent> statusEvents = last24h.stream().filter(e -> e.type().startsWith("AGENT_STATUS/")).toList();
            assertThat(statusEvents).hasSizeGreaterThan(20);

            // The webhook delivered the first events, then went down.
            int delivered = statusEvents.size() / 4;
            for (SimEvent e : statusEvents.subList(0, delivered)) {
                Http.Response r = http.post("/webhooks/gladly", Http.basic(c.apiKey(), c.apiKey()), Map.of("id", e.id(),
                        "type", e.type(), "timestamp", e.timestamp().toString(), "initiator", e.initiator(), "content", e.content()));
                assertThat(r.status()).isEqualTo(200);
            }

            Instant before = now();
            connect(c, sim, 1);
            Simulators.assertHealthy(Simulators.awaitSettled(http, c, before));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    jdbc.sql("select count(*) from gladly_events where company_id = ? and processed_at is null")
                            .param(c.id()).query(Long.class).single() == 0);

            long changes = jdbc.sql("select count(*) from agent_state_changes where company_id = ?").param(c.id()).query(Long.class).single();
            // Up to when the sync was asked for: events after that are live ones a later run (or the webhook) brings.
            long simulatedInWindow = sim.organization().agentEventsBetween(now.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)),
                    before).stream().filter(e -> e.type().startsWith("AGENT_STATUS/")).count();
            assertThat(changes).as("nothing lost: every status event in Gladly's window is a state change")
                    .isGreaterThanOrEqualTo(simulatedInWindow);

            // Each agent's state is the one Gladly's events give up to the last reconciliation, or one a later event
            // (after that run asked Gladly, brought by a later run) gives: on a slow machine a second run may land
            // between the read of the reconciliation time and the read of the states.
            Instant reconciledAt = Instant.parse(http.get("/api/v1/integrations/gladly", c.auth()).json()
                    .get("agent_states_synced_at").asString());
            Map<String, String> expectedState = new HashMap<>();
            for (SimEvent e : sim.organization().agentEventsBetween(now.minus(Duration.ofHours(23)), reconciledAt)) {
                String state = stateOf(e);
                if (state != null) expectedState.put((String) e.content().get("agentId"), state);
            }
            JsonNode current = http.get("/api/v1/agent-states/current", c.auth()).json();
            Map<String, java.util.Set<String>> laterStates = new HashMap<>();
            for (SimEvent e : sim.organization().agentEventsBetween(reconciledAt, now())) {
                String state = stateOf(e);
                if (state != null) laterStates.computeIfAbsent((String) e.content().get("agentId"), k -> new java.util.HashSet<>()).add(state);
            }
            for (JsonNode row : current) {
                String agent = row.get("gladly_agent_id").asString();
                String expected = expectedState.get(agent);
                if (expected != null) {
                    java.util.Set<String> allowed = new java.util.HashSet<>(laterStates.getOrDefault(agent, java.util.Set.of()));
                    allowed.add(expected);
                    assertThat(row.get("state").asString()).as(row.get("name").asString()).isIn(allowed);
                }
            }
            assertThat(current.size()).isGreaterThanOrEqualTo(expectedState.size());

            List<Map<String, Object>> outages = jdbc.sql("select * from agent_state_outages where company_id = ?").param(c.id())
                    .query().listOfRows();
            assertThat(outages).hasSize(1);
            assertThat(((Number) outages.get(0).get("recovered_events")).intValue()).isPositive();
            JsonNode status = http.get("/api/v1/integrations/gladly", c.auth()).json();
            assertThat(status.get("webhook").get("events_received").asLong()).isEqualTo(delivered);
            assertThat(status.get("agent_states_synced_at").isNull()).isFalse();
        }
    }

    private static String stateOf(SimEvent e) {
        return switch (e.type()) {
            case "AGENT_STATUS/LOGGED_OUT" -> "logged_out";
            case "AGENT_STATUS/WENT_AWAY" -> "away";
            case "AGENT_AVAILABILITY/UPDATED" -> null;
            default -> "active";
        };
    }
}
