package com.rostra.gladly;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
        MalformedEvent(String reason) {
            super(reason);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventWriter writer;

    GladlyEvents(JdbcClient jdbc, Clock clock, EventWriter writer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = writer;
    }

    Outcome store(CompanyId company, String body, String source) {
        JsonNode event = parse(body);
        String type = GladlyClient.text(event, "type");
        if ("PING".equals(type)) {
            return Outcome.PING;
        }
        String id = GladlyClient.text(event, "id");
        JsonNode content = event.get("content");
        String agentId = content == null ? null : GladlyClient.text(content, "agentId");
        Instant occurredAt = time(content == null ? null : GladlyClient.text(content, "occurredAt"));
        if (occurredAt == null) {
            occurredAt = time(GladlyClient.text(event, "timestamp"));
        }
        try {
            boolean stored = writer.submit(company, id, type, agentId, occurredAt, body, source).get(10, TimeUnit.SECONDS);
            return stored ? Outcome.STORED : Outcome.DUPLICATE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStored(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new NotStored(e);
        }
    }

    static JsonNode parse(String body) {
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
            throw new MalformedEvent("the event has no type");
        }
        if (!"PING".equals(type) && (GladlyClient.text(event, "id") == null || GladlyClient.text(event, "id").isBlank())) {
            throw new MalformedEvent("the event has no id");
        }
        if (!"PING".equals(type) && GladlyClient.text(event, "id").length() > 128) {
            throw new MalformedEvent("the event id is longer than 128 characters");
        }
        return event;
    }

    void recordRejected(CompanyId company, String reason, String body) {
        jdbc.sql("insert into gladly_rejected_deliveries (company_id, received_at, reason, body) values (?, ?, ?, ?)")
                .params(company.value(), Db.ts(clock.instant()), reason,
                        body == null ? null : body.length() > 4000 ? body.substring(0, 4000) : body)
                .update();
    }

    static Instant time(String value) {
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }
}
