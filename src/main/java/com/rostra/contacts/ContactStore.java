package com.rostra.contacts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.DatabaseDialect;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Writes contacts idempotently: keyed by (company, Gladly contact id), so re-pulling a window updates rather
 * than duplicates. One read per batch fetches the conversations the batch touches, which both assigns the
 * conversation's first channel and keeps call times already fetched from conversation items.
 */
@Service
public class ContactStore {

    private static final String COLUMNS = "company_id, external_id, conversation_id, customer_id, channel, contact_channel, "
            + "gladly_channel, direction, initiator, entry_point, final_ivr_selection, inbox_when_queued_id, "
            + "inbox_when_queued, inbox_when_ended_id, inbox_when_ended, status, gladly_status, external_created_at, "
            + "queued_at, first_responded_at, first_response_duration, call_started_at, answered_at, answer_wait_seconds, "
            + "ended_at, agent_id, call_times_checked, updated_at";
    private static final String PLACEHOLDERS = "?, ".repeat(27) + "?";
    private static final String POSTGRES_CONFLICT = " on conflict (company_id, external_id) do update set "
            + java.util.Arrays.stream(COLUMNS.split(", ")).filter(c -> !c.equals("company_id") && !c.equals("external_id"))
                    .map(c -> c + " = excluded." + c).reduce((a, b) -> a + ", " + b).orElseThrow();
    private static final String H2_UPSERT = "merge into contacts (" + COLUMNS + ") key (company_id, external_id) values ("
            + PLACEHOLDERS + ")";

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ContactStore(JdbcTemplate jdbc, DatabaseDialect dialect, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
        this.events = events;
    }

    private record Existing(String externalId, String conversationId, Channel channel, Channel contactChannel, Instant queuedAt,
                            Instant callStartedAt, Instant answeredAt, Integer answerWaitSeconds, boolean callTimesChecked) {}

    private static final int CHUNK = 5000;

    /**
     * Inserts or updates the batch; returns how many distinct contacts it held. Joins the caller's transaction.
     * {@link ContactsChanged} is published once per batch, in this transaction: queues assign the touched range,
     * then volume re-aggregates it (each once).
     */
    @Transactional
    public int upsert(CompanyId company, Collection<ContactRecord> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<ContactRecord> all = new ArrayList<>(batch);
        int count = 0;
        Instant min = null;
        Instant max = null;
        for (int i = 0; i < all.size(); i += CHUNK) {
            Instant[] range = new Instant[2];
            count += upsertChunk(company, all.subList(i, Math.min(all.size(), i + CHUNK)), range);
            min = min == null || range[0].isBefore(min) ? range[0] : min;
            max = max == null || range[1].isAfter(max) ? range[1] : max;
        }
        events.publishEvent(new ContactsChanged(company, min, max, count));
        // Counted when stored (a rolled-back batch is retried and counted again): a rate, not an exact total.
        io.micrometer.core.instrument.Metrics.counter("rostra.contacts.stored").increment(count);
        return count;
    }

    private int upsertChunk(CompanyId company, Collection<ContactRecord> batch, Instant[] range) {
        Map<String, ContactRecord> byId = new LinkedHashMap<>();
        for (ContactRecord r : batch) {
            byId.put(r.externalId(), r);
        }
        Map<String, List<Existing>> existingByConversation = loadConversations(company, byId.values());
        Map<String, Existing> existingById = new HashMap<>();
        existingByConversation.values().forEach(list -> list.forEach(e -> existingById.put(e.externalId(), e)));

        // The first message of each conversation, across what is stored and what arrives now.
        Map<String, Object[]> first = new HashMap<>();
        // A stored contact that arrives again is judged by what arrives: its channel or time may have changed.
        existingByConversation.forEach((conversation, list) -> list.stream().filter(e -> !byId.containsKey(e.externalId()))
                .forEach(e -> offerFirst(first, conversation, e.queuedAt(), e.contactChannel())));
        byId.values().forEach(r -> offerFirst(first, r.conversationId(), r.queuedAt(), r.channel()));

        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>(byId.size());
        Instant min = null;
        Instant max = null;
        for (ContactRecord r : byId.values()) {
            Existing old = existingById.get(r.externalId());
            boolean checked = false;
            if (old != null && old.callTimesChecked() && r.callStartedAt() == null) {
                r = r.withCallTimes(old.callStartedAt(), old.answeredAt() != null ? old.answeredAt() : r.answeredAt(),
                        old.answerWaitSeconds());
                checked = true;
            } else if (r.callStartedAt() != null) {
                checked = true;
            }
            Object[] f = r.conversationId() == null ? null : first.get(r.conversationId());
            Channel channel = f == null ? r.channel() : (Channel) f[1];
            rows.add(row(company, r, channel, checked, now));
            min = min == null || r.queuedAt().isBefore(min) ? r.queuedAt() : min;
            max = max == null || r.queuedAt().isAfter(max) ? r.queuedAt() : max;
            if (old != null) { // a contact whose queue time moved leaves its old quarter hour too
                min = old.queuedAt().isBefore(min) ? old.queuedAt() : min;
                max = old.queuedAt().isAfter(max) ? old.queuedAt() : max;
            }
        }
        if (dialect.isPostgres()) {
            upsertByCopy(rows);
        } else {
            jdbc.batchUpdate(H2_UPSERT, rows, 1000, ContactStore::bind);
        }
        for (Instant relabelled : relabelOlderSiblings(company, existingByConversation, first)) {
            min = relabelled.isBefore(min) ? relabelled : min;
            max = relabelled.isAfter(max) ? relabelled : max;
        }
        range[0] = min;
        range[1] = max;
        return rows.size();
    }

