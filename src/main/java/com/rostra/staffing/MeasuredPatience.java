package com.rostra.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * How long the company's own customers wait before they give up, for Erlang A. Over the last weeks of inbound
 * contacts of a queue and channel: an abandoned contact's wait is one observation of patience; an answered contact's
 * wait is a censored one (its patience was at least that long). For exponential patience the maximum-likelihood mean
 * is the total waiting time of all of them divided by the number that abandoned.
 */
@Service
public class MeasuredPatience {

    public static final int DEFAULT_WEEKS = 8;

    /** {@code meanSeconds} null when nobody abandoned in the window (no estimate: patience looks unbounded). */
    public record Patience(Double meanSeconds, long abandoned, long answered, double waitingSeconds, Instant since, int weeks) {
        public Integer wholeSeconds() {
            return meanSeconds == null ? null : (int) Math.max(1, Math.round(meanSeconds));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MeasuredPatience(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Erlang A settings without a patience of their own get the measured one (when there is one); others unchanged. */
    public StaffingSettings resolve(CompanyId company, Long queueId, String channel, StaffingSettings s) {
        if (s.patienceSeconds() != null || s.staffingModel() != StaffingModel.ERLANG_A) return s;
        Integer measured = measure(company, queueId == null ? 0 : queueId, channel, DEFAULT_WEEKS).wholeSeconds();
        return new StaffingSettings(s.serviceLevel(), s.targetSeconds(), s.ahtSeconds(), s.shrinkage(), s.maxOccupancy(),
                s.concurrency(), measured, s.slaWindowHours(), s.model());
    }

    /** {@code queueKey} 0 is every queue together (children included otherwise). */
    public Patience measure(CompanyId company, long queueKey, String channel, int weeks) {
        Instant to = clock.instant();
        Instant since = to.minus(Duration.ofDays(7L * weeks));
        long[] counts = new long[2];
        double[] waited = new double[1];
        jdbc.sql("select gladly_status, queued_at, first_responded_at, ended_at from contacts "
                        + "where company_id = ? and own_channel = ? and direction = 'INBOUND' and excluded = false "
                        + "and queued_at >= ? and queued_at < ? and gladly_status in ('ABANDONED', 'ANSWERED')"
                        + (queueKey == 0 ? "" : " and queue_path like '%," + queueKey + ",%'"))
                .params(company.value(), channel, Db.ts(since), Db.ts(to))
                .query(rs -> {
                    Instant queued = Db.instant(rs, "queued_at");
                    boolean abandoned = "ABANDONED".equals(rs.getString("gladly_status"));
                    Instant waitEnd = abandoned ? Db.instant(rs, "ended_at") : Db.instant(rs, "first_responded_at");
                    if (waitEnd == null || waitEnd.isBefore(queued)) return;
                    waited[0] += Duration.between(queued, waitEnd).toMillis() / 1000.0;
                    counts[abandoned ? 0 : 1]++;
                });
        return new Patience(counts[0] == 0 ? null : waited[0] / counts[0], counts[0], counts[1], waited[0], since, weeks);
    }
}
