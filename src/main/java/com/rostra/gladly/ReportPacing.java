package com.rostra.gladly;

import java.time.Clock;
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
 * Time and waiting are injected so the rule can be tested on a clock the test moves.
 */
@Component
class ReportPacing {

    private static final int LOCK_SPACE = 7301;
    private static final Duration MIN_PAUSE = Duration.ofMillis(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean shared;
    private final int perWindow;
    private final Duration window;
    private final Map<Long, Deque<Instant>> local = new ConcurrentHashMap<>();
    /** Null on the shared path in production: there every node reads the database's clock. */
    private final Clock clock;
    private final Sleeper sleeper;

    /** How a caller waits; tests pass one that moves their clock instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    @org.springframework.beans.factory.annotation.Autowired
    ReportPacing(JdbcClient jdbc, TransactionTemplate tx, DatabaseDialect dialect, GladlyProperties properties, Clock clock) {
        this(jdbc, tx, dialect.isPostgres(), properties.reportsPerMinute(),
                Duration.ofMinutes(1).plus(properties.reportWindowMargin()), dialect.isPostgres() ? null : clock,
                d -> Thread.sleep(d.toMillis()));
    }

    ReportPacing(JdbcClient jdbc, TransactionTemplate tx, boolean shared, int perWindow, Duration window, Clock clock,
                 Sleeper sleeper) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.shared = shared;
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until one Reports API call may start for this company, and records that it starts now. */
    void acquire(CompanyId company) throws InterruptedException {
        while (true) {
            Duration wait = tryAcquire(company);
            if (wait == null) {
                return;
            }
            sleeper.sleep(wait.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : wait);
        }
    }

    /** Starts a call now (recorded, returns null) or says how long to wait before asking again. */
    Duration tryAcquire(CompanyId company) {
        return shared ? tryShared(company) : tryLocal(company);
    }

    /** Null when the call may start (and is recorded), otherwise how long to wait before asking again. */
    private Duration tryShared(CompanyId company) {
        return tx.execute(status -> {
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) as locked")
                    .params(LOCK_SPACE, (int) company.value()).query(Integer.class).single();
            Instant now = clock != null ? clock.instant()
                    : jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
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
            Instant now = clock.instant();
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
