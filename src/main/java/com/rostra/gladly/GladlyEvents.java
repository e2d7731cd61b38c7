package com.rostra.gladly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.rostra.agents.StateChange;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The raw event store. Webhook deliveries and events recovered from Gladly's Events API take the same path:
 * parse just enough to key the event, insert it (unique per company and event id, so a replay is a no-op),
 * and only then acknowledge. Processing happens after, from the stored rows.
 */
@Component
class GladlyEvents {

    static final int MAX_BODY = 8000;

    enum Outcome { STORED, DUPLICATE, PING }

    /** The event could not be made durable: the caller must not acknowledge it (Gladly will retry). */
    static class NotStored extends RuntimeException {
        NotStored(Throwable cause) {
            super("the event could not be stored", cause);
        }
    }

    /** The body is not a Gladly event; the reason says why in words a Gladly admin understands. */
    static class MalformedEvent extends RuntimeException {
        private final String field;

        MalformedEvent(String reason) {
            this(null, reason);
        }

        MalformedEvent(String field, String reason) {
            super(field == null ? reason : field + ": " + reason);
            this.field = field;
        }

        /** The offending field of the event (e.g. {@code content.agentId}), or null when the body as a whole is wrong. */
        String field() {
            return field;
        }
    }

    /** Widths of the gladly_events columns the key fields are stored in. */
    static final int MAX_EVENT_ID = 128;
    static final int MAX_TYPE = 100;
    static final int MAX_AGENT_ID = 64;
    /** Gladly's events are about now; anything before this or more than a day ahead is not a real event time. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventWriter writer;

    GladlyEvents(JdbcClient jdbc, Clock clock, EventWriter writer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = writer;
    }

    Outcome store(CompanyId company, String body, String source) {
        Parsed parsed = parseEvent(body);
        if ("PING".equals(parsed.type())) {
            return Outcome.PING;
        }
        // Parsed once, here: an agent state change is applied in the same commit that stores it (see EventWriter);
        // anything else is left to the EventProcessor.
        StateChange change = EventProcessor.stateChange(company, parsed.type(), parsed.id(), parsed.agentId(),
                parsed.occurredAt(), parsed.content());
        try {
            boolean stored = writer.submit(company, parsed.id(), parsed.type(), parsed.agentId(), parsed.occurredAt(), body,
                    source, change).get(10, TimeUnit.SECONDS);
            return stored ? Outcome.STORED : Outcome.DUPLICATE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStored(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DataIntegrityViolationException refused && !EventProcessor.transientFailure(refused)) {
                // The database refuses this row itself (not a passing outage): retrying cannot help, so say why.
                throw new MalformedEvent("the event could not be stored: " + abbreviate(EventProcessor.reason(refused), 200));
            }
            throw new NotStored(e);
        } catch (TimeoutException e) {
            throw new NotStored(e);
        }
    }

    /** A checked event and its key fields; {@code occurredAt} is content.occurredAt, else the event's timestamp. */
    record Parsed(JsonNode event, String type, String id, JsonNode content, String agentId, Instant occurredAt) {}

    static JsonNode parse(String body) {
        return parseEvent(body).event();
    }

    static Parsed parseEvent(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedEvent("the body is empty; Gladly sends one JSON event per request");
        }
        if (body.length() > MAX_BODY) {
            throw new MalformedEvent("the body is larger than " + MAX_BODY + " characters; Gladly events are small");
        }
        JsonNode event;
        try {
            event = GladlyClient.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedEvent("the body is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (event == null || !event.isObject()) {
            throw new MalformedEvent("the body must be one JSON object {id, type, timestamp, content}");
        }
        String type = GladlyClient.text(event, "type");
        if (type == null || type.isBlank()) {
            throw new MalformedEvent("type", "the event has no type");
        }
        if (type.length() > MAX_TYPE) {
            throw new MalformedEvent("type", "is longer than " + MAX_TYPE + " characters; Gladly event types are short names such as AGENT_STATUS/LOGGED_IN");
        }
        if ("PING".equals(type)) {
            return new Parsed(event, type, null, null, null, null);
        }
        String id = GladlyClient.text(event, "id");
        if (id == null || id.isBlank()) {
            throw new MalformedEvent("id", "the event has no id");
        }
        if (id.length() > MAX_EVENT_ID) {
            throw new MalformedEvent("id", "the event id is longer than " + MAX_EVENT_ID + " characters");
        }
        JsonNode content = event.get("content");
        if (content != null && !content.isNull() && !content.isObject()) {
            throw new MalformedEvent("content", "must be a JSON object");
        }
        String agentId = null;
        Instant occurredAt = null;
        if (content != null && content.isObject()) {
            JsonNode agent = content.get("agentId");
            if (agent != null && !agent.isNull()) {
                if (!agent.isString()) {
                    throw new MalformedEvent("content.agentId", "must be a string");
                }
                agentId = agent.asString();
                if (agentId.length() > MAX_AGENT_ID) {
                    throw new MalformedEvent("content.agentId", "is longer than " + MAX_AGENT_ID + " characters; Gladly agent ids are short");
                }
            }
            occurredAt = checkTime(content.get("occurredAt"), "content.occurredAt");
        } else {
            content = null;
        }
        Instant timestamp = checkTime(event.get("timestamp"), "timestamp");
        return new Parsed(event, type, id, content, agentId, occurredAt != null ? occurredAt : timestamp);
    }

    /** The checked time, or null when absent. */
    private static Instant checkTime(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        Instant at = value.isString() ? time(value.asString()) : null;
        if (at == null) {
            throw new MalformedEvent(field, "is not an RFC 3339 time such as 2026-01-31T09:30:00.000Z");
        }
        // Compared with the wall clock on purpose: it only has to catch the absurd (year 0, year 99999).
        if (at.isBefore(EARLIEST) || at.isAfter(Instant.now().plus(MAX_AHEAD))) {
            throw new MalformedEvent(field, "'" + abbreviate(value.asString()) + "' is not a plausible event time (before 2000 or more than a day ahead)");
        }
        return at;
    }

    void recordRejected(CompanyId company, String reason, String body) {
        jdbc.sql("insert into gladly_rejected_deliveries (company_id, received_at, reason, body) values (?, ?, ?, ?)")
                .params(company.value(), Db.ts(clock.instant()), Db.fit(reason, 500),
                        body == null ? null : body.length() > 4000 ? body.substring(0, 4000) : body)
                .update();
    }

    static Instant time(String value) {
        if (value == null) return null;
        // Gladly's own shape (2026-01-31T09:30:00.000Z) takes the hand-written parser; java.time's general one cost
        // more than the rest of the webhook's parsing. Anything else (offsets, other shapes) goes to java.time as before.
        if (value.length() >= 20 && value.charAt(10) == 'T' && value.charAt(value.length() - 1) == 'Z') {
            Instant fast = ReportTimes.parse(value);
            if (fast != null) return fast;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 40);
    }

    private static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }
}
