package com.rostra.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static com.rostra.support.GladlyEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Bodies and reads are bounded: the webhook at 64 KB, CSV imports at 5 MB and 100,000 rows, timelines at 31 days. */
class RequestLimitsApiTest extends ApiTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(String path, String authorization, String contentType, HttpRequest.BodyPublisher body,
                                      boolean expectContinue) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).expectContinue(expectContinue)
                .header("Authorization", authorization).header("Content-Type", contentType).POST(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private static void assertTooLarge(HttpResponse<String> r, String mentions) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode problem = Http.JSON.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asString()).isEqualTo("Payload too large");
        assertThat(problem.get("detail").asString()).contains(mentions);
    }

    private long storedEvents(TestCompany c) {
        return jdbc.sql("select count(*) from gladly_events where company_id = ?").param(c.id()).query(Long.class).single();
    }

    private static byte[] peopleCsvOver5Mb() {
        StringBuilder csv = new StringBuilder("email,first_name,last_name\n");
        while (csv.length() <= 5 * 1024 * 1024 + 10) {
            csv.append("someone.with.a.long.address@example.com,Some,One\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theWebhookRefusesBodiesOver64KbWith413() throws Exception {
        TestCompany c = newCompany();
        String auth = Http.basic(c.apiKey(), c.apiKey());
        Map<String, Object> e = event("AGENT_STATUS/LOGGED_IN", "agent-1", now(), Map.of("padding", "p".repeat(70_000)));
        byte[] big = Http.JSON.writeValueAsString(e).getBytes(StandardCharsets.UTF_8);

        assertTooLarge(send("/webhooks/gladly", auth, "application/json", HttpRequest.BodyPublishers.ofByteArray(big), false), "64 KB");
        // Without a declared length the body is read only up to the limit.
        assertTooLarge(send("/webhooks/gladly", auth, "application/json", chunked(big), false), "64 KB");

        // Under 64 KB the event checks still apply (a body over 8,000 characters is not a Gladly event) ...
        Map<String, Object> medium = event("AGENT_STATUS/LOGGED_IN", "agent-1", now(), Map.of("padding", "p".repeat(10_000)));
        assertThat(http.post("/webhooks/gladly", auth, medium).status()).isEqualTo(400);
        // ... and a normal delivery, chunked or not, is stored.
        byte[] normal = Http.JSON.writeValueAsString(event("AGENT_STATUS/LOGGED_IN", "agent-1", now(), Map.of()))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(send("/webhooks/gladly", auth, "application/json", chunked(normal), false).statusCode()).isEqualTo(200);
        assertThat(storedEvents(c)).isOne();
    }

    @Test
    void csvImportsOver5MbAreRefusedWith413() throws Exception {
        TestCompany c = newCompany();
        byte[] bytes = peopleCsvOver5Mb();
        for (String path : new String[] {"/api/v1/people/import", "/api/v1/volume/import", "/api/v1/activities/import"}) {
            assertTooLarge(send(path, c.auth(), "text/csv", HttpRequest.BodyPublishers.ofByteArray(bytes), false), "5 MB");
            assertTooLarge(send(path, c.auth(), "text/csv", chunked(bytes), false), "5 MB");
        }
        assertThat(jdbc.sql("select count(*) from people where company_id = ?").param(c.id()).query(Long.class).single()).isZero();
    }

    @Test
    void multipartUploadsOverTheLimitGet413Not500() throws Exception {
        TestCompany c = newCompany();
        String boundary = "----rostra-limit-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = peopleCsvOver5Mb();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(file, 0, bytes, head.length, file.length);
        System.arraycopy(tail, 0, bytes, head.length + file.length, tail.length);
        String type = "multipart/form-data; boundary=" + boundary;
        // Declared length: refused by the body limit before any parsing.
        assertTooLarge(send("/api/v1/people/import", c.auth(), type, HttpRequest.BodyPublishers.ofByteArray(bytes), false), "5 MB");
        // Chunked: the multipart parser's own limit, answered the same way.
        assertTooLarge(send("/api/v1/people/import", c.auth(), type, chunked(bytes), false), "5 MB");
    }

    @Test
    void csvImportsOver100000RowsAreRefusedWith413() throws Exception {
        TestCompany c = newCompany();
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i <= 100_000; i++) {
            csv.append("x\n");
        }
        assertTooLarge(send("/api/v1/people/import", c.auth(), "text/csv",
                HttpRequest.BodyPublishers.ofString(csv.toString()), false), "100,000 rows");

        // At the cap the file is read (and judged row by row as usual).
        StringBuilder atCap = new StringBuilder("email\n");
        for (int i = 0; i < 100_000; i++) {
            atCap.append("x\n");
        }
        HttpResponse<String> judged = send("/api/v1/people/import", c.auth(), "text/csv",
                HttpRequest.BodyPublishers.ofString(atCap.toString()), false);
        assertThat(judged.statusCode()).as(judged.body().substring(0, Math.min(300, judged.body().length()))).isEqualTo(422);
    }

    @Test
    void agentStateTimelinesAreReadAtMost31DaysAtATime() {
        TestCompany c = newCompany();
        Http.Response tooLong = http.get("/api/v1/agent-states?start=2026-01-01T00:00:00Z&end=2026-03-01T00:00:00Z", c.auth());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("end");
        assertThat(tooLong.json().get("detail").asString()).contains("31 days");

        Http.Response backwards = http.get("/api/v1/agent-states?start=2026-02-01T00:00:00Z&end=2026-01-01T00:00:00Z", c.auth());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("end");

        assertThat(http.get("/api/v1/agent-states?start=2026-01-01T00:00:00Z&end=2026-02-01T00:00:00Z", c.auth()).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/agent-states?start=2026-01-01T00:00:00Z", c.auth()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/agent-states", c.auth()).status()).isEqualTo(200);
    }
}
