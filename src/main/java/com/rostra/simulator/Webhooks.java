package com.rostra.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;

/**
 * Gladly's webhooks: {@code GET/POST /api/v1/webhooks}, {@code GET/PATCH/DELETE /api/v1/webhooks/{id}} (at most 20,
 * a PING to the URL before one is enabled, delete only when disabled), and the registry the live deliveries read.
 */
final class Webhooks implements SimHttp.Resource {

    private static final java.util.Set<String> KNOWN_EVENTS = java.util.Set.of("AGENT_STATUS/LOGGED_IN",
            "AGENT_STATUS/LOGGED_OUT", "AGENT_STATUS/WENT_AWAY", "AGENT_STATUS/RETURNED_FROM_AWAY",
            "AGENT_STATUS/CHANGED_ACTIVE_REASON", "AGENT_AVAILABILITY/UPDATED", "AGENT_AVAILABILITY/FOCUS_ENTERED",
            "AGENT_AVAILABILITY/FOCUS_EXITED", "CONTACT/STARTED", "CONTACT/ENDED", "CONTACT/FULFILLED",
            "CONTACT/OFFERED", "CONTACT/OFFER_ACCEPTED", "CONTACT/OFFER_REJECTED", "CONTACT/TRANSFERRED",
            "CONTACT/JOINED", "CONTACT/HOLD_STARTED", "CONTACT/HOLD_ENDED", "CONTACT/MESSAGE_RECEIVED",
            "CONTACT/MESSAGE_SENT", "CONVERSATION/CLOSED", "CONVERSATION/CREATED", "CONVERSATION/REOPENED");

    private final SimHttp http;
    private final SimulatorConfig config;
    private final WebhookDispatcher dispatcher;
    private final Map<String, SimWebhook> webhooks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong webhookIds = new AtomicLong();

    Webhooks(SimHttp http, SimulatorConfig config, WebhookDispatcher dispatcher) {
        this.http = http;
        this.config = config;
        this.dispatcher = dispatcher;
    }

    /** Enabled webhooks subscribed to the event type. */
    List<SimWebhook> subscribedTo(String type) {
        synchronized (webhooks) {
            return webhooks.values().stream().filter(w -> w.enabled && w.subscribes(type)).toList();
        }
    }

    boolean anyEnabled() {
        synchronized (webhooks) {
            return webhooks.values().stream().anyMatch(w -> w.enabled);
        }
    }

    /** Whether an enabled webhook listens for contact events (they cost a pass over the contacts to produce). */
    boolean anyWantsContacts() {
        synchronized (webhooks) {
            return webhooks.values().stream().anyMatch(w -> w.enabled
                    && w.events.stream().anyMatch(e -> e.startsWith("CONTACT/")));
        }
    }

