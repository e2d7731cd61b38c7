package com.rostra.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Gladly organization's HTTP server. Serves {@code /api/v1/...} (and {@code /o/{org}/api/v1/...},
 * so a wrong organization can be asked for and get 404), enforces Gladly's rate limits and auth, records every
 * request, and delivers webhooks from a live clock.
 */
public class GladlySimulator implements AutoCloseable {

    public record RecordedRequest(Instant at, String method, String path, int status) {}

    private static final Pattern ORG_PREFIX = Pattern.compile("^/o/([^/]+)(/api/v1/.*)$");

    private final SimulatorConfig config;
    private final SimulatedOrganization org;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SimulatorFaults faults = new SimulatorFaults();
    private final RateLimits limits = new RateLimits();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, SimWebhook> webhooks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong webhookIds = new AtomicLong();
    private final WebhookDispatcher dispatcher;
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
        this.dispatcher = new WebhookDispatcher(json, clock, config);
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
        List<SimWebhook> targets;
        synchronized (webhooks) {
            targets = webhooks.values().stream().filter(w -> w.enabled && w.subscribes(event.type())).toList();
        }
        for (SimWebhook w : targets) {
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
            boolean anyEnabled;
            boolean wantsContacts;
            synchronized (webhooks) {
                anyEnabled = webhooks.values().stream().anyMatch(w -> w.enabled);
                wantsContacts = webhooks.values().stream().anyMatch(w -> w.enabled
                        && w.events.stream().anyMatch(e -> e.startsWith("CONTACT/")));
            }
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
            status = send(exchange, 500, "application/json", "{\"errors\":[{\"code\":\"internal\",\"detail\":\"simulated server error\"}]}");
        } finally {
            exchange.close();
        }
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith("/__sim")) {
            requests.add(new RecordedRequest(at, exchange.getRequestMethod(), path
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()), status));
        }
    }

    private int route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/__sim/requests")) {
            return sendJson(ex, 200, requests.stream().map(r -> Map.of("at", r.at().toString(), "method", r.method(),
                    "path", r.path(), "status", r.status())).toList());
        }
        Matcher prefixed = ORG_PREFIX.matcher(path);
        if (prefixed.matches()) {
            if (!prefixed.group(1).equals(config.organization())) {
                return error(ex, 404, null, "not_exist", "organization not found");
            }
            path = prefixed.group(2);
        }
        if (!path.startsWith("/api/v1/")) {
            return error(ex, 404, null, "not_exist", "not found");
        }
        int auth = authenticate(ex);
        if (auth != 0) {
            return auth == 401 ? error(ex, 401, null, "invalid", "Unauthorized")
                    : error(ex, 403, null, "invalid", "User does not have the API User permission");
        }
        Instant now = clock.instant();
        if (faults.next429.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || now.isBefore(faults.stormUntil)) {
            return tooMany(ex, 0);
        }
        int remaining = limits.acquire(now);
        if (remaining < 0) {
            return tooMany(ex, 0);
        }
        ex.getResponseHeaders().set("Ratelimit-Limit-Second", String.valueOf(RateLimits.PER_SECOND));
        ex.getResponseHeaders().set("Ratelimit-Remaining-Second", String.valueOf(remaining));
        if (faults.next500.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(ex, 500, null, "internal", "simulated server error");
        }
        Duration latency = faults.latency;
        if (!latency.isZero()) {
            sleep(latency);
        }
        String method = ex.getRequestMethod();
        String[] parts = path.substring("/api/v1/".length()).split("/");
        return switch (method + " " + parts[0]) {
            case "GET organization" -> sendJson(ex, 200, Map.of("id", SimIds.encode(0, 0, 'O', config.seed()),
                    "name", config.organization(), "timezone", config.timeZone().getId()));
            case "GET agents" -> parts.length == 1
                    ? sendJson(ex, 200, org.agents().stream().map(GladlyPayloads::agent).toList())
                    : org.agents().stream().filter(a -> a.id().equals(parts[1])).findFirst()
                            .map(a -> sendJsonUnchecked(ex, 200, GladlyPayloads.agent(a)))
                            .orElseGet(() -> errorUnchecked(ex, 404, "agentId", "not_exist", "agent not found"));
            case "GET teams" -> sendJson(ex, 200, org.teams().stream().map(t -> faults.oversizedValues
                    ? new SimulatedOrganization.Team(t.id(), t.name() + " " + "T".repeat(1200), t.description(), t.agentIds()) : t)
                    .map(GladlyPayloads::team).toList());
            case "GET inboxes" -> sendJson(ex, 200, org.inboxes().stream().map(i -> faults.oversizedValues
                    ? new SimulatedOrganization.Inbox(i.id(), i.name() + " " + "I".repeat(1200), i.disabled()) : i)
                    .map(GladlyPayloads::inbox).toList());
            case "GET conversations" -> conversation(ex, parts, now);
            case "POST reports" -> parts.length > 1 && parts[1].equals("work-session-events") ? WorkSessionReport.serve(ex, org, limits, faults, now) : report(ex, now);
            case "GET events" -> events(ex, now);
            case "GET webhooks", "POST webhooks", "PATCH webhooks", "DELETE webhooks" -> webhooks(ex, method, parts, now);
            default -> error(ex, 404, null, "not_exist", "not found");
        };
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

    private int conversation(HttpExchange ex, String[] parts, Instant now) throws IOException {
        if (parts.length < 2) {
            return error(ex, 404, null, "not_exist", "not found");
        }
        List<SimContact> contacts = org.conversation(parts[1]).stream().filter(c -> !c.queuedAt().isAfter(now)).toList();
        if (contacts.isEmpty()) {
            return error(ex, 404, "conversationId", "not_exist", "conversation not found");
        }
        if (parts.length == 3 && parts[2].equals("items")) {
            return sendJson(ex, 200, GladlyPayloads.items(contacts, now));
        }
        return sendJson(ex, 200, GladlyPayloads.conversation(contacts, now));
    }

    private int report(HttpExchange ex, Instant now) throws IOException {
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = json.readTree(in);
        } catch (JacksonException e) {
            return error(ex, 400, null, "invalid", "request body is not valid JSON");
        }
        String metricSet = text(body, "metricSet");
        if (metricSet == null) {
            return error(ex, 400, "metricSet", "blank", "metricSet is required");
        }
        if (!metricSet.equals("ContactExportReportV3")) {
            return error(ex, 400, "metricSet", "invalid", "metricSet " + metricSet + " is not available in this organization");
        }
        Instant from;
        Instant to;
        try {
            if (text(body, "startAtTime") != null || text(body, "endAtTime") != null) {
                if (text(body, "startAt") != null || text(body, "endAt") != null || text(body, "timezone") != null) {
                    return error(ex, 400, "startAtTime", "invalid", "do not combine startAtTime/endAtTime with startAt/endAt/timezone");
                }
                from = parseReportTime(text(body, "startAtTime"));
                to = parseReportTime(text(body, "endAtTime"));
            } else {
                ZoneId zone = text(body, "timezone") == null ? config.timeZone() : ZoneId.of(text(body, "timezone"));
                from = LocalDate.parse(text(body, "startAt")).atStartOfDay(zone).toInstant();
                // Whole days, inclusive of endAt.
                to = LocalDate.parse(text(body, "endAt")).plusDays(1).atStartOfDay(zone).toInstant();
            }
        } catch (DateTimeException | NullPointerException e) {
            return error(ex, 400, "startAt", "invalid", "startAt and endAt are required and must be valid times");
        }
        if (!to.isAfter(from)) {
            return error(ex, 400, "startAt", "invalid", "endAt must occur after startAt");
        }
        if (faults.reportsBeforeFailure.get() == 0) {
            return error(ex, 500, null, "internal", "simulated report outage");
        }
        if (!limits.acquireReport(now)) {
            return tooMany(ex, limits.remaining(now));
        }
        if (!limits.reportSlots.tryAcquire()) {
            return tooMany(ex, limits.remaining(now));
        }
        try {
            List<SimContact> contacts = org.contactsQueuedBetween(from, to, now);
            if (contacts.size() > config.reportRowCap()) {
                // Gladly caps report rows and truncates silently; clients must keep windows small.
                contacts = contacts.subList(0, config.reportRowCap());
            }
            String csv = GladlyPayloads.contactExportCsv(contacts, now,
                    "https://" + config.organization() + ".gladly.com", faults);
            faults.reportsBeforeFailure.getAndUpdate(n -> n > 0 ? n - 1 : n);
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=ContactExportReportV3.csv");
            return send(ex, 200, "text/csv; charset=utf-8", csv);
        } finally {
            limits.reportSlots.release();
        }
    }

    private static Instant parseReportTime(String value) {
        if (value == null) {
            throw new DateTimeException("missing");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // Gladly documents YYYY-mm-ddThh:mmZ (no seconds).
            return java.time.OffsetDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX")).toInstant();
        }
    }

    private int events(HttpExchange ex, Instant now) throws IOException {
        Map<String, List<String>> query = query(ex);
        List<String> entities = query.getOrDefault("entities", List.of());
        if (entities.isEmpty()) {
            return error(ex, 400, "entities", "blank", "at least one entity is required");
        }
        Instant from;
        Instant to;
        try {
            from = Instant.parse(query.getOrDefault("startAt", List.of("")).get(0));
            to = query.containsKey("endAt") ? Instant.parse(query.get("endAt").get(0)) : now;
        } catch (DateTimeParseException e) {
            return error(ex, 400, "startAt", "invalid", "startAt must be an ISO 8601 time");
        }
        if (from.isBefore(now.minus(Duration.ofHours(24)).minusSeconds(60))) {
            return error(ex, 400, "startAt", "invalid", "startAt must be from last 24 hours");
        }
        if (!to.isAfter(from)) {
            return error(ex, 400, "endAt", "invalid", "endAt must occur after startAt");
        }
        Instant end = to.isAfter(now) ? now : to;
        List<SimEvent> events = new ArrayList<>();
        if (entities.contains("AGENT_STATUS") || entities.contains("AGENT_AVAILABILITY")) {
            for (SimEvent e : org.agentEventsBetween(from, end)) {
                if (entities.contains(e.entity())) {
                    events.add(e);
                }
            }
        }
        if (entities.contains("CONTACT")) {
            events.addAll(org.contactEventsBetween(from, end, now));
        }
        events.sort(java.util.Comparator.comparing(SimEvent::timestamp).thenComparing(SimEvent::id));
        StringBuilder jsonl = new StringBuilder();
        for (SimEvent e : events) {
            jsonl.append(json.writeValueAsString(GladlyPayloads.event(e))).append('\n');
        }
        return send(ex, 200, "application/x-jsonlines", jsonl.toString());
    }

    private int webhooks(HttpExchange ex, String method, String[] parts, Instant now) throws IOException {
        if (method.equals("GET") && parts.length == 1) {
            synchronized (webhooks) {
                return sendJson(ex, 200, webhooks.values().stream().map(SimWebhook::view).toList());
            }
        }
        if (method.equals("POST") && parts.length == 1) {
            JsonNode body = readJson(ex);
            if (body == null) {
                return error(ex, 400, null, "invalid", "request body is not valid JSON");
            }
            if (webhooks.size() >= 20) {
                return error(ex, 400, null, "invalid", "an organization can have at most 20 webhooks");
            }
            SimWebhook w = new SimWebhook(SimIds.encode(webhookIds.incrementAndGet(), 0, 'W', config.seed()));
            w.createdAt = now;
            String problem = apply(w, body, true);
            if (problem != null) {
                return error(ex, 400, problem.substring(0, problem.indexOf(':')), "invalid", problem.substring(problem.indexOf(':') + 1).strip());
            }
            if (w.enabled && dispatcher.ping(w) != 200) {
                return error(ex, 400, "url", "invalid", "PING to the webhook url did not return 200");
            }
            webhooks.put(w.id, w);
            ex.getResponseHeaders().set("Location", "/api/v1/webhooks/" + w.id);
            return sendJson(ex, 201, w.view());
        }
        SimWebhook w = parts.length == 2 ? webhooks.get(parts[1]) : null;
        if (w == null) {
            return error(ex, 404, "webhookId", "not_exist", "webhook not found");
        }
        switch (method) {
            case "GET":
                return sendJson(ex, 200, w.view());
            case "DELETE":
                if (w.enabled) {
                    return error(ex, 400, "enabled", "invalid_state", "disable the webhook before deleting it");
                }
                webhooks.remove(w.id);
                return send(ex, 204, null, null);
            default:
                JsonNode body = readJson(ex);
                if (body == null) {
                    return error(ex, 400, null, "invalid", "request body is not valid JSON");
                }
                SimWebhook candidate = copy(w);
                String problem = apply(candidate, body, false);
                if (problem != null) {
                    return error(ex, 400, problem.substring(0, problem.indexOf(':')), "invalid", problem.substring(problem.indexOf(':') + 1).strip());
                }
                boolean needsPing = candidate.enabled && (!w.enabled || !candidate.url.equals(w.url));
                if (needsPing && dispatcher.ping(candidate) != 200) {
                    return error(ex, 400, "url", "invalid", "PING to the webhook url did not return 200");
                }
                synchronized (w) {
                    w.name = candidate.name;
                    w.url = candidate.url;
                    w.events = candidate.events;
                    w.username = candidate.username;
                    w.password = candidate.password;
                    w.headers = candidate.headers;
                    w.enabled = candidate.enabled;
                    if (w.enabled) {
                        w.disabledAtDueToRetryLimit = null;
                    }
                    w.updatedAt = now;
                }
                return sendJson(ex, 200, w.view());
        }
    }

    private static final java.util.Set<String> KNOWN_EVENTS = java.util.Set.of("AGENT_STATUS/LOGGED_IN",
            "AGENT_STATUS/LOGGED_OUT", "AGENT_STATUS/WENT_AWAY", "AGENT_STATUS/RETURNED_FROM_AWAY",
            "AGENT_STATUS/CHANGED_ACTIVE_REASON", "AGENT_AVAILABILITY/UPDATED", "AGENT_AVAILABILITY/FOCUS_ENTERED",
            "AGENT_AVAILABILITY/FOCUS_EXITED", "CONTACT/STARTED", "CONTACT/ENDED", "CONTACT/FULFILLED",
            "CONTACT/OFFERED", "CONTACT/OFFER_ACCEPTED", "CONTACT/OFFER_REJECTED", "CONTACT/TRANSFERRED",
            "CONTACT/JOINED", "CONTACT/HOLD_STARTED", "CONTACT/HOLD_ENDED", "CONTACT/MESSAGE_RECEIVED",
            "CONTACT/MESSAGE_SENT", "CONVERSATION/CLOSED", "CONVERSATION/CREATED", "CONVERSATION/REOPENED");

    /** Applies a create/patch body; returns "field: problem" or null. */
    private String apply(SimWebhook w, JsonNode body, boolean create) {
        if (body.has("name")) w.name = body.get("name").asString();
        if (body.has("url")) w.url = body.get("url").asString();
        if (body.has("events")) {
            List<String> events = new ArrayList<>();
            body.get("events").forEach(e -> events.add(e.asString()));
            w.events = events;
        }
        if (body.has("credentials")) {
            JsonNode c = body.get("credentials");
            w.username = c.has("username") ? c.get("username").asString() : null;
            w.password = c.has("password") ? c.get("password").asString() : null;
        }
        if (body.has("headers")) {
            Map<String, String> headers = new LinkedHashMap<>();
            body.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
            w.headers = headers;
        }
        if (body.has("enabled")) w.enabled = body.get("enabled").asBoolean();
        else if (create) w.enabled = false;
        if (w.name == null || w.name.isBlank() || w.name.length() > 200) return "name: name is required (at most 200 characters)";
        if (w.url == null || !(w.url.startsWith("https://") || w.url.startsWith("http://127.0.0.1") || w.url.startsWith("http://localhost"))) {
            return "url: url must be an https URL";
        }
        synchronized (webhooks) {
            for (SimWebhook other : webhooks.values()) {
                if (!other.id.equals(w.id) && other.url.equals(w.url)) return "url: url is taken by another webhook";
            }
        }
        if (w.events == null || w.events.isEmpty()) return "events: at least one event is required";
        for (String e : w.events) {
            if (!KNOWN_EVENTS.contains(e)) return "events: unknown event " + e;
        }
        if (w.updatedAt == null) w.updatedAt = w.createdAt;
        return null;
    }

    private static SimWebhook copy(SimWebhook w) {
        SimWebhook c = new SimWebhook(w.id);
        c.name = w.name;
        c.url = w.url;
        c.events = w.events;
        c.username = w.username;
        c.password = w.password;
        c.headers = w.headers;
        c.enabled = w.enabled;
        c.createdAt = w.createdAt;
        c.updatedAt = w.updatedAt;
        return c;
    }

    // ---------------------------------------------------------------- plumbing

    private JsonNode readJson(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return json.readTree(in);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Map<String, List<String>> query(HttpExchange ex) {
        Map<String, List<String>> params = new ConcurrentHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private int tooMany(HttpExchange ex, int remaining) throws IOException {
        // Gladly sends no Retry-After: clients back off on their own.
        ex.getResponseHeaders().set("Ratelimit-Limit-Second", String.valueOf(RateLimits.PER_SECOND));
        ex.getResponseHeaders().set("Ratelimit-Remaining-Second", String.valueOf(Math.max(0, remaining)));
        return error(ex, 429, null, "rate_limited", "Too Many Requests");
    }

    private int error(HttpExchange ex, int status, String attr, String code, String detail) throws IOException {
        Map<String, Object> err = new LinkedHashMap<>();
        if (attr != null) {
            err.put("attr", attr);
        }
        err.put("code", code);
        err.put("detail", detail);
        return sendJson(ex, status, Map.of("errors", List.of(err)));
    }

    private int errorUnchecked(HttpExchange ex, int status, String attr, String code, String detail) {
        try {
            return error(ex, status, attr, code, detail);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int sendJson(HttpExchange ex, int status, Object body) throws IOException {
        return send(ex, status, "application/json", json.writeValueAsString(body));
    }

    private int sendJsonUnchecked(HttpExchange ex, int status, Object body) {
        try {
            return sendJson(ex, status, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return status;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The client went away (e.g. its timeout fired first); the status still counts in the log.
        }
        return status;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
