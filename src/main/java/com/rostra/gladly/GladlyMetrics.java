package com.rostra.gladly;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * What an on-call engineer alerts on for Gladly intake: requests by endpoint and status (429s and timeouts included;
 * status {@code none} when Gladly did not answer) and the time spent waiting for the shared request budget and the
 * Reports API window. Endpoints are path templates, so the label set stays small whatever the ids. The request series
 * appear with the first request of their endpoint and status (statuses are whatever Gladly answers, so they are not
 * registered ahead); the delivery and budget-wait series are registered at start.
 */
final class GladlyMetrics {

    private static final Pattern CONVERSATION_ITEMS = Pattern.compile(".*/conversations/[^/]+/items$");
    private static final Pattern API_ROOT = Pattern.compile("^.*?/api/v1");

    /**
     * Webhook deliveries by outcome, registered once: the intake path only looks a counter up in a small fixed map
     * (no meter id built, no tags sorted per request). All five series exist from the first scrape, at 0.
     */
    private static final Map<String, Counter> DELIVERIES = Stream.of("stored", "duplicate", "ping", "rejected", "not_stored")
            .collect(Collectors.toUnmodifiableMap(o -> o, o -> Counter.builder("rostra.webhook.deliveries").tag("outcome", o)
                    .description("Gladly webhook deliveries by outcome").register(Metrics.globalRegistry)));

    /**
     * Waits for the shared request budget ({@code requests}) and the Reports API window ({@code reports}), registered
     * once like the deliveries: both series exist at 0 before the first Gladly call, so the dashboard's mean wait and
     * {@code rate()} see the first one.
     */
    private static final Map<String, Timer> BUDGET_WAITS = Stream.of("requests", "reports")
            .collect(Collectors.toUnmodifiableMap(k -> k, k -> Timer.builder("rostra.gladly.budget.wait")
                    .description("Time a Gladly call waited for the shared request budget").tag("kind", k)
                    .register(Metrics.globalRegistry)));

    private GladlyMetrics() {}

    /** Registers the delivery counters and budget waits (so a scrape shows them at 0 before the first use). */
    static void init() {
        // class initialisation does the work
    }

    static void delivered(String outcome) {
        Counter c = DELIVERIES.get(outcome);
        if (c != null) c.increment();
    }

    static String endpoint(String path) {
        if (path == null) return "unknown";
        if (CONVERSATION_ITEMS.matcher(path).matches()) return "/conversations/{id}/items";
        String rest = API_ROOT.matcher(path).replaceFirst("");
        return switch (rest) {
            case "/reports", "/agents", "/teams", "/inboxes", "/events", "/organization" -> rest;
            default -> "other";
        };
    }

    static void request(String endpoint, int status) {
        Metrics.counter("rostra.gladly.requests", "endpoint", endpoint, "status", status == 0 ? "none" : Integer.toString(status))
                .increment();
    }

    static void budgetWait(String kind, long nanos) {
        Timer t = BUDGET_WAITS.get(kind);
        if (t != null) t.record(nanos, TimeUnit.NANOSECONDS);
    }
}
