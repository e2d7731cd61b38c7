package com.rostra.agents;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.rostra.platform.DatabaseDialect;
import com.rostra.tenancy.CompanyId;

/**
 * Live agent states pushed to open streams (server-sent events), per company. A committed change is announced once:
 * on PostgreSQL through {@code NOTIFY}, which every node's listening connection hears (so a change stored by one node
 * reaches streams held by another, no broker needed); on the embedded database (one node) directly. Each stream gets
 * a {@code snapshot} of every agent when it opens (or reopens with {@code Last-Event-ID}: the snapshot replaces what
 * the client had), then one {@code state} event per changed agent.
 */
@Component
public class AgentStateStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentStateStream.class);
    static final String CHANNEL = "rostra_agent_states";
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final int MAX_NOTIFY_PAYLOAD = 7000;

    private final RealtimeView realtime;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final boolean postgres;
    private final Map<Long, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    /**
     * The least time between two reads of the realtime view. Under a webhook burst a batch is applied every few
     * milliseconds, and reading the whole view for each would keep the fan-out thread re-reading it back to back.
     * Changes that arrive within the gap are merged into the next delivery; the gap is a tenth of the stream's
     * 200 ms goal.
     */
    static final long DELIVERY_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ScheduledExecutorService fanOut = Executors.newSingleThreadScheduledExecutor(daemon("agent-state-stream"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("agent-state-heartbeat"));
    private final Map<Long, Set<String>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean running;
    private volatile long lastDelivery = System.nanoTime() - DELIVERY_GAP_NANOS;
    private Thread listener;

    /** Sends the realtime view (with adherence, where the adherence module provides it), else the agents' own rows. */
    AgentStateStream(ObjectProvider<RealtimeView> view, RealtimeAgents agents, JdbcClient jdbc, DataSource dataSource,
                     DatabaseDialect dialect) {
        this.realtime = view.getIfAvailable(() -> agents::current);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = dialect.isPostgres();
    }

    /** Opens a stream for the company: a snapshot of every agent now, then changes as they are stored. */
    public SseEmitter open(CompanyId company) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        List<SseEmitter> list = streams.computeIfAbsent(company.value(), k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().id(Long.toString(sequence.incrementAndGet())).name("snapshot")
                    .reconnectTime(2000).data(realtime.current(company), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            list.remove(emitter);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChange(AgentStatesChanged changed) {
        if (!postgres) {
            enqueue(changed.company(), changed.gladlyAgentIds());
            return;
        }
        String agents = String.join(",", changed.gladlyAgentIds());
        String payload = changed.company().value() + ":" + (agents.length() > MAX_NOTIFY_PAYLOAD ? "*" : agents);
        try {
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().singleRow();
        } catch (RuntimeException e) {
            // The change is stored; streams fall back to their periodic refresh until notifications flow again.
            log.warn("Could not announce agent state changes: {}", e.getMessage());
        }
    }

    /**
     * Changes that arrive while a delivery runs are merged: the next delivery reads each company's rows once for all
     * of them, so a burst costs one read per company instead of one per change.
     */
    private void enqueue(CompanyId company, Set<String> agents) {
        if (!streams.containsKey(company.value())) return;
        pending.merge(company.value(), new HashSet<>(agents), (a, b) -> {
            a.addAll(b);
            return a;
        });
        if (draining.compareAndSet(false, true)) {
            long wait = lastDelivery + DELIVERY_GAP_NANOS - System.nanoTime();
            try {
                fanOut.schedule(this::drain, Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        draining.set(false);
        lastDelivery = System.nanoTime();
        for (Long company : List.copyOf(pending.keySet())) {
            Set<String> agents = pending.remove(company);
            if (agents != null) deliver(new CompanyId(company), agents);
        }
    }

    private void deliver(CompanyId company, Set<String> agents) {
        List<SseEmitter> list = streams.get(company.value());
        if (list == null || list.isEmpty()) return;
        List<? extends RealtimeView.Row> rows = realtime.current(company).stream()
                .filter(r -> agents.contains("*") || agents.contains(r.gladlyAgentId())).toList();
        for (SseEmitter emitter : list) {
            try {
                for (RealtimeView.Row row : rows) {
                    emitter.send(SseEmitter.event().id(Long.toString(sequence.incrementAndGet())).name("state")
                            .data(row, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                list.remove(emitter);
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (notes == null) continue;
                    for (PGNotification n : notes) {
                        String p = n.getParameter();
                        int colon = p.indexOf(':');
                        CompanyId company = new CompanyId(Long.parseLong(p.substring(0, colon)));
                        Set<String> agents = Set.of(p.substring(colon + 1).split(","));
                        enqueue(company, agents);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                log.warn("Agent state notifications interrupted ({}); listening again", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** A comment line every 15 s keeps proxies from closing an idle stream and finds clients that left. */
    private void beat() {
        streams.values().forEach(list -> list.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                list.remove(emitter);
            }
        }));
    }

    @Override
    public void start() {
        running = true;
        heartbeat.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
        if (postgres) {
            listener = daemon("agent-state-listener").newThread(this::listen);
            listener.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        fanOut.shutdownNow();
        streams.values().forEach(list -> list.forEach(SseEmitter::complete));
        if (listener != null) listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
