package com.rostra.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's HTTP plumbing, shared by its resources: reading JSON and queries, Gladly's error shape, replies. */
final class SimHttp {

    /** One Gladly resource (the segment after {@code /api/v1/}): answers a request and returns the status sent. */
    interface Resource {
        int handle(HttpExchange ex, String method, String[] parts, Instant now) throws IOException;
    }

    final JsonMapper json;

    SimHttp(JsonMapper json) {
        this.json = json;
    }

    JsonNode readJson(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return json.readTree(in);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static Map<String, List<String>> query(HttpExchange ex) {
        Map<String, List<String>> params = new ConcurrentHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    int tooMany(HttpExchange ex, int remaining) throws IOException {
        // Gladly sends no Retry-After: clients back off on their own.
        ex.getResponseHeaders().set("Ratelimit-Limit-Second", String.valueOf(RateLimits.PER_SECOND));
        ex.getResponseHeaders().set("Ratelimit-Remaining-Second", String.valueOf(Math.max(0, remaining)));
        return error(ex, 429, null, "rate_limited", "Too Many Requests");
    }

    /** The 404 for a path or method Gladly does not serve. */
    int notFound(HttpExchange ex) throws IOException {
        return error(ex, 404, null, "not_exist", "not found");
    }

    int error(HttpExchange ex, int status, String attr, String code, String detail) throws IOException {
        Map<String, Object> err = new LinkedHashMap<>();
        if (attr != null) {
            err.put("attr", attr);
        }
        err.put("code", code);
        err.put("detail", detail);
        return sendJson(ex, status, Map.of("errors", List.of(err)));
    }

    int errorUnchecked(HttpExchange ex, int status, String attr, String code, String detail) {
        try {
            return error(ex, status, attr, code, detail);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int sendJson(HttpExchange ex, int status, Object body) throws IOException {
        return send(ex, status, "application/json", json.writeValueAsString(body));
    }

    int sendJsonUnchecked(HttpExchange ex, int status, Object body) {
        try {
            return sendJson(ex, status, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return status;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The client went away (e.g. its timeout fired first); the status still counts in the log.
        }
        return status;
    }
}
