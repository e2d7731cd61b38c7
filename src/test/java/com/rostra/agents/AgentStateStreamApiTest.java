package com.rostra.agents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rostra.RostraApplication;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;

/** The live stream of agent states: a snapshot, then each stored change, only to the company's own streams. */
class AgentStateStreamApiTest extends ApiTest {

    /** An open event stream: its lines, as they arrive. */
    record Stream(BlockingQueue<String> lines, java.util.concurrent.CompletableFuture<?> body) implements AutoCloseable {

        /** The next event of that name (its data line), skipping others; fails after the limit. */
        String next(String name, String containing) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String event = null;
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) continue;
                if (line.startsWith("event:")) event = line.substring(6).strip();
                if (line.startsWith("data:") && name.equals(event) && line.contains(containing)) return line.substring(5);
            }
            throw new AssertionError("no '" + name + "' event containing " + containing);
        }

        List<String> drained() {
            List<String> all = new ArrayList<>();
            lines.drainTo(all);
            return all;
        }

        @Override
        public void close() {
            body.cancel(true);
        }
    }

    static Stream open(int port, TestCompany company) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agent-states/stream"))
                .header("Authorization", company.auth()).header("Accept", "text/event-stream").GET().build();
        var body = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    r.body().forEach(lines::add);
                });
        return new Stream(lines, body);
    }

    @Test
    void aStreamGetsASnapshotThenEachStoredChangeOfItsOwnCompanyOnly() throws Exception {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        http.post("/webhooks/gladly", Http.basic(a.apiKey(), a.apiKey()),
                event("AGENT_STATUS/LOGGED_IN", "stream-a1", now().minusSeconds(60), Map.of("activeReason", reason("Phone"))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/api/v1/agent-states/current", a.auth()).json().size() == 1);
        try (Stream streamA = open(port, a); Stream streamB = open(port, b)) {
            assertThat(streamA.next("snapshot", "stream-a1")).contains("\"state\":\"active\"");
            assertThat(streamB.next("snapshot", "[")).doesNotContain("stream-a1");

            http.post("/webhooks/gladly", Http.basic(a.apiKey(), a.apiKey()),
                    event("AGENT_STATUS/WENT_AWAY", "stream-a1", now(), Map.of("awayReason", reason("Coffee"))));
            String change = streamA.next("state", "stream-a1");
            assertThat(change).contains("\"state\":\"away\"").contains("\"reason\":\"Coffee\"");

            http.post("/webhooks/gladly", Http.basic(b.apiKey(), b.apiKey()),
                    event("AGENT_STATUS/LOGGED_IN", "stream-b1", now(), Map.of()));
            streamB.next("state", "stream-b1");
            assertThat(streamB.drained()).noneMatch(l -> l.contains("stream-a1"));
        }
        assertThat(http.get("/api/v1/agent-states/stream", null).status()).isEqualTo(401);
    }

    /** Two nodes on one PostgreSQL: a change stored through one reaches a stream held by the other. */
    @Test
    @EnabledIfEnvironmentVariable(named = "ROSTRA_DB_URL", matches = "jdbc:postgresql:.*")
    void aChangeStoredByOneNodeReachesAStreamOnAnother() throws Exception {
        TestCompany a = newCompany();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RostraApplication.class)
                .profiles("test").run("--server.port=0", "--db-scheduler.enabled=false");
             Stream onSecond = open(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")), a)) {
            onSecond.next("snapshot", "[");
            http.post("/webhooks/gladly", Http.basic(a.apiKey(), a.apiKey()),
                    event("AGENT_STATUS/LOGGED_IN", "across-nodes", now(), Map.of()));
            assertThat(onSecond.next("state", "across-nodes")).contains("\"state\":\"active\"");
        }
    }
}
