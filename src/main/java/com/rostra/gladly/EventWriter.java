package com.rostra.gladly;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.platform.DatabaseDialect;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Group commit for incoming events: concurrent webhook requests hand their event to a writer, which stores
 * everything waiting in one transaction and then releases every request it contains. Nothing is acknowledged
 * before its commit; under load one commit carries many deliveries instead of one each.
 */
@Component
class EventWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventWriter.class);
    private static final int MAX_BATCH = 400;
    private static final int WRITERS = 2;

    record Pending(CompanyId company, String eventId, String type, String agentId, Instant occurredAt, String body,
                   String source, CompletableFuture<Boolean> stored) {}

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
        Thread t = new Thread(r, "gladly-event-writer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;

    EventWriter(JdbcTemplate jdbc, DatabaseDialect dialect, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.tx = tx;
        this.clock = clock;
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(this::loop);
        }
    }

    /** Completes with true when stored, false when it was a duplicate; fails when it could not be stored. */
    CompletableFuture<Boolean> submit(CompanyId company, String eventId, String type, String agentId, Instant occurredAt,
                                      String body, String source) {
        Pending p = new Pending(company, eventId, type, agentId, occurredAt, body, source, new CompletableFuture<>());
        if (!queue.offer(p)) {
            p.stored().completeExceptionally(new IllegalStateException("event intake is saturated"));
        }
        return p.stored();
    }

    private void loop() {
        while (running) {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                Set<Pending> inserted = tx.execute(status -> write(batch));
                for (Pending p : batch) {
                    p.stored().complete(inserted.contains(p));
                }
            } catch (RuntimeException e) {
                if (batch.size() == 1 || EventProcessor.transientFailure(e)) {
                    log.error("Could not store {} Gladly events; none acknowledged", batch.size(), e);
                    batch.forEach(p -> p.stored().completeExceptionally(e));
                } else {
                    // One bad row must not fail the other deliveries (other companies') that shared its commit.
                    log.warn("Storing {} Gladly events together failed ({}); storing them one by one", batch.size(),
                            EventProcessor.reason(e));
                    for (Pending p : batch) {
                        writeAlone(p);
                    }
                }
            }
        }
    }

    private void writeAlone(Pending p) {
        try {
            Set<Pending> inserted = tx.execute(status -> write(List.of(p)));
            p.stored().complete(inserted.contains(p));
        } catch (RuntimeException e) {
            log.warn("Could not store Gladly event {} of company {}: {}", p.eventId(), p.company(), EventProcessor.reason(e));
            p.stored().completeExceptionally(e);
        }
    }

    private Set<Pending> write(List<Pending> batch) {
        // One delivery per (company, event id) in the batch; a repeat inside the batch is a duplicate.
        Map<String, Pending> unique = new LinkedHashMap<>();
        for (Pending p : batch) {
            unique.putIfAbsent(p.company().value() + "\u0000" + p.eventId(), p);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Set<Pending> inserted = new HashSet<>();
        if (dialect.isPostgres()) {
            List<Pending> rows = new ArrayList<>(unique.values());
            StringBuilder sql = new StringBuilder("insert into gladly_events (company_id, event_id, type, agent_id, occurred_at, received_at, source, body) values ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            }
            sql.append(" on conflict (company_id, event_id) do nothing returning company_id, event_id");
            Set<String> keys = new HashSet<>(jdbc.query(sql.toString(), ps -> {
                int i = 1;
                for (Pending p : rows) {
                    ps.setLong(i++, p.company().value());
                    ps.setString(i++, p.eventId());
                    ps.setString(i++, p.type());
                    setNullable(ps, i++, p.agentId());
                    setNullable(ps, i++, Db.ts(p.occurredAt()));
                    ps.setObject(i++, Db.ts(now));
                    ps.setString(i++, p.source());
                    ps.setString(i++, p.body());
                }
            }, (rs, n) -> rs.getLong(1) + "\u0000" + rs.getString(2)));
            unique.forEach((key, p) -> { if (keys.contains(key)) inserted.add(p); });
            return inserted;
        }
        for (Pending p : unique.values()) {
            try {
                jdbc.update("""
                        insert into gladly_events (company_id, event_id, type, agent_id, occurred_at, received_at, source, body)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""", p.company().value(), p.eventId(), p.type(), p.agentId(),
                        Db.ts(p.occurredAt()), Db.ts(now), p.source(), p.body());
                inserted.add(p);
            } catch (DuplicateKeyException e) {
                // already stored: a replay
            }
        }
        return inserted;
    }

    private static void setNullable(java.sql.PreparedStatement ps, int index, Object value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, value);
        }
    }

    @Override
    public void destroy() {
        running = false;
        writers.shutdownNow();
    }
}
