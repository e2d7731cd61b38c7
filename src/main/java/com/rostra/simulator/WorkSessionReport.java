package com.rostra.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gladly's Work Session report ({@code POST /api/v1/reports/work-session-events}, body
 * {@code {"startAtTime","endAtTime"}}): one CSV row per agent work session, consistent with the simulator's contacts.
 * Every contact answered by an agent has one session: the agent accepted it when it was fulfilled; its handle time
 * ({@code work_session_handle_time_sec}) is the contact's fulfilled-to-ended time the organization generated
 * (phone 60 s + Exp(300 s), chat 120 s + Exp(480 s), email 120 s + Exp(360 s), other messaging 60 s + Exp(300 s));
 * after-contact work ({@code work_session_after_contact_time_sec}) is drawn here per contact, from the contact's id, so
 * every request sees the same value: phone 15 s + Exp(45 s), voicemail 10 s + Exp(30 s), chat Exp(30 s), email
 * Exp(20 s), others Exp(20 s). A session is in the report once it has ended (contact ended plus after-contact work)
 * within the window, and before {@code now}: Gladly anchors sessions where they end, so a window never changes once
 * it is in the past. Counts against the Reports limits (10 a minute, 2 at once) like every report.
 */
public final class WorkSessionReport {

    static final List<String> COLUMNS = List.of("id", "contact_session_id", "contact_session_created_at", "customer_id",
            "conversation_id", "inbox_id", "channel", "direction", "agent_accepted_at", "contact_session_routed_at", "agent_id",
            "sla_fulfilled_at", "contact_session_ended_at", "status", "within_sla", "work_session_handle_time_sec",
            "work_session_after_contact_time_sec", "work_session_unknown_time_sec", "accepted_inbox_id");

    /** Contacts are looked for this long before the window: longer waits plus handling are vanishingly rare. */
    private static final Duration LOOKBACK = Duration.ofDays(3);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One work session as the simulator knows it: the truth tests compare Rostra's measurements with. */
    public record WorkSession(String id, SimContact contact, double handleSeconds, double afterContactSeconds, Instant endedAt) {
        public double totalSeconds() {
            return handleSeconds + afterContactSeconds;
        }
    }

    private WorkSessionReport() {}

    /** The sessions that ended in [from, to) by {@code now}, in end order. */
    public static List<WorkSession> sessionsEndedBetween(SimulatedOrganization org, Instant from, Instant to, Instant now) {
        Instant end = to.isAfter(now) ? now : to;
        List<WorkSession> result = new ArrayList<>();
        if (!end.isAfter(from)) return result;
        for (SimContact c : org.contactsQueuedBetween(from.minus(LOOKBACK), end, now)) {
            if (!"ANSWERED".equals(c.status()) || c.agentId() == null || c.fulfilledAt() == null || c.endedAt() == null) continue;
            WorkSession s = session(org.config().seed(), c);
            if (!s.endedAt().isBefore(from) && s.endedAt().isBefore(end)) result.add(s);
        }
        result.sort(Comparator.comparing(WorkSession::endedAt).thenComparing(WorkSession::id));
        return result;
    }

    static WorkSession session(long seed, SimContact c) {
        double handle = Duration.between(c.fulfilledAt(), c.endedAt()).toMillis() / 1000.0;
        SplittableRandom r = new SplittableRandom(seed * 31 + c.id().hashCode() * 1_000_003L);
        double acw = switch (c.channel()) {
            case "PHONE_CALL" -> 15 + exp(r, 45);
            case "VOICEMAIL" -> 10 + exp(r, 30);
            case "CHAT" -> exp(r, 30);
            default -> exp(r, 20);
        };
        // Whole seconds, as Gladly reports them.
        handle = Math.round(handle);
        acw = Math.round(acw);
        return new WorkSession("ws-" + c.id(), c, handle, acw, c.endedAt().plusSeconds((long) acw));
    }

    private static double exp(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    static String csv(List<WorkSession> sessions) {
        StringWriter out = new StringWriter(sessions.size() * 400 + 400);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(COLUMNS);
            for (WorkSession s : sessions) {
                SimContact c = s.contact();
                csv.printRecord(s.id(), c.id(), c.queuedAt().toString(), c.customerId(), c.conversationId(), c.inboxWhenQueued(),
                        c.channel(), c.direction(), c.fulfilledAt().toString(), c.queuedAt().toString(), c.agentId(),
                        c.fulfilledAt().toString(), s.endedAt().toString(), "ENDED", "true", (long) s.handleSeconds(),
                        (long) s.afterContactSeconds(), 0, c.inboxWhenEnded());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The HTTP side, reached from the simulator's router after authentication and the per-second limit. */
    static int serve(HttpExchange ex, SimulatedOrganization org, RateLimits limits, SimulatorFaults faults, Instant now)
            throws IOException {
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = JSON.readTree(in);
        } catch (RuntimeException e) {
            return send(ex, 400, "application/json", error("startAtTime", "invalid", "request body is not valid JSON"));
        }
        Instant from;
        Instant to;
        try {
            from = time(body == null ? null : body.get("startAtTime"));
            to = time(body == null ? null : body.get("endAtTime"));
        } catch (DateTimeException e) {
            return send(ex, 400, "application/json", error("startAtTime", "invalid", "startAtTime and endAtTime are required times"));
        }
        if (!to.isAfter(from)) {
            return send(ex, 400, "application/json", error("endAtTime", "invalid", "endAtTime must occur after startAtTime"));
        }
        if (faults.reportsBeforeFailure.get() == 0) {
            return send(ex, 500, "application/json", error(null, "internal", "simulated report outage"));
        }
        if (!limits.acquireReport(now) || !limits.reportSlots.tryAcquire()) {
            ex.getResponseHeaders().set("Ratelimit-Limit-Second", String.valueOf(RateLimits.PER_SECOND));
            ex.getResponseHeaders().set("Ratelimit-Remaining-Second", String.valueOf(limits.remaining(now)));
            return send(ex, 429, "application/json", error(null, "rate_limited", "Too Many Requests"));
        }
        try {
            List<WorkSession> sessions = sessionsEndedBetween(org, from, to, now);
            if (sessions.size() > org.config().reportRowCap()) sessions = sessions.subList(0, org.config().reportRowCap());
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=WorkSessionEventsReport.csv");
            return send(ex, 200, "text/csv; charset=utf-8", csv(sessions));
        } finally {
            limits.reportSlots.release();
        }
    }

    private static Instant time(JsonNode node) {
        if (node == null || node.isNull()) throw new DateTimeException("missing");
        String value = node.asString();
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            return java.time.OffsetDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX")).toInstant();
        }
    }

    private static String error(String attr, String code, String detail) {
        java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
        if (attr != null) e.put("attr", attr);
        e.put("code", code);
        e.put("detail", detail);
        return JSON.writeValueAsString(java.util.Map.of("errors", List.of(e)));
    }

    private static int send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }
}