    /**
     * PostgreSQL bulk path: COPY the batch into a session-temporary staging table (emptied at commit), then one
     * INSERT ... SELECT ... ON CONFLICT. COPY skips per-parameter binding, which dominates multi-row inserts.
     */
    private void upsertByCopy(List<Object[]> rows) {
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("create temp table if not exists contacts_stage on commit delete rows as select "
                        + COLUMNS + " from contacts with no data");
            }
            StringBuilder csv = new StringBuilder(rows.size() * 400);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) csv.append(',');
                    appendCsv(csv, row[i]);
                }
                csv.append('\n');
            }
            try {
                connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn("copy contacts_stage (" + COLUMNS + ") from stdin (format csv)", new java.io.StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY into contacts_stage failed", e);
            }
            try (var statement = connection.createStatement()) {
                statement.execute("insert into contacts (" + COLUMNS + ") select " + COLUMNS + " from contacts_stage"
                        + POSTGRES_CONFLICT);
                statement.execute("delete from contacts_stage");
            }
            return null;
        });
    }

    /** CSV for COPY: an unquoted empty field is NULL, anything else is quoted. */
    private static void appendCsv(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Instant instant) {
            appendTimestamp(out, instant); // digits and separators only: no quoting needed
            return;
        }
        String text = value.toString();
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') out.append('"');
            out.append(c);
        }
        out.append('"');
    }

    /**
     * {@code 2026-09-01 18:00:00.123456+00}, written by hand: java.time's formatter was the largest single cost of
     * a backfill's COPY (PostgreSQL keeps microseconds, so finer digits would be dropped anyway).
     */
    static void appendTimestamp(StringBuilder out, Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
                java.time.ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            out.append(instant.toString());
            return;
        }
        out.append(year).append('-');
        pad2(out, t.getMonthValue()).append('-');
        pad2(out, t.getDayOfMonth()).append(' ');
        pad2(out, t.getHour()).append(':');
        pad2(out, t.getMinute()).append(':');
        pad2(out, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String digits = Integer.toString(1_000_000 + micros);
            out.append('.').append(digits, 1, 7);
        }
        out.append("+00");
    }

    private static StringBuilder pad2(StringBuilder out, int value) {
        if (value < 10) out.append('0');
        return out.append(value);
    }

    private static void offerFirst(Map<String, Object[]> first, String conversation, Instant queuedAt, Channel channel) {
        if (conversation == null || channel == null) {
            return;
        }
        Object[] current = first.get(conversation);
        if (current == null || queuedAt.isBefore((Instant) current[0])) {
            first.put(conversation, new Object[] {queuedAt, channel});
        }
    }

    /** Stored contacts whose conversation just got an earlier first message take its channel. */
    /** Returns the queued times of the contacts relabelled, so derived data for them is refreshed too. */
    private List<Instant> relabelOlderSiblings(CompanyId company, Map<String, List<Existing>> existing, Map<String, Object[]> first) {
        List<Instant> touched = new ArrayList<>();
        existing.forEach((conversation, list) -> {
            Channel firstChannel = (Channel) first.get(conversation)[1];
            boolean stale = list.stream().anyMatch(e -> e.channel() != firstChannel);
            if (stale) {
                jdbc.update("update contacts set channel = ? where company_id = ? and conversation_id = ?",
                        firstChannel.wireName(), company.value(), conversation);
                list.forEach(e -> touched.add(e.queuedAt()));
            }
        });
        return touched;
    }

    private Map<String, List<Existing>> loadConversations(CompanyId company, Collection<ContactRecord> records) {
        List<String> conversations = records.stream().map(ContactRecord::conversationId).filter(c -> c != null).distinct().toList();
        Map<String, List<Existing>> result = new HashMap<>();
        for (int i = 0; i < conversations.size(); i += 5000) {
            List<String> chunk = conversations.subList(i, Math.min(conversations.size(), i + 5000));
            // One array parameter, not thousands of placeholders: the plan stays an index lookup as the table grows.
            jdbc.query("""
                    select external_id, conversation_id, channel, contact_channel, queued_at, call_started_at, answered_at,
                           answer_wait_seconds, call_times_checked
                    from contacts where company_id = ? and conversation_id = any(?)""",
                    ps -> {
                        ps.setLong(1, company.value());
                        ps.setArray(2, ps.getConnection().createArrayOf("varchar", chunk.toArray()));
                    },
                    rs -> {
                        Existing e = new Existing(rs.getString(1), rs.getString(2),
                                Channel.fromWire(rs.getString(3)).orElse(null), Channel.fromWire(rs.getString(4)).orElse(null),
                                Db.instant(rs, 5), Db.instant(rs, 6), Db.instant(rs, 7), (Integer) rs.getObject(8),
                                rs.getBoolean(9));
                        result.computeIfAbsent(e.conversationId(), k -> new ArrayList<>()).add(e);
                    });
        }
        return result;
    }

    private static Object[] row(CompanyId company, ContactRecord r, Channel channel, boolean checked, Instant now) {
        return new Object[] {company.value(), r.externalId(), r.conversationId(), r.customerId(),
                channel == null ? null : channel.wireName(), r.channel() == null ? null : r.channel().wireName(),
                r.gladlyChannel(), r.direction(), r.initiator(), r.entryPoint(), r.finalIvrSelection(),
                r.inboxWhenQueuedId(), r.inboxWhenQueued(), r.inboxWhenEndedId(), r.inboxWhenEnded(),
                r.status().wireName(), r.gladlyStatus(), r.externalCreatedAt(), r.queuedAt(),
                r.firstRespondedAt(), r.firstResponseDuration(), r.callStartedAt(), r.answeredAt(),
                r.answerWaitSeconds(), r.endedAt(), r.agentId(), checked, now};
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Instant instant) {
                ps.setObject(i + 1, Db.ts(instant));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /**
     * A contact announced by a CONTACT/STARTED event, before any report has it: stored only if absent, so the
     * report (the source of truth) is never overwritten by the thinner event.
     */
    @Transactional
    public boolean insertIfAbsent(CompanyId company, ContactRecord record) {
        boolean exists = jdbc.queryForObject("select count(*) from contacts where company_id = ? and external_id = ?",
                Long.class, company.value(), record.externalId()) > 0;
        if (exists) {
            return false;
        }
        upsert(company, java.util.List.of(record));
        return true;
    }

    /** Answered calls whose ring time has not been read from conversation items yet, newest first. */
    public List<CallToCheck> callsToCheck(CompanyId company, int limit) {
        return jdbc.query("""
                select external_id, conversation_id, queued_at, first_responded_at from contacts
                where company_id = ? and contact_channel = 'phone' and gladly_channel = 'PHONE_CALL'
                  and call_times_checked = false and first_responded_at is not null and conversation_id is not null
                order by queued_at desc limit ?""",
                (rs, i) -> new CallToCheck(rs.getString(1), rs.getString(2), Db.instant(rs, 3), Db.instant(rs, 4)),
                company.value(), limit);
    }

    public record CallToCheck(String externalId, String conversationId, Instant queuedAt, Instant answeredAt) {}

    /** Records the call's ring and answer times from its conversation item: the call SLA is answered − started. */
    @Transactional
    public void recordCallTimes(CompanyId company, String externalId, Instant startedAt, Instant answeredAt) {
        Integer sla = startedAt != null && answeredAt != null
                ? (int) Math.max(0, java.time.Duration.between(startedAt, answeredAt).getSeconds()) : null;
        jdbc.update("""
                update contacts set call_started_at = ?, answered_at = coalesce(?, answered_at),
                       answer_wait_seconds = coalesce(?, answer_wait_seconds), call_times_checked = true
                where company_id = ? and external_id = ?""",
                Db.ts(startedAt), Db.ts(answeredAt), sla, company.value(), externalId);
        List<Instant> queued = jdbc.query("select queued_at from contacts where company_id = ? and external_id = ?",
                (rs, i) -> Db.instant(rs, 1), company.value(), externalId);
        if (!queued.isEmpty()) {
            events.publishEvent(new ContactsChanged(company, queued.get(0), queued.get(0), 1));
        }
    }
}
