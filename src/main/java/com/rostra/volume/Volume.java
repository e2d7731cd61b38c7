package com.rostra.volume;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.contacts.QueuePath;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.queues.QueueScope;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyId;

/**
 * Volume per local interval: counted (not excluded) contacts from the {@code interval_volume} aggregate plus
 * imported history, always scoped to one company. What forecasting, staffing and the pages read instead of
 * contacts.
 */
@Service
public class Volume {

    public enum GroupBy { NONE, CHANNEL, QUEUE }

    /** Intervals one read may span (15-minute intervals over about 208 days). */
    static final int MAX_INTERVALS = 20_000;
    /**
     * Values (keys × intervals) one read may answer: every channel over the longest range fits, while a company with
     * many queues grouped by queue would otherwise build millions of rows in memory for one request.
     */
    static final long MAX_VALUES = 100_000;

    private final JdbcClient jdbc;
    private final Queues queues;
    private final AnswerTargets answerTargets;

    Volume(JdbcClient jdbc, Queues queues, AnswerTargets answerTargets) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.answerTargets = answerTargets;
    }

    /** Volume of every queue together. */
    public List<VolumeInterval> volume(CompanyId company, Instant start, Instant end, IntervalLength length,
                                       GroupBy groupBy, ZoneId zone) {
        return volume(company, start, end, length, groupBy, zone, QueueScope.allQueues());
    }

    /**
     * Volume per local interval within the queue scope. SQL aggregates per UTC quarter hour (the index range scan
     * does the heavy lifting); Java only folds quarter hours into the requested local grid and fills empty
     * intervals. Grouped by queue, a contact counts in its queue and every parent of it (within the scope).
     */
    public List<VolumeInterval> volume(CompanyId company, Instant start, Instant end, IntervalLength length,
                                       GroupBy groupBy, ZoneId zone, QueueScope scope) {
        Instant from = length.floor(start, zone);
        long intervals = estimateIntervals(from, end, length);
        if (intervals > MAX_INTERVALS) {
            throw new InvalidRequestException("end", "the range holds " + intervals + " intervals; ask for at most " + MAX_INTERVALS);
        }
        // Every key the grouping has is answered for every interval, with zero counts where nothing came in: known
        // before the read, so a read too large to answer is refused before it runs.
        TreeSet<String> keys = new TreeSet<>();
        switch (groupBy) {
            case NONE -> keys.add("all");
            case CHANNEL -> { for (Channel c : Channel.values()) keys.add(c.wireName()); }
            case QUEUE -> {
                switch (scope.kind()) {
                    case ALL_QUEUES -> {
                        keys.add("no_queue");
                        queues.queueIds(company).forEach(id -> keys.add(String.valueOf(id)));
                    }
                    case QUEUE -> keys.add(String.valueOf(scope.queueId()));
                    case NO_QUEUE -> keys.add("no_queue");
                }
            }
        }
        requireAnswerable(groupBy, keys.size(), intervals);
        String key = switch (groupBy) {
            case CHANNEL -> "channel";
            case QUEUE -> "case when queue_path = '' then 'no_queue' else queue_path end";
            case NONE -> "'all'";
        };
        String scopeSql = scope.aggregateCondition("queue_path");
        // Pulled contacts and imported history add up; imported volume carries no answer times. Rows stay apart per
        // queue path and channel so each is read against its own answer-time target.
        StringBuilder histogramSums = new StringBuilder();
        StringBuilder importedZeros = new StringBuilder();
        for (int edge : AnswerWaits.EDGES) {
            histogramSums.append(", sum(").append(AnswerWaits.column(edge)).append(") as ").append(AnswerWaits.column(edge));
            importedZeros.append(", 0");
        }
        String sql = "select quarter, " + key + " as k, queue_path, channel, sum(contacts) as n, sum(answered) as answered, "
                + "sum(frd_sum) as frd_sum, sum(frd_n) as frd_n" + histogramSums + " from ("
                + "select quarter, queue_path, channel, contacts, answered, frd_sum, frd_n, " + AnswerWaits.columns()
                + " from interval_volume where company_id = ? and quarter >= ? and quarter < ?" + scopeSql
                + " union all select quarter, queue_path, channel, contacts, 0, 0, 0" + importedZeros + " from imported_volume "
                + "where company_id = ? and quarter >= ? and quarter < ?" + scopeSql
                + ") v group by quarter, queue_path, channel" + (groupBy == GroupBy.NONE ? "" : ", " + key);
        Map<Instant, Map<String, long[]>> grid = new TreeMap<>();
        var targets = answerTargets.of(company);
        Map<String, String> targetColumns = new java.util.HashMap<>();
        // Quarter hours that start before the end; a range ending mid-quarter takes that whole quarter hour.
        long firstQuarter = Math.floorDiv(from.getEpochSecond(), 900);
        long endQuarter = Math.floorDiv(end.getEpochSecond() + 899, 900);
        jdbc.sql(sql).params(company.value(), firstQuarter, endQuarter, company.value(), firstQuarter, endQuarter).query(rs -> {
            Instant quarter = Instant.ofEpochSecond(rs.getLong("quarter") * 900);
            Instant bucket = length.floor(quarter, zone);
            String path = rs.getString("queue_path");
            String channel = rs.getString("channel");
            String metColumn = targetColumns.computeIfAbsent(path + "|" + channel, pc -> {
                int edge = AnswerWaits.edgeIndex(targets.applyAsInt(path, channel));
                return edge < 0 ? null : AnswerWaits.column(AnswerWaits.EDGES.get(edge));
            });
            long met = metColumn == null ? 0 : rs.getLong(metColumn);
            for (String k : groupBy == GroupBy.QUEUE ? queueKeys(rs.getString("k"), scope) : List.of(rs.getString("k"))) {
                keys.add(k);
                long[] acc = grid.computeIfAbsent(bucket, b -> new TreeMap<>()).computeIfAbsent(k, x -> new long[5]);
                acc[0] += rs.getLong("n");
                acc[1] += met;
                acc[2] += rs.getLong("answered");
                acc[3] += rs.getLong("frd_sum");
                acc[4] += rs.getLong("frd_n");
            }
        });
        // The data can add keys (a queue's children, a deleted queue's contacts), so the answer is checked once more.
        requireAnswerable(groupBy, keys.size(), intervals);
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

    /**
     * Inbound waits of counted contacts in [from, to] by their own channel: each abandoned contact's wait (queued
     * to ended) and each answered one's (queued to first response). What staffing measures patience from.
     * Voicemails are left out: the caller hung up after leaving a message, so the hours until someone calls back say
     * nothing about how long a caller waits on the line (counted, they inflated the patience several-fold).
     */
    public record Waits(long abandoned, long answered, double waitingSeconds) {}

    public Waits inboundWaits(CompanyId company, QueueScope scope, String contactChannel, Instant from, Instant to) {
        long[] counts = new long[2];
        double[] waited = new double[1];
        String scopeSql = switch (scope.kind()) {
            case ALL_QUEUES -> "";
            case NO_QUEUE -> " and queue_path is null";
            case QUEUE -> " and " + QueuePath.underQueue("queue_path", scope.queueId());
        };
        jdbc.sql("select gladly_status, queued_at, first_responded_at, ended_at from contacts "
                        + "where company_id = ? and contact_channel = ? and direction = 'INBOUND' and excluded = false "
                        + "and queued_at >= ? and queued_at < ? and gladly_status in ('ABANDONED', 'ANSWERED') "
                        + "and gladly_channel <> 'VOICEMAIL'" + scopeSql)
                .params(company.value(), contactChannel, Db.ts(from), Db.ts(to))
                .query(rs -> {
                    Instant queued = Db.instant(rs, "queued_at");
                    boolean abandoned = "ABANDONED".equals(rs.getString("gladly_status"));
                    Instant waitEnd = abandoned ? Db.instant(rs, "ended_at") : Db.instant(rs, "first_responded_at");
                    if (waitEnd == null || waitEnd.isBefore(queued)) return;
                    waited[0] += java.time.Duration.between(queued, waitEnd).toMillis() / 1000.0;
                    counts[abandoned ? 0 : 1]++;
                });
        return new Waits(counts[0], counts[1], waited[0]);
    }

    /** The queue keys a contact with this path counts under: its queue and parents, within the scope's subtree. */
    private static List<String> queueKeys(String path, QueueScope scope) {
        if (path.equals("no_queue")) {
            return List.of("no_queue");
        }
        List<Long> ids = QueuePath.decode(path);
        int from = scope.queueId() == null ? 0 : Math.max(0, ids.indexOf(scope.queueId()));
        return ids.subList(from, ids.size()).stream().map(String::valueOf).toList();
    }

    private static void requireAnswerable(GroupBy groupBy, int keys, long intervals) {
        long values = keys * intervals;
        if (values > MAX_VALUES) {
            throw new InvalidRequestException("group_by", "group_by=" + groupBy.name().toLowerCase(java.util.Locale.ROOT)
                    + " gives " + keys + " keys x " + intervals + " intervals = " + values + " values; at most " + MAX_VALUES
                    + " are answered: shorten the range, ask for a longer interval, or read one queue and its children with "
                    + "GET /api/v1/queues/{id}/volume");
        }
    }

    private static long estimateIntervals(Instant from, Instant end, IntervalLength length) {
        long minutes = Math.max(0, java.time.Duration.between(from, end).toMinutes());
        return length == IntervalLength.DAY ? minutes / 1380 + 1 : minutes / switch (length) {
            case MINUTES_15 -> 15;
            case MINUTES_30 -> 30;
            default -> 60;
        } + 1;
    }
}
