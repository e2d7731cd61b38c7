package com.rostra.volume.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.CsvUpload;
import com.rostra.platform.CsvUpload.RowError;
import com.rostra.contacts.Channel;
import com.rostra.contacts.QueuePath;
import com.rostra.platform.Db;
import com.rostra.queues.QueueDeleted;
import com.rostra.queues.QueueMoved;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyId;
import com.rostra.volume.VolumeImported;

/**
 * Historical volume from another system: {@code interval_start,queue_id,channel,count}, any interval length that
 * divides an hour (given, or read from the spacing of the rows). Every row is checked before anything is written
 * and each problem is reported with its row (the header is row 1). Counts are spread onto quarter hours (by
 * overlap, rounded so each interval's total is kept), and an interval imported again replaces what was there.
 */
@Service
public class VolumeImport {

    public static final String TEMPLATE = "interval_start,queue_id,channel,count\n"
            + "2026-01-05T09:00:00-05:00,,phone,42\n2026-01-05T09:30:00-05:00,,phone,37\n";

    public record Result(int imported, Integer intervalMinutes, List<RowError> errors) {}

    private record Row(int number, Instant start, int minuteOfHour, long queueKey, String queuePath, String channel, int count) {}

    private record Key(long quarter, long queueKey, String channel) {}

