import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load generator for Rostra's Gladly webhook: posts AGENT_STATUS events at fixed rates, records each
 * request's latency, and prints p50/p99 and errors per rate. Bounded: each step runs a fixed number of seconds.
 *
 * java bench/WebhookLoad.java URL API_KEY RATE[,RATE...] SECONDS_PER_STEP CONCURRENCY
 */
public class WebhookLoad {

    static final String[] TYPES = {"AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/WENT_AWAY", "AGENT_STATUS/RETURNED_FROM_AWAY",
            "AGENT_STATUS/CHANGED_ACTIVE_REASON", "AGENT_STATUS/LOGGED_OUT"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String key = args[1];
        int[] rates = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        String auth = "Basic " + Base64.getEncoder().encodeToString((key + ":" + key).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        AtomicLong sequence = new AtomicLong();
        long totalOk = 0;
        System.out.println("rate_target,sent,ok,errors,achieved_per_s,p50_ms,p90_ms,p99_ms,max_ms");
        for (int rate : rates) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            Semaphore inFlight = new Semaphore(concurrency);
            long[] latencies = new long[rate * seconds];
            AtomicInteger done = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            int total = rate * seconds;
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                inFlight.acquire();
                int slot = i;
                long n = sequence.incrementAndGet();
                String body = event(n);
                pool.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) errors.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    } finally {
                        latencies[slot] = System.nanoTime() - t0;
                        done.incrementAndGet();
                        inFlight.release();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int ok = total - errors.get();
            totalOk += ok;
            System.out.printf("%d,%d,%d,%d,%.0f,%.1f,%.1f,%.1f,%.1f%n", rate, total, ok, errors.get(), total / elapsed,
                    ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }
        System.out.println("total_acknowledged=" + totalOk);
        System.exit(0);
    }

    static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    static String event(long n) {
        String agent = "bench-agent-" + (n % 200);
        String type = TYPES[(int) (n % TYPES.length)];
        Instant at = Instant.now();
        return "{\"id\":\"bench-" + n + "\",\"type\":\"" + type + "\",\"timestamp\":\"" + at + "\","
                + "\"initiator\":{\"id\":\"" + agent + "\",\"type\":\"AGENT\"},"
                + "\"content\":{\"agentId\":\"" + agent + "\",\"occurredAt\":\"" + at + "\","
                + "\"activeReason\":{\"id\":\"r1\",\"name\":\"Phones\"},\"awayReason\":{\"id\":\"r2\",\"name\":\"Break\"}}}";
    }
}
