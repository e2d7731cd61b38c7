package com.rostra.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers events the way Gladly does: one JSON object per POST with the webhook's Basic credentials and
 * static headers; non-2xx or a timeout is a failure, retried after each configured delay, and after the last
 * retry fails the webhook is deactivated.
 */
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    public record Delivery(String webhookId, String eventId, String type, int attempt, int status, Instant at) {}

    private final JsonMapper json;
    private final Clock clock;
    private final SimulatorConfig config;
    private final HttpClient client;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "gladly-sim-webhooks");
        t.setDaemon(true);
        return t;
    });
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookDispatcher(JsonMapper json, Clock clock, SimulatorConfig config) {
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The PING Gladly sends when a webhook is enabled or its URL changes; the caller needs a 200. */
    int ping(SimWebhook webhook) {
        SimEvent ping = new SimEvent("ping-" + Long.toHexString(System.nanoTime()), "PING", clock.instant(), null,
                java.util.Map.of());
        return post(webhook, ping, 0);
    }

    void dispatch(SimWebhook webhook, SimEvent event) {
        executor.execute(() -> attempt(webhook, event, 0));
    }

    private void attempt(SimWebhook webhook, SimEvent event, int attempt) {
        if (!webhook.enabled) {
            return;
        }
        int status = post(webhook, event, attempt);
        if (status >= 200 && status < 300) {
            return;
        }
        List<Duration> delays = config.webhookRetryDelays();
        if (attempt < delays.size()) {
            executor.schedule(() -> attempt(webhook, event, attempt + 1), delays.get(attempt).toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            synchronized (webhook) {
                webhook.enabled = false;
                webhook.disabledAtDueToRetryLimit = clock.instant();
            }
            log.info("Simulated Gladly deactivated webhook {} after {} failed attempts", webhook.name, attempt + 1);
        }
    }

    private int post(SimWebhook webhook, SimEvent event, int attempt) {
        int status;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url))
                    .timeout(config.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(GladlyPayloads.event(event))));
            if (webhook.username != null) {
                String basic = webhook.username + ":" + (webhook.password == null ? "" : webhook.password);
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            }
            webhook.headers.forEach(request::header);
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        } catch (IllegalArgumentException e) {
            status = 0;
        }
        deliveries.add(new Delivery(webhook.id, event.id(), event.type(), attempt, status, clock.instant()));
        return status;
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