    private final JdbcClient jdbc;
    private final Queues queues;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VolumeImport(JdbcClient jdbc, Queues queues, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Result importCsv(CompanyId company, String csv, Integer intervalMinutes, boolean partial) {
        List<RowError> errors = new ArrayList<>();
        CsvUpload file;
        try {
            file = CsvUpload.read(csv);
        } catch (CsvUpload.Unreadable e) {
            return new Result(0, null, List.of(e.error()));
        }
        for (String column : List.of("interval_start", "channel", "count")) {
            if (!file.has(column)) errors.add(new RowError(1, column, "missing column " + column));
        }
        if (!errors.isEmpty()) return new Result(0, null, errors);
        if (intervalMinutes != null && !dividesAnHour(intervalMinutes)) {
            return new Result(0, null, List.of(new RowError(1, "interval_minutes", "must divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)")));
        }

        Map<String, Optional<List<Long>>> paths = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (CsvUpload.Row r : file.rows()) {
            Row row = parse(company, r, paths, errors);
            if (row != null) rows.add(row);
        }
        int minutes = intervalMinutes != null ? intervalMinutes : inferMinutes(rows);
        if (!dividesAnHour(minutes)) {
            errors.add(new RowError(1, "interval_start", minutes < 0
                    ? "the interval length cannot be read from the rows (no two are less than an hour apart); pass interval_minutes"
                    : "the rows are " + minutes + " minutes apart, which does not divide an hour; pass interval_minutes"));
        } else {
            for (Row row : rows) {
                if (row.minuteOfHour() % minutes != 0 || row.start().getEpochSecond() % 60 != 0) {
                    errors.add(new RowError(row.number(), "interval_start", "does not start a " + minutes + "-minute interval"));
                }
            }
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        if (!errors.isEmpty() && !partial) {
            return new Result(0, dividesAnHour(minutes) ? minutes : null, errors);
        }
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        errors.forEach(e -> bad.add(e.row()));
        Map<Key, Long> perQuarter = new LinkedHashMap<>();
        Map<Long, String> pathByKey = new LinkedHashMap<>();
        int imported = 0;
        for (Row row : rows) {
            if (bad.contains(row.number())) continue;
            spread(row, minutes, perQuarter);
            pathByKey.put(row.queueKey(), row.queuePath());
            imported++;
        }
        Instant now = clock.instant();
        for (Map.Entry<Key, Long> e : perQuarter.entrySet()) {
            Key k = e.getKey();
            jdbc.sql("delete from imported_volume where company_id = ? and quarter = ? and queue_key = ? and channel = ?")
                    .params(company.value(), k.quarter(), k.queueKey(), k.channel()).update();
            jdbc.sql("""
                    insert into imported_volume (company_id, quarter, queue_key, queue_path, channel, contacts, imported_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(company.value(), k.quarter(), k.queueKey(), pathByKey.get(k.queueKey()), k.channel(),
                            e.getValue(), Db.ts(now)).update();
        }
        if (imported > 0) {
            events.publishEvent(new VolumeImported(company, imported));
        }
        return new Result(imported, minutes, errors);
    }

    /** Imported rows follow their queue when it moves: the path they count under is the queue's new one. */
    @EventListener
    void onQueueMoved(QueueMoved moved) {
        jdbc.sql("update imported_volume set queue_path = ? where company_id = ? and queue_key = ?")
                .params(QueuePath.encode(moved.newPath()), moved.companyId().value(), moved.queueId()).update();
    }

    /** A deleted queue's imported history is kept: it moves to the parent queue, or to no queue. */
    @EventListener
    void onQueueDeleted(QueueDeleted deleted) {
        CompanyId company = deleted.companyId();
        long queueId = deleted.queueId();
        List<Long> parentPath = deleted.parentPath();
        long target = parentPath.isEmpty() ? 0 : parentPath.get(parentPath.size() - 1);
        String path = QueuePath.encode(parentPath);
        List<Object[]> rows = jdbc.sql("select quarter, channel, contacts from imported_volume where company_id = ? and queue_key = ?")
                .params(company.value(), queueId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).list();
        jdbc.sql("delete from imported_volume where company_id = ? and queue_key = ?").params(company.value(), queueId).update();
        Instant now = clock.instant();
        for (Object[] r : rows) {
            long existing = jdbc.sql("select coalesce(sum(contacts), 0) from imported_volume where company_id = ? and quarter = ? and queue_key = ? and channel = ?")
                    .params(company.value(), r[0], target, r[1]).query(Long.class).single();
            jdbc.sql("delete from imported_volume where company_id = ? and quarter = ? and queue_key = ? and channel = ?")
                    .params(company.value(), r[0], target, r[1]).update();
            jdbc.sql("""
                    insert into imported_volume (company_id, quarter, queue_key, queue_path, channel, contacts, imported_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(company.value(), r[0], target, path, r[1], existing + (Long) r[2], Db.ts(now)).update();
        }
    }

    private Row parse(CompanyId company, CsvUpload.Row r, Map<String, Optional<List<Long>>> paths, List<RowError> errors) {
        int number = r.number();
        int before = errors.size();
        String startText = r.get("interval_start");
        OffsetDateTime start = null;
        try {
            start = OffsetDateTime.parse(startText);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(new RowError(number, "interval_start", "'" + startText + "' is not an RFC 3339 time with an offset, e.g. 2026-01-05T09:00:00-05:00"));
        }
        String queueText = r.get("queue_id");
        long queueKey = 0;
        String queuePath = "";
        if (queueText != null && !queueText.isEmpty() && !queueText.equals("no_queue")) {
            Optional<List<Long>> path = paths.computeIfAbsent(queueText, q -> {
                try {
                    return queues.path(company, Long.parseLong(q));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
            if (path.isEmpty()) {
                errors.add(new RowError(number, "queue_id", "no queue " + queueText + " exists; leave it empty for no queue"));
            } else {
                queueKey = path.get().get(path.get().size() - 1);
                queuePath = QueuePath.encode(path.get());
            }
        }
        String channelText = r.get("channel");
        Optional<Channel> channel = channelText == null ? Optional.empty() : Channel.fromWire(channelText);
        if (channel.isEmpty()) {
            errors.add(new RowError(number, "channel", "'" + channelText + "' is not one of " + com.rostra.contacts.Channel.listed()));
        }
        String countText = r.get("count");
        int count = -1;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (count < 0 || count > 1_000_000) {
            errors.add(new RowError(number, "count", "'" + countText + "' is not a whole number from 0 to 1000000"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Row(number, start.toInstant(), start.getMinute(), queueKey, queuePath, channel.get().wireName(), count);
    }

    /** The smallest gap between distinct starts of one queue and channel; an hour when no series has two rows. */
    private static int inferMinutes(List<Row> rows) {
        Map<String, TreeSet<Long>> series = new LinkedHashMap<>();
        rows.forEach(r -> series.computeIfAbsent(r.queueKey() + "/" + r.channel(), k -> new TreeSet<>()).add(r.start().getEpochSecond()));
        long smallest = Long.MAX_VALUE;
        for (TreeSet<Long> starts : series.values()) {
            Long previous = null;
            for (Long s : starts) {
                if (previous != null) smallest = Math.min(smallest, s - previous);
                previous = s;
            }
        }
        if (smallest == Long.MAX_VALUE) return 60;
        return smallest % 60 == 0 && smallest / 60 <= 60 ? (int) (smallest / 60) : -1;
    }

    private static boolean dividesAnHour(int minutes) {
        return minutes >= 1 && minutes <= 60 && 60 % minutes == 0;
    }

    /** Shares of the interval's count per quarter hour it overlaps; largest remainders keep the total exact. */
    private static void spread(Row row, int minutes, Map<Key, Long> perQuarter) {
        long startSecond = row.start().getEpochSecond();
        long endSecond = startSecond + minutes * 60L;
        List<long[]> parts = new ArrayList<>(); // quarter, overlap seconds
        for (long q = Math.floorDiv(startSecond, 900); q * 900 < endSecond; q++) {
            long overlap = Math.min(endSecond, (q + 1) * 900) - Math.max(startSecond, q * 900);
            if (overlap > 0) parts.add(new long[] {q, overlap});
        }
        long total = minutes * 60L;
        long assigned = 0;
        long[] shares = new long[parts.size()];
        double[] remainders = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            double exact = (double) row.count() * parts.get(i)[1] / total;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            assigned += shares[i];
        }
        for (long left = row.count() - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) if (remainders[i] > remainders[best]) best = i;
            shares[best]++;
            remainders[best] = -1;
        }
        for (int i = 0; i < parts.size(); i++) {
            perQuarter.merge(new Key(parts.get(i)[0], row.queueKey(), row.channel()), shares[i], Long::sum);
        }
    }
}
