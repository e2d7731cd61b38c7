package com.rostra.contacts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;

/** Reads contacts back: filtered pages and counts, always scoped to one company. Volume lives in the volume module. */
@Service
public class Contacts {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Contacts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record Page(List<ContactView> contacts, String nextCursor) {}

    /** Which contacts by queue assignment: every contact, those in no queue, or those of one queue and its children. */
    public record QueueFilter(Long underQueueId, boolean inNoQueue) {

        public static final QueueFilter ANY = new QueueFilter(null, false);
        public static final QueueFilter NO_QUEUE = new QueueFilter(null, true);

        public static QueueFilter under(long queueId) {
            return new QueueFilter(queueId, false);
        }

        String sql() {
            return inNoQueue ? "queue_path is null" : underQueueId == null ? null : QueuePath.underQueue("queue_path", underQueueId);
        }
    }

    /** @param excluded null for both counted and excluded contacts */
    public record Filter(Instant start, Instant end, Channel channel, ContactStatus status, QueueFilter queue,
                         Boolean excluded, boolean newestFirst) {
        public Filter {
            queue = queue == null ? QueueFilter.ANY : queue;
        }

        public Filter(Instant start, Instant end, Channel channel, ContactStatus status) {
            this(start, end, channel, status, QueueFilter.ANY, null, false);
        }

        public Filter(Instant start, Instant end, Channel channel, ContactStatus status, boolean newestFirst) {
            this(start, end, channel, status, QueueFilter.ANY, null, newestFirst);
        }
    }

    public Page list(CompanyId company, Filter filter, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("""
                select id, external_id, conversation_id, channel, gladly_channel, direction, inbox_when_queued,
                       inbox_when_ended, entry_point, status, gladly_status, external_created_at, queued_at,
                       first_responded_at, first_response_duration, answer_wait_seconds, answered_at, ended_at, queue_path, excluded
                from contacts where company_id = :company""");
        Map<String, Object> params = new HashMap<>();
        params.put("company", company.value());
        if (filter.start() != null) {
            sql.append(" and queued_at >= :start");
            params.put("start", Db.ts(filter.start()));
        }
        if (filter.end() != null) {
            sql.append(" and queued_at < :end");
            params.put("end", Db.ts(filter.end()));
        }
        if (filter.channel() != null) {
            sql.append(" and channel = :channel");
            params.put("channel", filter.channel().wireName());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().wireName());
        }
        if (filter.queue().sql() != null) {
            sql.append(" and ").append(filter.queue().sql());
        }
        if (filter.excluded() != null) {
            sql.append(" and excluded = :excluded");
            params.put("excluded", filter.excluded());
        }
        if (cursor != null && !cursor.isBlank() && !filter.newestFirst()) {
            Object[] c = decodeCursor(cursor);
            sql.append(" and (queued_at > :cq or (queued_at = :cq and id > :cid))");
            params.put("cq", Db.ts((Instant) c[0]));
            params.put("cid", c[1]);
        }
        sql.append(filter.newestFirst() ? " order by queued_at desc, id desc limit :limit" : " order by queued_at, id limit :limit");
        params.put("limit", limit + 1);
        List<ContactView> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> new ContactView(
                rs.getLong("id"), rs.getString("external_id"), rs.getString("conversation_id"), rs.getString("channel"),
                rs.getString("gladly_channel"), rs.getString("direction"), rs.getString("inbox_when_queued"),
                rs.getString("inbox_when_ended"), rs.getString("entry_point"), rs.getString("status"),
                rs.getString("gladly_status"), Db.instant(rs, "external_created_at"), Db.instant(rs, "queued_at"),
                Db.instant(rs, "first_responded_at"), (Integer) rs.getObject("first_response_duration"),
                (Integer) rs.getObject("answer_wait_seconds"), Db.instant(rs, "answered_at"), Db.instant(rs, "ended_at"),
                queueIdsLeafFirst(rs.getString("queue_path")), rs.getBoolean("excluded"))).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ContactView last = rows.get(rows.size() - 1);
            next = encodeCursor(last.queuedAt(), last.id());
        }
        return new Page(rows, next);
    }

    private static List<Long> queueIdsLeafFirst(String path) {
        List<Long> ids = new ArrayList<>(QueuePath.decode(path));
        Collections.reverse(ids);
        return ids;
    }

    /**
     * Counted (not excluded) contacts queued in [from, to) per Rostra channel ("unknown" for Gladly channels
     * Rostra does not know yet).
     */
    public Map<String, Long> countByChannel(CompanyId company, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            counts.put(c.wireName(), 0L);
        }
        jdbc.sql("""
                select coalesce(channel, 'unknown') as k, count(*) as n from contacts
                where company_id = ? and queued_at >= ? and queued_at < ? and excluded = false
                group by coalesce(channel, 'unknown')""")
                .params(company.value(), Db.ts(from), Db.ts(to))
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * When each channel's latest contact was queued, looking back to {@code since} (absent: none since then): the proof
     * that intake works during a quiet hour. One backward index scan per channel, stopped at the first row.
     */
    public Map<String, Instant> lastQueuedByChannel(CompanyId company, Instant since) {
        Map<String, Instant> last = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            jdbc.sql("select queued_at from contacts where company_id = ? and channel = ? and queued_at >= ? "
                            + "order by queued_at desc limit 1")
                    .params(company.value(), c.wireName(), Db.ts(since))
                    .query((rs, i) -> Db.instant(rs, "queued_at")).optional()
                    .ifPresent(t -> last.put(c.wireName(), t));
        }
        return last;
    }

    /** Ids asked per statement (one array parameter each). */
    private static final int IDS_PER_QUERY = 50_000;

    /**
     * When each of these contacts (Gladly contact ids) was queued, for the counted (not excluded) ones whose own
     * channel is {@code contactChannel} and that match the queue filter; the others are left out of the map.
     */
    public Map<String, Instant> queuedAt(CompanyId company, Collection<String> externalIds, String contactChannel,
                                         QueueFilter queue) {
        Map<String, Instant> queued = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(externalIds));
        String scope = queue.sql() == null ? "" : " and c." + queue.sql();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
            // One array parameter, not thousands of placeholders: each id stays a unique-index lookup on either database.
            template.query("select c.external_id, c.queued_at from unnest(?) as asked(id)"
                            + " join contacts c on c.company_id = ? and c.external_id = asked.id"
                            + " where c.contact_channel = ? and c.excluded = false" + scope,
                    ps -> {
                        ps.setArray(1, ps.getConnection().createArrayOf("varchar", chunk.toArray()));
                        ps.setLong(2, company.value());
                        ps.setString(3, contactChannel);
                    },
                    rs -> {
                        queued.put(rs.getString(1), Db.instant(rs, 2));
                    });
        }
        return queued;
    }

    public long count(CompanyId company) {
        return jdbc.sql("select count(*) from contacts where company_id = ?").param(company.value()).query(Long.class).single();
    }

    private static String encodeCursor(Instant queuedAt, long id) {
        String raw = queuedAt.getEpochSecond() + ":" + queuedAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new Object[] {Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2])};
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "not a cursor returned by this API");
        }
    }
}
