import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Webhook delivery to live stream event: opens Rostra's agent-state stream, then posts AGENT_STATUS events for N agents
 * (each agent changing state every few seconds, spread evenly) and times, per event, from just before its POST to the
 * moment the stream shows that agent in that state. Prints p50, p99 and max.
 *
 * java bench/StreamLatency.java BASE_URL API_KEY AGENTS EVENTS
 */
public class StreamLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int agents = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        String basic = "Basic " + Base64.getEncoder().encodeToString((key + ":" + key).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch received = new CountDownLatch(events);
        CountDownLatch opened = new CountDownLatch(1);
        client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/agent-states/stream")).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                    if (line.startsWith("event:snapshot")) opened.countDown();
                    if (!line.startsWith("data:") || !line.contains("\"reason\":\"r")) return;
                    int i = line.indexOf("\"reason\":\"r");
                    String tag = line.substring(i + 10, line.indexOf('"', i + 10));
                    Long t0 = sentAt.remove(tag);
                    if (t0 != null) {
                        latencies.add(System.nanoTime() - t0);
                        received.countDown();
                    }
                }));
        opened.await();
        long start = System.nanoTime();
        long spacingNanos = 3_000_000_000L / agents; // every agent changes about every 3 s
        for (int e = 0; e < events; e++) {
            long due = start + e * spacingNanos;
            // Park, never spin: a spinning sender took one of the machine's two cores from the server under test and
            // halved the webhook figure of every full bench/run until 2026-11-30.
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
            // Not wrk's "bench-agent-N": a wrk change of the same agent would replace this one before it is streamed.
            String agent = "stream-agent-" + (e % agents);
            String tag = "r" + e;
            String body = """
                    {"id":"stream-%d-%d","type":"AGENT_STATUS/WENT_AWAY","timestamp":"%s","initiator":{"id":"%s","type":"AGENT"},
                     "content":{"agentId":"%s","occurredAt":"%s","awayReason":{"id":"x","name":"%s"}}}"""
                    .formatted(start, e, Instant.now(), agent, agent, Instant.now(), tag);
            sentAt.put(tag, System.nanoTime());
            client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/webhooks/gladly")).header("Authorization", basic)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        boolean all = received.await(60, java.util.concurrent.TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        double max = sorted.get(sorted.size() - 1) / 1e6;
        System.out.printf("agents=%d events=%d received=%d%s p50=%.1f ms p99=%.1f ms max=%.1f ms%n", agents, events,
                sorted.size(), all ? "" : " (some never arrived)", p50, p99, max);
        System.exit(0);
    }
}
