package com.rostra.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Gladly's directory resources: the organization, agents, teams and inboxes ({@code GET /api/v1/organization},
 * {@code /agents}, {@code /agents/{id}}, {@code /teams}, {@code /inboxes}).
 */
final class AgentsAndTeams implements SimHttp.Resource {

    private final SimHttp http;
    private final SimulatorConfig config;
    private final SimulatedOrganization org;
    private final SimulatorFaults faults;

    AgentsAndTeams(SimHttp http, SimulatorConfig config, SimulatedOrganization org, SimulatorFaults faults) {
        this.http = http;
        this.config = config;
        this.org = org;
        this.faults = faults;
    }

    @Override
    public int handle(HttpExchange ex, String method, String[] parts, Instant now) throws IOException {
        return switch (method + " " + parts[0]) {
            case "GET organization" -> http.sendJson(ex, 200, Map.of("id", SimIds.encode(0, 0, 'O', config.seed()),
                    "name", config.organization(), "timezone", config.timeZone().getId()));
            case "GET agents" -> parts.length == 1
                    ? http.sendJson(ex, 200, org.agents().stream().map(GladlyPayloads::agent).toList())
                    : org.agents().stream().filter(a -> a.id().equals(parts[1])).findFirst()
                            .map(a -> http.sendJsonUnchecked(ex, 200, GladlyPayloads.agent(a)))
                            .orElseGet(() -> http.errorUnchecked(ex, 404, "agentId", "not_exist", "agent not found"));
            case "GET teams" -> http.sendJson(ex, 200, org.teams().stream().map(t -> faults.oversizedValues
                    ? new SimulatedOrganization.Team(t.id(), t.name() + " " + "T".repeat(1200), t.description(), t.agentIds()) : t)
                    .map(GladlyPayloads::team).toList());
            case "GET inboxes" -> http.sendJson(ex, 200, org.inboxes().stream().map(i -> faults.oversizedValues
                    ? new SimulatedOrganization.Inbox(i.id(), i.name() + " " + "I".repeat(1200), i.disabled()) : i)
                    .map(GladlyPayloads::inbox).toList());
            default -> http.notFound(ex);
        };
    }
}
