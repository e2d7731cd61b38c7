package com.rostra.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Gladly organization's HTTP server. Serves {@code /api/v1/...} (and {@code /o/{org}/api/v1/...},
 * so a wrong organization can be asked for and get 404), enforces Gladly's rate limits and auth, records every
 * request, and delivers webhooks from a live clock. What each path answers is its resource's, split as Gladly's API
 * reference tags them: {@link AgentsAndTeams} (organization, agents, teams, inboxes), {@link Conversations},
 * {@link Reports}, {@link Events} and {@link Webhooks}; {@link SimHttp} is their shared plumbing.
 */
public class GladlySimulator implements AutoCloseable {

    /** {@code at}: when the request arrived; {@code end}: when its answer was sent (so overlapping requests show). */
    public record RecordedRequest(Instant at, String method, String path, int status, Instant end) {}

    private static final Pattern ORG_PREFIX = Pattern.compile("^/o/([^/]+)(/api/v1/.*)$");

    private final SimulatorConfig config;
    private final SimulatedOrganization org;
    private final Clock clock;
    private final SimHttp http = new SimHttp(JsonMapper.builder().build());
    private final SimulatorFaults faults = new SimulatorFaults();
    private final RateLimits limits = new RateLimits();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final WebhookDispatcher dispatcher;
    private final Webhooks webhooks;
    /** The resources by their path segment after {@code /api/v1/}, grouped as Gladly's API reference tags them. */
    private final Map<String, SimHttp.Resource> resources = new HashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gladly-sim-live");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService handlers = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "gladly-sim-http");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant lastTick;
    private HttpServer server;

    public GladlySimulator(SimulatorConfig config) {
        this(config, Clock.systemUTC());
    }

    public GladlySimulator(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.org = new SimulatedOrganization(config);
        this.dispatcher = new WebhookDispatcher(http.json, clock, config);
        this.webhooks = new Webhooks(http, config, dispatcher);
        AgentsAndTeams directory = new AgentsAndTeams(http, config, org, faults);
        for (String segment : List.of("organization", "agents", "teams", "inboxes")) resources.put(segment, directory);
        resources.put("conversations", new Conversations(http, org));
        resources.put("reports", new Reports(http, config, org, faults, limits));
        resources.put("events", new Events(http, org));
        resources.put("webhooks", webhooks);
    }

    public GladlySimulator start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Gladly simulator on port " + port, e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        lastTick = clock.instant();
        ticker.scheduleAtFixedRate(this::deliverLiveEvents, 250, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The API root, as a customer would enter it: {@code http://127.0.0.1:PORT/api/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimulatedOrganization organization() {
        return org;
    }

    public SimulatorFaults faults() {
        return faults;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    public List<WebhookDispatcher.Delivery> webhookDeliveries() {
        return dispatcher.deliveries();
    }

    /** Pushes one event to every enabled webhook subscribed to its type (tests use it to stage a delivery). */
    public void emit(SimEvent event) {
        for (SimWebhook w : webhooks.subscribedTo(event.type())) {
            dispatcher.dispatch(w, event);
            if (faults.duplicateWebhookDeliveries) {
                dispatcher.dispatch(w, event);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        dispatcher.shutdown();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    // ---------------------------------------------------------------- live stream

    private void deliverLiveEvents() {
        try {
            Instant now = clock.instant();
            Instant from = lastTick;
            lastTick = now;
            boolean anyEnabled = webhooks.anyEnabled();
            boolean wantsContacts = webhooks.anyWantsContacts();
            if (!anyEnabled || !now.isAfter(from)) {
                return;
            }
            List<SimEvent> events = new ArrayList<>(org.agentEventsBetween(from, now));
            if (wantsContacts) {
                events.addAll(org.contactEventsBetween(from, now, now));
            }
            if (faults.reverseWebhookOrder) {
                Collections.reverse(events);
            }
            events.forEach(this::emit);
        } catch (RuntimeException e) {
            // The live stream must keep going whatever one tick hit.
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = clock.instant();
        int status;
        try {
            status = route(exchange);
        } catch (RuntimeException e) {
            status = SimHttp.send(exchange, 500, "application/json", "{\"errors\":[{\"code\":\"internal\",\"detail\":\"simulated server error\"}]}");
        } finally {
            exchange.close();
        }
        Instant end = clock.instant();
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith("/__sim")) {
            requests.add(new RecordedRequest(at, exchange.getRequestMethod(), path
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()), status, end));
        }
    }

    private int route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/__sim/requests")) {
            return http.sendJson(ex, 200, requests.stream().map(r -> Map.of("at", r.at().toString(), "method", r.method(),
                    "path", r.path(), "status", r.status())).toList());
        }
        Matcher prefixed = ORG_PREFIX.matcher(path);
        if (prefixed.matches()) {
            if (!prefixed.group(1).equals(config.organization())) {
                return http.error(ex, 404, null, "not_exist", "organization not found");
            }
            path = prefixed.group(2);
        }
        if (!path.startsWith("/api/v1/")) {
            return http.notFound(ex);
        }
        int auth = authenticate(ex);
        if (auth != 0) {
            return auth == 401 ? http.error(ex, 401, null, "invalid", "Unauthorized")
                    : http.error(ex, 403, null, "invalid", "User does not have the API User permission");
        }
        Instant now = clock.instant();
        if (faults.next429.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || now.isBefore(faults.stormUntil)) {
            return http.tooMany(ex, 0);
        }
        int remaining = limits.acquire(now);
        if (remaining < 0) {
            return http.tooMany(ex, 0);
        }
        ex.getResponseHeaders().set("Ratelimit-Limit-Second", String.valueOf(RateLimits.PER_SECOND));
        ex.getResponseHeaders().set("Ratelimit-Remaining-Second", String.valueOf(remaining));
        if (faults.next500.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return http.error(ex, 500, null, "internal", "simulated server error");
        }
        Duration latency = faults.latency;
        if (!latency.isZero()) {
            sleep(latency);
        }
        String[] parts = path.substring("/api/v1/".length()).split("/");
        SimHttp.Resource resource = resources.get(parts[0]);
        return resource == null ? http.notFound(ex) : resource.handle(ex, ex.getRequestMethod(), parts, now);
    }

    /** 0 when the caller may use the API, else 401 or 403 as Gladly answers. */
    private int authenticate(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return 401;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return 401;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return 401;
        }
        String user = decoded.substring(0, colon);
        String token = decoded.substring(colon + 1);
        if (user.equalsIgnoreCase(config.apiUserEmail()) && token.equals(config.apiToken()) && !faults.tokenRevoked) {
            return faults.apiPermissionRemoved ? 403 : 0;
        }
        if (user.equalsIgnoreCase(config.agentUserEmail()) && token.equals(config.agentUserToken())) {
            return 403;
        }
        return 401;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
