package com.rostra.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;

/** Gladly's conversations: {@code GET /api/v1/conversations/{id}} and {@code /conversations/{id}/items}. */
final class Conversations implements SimHttp.Resource {

    private final SimHttp http;
    private final SimulatedOrganization org;

    Conversations(SimHttp http, SimulatedOrganization org) {
        this.http = http;
        this.org = org;
    }

    @Override
    public int handle(HttpExchange ex, String method, String[] parts, Instant now) throws IOException {
        if (!method.equals("GET") || parts.length < 2) {
            return http.notFound(ex);
        }
        List<SimContact> contacts = org.conversation(parts[1]).stream().filter(c -> !c.queuedAt().isAfter(now)).toList();
        if (contacts.isEmpty()) {
            return http.error(ex, 404, "conversationId", "not_exist", "conversation not found");
        }
        if (parts.length == 3 && parts[2].equals("items")) {
            return http.sendJson(ex, 200, GladlyPayloads.items(contacts, now));
        }
        return http.sendJson(ex, 200, GladlyPayloads.conversation(contacts, now));
    }
}