    @Override
    public int handle(HttpExchange ex, String method, String[] parts, Instant now) throws IOException {
        if (!List.of("GET", "POST", "PATCH", "DELETE").contains(method)) {
            return http.notFound(ex);
        }
        if (method.equals("GET") && parts.length == 1) {
            synchronized (webhooks) {
                return http.sendJson(ex, 200, webhooks.values().stream().map(SimWebhook::view).toList());
            }
        }
        if (method.equals("POST") && parts.length == 1) {
            JsonNode body = http.readJson(ex);
            if (body == null) {
                return http.error(ex, 400, null, "invalid", "request body is not valid JSON");
            }
            if (webhooks.size() >= 20) {
                return http.error(ex, 400, null, "invalid", "an organization can have at most 20 webhooks");
            }
            SimWebhook w = new SimWebhook(SimIds.encode(webhookIds.incrementAndGet(), 0, 'W', config.seed()));
            w.createdAt = now;
            String problem = apply(w, body, true);
            if (problem != null) {
                return http.error(ex, 400, problem.substring(0, problem.indexOf(':')), "invalid", problem.substring(problem.indexOf(':') + 1).strip());
            }
            if (w.enabled && dispatcher.ping(w) != 200) {
                return http.error(ex, 400, "url", "invalid", "PING to the webhook url did not return 200");
            }
            webhooks.put(w.id, w);
            ex.getResponseHeaders().set("Location", "/api/v1/webhooks/" + w.id);
            return http.sendJson(ex, 201, w.view());
        }
        SimWebhook w = parts.length == 2 ? webhooks.get(parts[1]) : null;
        if (w == null) {
            return http.error(ex, 404, "webhookId", "not_exist", "webhook not found");
        }
        switch (method) {
            case "GET":
                return http.sendJson(ex, 200, w.view());
            case "DELETE":
                if (w.enabled) {
                    return http.error(ex, 400, "enabled", "invalid_state", "disable the webhook before deleting it");
                }
                webhooks.remove(w.id);
                return SimHttp.send(ex, 204, null, null);
            default:
                JsonNode body = http.readJson(ex);
                if (body == null) {
                    return http.error(ex, 400, null, "invalid", "request body is not valid JSON");
                }
                SimWebhook candidate = copy(w);
                String problem = apply(candidate, body, false);
                if (problem != null) {
                    return http.error(ex, 400, problem.substring(0, problem.indexOf(':')), "invalid", problem.substring(problem.indexOf(':') + 1).strip());
                }
                boolean needsPing = candidate.enabled && (!w.enabled || !candidate.url.equals(w.url));
                if (needsPing && dispatcher.ping(candidate) != 200) {
                    return http.error(ex, 400, "url", "invalid", "PING to the webhook url did not return 200");
                }
                synchronized (w) {
                    w.name = candidate.name;
                    w.url = candidate.url;
                    w.events = candidate.events;
                    w.username = candidate.username;
                    w.password = candidate.password;
                    w.headers = candidate.headers;
                    w.enabled = candidate.enabled;
                    if (w.enabled) {
                        w.disabledAtDueToRetryLimit = null;
                    }
                    w.updatedAt = now;
                }
                return http.sendJson(ex, 200, w.view());
        }
    }

    /** Applies a create/patch body; returns "field: problem" or null. */
    private String apply(SimWebhook w, JsonNode body, boolean create) {
        if (body.has("name")) w.name = body.get("name").asString();
        if (body.has("url")) w.url = body.get("url").asString();
        if (body.has("events")) {
            List<String> events = new ArrayList<>();
            body.get("events").forEach(e -> events.add(e.asString()));
            w.events = events;
        }
        if (body.has("credentials")) {
            JsonNode c = body.get("credentials");
            w.username = c.has("username") ? c.get("username").asString() : null;
            w.password = c.has("password") ? c.get("password").asString() : null;
        }
        if (body.has("headers")) {
            Map<String, String> headers = new LinkedHashMap<>();
            body.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
            w.headers = headers;
        }
        if (body.has("enabled")) w.enabled = body.get("enabled").asBoolean();
        else if (create) w.enabled = false;
        if (w.name == null || w.name.isBlank() || w.name.length() > 200) return "name: name is required (at most 200 characters)";
        if (w.url == null || !(w.url.startsWith("https://") || w.url.startsWith("http://127.0.0.1") || w.url.startsWith("http://localhost"))) {
            return "url: url must be an https URL";
        }
        synchronized (webhooks) {
            for (SimWebhook other : webhooks.values()) {
                if (!other.id.equals(w.id) && other.url.equals(w.url)) return "url: url is taken by another webhook";
            }
        }
        if (w.events == null || w.events.isEmpty()) return "events: at least one event is required";
        for (String e : w.events) {
            if (!KNOWN_EVENTS.contains(e)) return "events: unknown event " + e;
        }
        if (w.updatedAt == null) w.updatedAt = w.createdAt;
        return null;
    }

    private static SimWebhook copy(SimWebhook w) {
        SimWebhook c = new SimWebhook(w.id);
        c.name = w.name;
        c.url = w.url;
        c.events = w.events;
        c.username = w.username;
        c.password = w.password;
        c.headers = w.headers;
        c.enabled = w.enabled;
        c.createdAt = w.createdAt;
        c.updatedAt = w.updatedAt;
        return c;
    }
}
