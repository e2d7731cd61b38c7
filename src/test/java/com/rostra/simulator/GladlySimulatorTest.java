package com.rostra.simulator;

import java.io.StringReader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rostra.support.Http;
import com.rostra.support.TestClocks;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulator on its own, spoken to over HTTP exactly as Rostra (or anyone) would speak to Gladly. */
class GladlySimulatorTest {

    static GladlySimulator sim;
    static Http http;
    static String auth;

    @BeforeAll
    static void start() {
        sim = new GladlySimulator(SimulatorConfig.defaults(7)
                .withWebhookRetryDelays(List.of(Duration.ofMillis(200), Duration.ofMillis(200)), Duration.ofSeconds(2)), TestClocks.clock())
                .start(0);
        http = new Http("http://127.0.0.1:" + sim.port());
        auth = Http.basic(sim.config().apiUserEmail(), sim.config().apiToken());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() throws InterruptedException {
        sim.faults().reset();
        Thread.sleep(1100); // let the per-second window drain between tests
    }

    @Test
    void authOutcomesMatchGladly() {
        assertThat(http.get("/api/v1/agents", auth).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/agents", Http.basic(sim.config().apiUserEmail(), "wrong")).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/agents", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/agents", Http.basic(sim.config().agentUserEmail(), sim.config().agentUserToken())).status())
                .as("a user without the API User permission").isEqualTo(403);
        assertThat(http.get("/o/acme/api/v1/agents", auth).status()).isEqualTo(200);
        Http.Response unknownOrg = http.get("/o/someone-else/api/v1/agents", auth);
        assertThat(unknownOrg.status()).isEqualTo(404);
        assertThat(unknownOrg.json().get("errors").get(0).get("code").asString()).isEqualTo("not_exist");

        sim.faults().revokeToken(true);
        assertThat(http.get("/api/v1/agents", auth).status()).isEqualTo(401);
        sim.faults().revokeToken(false).removeApiPermission(true);
        assertThat(http.get("/api/v1/agents", auth).status()).isEqualTo(403);
    }

    @Test
    void slowResponsesAndTimeoutsCanBeStaged() throws Exception {
        sim.faults().latency(Duration.ofMillis(600));
        long started = System.nanoTime();
        assertThat(http.get("/api/v1/inboxes", auth).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));

        // Longer than a client's timeout is a timeout for that client.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + sim.port() + "/api/v1/agents"))
                .header("Authorization", auth).timeout(Duration.ofMillis(200)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void directoryEndpointsHaveGladlyShapes() {
        JsonNode agents = http.get("/api/v1/agents", auth).json();
        assertThat(agents).hasSize(20);
        JsonNode first = agents.get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "name", "emailAddress");
        assertThat(first.get("id").asString()).matches("[A-Za-z0-9_-]{22}");
        assertThat(http.get("/api/v1/agents/" + first.get("id").asString(), auth).json().get("name").asString())
                .isEqualTo(first.get("name").asString());
        assertThat(http.get("/api/v1/agents/nope", auth).status()).isEqualTo(404);

        JsonNode teams = http.get("/api/v1/teams", auth).json();
        assertThat(teams.get(0).propertyNames()).contains("id", "name", "description", "agentIds");
        JsonNode inboxes = http.get("/api/v1/inboxes", auth).json();
        assertThat(inboxes.get(0).propertyNames()).containsExactlyInAnyOrder("id", "name", "disabled");
        assertThat(http.get("/api/v1/organization", auth).json().get("name").asString()).isEqualTo("acme");
    }

    @Test
    void perSecondLimitGives429WithHeadersAndNoRetryAfter() {
        int ok = 0;
        Http.Response limited = null;
        for (int i = 0; i < 15; i++) {
            Http.Response r = http.get("/api/v1/inboxes", auth);
            if (r.status() == 200) {
                ok++;
                assertThat(r.header("Ratelimit-Limit-Second")).isEqualTo("10");
            } else {
                limited = r;
            }
        }
        assertThat(ok).isLessThanOrEqualTo(10);
        assertThat(limited).isNotNull();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Ratelimit-Remaining-Second")).isEqualTo("0");
        assertThat(limited.header("Retry-After")).isNull();
    }

    @Test
    void reportsAreLimitedToTenPerMinute() throws Exception {
        Instant end = TestClocks.now().truncatedTo(ChronoUnit.HOURS);
        Map<String, String> body = Map.of("metricSet", "ContactExportReportV3",
                "startAtTime", end.minus(Duration.ofHours(1)).toString(), "endAtTime", end.toString());
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            int status = http.post("/api/v1/reports", auth, body).status();
            if (status == 200) ok++;
            if (status == 429) limited++;
            Thread.sleep(120); // stay under 10/s so only the report limit speaks
        }
        assertThat(ok).isLessThanOrEqualTo(10);
        assertThat(limited).isGreaterThanOrEqualTo(2);
        assertThat(sim.requests()).filteredOn(r -> r.path().equals("/api/v1/reports")).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void contactExportHasNamedColumnsAndRespectsTheWindow() throws Exception {
        GladlySimulator fresh = new GladlySimulator(SimulatorConfig.defaults(11), TestClocks.clock()).start(0);
        try {
            Http h = new Http("http://127.0.0.1:" + fresh.port());
            String a = Http.basic(fresh.config().apiUserEmail(), fresh.config().apiToken());
            Instant end = TestClocks.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(18));
            Instant start = end.minus(Duration.ofHours(6));
            Http.Response r = h.post("/api/v1/reports", a, Map.of("metricSet", "ContactExportReportV3",
                    "startAtTime", start.toString(), "endAtTime", end.toString()));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/csv");
            var parsed = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body()));
            assertThat(parsed.getHeaderNames()).contains("Queued At", "Customer ID", "Conversation ID", "Contact ID", "Link",
                    "Channel", "Direction", "Contact Initiator", "Entry Point", "Final IVR Selection", "Inbox When Queued",
                    "Inbox When Ended", "Status", "Fulfilled At", "Ended At", "Agent ID");
            List<CSVRecord> rows = parsed.getRecords();
            assertThat(rows).isNotEmpty();
            assertThat(rows).allSatisfy(row -> {
                Instant queued = Instant.parse(row.get("Queued At"));
                assertThat(queued).isBetween(start, end.minusMillis(1));
            });
            assertThat(rows).extracting(row -> row.get("Channel")).contains("PHONE_CALL", "EMAIL", "CHAT");
            assertThat(rows).extracting(row -> row.get("Status")).contains("ANSWERED", "ABANDONED");
            assertThat(rows.size()).isCloseTo((int) fresh.organization().expectedContactsBetween(start, end),
                    org.assertj.core.data.Percentage.withPercentage(25));

            Http.Response bad = h.post("/api/v1/reports", a, Map.of("metricSet", "ContactExportReportV3",
                    "startAtTime", end.toString(), "endAtTime", start.toString()));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").get(0).get("detail").asString()).contains("endAt must occur after startAt");
            assertThat(h.post("/api/v1/reports", a, Map.of("metricSet", "Nonsense", "startAt", "2026-01-01", "endAt", "2026-01-01"))
                    .status()).isEqualTo(400);
        } finally {
            fresh.close();
        }
    }

    @Test
    void wholeDayReportsUseTheTimezoneAndIncludeTheEndDay() {
        // Its own organization: the Reports limit of the shared one may be spent by another test.
        try (GladlySimulator sim = new GladlySimulator(SimulatorConfig.defaults(12), TestClocks.clock()).start(0)) {
            Http http = new Http("http://127.0.0.1:" + sim.port());
            String auth = Http.basic(sim.config().apiUserEmail(), sim.config().apiToken());
            wholeDayReports(sim, http, auth);
        }
    }

    private static void wholeDayReports(GladlySimulator sim, Http http, String auth) {
        java.time.ZoneId zone = java.time.ZoneId.of("America/Los_Angeles");
        java.time.LocalDate day = java.time.LocalDate.now(TestClocks.clock().withZone(zone)).minusDays(3);
        Http.Response r = http.post("/api/v1/reports", auth, Map.of("metricSet", "ContactExportReportV3",
                "startAt", day.toString(), "endAt", day.plusDays(1).toString(), "timezone", zone.getId()));
        assertThat(r.status()).isEqualTo(200);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(2).atStartOfDay(zone).toInstant();
        long rows = r.body().lines().count() - 1;
        assertThat(rows).isEqualTo(sim.organization().contactsQueuedBetween(from, to, TestClocks.now()).size());
        assertThat(http.post("/api/v1/reports", auth, Map.of("metricSet", "ContactExportReportV3", "startAt", day.toString(),
                "endAt", day.toString(), "startAtTime", from.toString(), "endAtTime", to.toString())).status())
                .as("the two time forms cannot be mixed").isEqualTo(400);
    }

    @Test
    void sameSeedSameOrganization() {
        SimulatedOrganization one = new SimulatedOrganization(SimulatorConfig.defaults(99));
        SimulatedOrganization two = new SimulatedOrganization(SimulatorConfig.defaults(99));
        SimulatedOrganization other = new SimulatedOrganization(SimulatorConfig.defaults(100));
        Instant to = Instant.parse("2026-10-07T00:00:00Z");
        Instant from = to.minus(Duration.ofDays(2));
        assertThat(one.contactsQueuedBetween(from, to, to)).isEqualTo(two.contactsQueuedBetween(from, to, to));
        assertThat(one.agentEventsBetween(from, to)).isEqualTo(two.agentEventsBetween(from, to));
        assertThat(one.agents()).isEqualTo(two.agents());
        assertThat(one.contactsQueuedBetween(from, to, to)).isNotEqualTo(other.contactsQueuedBetween(from, to, to));
    }

    @Test
    void eventsApiStreamsJsonlOfTheLast24Hours() {
        Instant now = TestClocks.now();
        Http.Response r = http.get("/api/v1/events?startAt=" + now.minus(Duration.ofHours(23)) + "&entities=AGENT_STATUS&entities=AGENT_AVAILABILITY", auth);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/x-jsonlines");
        List<JsonNode> events = r.body().lines().map(Http.JSON::readTree).toList();
        assertThat(events).isNotEmpty();
        assertThat(events).extracting(e -> e.get("type").asString())
                .contains("AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/WENT_AWAY", "AGENT_STATUS/RETURNED_FROM_AWAY",
                        "AGENT_AVAILABILITY/UPDATED");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.propertyNames()).contains("id", "type", "timestamp", "content");
            assertThat(e.get("content").has("agentId")).isTrue();
            assertThat(e.get("content").has("occurredAt")).isTrue();
        });
        List<Instant> times = events.stream().map(e -> Instant.parse(e.get("timestamp").asString())).toList();
        assertThat(times).isSorted();

        assertThat(http.get("/api/v1/events?startAt=" + now.minus(Duration.ofHours(30)) + "&entities=AGENT_STATUS", auth).status())
                .as("older than 24 hours").isEqualTo(400);
        assertThat(http.get("/api/v1/events?startAt=" + now.minus(Duration.ofHours(1)), auth).status())
                .as("entities required").isEqualTo(400);
    }

    @Test
    void conversationItemsCarryCallTimes() {
        Instant to = TestClocks.now().minus(Duration.ofDays(1));
        SimContact call = sim.organization().contactsQueuedBetween(to.minus(Duration.ofDays(1)), to, TestClocks.now()).stream()
                .filter(c -> c.channel().equals("PHONE_CALL") && c.status().equals("ANSWERED") && c.direction().equals("INBOUND"))
                .findFirst().orElseThrow();
        Http.Response r = http.get("/api/v1/conversations/" + call.conversationId() + "/items", auth);
        assertThat(r.status()).isEqualTo(200);
        // A conversation can hold other contacts before the call (multi-channel): find the call's own item.
        JsonNode item = null;
        for (JsonNode i : r.json()) {
            if (i.get("id").asString().startsWith(call.id())) item = i;
        }
        assertThat(item).isNotNull();
        assertThat(item.get("content").get("type").asString()).isEqualTo("PHONE_CALL");
        Instant started = Instant.parse(item.get("content").get("startedAt").asString());
        Instant answered = Instant.parse(item.get("content").get("answeredAt").asString());
        assertThat(answered).isEqualTo(call.fulfilledAt());
        assertThat(started).isBefore(call.queuedAt());
        assertThat(http.get("/api/v1/conversations/" + call.conversationId(), auth).json().get("status").asString())
                .isEqualTo("CLOSED");
        assertThat(http.get("/api/v1/conversations/AAAAAAAAAAAAAAAAAAAAAA", auth).status()).isEqualTo(404);
    }

    @Test
    void webhooksPingOnEnableDeliverWithBasicAuthAndRetryThenDeactivate() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auths = new CopyOnWriteArrayList<>();
        AtomicInteger answer = new AtomicInteger(200);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes()));
            auths.add(ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(answer.get(), -1);
            ex.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Http.Response created = http.post("/api/v1/webhooks", auth, Map.of("name", "Rostra Agent States", "url", url,
                    "events", List.of("AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/LOGGED_OUT"),
                    "credentials", Map.of("username", "rk_key", "password", "rk_key")));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location")).startsWith("/api/v1/webhooks/");
            assertThat(created.json().get("enabled").asBoolean()).as("disabled by default").isFalse();
            assertThat(created.json().has("credentials")).as("credentials are write-only").isFalse();
            assertThat(bodies).isEmpty();
            String id = created.json().get("id").asString();

            answer.set(500);
            assertThat(http.send("PATCH", "/api/v1/webhooks/" + id, auth, Map.of("enabled", true)).status())
                    .as("enabling fails unless the PING gets 200").isEqualTo(400);
            answer.set(200);
            assertThat(http.send("PATCH", "/api/v1/webhooks/" + id, auth, Map.of("enabled", true)).status()).isEqualTo(200);
            assertThat(Http.JSON.readTree(bodies.get(bodies.size() - 1)).get("type").asString()).isEqualTo("PING");
            assertThat(auths.get(auths.size() - 1)).isEqualTo(Http.basic("rk_key", "rk_key"));

            sim.emit(new SimEvent("evt-1", "AGENT_STATUS/LOGGED_IN", TestClocks.now(), Map.of("id", "a", "type", "AGENT"),
                    Map.of("agentId", "a", "occurredAt", TestClocks.now().toString())));
            sim.emit(new SimEvent("evt-ignored", "AGENT_STATUS/WENT_AWAY", TestClocks.now(), null, Map.of("agentId", "a")));
            await().atMost(Duration.ofSeconds(20)).until(() -> bodies.stream().anyMatch(b -> b.contains("evt-1")));
            JsonNode delivered = Http.JSON.readTree(bodies.stream().filter(b -> b.contains("evt-1")).findFirst().orElseThrow());
            assertThat(delivered.propertyNames()).contains("id", "type", "timestamp", "initiator", "content");
            assertThat(bodies).noneMatch(b -> b.contains("evt-ignored"));

            answer.set(503);
            int before = bodies.size();
            sim.emit(new SimEvent("evt-2", "AGENT_STATUS/LOGGED_OUT", TestClocks.now(), null, Map.of("agentId", "a")));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    !http.get("/api/v1/webhooks/" + id, auth).json().get("enabled").asBoolean());
            assertThat(bodies.size() - before).as("first try and two retries").isEqualTo(3);
            assertThat(http.get("/api/v1/webhooks/" + id, auth).json().has("disabledAtDueToRetryLimit")).isTrue();
            assertThat(http.delete("/api/v1/webhooks/" + id, auth).status()).isEqualTo(204);
        } finally {
            receiver.stop(0);
        }
    }
}
