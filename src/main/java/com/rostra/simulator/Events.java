package com.rostra.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Gladly's Events API: {@code GET /api/v1/events?entities=...&startAt=...&endAt=...}, JSON lines of the last 24 hours. */
final class Events implements SimHttp.Resource {

    private final SimHttp http;
    private final SimulatedOrganization org;

    Events(SimHttp http, SimulatedOrganization org) {
        this.http = http;
        this.org = org;
    }

    @Override
    public int handle(HttpExchange ex, String method, String[] parts, Instant now) throws IOException {
        if (!method.equals("GET")) {
            return http.notFound(ex);
        }
        Map<String, List<String>> query = SimHttp.query(ex);
        List<String> entities = query.getOrDefault("entities", List.of());
        if (entities.isEmpty()) {
            return http.error(ex, 400, "entities", "blank", "at least one entity is required");
        }
        Instant from;
        Instant to;
        try {
            from = Instant.parse(query.getOrDefault("startAt", List.of("")).get(0));
            to = query.containsKey("endAt") ? Instant.parse(query.get("endAt").get(0)) : now;
        } catch (DateTimeParseException e) {
            return http.error(ex, 400, "startAt", "invalid", "startAt must be an ISO 8601 time");
        }
        if (from.isBefore(now.minus(Duration.ofHours(24)).minusSeconds(60))) {
            return http.error(ex, 400, "startAt", "invalid", "startAt must be from last 24 hours");
        }
        if (!to.isAfter(from)) {
            return http.error(ex, 400, "endAt", "invalid", "endAt must occur after startAt");
        }
        Instant end = to.isAfter(now) ? now : to;
        List<SimEvent> events = new ArrayList<>();
        if (entities.contains("AGENT_STATUS") || entities.contains("AGENT_AVAILABILITY")) {
            for (SimEvent e : org.agentEventsBetween(from, end)) {
                if (entities.contains(e.entity())) {
                    events.add(e);
                }
            }
        }
        if (entities.contains("CONTACT")) {
            events.addAll(org.contactEventsBetween(from, end, now));
        }
        events.sort(java.util.Comparator.comparing(SimEvent::timestamp).thenComparing(SimEvent::id));
        StringBuilder jsonl = new StringBuilder();
        for (SimEvent e : events) {
            jsonl.append(http.json.writeValueAsString(GladlyPayloads.event(e))).append('\n');
        }
        return SimHttp.send(ex, 200, "application/x-jsonlines", jsonl.toString());
    }
}
