package com.rostra.contacts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;

/** Reads contacts back: filtered pages and interval volume, always scoped to one company. */
@Service
public class Contacts {

    private final JdbcClient jdbc;
    private final ObjectProvider<QueueDirectory> queueDirectory;

    Contacts(JdbcClient jdbc, ObjectProvider<QueueDirectory> queueDirectory) {
        this.jdbc = jdbc;
        this.queueDirectory = queueDirectory;
    }

    public record Page(List<ContactView> contacts, String nextCursor) {}

    /**
     * @param queue null for contacts in any queue or none
     * @param excluded null for both counted and excluded contacts
     */
    public record Filter(Instant start, Instant end, Channel channel, ContactStatus status, QueueScope queue,
                         Boolean excluded, boolean newestFirst) {
        public Filter(Instant start, Instant end, Channel channel, ContactStatus status) {
            this(start, end, channel, status, null, null, false);
        }

        public Filter(Instant start, Instant end, Channel channel, ContactStatus status, boolean newestFirst) {
            this(start, end, channel, status, null, null, newestFirst);
        }
    }

    public Page list(CompanyId company, Filter filter, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("""
                select id, external_id, conversation_id, channel, gladly_channel, direction, inbox_when_queued,
                       inbox_when_ended, entry_point, status, gladly_status, external_created_at, queued_at,
                       first_responded_at, first_response_duration, sla_seconds, answered_at, ended_at, queue_path, excluded
                from contacts where company_id = :company""");
        Map<String, Object> params = new java.util.HashMap<>();
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
        if (filter.queue() != null) {
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
                (Integer) rs.getObject("sla_seconds"), Db.instant(rs, "answered_at"), Db.instant(rs, "ended_at"),
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
        List<Long> ids = new ArrayList<>(ContactClassifier.decodePath(path));
        java.util.Collections.reverse(ids);
        return ids;
    }

    /**
     * Counted (not excluded) contacts queued in [from, to) per Rostra channel ("unknown" for Gladly channels
     * Rostra does not know yet).
     */
    public Map<String, Long> countByChannel(CompanyId company, Instant from, Instant to) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
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

    /** Contacts queued in [from, to) per queue path, channel and exclusion: the Queues and exclusions table. */
    public List<QueueCount> countByQueue(CompanyId company, Instant from, Instant to) {
        return jdbc.sql("""
                select queue_path, coalesce(channel, 'unknown') as ch, excluded, count(*) as n from contacts
                where company_id = ? and queued_at >= ? and queued_at < ?
                group by queue_path, coalesce(channel, 'unknown'), excluded""")
                .params(company.value(), Db.ts(from), Db.ts(to))
                .query((rs, i) -> new QueueCount(ContactClassifier.decodePath(rs.getString("queue_path")),
                        rs.getString("ch"), rs.getBoolean("excluded"), rs.getLong("n")))
                .list();
    }

    public long count(CompanyId company) {
        return jdbc.sql("select count(*) from contacts where company_id = ?").param(company.value()).query(Long.class).single();
    }

    public enum GroupBy { NONE, CHANNEL, QUEUE }

    /**
     * Volume per local interval. SQL aggregates per UTC quarter hour (the index range scan does the heavy
     * lifting); Java only folds quarter hours into the requested local grid and fills empty intervals.
     */
    public List<VolumeInterval> volume(CompanyId company, Instant start, Instant end, IntervalLength length,
                                       GroupBy groupBy, ZoneId zone) {
        return volume(company, start, end, length, groupBy, zone, null);
    }

    /**
     * Volume of counted (not excluded) contacts; with a queue scope, only that queue's. Grouped by queue, a
     * contact counts in its queue and every parent of it (within the scope).
     */
    public List<VolumeInterval> volume(CompanyId company, Instant start, Instant end, IntervalLength length,
                                       GroupBy groupBy, ZoneId zone, QueueScope scope) {
        Instant from = length.floor(start, zone);
        long intervals = estimateIntervals(from, end, length);
        if (intervals > 20_000) {
            throw new InvalidRequestException("end", "the range holds " + intervals + " intervals; ask for at most 20000");
        }
        String key = switch (groupBy) {
            case CHANNEL -> "channel";
            case QUEUE -> "case when queue_path = '' then 'no_queue' else queue_path end";
            case NONE -> "'all'";
        };
        String scopeSql = scope == null ? "" : scope.queueId() == null ? " and queue_path = ''"
                : " and queue_path like '%," + scope.queueId() + ",%'";
        // Pulled contacts and imported history add up; imported volume carries no service-level figures.
        String sql = "select quarter, " + key + " as k, sum(contacts) as n, sum(sla_met) as sla_met, "
                + "sum(sla_total) as sla_total, sum(frd_sum) as frd_sum, sum(frd_n) as frd_n from ("
                + "select quarter, queue_path, channel, contacts, sla_met, sla_total, frd_sum, frd_n from interval_volume "
                + "where company_id = ? and quarter >= ? and quarter < ?" + scopeSql
                + " union all select quarter, queue_path, channel, contacts, 0, 0, 0, 0 from imported_volume "
                + "where company_id = ? and quarter >= ? and quarter < ?" + scopeSql
                + ") v group by quarter" + (groupBy == GroupBy.NONE ? "" : ", " + key);
        Map<Instant, Map<String, long[]>> grid = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>();
        // Quarter hours that start before the end; a range ending mid-quarter takes that whole quarter hour.
        long firstQuarter = Math.floorDiv(from.getEpochSecond(), 900);
        long endQuarter = Math.floorDiv(end.getEpochSecond() + 899, 900);
        jdbc.sql(sql).params(company.value(), firstQuarter, endQuarter, company.value(), firstQuarter, endQuarter).query(rs -> {
            Instant quarter = Instant.ofEpochSecond(rs.getLong("quarter") * 900);
            Instant bucket = length.floor(quarter, zone);
            for (String k : groupBy == GroupBy.QUEUE ? queueKeys(rs.getString("k"), scope) : List.of(rs.getString("k"))) {
                keys.add(k);
                long[] acc = grid.computeIfAbsent(bucket, b -> new TreeMap<>()).computeIfAbsent(k, x -> new long[5]);
                acc[0] += rs.getLong("n");
                acc[1] += rs.getLong("sla_met");
                acc[2] += rs.getLong("sla_total");
                acc[3] += rs.getLong("frd_sum");
                acc[4] += rs.getLong("frd_n");
            }
        });
        // Every key the grouping has is answered for every interval, with zero counts where nothing came in.
        switch (groupBy) {
            case NONE -> keys.add("all");
            case CHANNEL -> { for (Channel c : Channel.values()) keys.add(c.wireName()); }
            case QUEUE -> {
                if (scope == null) {
                    keys.add("no_queue");
                    QueueDirectory directory = queueDirectory.getIfAvailable();
                    if (directory != null) directory.queueIds(company).forEach(id -> keys.add(String.valueOf(id)));
                } else if (scope.queueId() != null) {
                    keys.add(String.valueOf(scope.queueId()));
                } else {
                    keys.add("no_queue");
                }
            }
        }
        List<VolumeInterval> result = new ArrayList<>();
        for (Instant t = from; t.isBefore(end); t = length.next(t, zone)) {
            Map<String, long[]> row = grid.getOrDefault(t, Map.of());
            for (String k : keys) {
                long[] a = row.getOrDefault(k, new long[5]);
                result.add(new VolumeInterval(t, k, a[0], a[1], a[2], a[4] == 0 ? null : (double) a[3] / a[4]));
            }
        }
        return result;
    }

    /** The queue keys a contact with this path counts under: its queue and parents, within the scope's subtree. */
    private static List<String> queueKeys(String path, QueueScope scope) {
        if (path.equals("no_queue")) {
            return List.of("no_queue");
        }
        List<Long> ids = ContactClassifier.decodePath(path);
        int from = scope == null || scope.queueId() == null ? 0 : Math.max(0, ids.indexOf(scope.queueId()));
        return ids.subList(from, ids.size()).stream().map(String::valueOf).toList();
    }

    private static long estimateIntervals(Instant from, Instant end, IntervalLength length) {
        long minutes = Math.max(0, java.time.Duration.between(from, end).toMinutes());
        return length == IntervalLength.DAY ? minutes / 1380 + 1 : minutes / switch (length) {
            case MINUTES_15 -> 15;
            case MINUTES_30 -> 30;
            default -> 60;
        } + 1;
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
