package com.rostra.gladly;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One company's view of Gladly's REST API. Every attempt (retries included) first takes a permit from the shared
 * budget; 429 and 5xx are retried with exponential backoff and full jitter (Gladly sends no Retry-After).
 * The token lives only in the Authorization header built here and is never logged.
 */
class GladlyClient {

    private static final Logger log = LoggerFactory.getLogger(GladlyClient.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final CompanyId company;
    private final String baseUrl;
    private final String authorization;
    private final RequestBudget budget;
    private final GladlyProperties properties;

    GladlyClient(CompanyId company, String baseUrl, String username, String token, RequestBudget budget,
                 GladlyProperties properties) {
        this.company = company;
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.budget = budget;
        this.properties = properties;
    }

    record Agent(String id, String name, String emailAddress) {}

    record Team(String id, String name, List<String> agentIds) {}

    record Inbox(String id, String name) {}

    List<Agent> agents() {
        List<Agent> agents = new ArrayList<>();
        for (JsonNode a : getJson("/agents")) {
            agents.add(new Agent(text(a, "id"), text(a, "name"), text(a, "emailAddress")));
        }
        return agents;
    }

    List<Team> teams() {
        List<Team> teams = new ArrayList<>();
        for (JsonNode t : getJson("/teams")) {
            List<String> ids = new ArrayList<>();
            if (t.has("agentIds")) t.get("agentIds").forEach(id -> ids.add(id.asString()));
            teams.add(new Team(text(t, "id"), text(t, "name"), ids));
        }
        return teams;
    }

    List<Inbox> inboxes() {
        List<Inbox> inboxes = new ArrayList<>();
        for (JsonNode i : getJson("/inboxes")) {
            inboxes.add(new Inbox(text(i, "id"), text(i, "name")));
        }
        return inboxes;
    }

    JsonNode conversationItems(String conversationId) {
        return getJson("/conversations/" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + "/items");
    }

    /** Events of the given entities with timestamps in [from, to): Gladly's JSONL stream, one line per event. */
    List<String> events(Instant from, Instant to, List<String> entities) {
        StringBuilder path = new StringBuilder("/events?startAt=").append(from).append("&endAt=").append(to);
        entities.forEach(e -> path.append("&entities=").append(e));
        HttpResponse<String> r = send(() -> HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), false,
                HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * The Contact Export report for contacts queued in [from, to). Returns the whole body: callers need to know
     * whether it ended cleanly (a truncated body is retried, never half-imported).
     */
    String contactExport(Instant from, Instant to) {
        String body = JSON.writeValueAsString(Map.of("metricSet", "ContactExportReportV3",
                "startAtTime", minutes(from), "endAtTime", minutes(to)));
        HttpResponse<String> r = send(() -> HttpRequest.newBuilder(URI.create(baseUrl + "/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), true, HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    /**
     * The Work Session report for sessions in [from, to) ({@code POST /reports/work-session-events}): a report like the
     * Contact Export, on the same Reports pacing and shared request budget.
     */
    String workSessions(Instant from, Instant to) {
        String body = JSON.writeValueAsString(Map.of("startAtTime", minutes(from), "endAtTime", minutes(to)));
        HttpResponse<String> r = send(() -> HttpRequest.newBuilder(URI.create(baseUrl + "/reports/work-session-events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), true, HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    /** Gladly documents YYYY-mm-ddThh:mmZ for report times. */
    private static String minutes(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString().replaceAll(":00Z$", "Z");
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> r = send(() -> HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), false,
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private <T> HttpResponse<T> send(java.util.function.Supplier<HttpRequest.Builder> request, boolean report,
                                     HttpResponse.BodyHandler<T> handler) {
        int attempt = 0;
        int throttled = 0;
        Instant patience = Instant.now().plus(properties.rateLimitPatience());
        String endpoint = "unknown";
        while (true) {
            attempt++;
            int status;
            String problem;
            try {
                long waitStart = System.nanoTime();
                if (report) {
                    budget.acquireReport(company);
                    GladlyMetrics.budgetWait("reports", System.nanoTime() - waitStart);
                }
                long requestsWait = System.nanoTime();
                budget.acquire(company);
                GladlyMetrics.budgetWait("requests", System.nanoTime() - requestsWait);
                HttpRequest built = request.get()
                        .timeout(properties.httpTimeout())
                        .header("Authorization", authorization)
                        .header("Accept", "application/json, text/csv, application/x-jsonlines")
                        .build();
                endpoint = GladlyMetrics.endpoint(built.uri().getPath());
                requireAllowedAddress();
                HttpResponse<T> response = HTTP.send(built, handler);
                status = response.statusCode();
                GladlyMetrics.request(endpoint, status);
                if (status >= 200 && status < 300) {
                    return response;
                }
                problem = describe(status, response.body());
                if (status != 429 && status < 500) {
                    throw new GladlyApiException(status, problem);
                }
            } catch (HttpTimeoutException e) {
                GladlyMetrics.request(endpoint, 0);
                status = 0;
                problem = "Gladly did not answer within " + properties.httpTimeout().toSeconds() + " s";
            } catch (IOException e) {
                GladlyMetrics.request(endpoint, 0);
                status = 0;
                problem = "could not reach Gladly (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GladlyApiException(0, "interrupted");
            }
            // 429 is back-pressure, not failure: keep backing off for a while, but only that long.
            if (status == 429 && Instant.now().isBefore(patience)) {
                attempt--;
                throttled++;
            } else if (attempt >= properties.maxAttempts() || status == 429) {
                throw new GladlyApiException(status, problem + " (after " + (attempt + throttled) + " attempts)");
            }
            sleep(backoff(Math.max(attempt, Math.min(throttled, 8))));
            log.debug("Retrying Gladly request after {} (attempt {})", status, attempt);
        }
    }

    /**
     * Checked before every attempt, so a name that resolved to a public address when the connection was saved and
     * to an internal one now is refused; the JVM's address cache then serves the HTTP client the address just checked.
     */
    private void requireAllowedAddress() {
        try {
            GladlyEndpoint.resolve(null, baseUrl, properties);
        } catch (com.rostra.platform.InvalidRequestException refused) {
            throw new GladlyApiException(0, "the Gladly address is not allowed: " + refused.getMessage());
        }
    }

    /** Exponential with "equal jitter": uniform in [cap/2, cap], cap = min(max, base · 2^attempt). */
    private Duration backoff(int attempt) {
        long cap = Math.min(properties.backoffMax().toMillis(), properties.backoffBase().toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GladlyApiException(0, "interrupted");
        }
    }

    static String describe(int status, Object body) {
        String detail = null;
        if (body instanceof String s && s.startsWith("{")) {
            try {
                JsonNode errors = JSON.readTree(s).get("errors");
                if (errors != null && errors.size() > 0) {
                    detail = text(errors.get(0), "detail");
                }
            } catch (RuntimeException e) {
                // not Gladly's error shape; fall back to the status
            }
        }
        return "HTTP " + status + (detail == null ? "" : ": " + detail);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    String baseUrl() {
        return baseUrl;
    }
}
