package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.platform.DatabaseDialect;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Gladly's Reports API allows 10 calls per sliding minute per organization. A token bucket can only promise that
 * by running slower (9/min with capacity 1), so this keeps the exact rule instead: a log of when recent calls
 * started, and a new call waits until the 10th most recent one is a window (plus a margin for network jitter)
 * old. On PostgreSQL the log is a table guarded by a transaction-scoped advisory lock per company and read
 * against the database clock, so every node shares it; on the embedded H2 database (one node) it is in memory.
 */
@Component
class ReportPacing {

    private static final int LOCK_SPACE = 7301;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean shared;
    private final int perWindow;
    private final Duration window;
    private final Map<Long, Deque<Instant>> local = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    ReportPacing(JdbcClient jdbc, TransactionTemplate tx, DatabaseDialect dialect, GladlyProperties properties) {
        this(jdbc, tx, dialect.isPostgres(), properties.reportsPerMinute(),
                Duration.ofMinutes(1).plus(properties.reportWindowMargin()));
    }

    ReportPacing(JdbcClient jdbc, TransactionTemplate tx, boolean shared, int perWindow, Duration window) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.shared = shared;
        this.perWindow = perWindow;
        this.window = window;
    }

    /** Blocks until one Reports API call may start for this company, and records that it starts now. */
    void acquire(CompanyId company) throws InterruptedException {
        while (true) {
            Duration wait = shared ? tryShared(company) : tryLocal(company);
            if (wait == null) {
                return;
            }
            Thread.sleep(Math.max(5, wait.toMillis()));
        }
    }

    /** Null when the call may start (and is recorded), otherwise how long to wait before asking again. */
    private Duration tryShared(CompanyId company) {
        return tx.execute(status -> {
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) as locked")
                    .params(LOCK_SPACE, (int) company.value()).query(Integer.class).single();
            Instant now = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
            List<Instant> recent = jdbc.sql("""
                    select started_at from gladly_report_starts where company_id = ? order by started_at desc limit ?""")
                    .params(company.value(), perWindow)
                    .query((rs, i) -> Db.instant(rs, 1)).list();
            Duration wait = waitFor(recent, now);
            if (wait == null) {
                jdbc.sql("insert into gladly_report_starts (company_id, started_at) values (?, ?)")
                        .params(company.value(), Db.ts(now)).update();
                jdbc.sql("delete from gladly_report_starts where company_id = ? and started_at < ?")
                        .params(company.value(), Db.ts(now.minus(window.multipliedBy(2)))).update();
            }
            return wait;
        });
    }

    private Duration tryLocal(CompanyId company) {
        Deque<Instant> starts = local.computeIfAbsent(company.value(), k -> new ArrayDeque<>());
        synchronized (starts) {
            Instant now = Instant.now();
            List<Instant> newestFirst = new java.util.ArrayList<>();
            starts.descendingIterator().forEachRemaining(newestFirst::add);
            Duration wait = waitFor(newestFirst, now);
            if (wait == null) {
                starts.addLast(now);
                while (starts.size() > perWindow) starts.removeFirst();
            }
            return wait;
        }
    }

    /** {@code recent} newest first. */
    private Duration waitFor(List<Instant> recent, Instant now) {
        if (recent.size() < perWindow) {
            return null;
        }
        Instant allowed = recent.get(perWindow - 1).plus(window);
        return allowed.isAfter(now) ? Duration.between(now, allowed) : null;
    }
}
