package com.rostra.staffing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.rostra.contacts.Channel;
import com.rostra.platform.Db;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyId;

/**
 * Scheduled agents per queue. People's {@code queue_ids} are their skills (none: every queue). Someone scheduled on
 * the channel (a productive activity for it, or for any channel, at the middle of the interval) who serves several
 * queues counts for each in proportion to those queues' requirements with shrinkage in that interval, equally when none
 * of them requires anyone; someone serving one queue counts fully for it. Reads the schedules' activities with the
 * people's skills (the tables of the schedules and agents modules, read-only).
 */
@Component
class QueueCoverage {

    private final JdbcClient jdbc;
    private final Queues queues;

    QueueCoverage(JdbcClient jdbc, Queues queues) {
        this.jdbc = jdbc;
        this.queues = queues;
    }

    private record Block(Instant start, Instant end, List<Long> queueIds) {}

    /**
     * @param own        this queue's requirements per interval (its shares' numerators)
     * @param requiredOf another queue's requirement with shrinkage per interval, asked at most once per queue
     */
    double[] scheduledForQueue(CompanyId company, long queueId, Channel channel, List<Instant> starts, Duration interval,
                               List<Requirements.Requirement> own, LongFunction<int[]> requiredOf) {
        double[] result = new double[starts.size()];
        if (starts.isEmpty()) return result;
        Instant from = starts.get(0);
        Instant to = starts.get(starts.size() - 1).plus(interval);
        List<Block> blocks = jdbc.sql("""
                select a.start_at, a.end_at, p.queue_ids from activities a
                join activity_types t on t.id = a.activity_type_id
                join people p on p.id = a.person_id and p.company_id = a.company_id
                where a.company_id = ? and a.start_at < ? and a.end_at > ? and t.productive = true
                  and (t.channel is null or t.channel = ?)""")
                .params(company.value(), Db.ts(to), Db.ts(from), channel.wireName())
                .query((rs, i) -> new Block(Db.instant(rs, 1), Db.instant(rs, 2), ids(rs.getString(3)))).list();
        if (blocks.isEmpty()) return result;
        Set<Long> known = new HashSet<>(queues.queueIds(company));
        Map<Long, int[]> required = new HashMap<>();
        required.put(queueId, own.stream().mapToInt(Requirements.Requirement::requiredWithShrinkage).toArray());
        for (Block b : blocks) {
            List<Long> serves = new ArrayList<>();
            for (Long q : b.queueIds()) if (known.contains(q) && !serves.contains(q)) serves.add(q);
            if (serves.isEmpty()) serves.addAll(known);
            if (!serves.contains(queueId)) continue;
            for (int i = 0; i < starts.size(); i++) {
                Instant middle = starts.get(i).plus(interval.dividedBy(2));
                if (b.start().isAfter(middle) || !b.end().isAfter(middle)) continue;
                if (serves.size() == 1) {
                    result[i] += 1;
                    continue;
                }
                double total = 0;
                for (Long q : serves) total += required.computeIfAbsent(q, requiredOf::apply)[i];
                result[i] += total == 0 ? 1.0 / serves.size() : required.get(queueId)[i] / total;
            }
        }
        return result;
    }

    private static List<Long> ids(String value) {
        List<Long> ids = new ArrayList<>();
        if (value == null || value.isBlank()) return ids;
        for (String part : value.split(",")) {
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                // not a queue id: ignored
            }
        }
        return ids;
    }
}
