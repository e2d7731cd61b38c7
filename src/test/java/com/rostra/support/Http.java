package com.rostra.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for tests: real requests against the running server, JSON in and out. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String key(String apiKey) {
        return basic(apiKey, "");
    }

    public Response get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    public Response delete(String path, String authorization) {
        return send(request(path, authorization).DELETE());
    }

    public Response post(String path, String authorization, Object body) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(asString(body))));
    }

    public Response put(String path, String authorization, Object body) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(asString(body))));
    }

    public Response send(String method, String path, String authorization, Object body) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(asString(body))));
    }

    public Response postRaw(String path, String authorization, String contentType, String body) {
        return send(request(path, authorization).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String asString(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (java.net.http.HttpTimeoutException e) {
            // The server runs in this JVM: what its threads were doing is what a hang's diagnosis needs.
            System.out.println("== request timed out: " + builder.build().uri() + "; threads of the test JVM:");
            for (java.lang.management.ThreadInfo t : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                System.out.print(fullStack(t));
            }
            throw new java.io.UncheckedIOException(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link java.lang.management.ThreadInfo#toString()} stops after eight frames. */
    private static String fullStack(java.lang.management.ThreadInfo t) {
        StringBuilder out = new StringBuilder("\"" + t.getThreadName() + "\" " + t.getThreadState()
                + (t.getLockName() == null ? "" : " on " + t.getLockName())
                + (t.getLockOwnerName() == null ? "" : " owned by \"" + t.getLockOwnerName() + "\"") + "\n");
        for (StackTraceElement frame : t.getStackTrace()) out.append("\tat ").append(frame).append('\n');
        return out.append('\n').toString();
    }
}
