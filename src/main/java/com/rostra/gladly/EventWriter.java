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

import com.rostra.agents.AgentStates;
import com.rostra.agents.StateChange;
import com.rostra.platform.DatabaseDialect;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Group commit for incoming events: concurrent webhook requests hand their event to a writer, which stores
 * everything waiting in one transaction and then releases every request it contains. Nothing is acknowledged
 * before its commit; under load one commit carries many deliveries instead of one each.
 * <p>
 * On PostgreSQL, agent state changes (AGENT_STATUS events, by far the most frequent) are applied in that same transaction and
 * their rows stored as processed: one set-based insert and upsert per batch instead of the EventProcessor reading
 * the bodies back, parsing them again and rewriting every row to mark it processed. Every other event is stored
 * unprocessed and the processor is signalled. When applying fails, the batch is stored again without applying
 * (the processor then applies, or quarantines, each event as before): storing never depends on applying.
 */
@Component
class EventWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventWriter.class);
    private static final int MAX_BATCH = 400;
    private static final int WRITERS = 2;

    record Pending(CompanyId company, String eventId, String type, String agentId, Instant occurredAt, String body,
                   String source, StateChange change, CompletableFuture<Boolean> stored) {}

    private final JdbcTemplate jdbc;
    private final AgentStates agentStates;
    private final EventProcessor processor;
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

    EventWriter(JdbcTemplate jdbc, AgentStates agentStates, EventProcessor processor, DatabaseDialect dialect,
                TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.agentStates = agentStates;
        this.processor = processor;
        this.dialect = dialect;
        this.tx = tx;
        this.clock = clock;
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(this::loop);
        }
    }

    /**
     * Completes with true when stored, false when it was a duplicate; fails when it could not be stored.
     * {@code change}: the agent state change the event stands for (applied in the same commit), or null.
     */
    CompletableFuture<Boolean> submit(CompanyId company, String eventId, String type, String agentId, Instant occurredAt,
                                      String body, String source, StateChange change) {
        Pending p = new Pending(company, eventId, type, agentId, occurredAt, body, source, change, new CompletableFuture<>());
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
                Written inserted;
                // Applied here only on PostgreSQL, whose upsert is safe between the concurrent writers; the
                // embedded database's look-then-insert is not, so there the single processor thread applies.
                boolean apply = dialect.isPostgres();
                try {
                    inserted = tx.execute(status -> write(batch, apply));
                } catch (RuntimeException applying) {
                    if (!apply) {
                        throw applying;
                    }
                    // Whatever went wrong (a bad event, a lock conflict with another writer, an outage), try storing
                    // alone: the delivery must not fail because its state could not be applied yet.
                    log.warn("Applying {} Gladly events as they were stored failed ({}); storing them for the processor",
                            batch.size(), EventProcessor.reason(applying));
                    inserted = tx.execute(status -> write(batch, false));
                }
                complete(batch, inserted);
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

    /** Releases the requests; signals the processor when a stored event still needs it. */
    private void complete(List<Pending> batch, Written written) {
        for (Pending p : batch) {
            p.stored().complete(written.inserted().contains(p));
        }
        if (written.leftForProcessor()) {
            processor.signal();
        }
    }

    private void writeAlone(Pending p) {
        try {
            Written written = tx.execute(status -> write(List.of(p), false));
            complete(List.of(p), written);
        } catch (RuntimeException e) {
            log.warn("Could not store Gladly event {} of company {}: {}", p.eventId(), p.company(), EventProcessor.reason(e));
            p.stored().completeExceptionally(e);
        }
    }

    /** The deliveries stored by a write (not duplicates), and whether any of them still needs the processor. */
    record Written(Set<Pending> inserted, boolean leftForProcessor) {}

    /**
     * Stores the batch; with {@code apply}, the state changes among the newly stored events are applied in the same
     * transaction and those rows are stored already processed.
     */
    private Written write(List<Pending> batch, boolean apply) {
        // One delivery per (company, event id) in the batch; a repeat inside the batch is a duplicate.
        Map<String, Pending> unique = new LinkedHashMap<>();
        for (Pending p : batch) {
            unique.putIfAbsent(p.company().value() + "\u0000" + p.eventId(), p);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Object received = Db.ts(now);
        Set<Pending> inserted = new HashSet<>();
        if (dialect.isPostgres()) {
            List<Pending> rows = new ArrayList<>(unique.values());
            StringBuilder sql = new StringBuilder(96 + rows.size() * 28).append(
                    "insert into gladly_events (company_id, event_id, type, agent_id, occurred_at, received_at, source, body, processed_at) values ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
                    ps.setObject(i++, received);
                    ps.setString(i++, p.source());
                    ps.setString(i++, p.body());
                    setNullable(ps, i++, apply && p.change() != null ? received : null);
                }
            }, (rs, n) -> rs.getLong(1) + "\u0000" + rs.getString(2)));
            unique.forEach((key, p) -> { if (keys.contains(key)) inserted.add(p); });
        } else {
            for (Pending p : unique.values()) {
                try {
                    jdbc.update("""
                            insert into gladly_events (company_id, event_id, type, agent_id, occurred_at, received_at, source, body, processed_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", p.company().value(), p.eventId(), p.type(), p.agentId(),
                            Db.ts(p.occurredAt()), received, p.source(), p.body(), apply && p.change() != null ? received : null);
                    inserted.add(p);
                } catch (DuplicateKeyException e) {
                    // already stored: a replay
                }
            }
        }
        // In arrival order, as the processor would apply them (two changes at the same instant: the later wins).
        boolean leftForProcessor = false;
        List<StateChange> changes = new ArrayList<>();
        for (Pending p : unique.values()) {
            if (!inserted.contains(p)) {
                continue;
            }
            if (apply && p.change() != null) {
                changes.add(p.change());
            } else {
                leftForProcessor = true;
            }
        }
        if (!changes.isEmpty()) {
            agentStates.applyAll(changes);
        }
        return new Written(inserted, leftForProcessor);
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
