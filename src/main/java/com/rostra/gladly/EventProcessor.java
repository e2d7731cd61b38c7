package com.rostra.gladly;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.agents.AgentState;
import com.rostra.agents.AgentStates;
import com.rostra.agents.AvailabilityChange;
import com.rostra.agents.StateChange;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;
import com.rostra.contacts.ContactStore;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

/**
 * Turns stored Gladly events into agent states (and provisional contacts). Runs right after a delivery is
 * stored and on a sweep, so events stored by a node that died are processed too. Applying is idempotent
 * (keyed by event id), so two nodes draining at once do no harm.
 */
@Component
class EventProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);
    private static final int BATCH = 500;
    private static final int MAX_REASON = 300;
    private static final int MAX_AVAILABLE_FOR = 100;
    private static final int MAX_LABEL = 300;

    private final JdbcClient jdbc;
    private final AgentStates agentStates;
    private final ContactStore contactStore;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gladly-event-processor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Counter quarantined;

    EventProcessor(JdbcClient jdbc, AgentStates agentStates, ContactStore contactStore, TransactionTemplate tx, Clock clock,
                   MeterRegistry meters) {
        this.quarantined = Counter.builder("rostra.gladly.events.quarantined")
                .description("Gladly events that could not be applied and were set aside").register(meters);
        this.jdbc = jdbc;
        this.agentStates = agentStates;
        this.contactStore = contactStore;
        this.tx = tx;
        this.clock = clock;
    }

    /** Something new was stored: drain soon (coalesces bursts into one drain). */
    void signal() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(fixedDelayString = "${rostra.gladly.event-sweep:2s}")
    void sweep() {
        signal();
    }

    private void drain() {
        pending.set(false);
        try {
            while (drainBatch() == BATCH) {
                // keep going while full batches come back
            }
        } catch (RuntimeException e) {
            log.error("Processing Gladly events failed; the next sweep retries", e);
        }
    }

    private record Stored(long id, CompanyId company, String type, String body) {}

    int drainBatch() {
        List<Stored> batch = jdbc.sql("select id, company_id, type, body from gladly_events where processed_at is null order by id limit ?")
                .param(BATCH)
                .query((rs, i) -> new Stored(rs.getLong(1), new CompanyId(rs.getLong(2)), rs.getString(3), rs.getString(4)))
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            applyInTransaction(batch);
        } catch (RuntimeException e) {
            if (transientFailure(e)) {
                throw e;
            }
            // One event (of any company) must not hold back the others: apply them one by one and set aside
            // only those that fail alone.
            log.warn("Applying {} Gladly events together failed ({}); applying them one by one", batch.size(), reason(e));
            for (Stored one : batch) {
                try {
                    applyInTransaction(List.of(one));
                } catch (RuntimeException failure) {
                    if (transientFailure(failure)) {
                        throw failure;
                    }
                    quarantine(one, failure);
                }
            }
        }
        return batch.size();
    }

    private void applyInTransaction(List<Stored> batch) {
        tx.executeWithoutResult(status -> {
            List<Long> ids = new ArrayList<>();
            List<StateChange> changes = new ArrayList<>();
            List<AvailabilityChange> availability = new ArrayList<>();
            for (Stored e : batch) {
                apply(e, changes, availability);
                ids.add(e.id());
            }
            // States first: an availability update must not create an agent's row ahead of its LOGGED_IN.
            agentStates.applyAll(changes);
            availability.forEach(agentStates::apply);
            Instant now = clock.instant();
            for (int i = 0; i < ids.size(); i += 200) {
                List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 200));
                jdbc.sql("update gladly_events set processed_at = :now where id in (:ids)")
                        .param("now", Db.ts(now)).param("ids", chunk).update();
            }
        });
    }

    /** The database (or the connection to it) is away: nothing is wrong with the events, so try again later. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /** Marks the event processed with its error: kept, counted and shown, never retried in a loop. */
    private void quarantine(Stored event, RuntimeException failure) {
        String reason = reason(failure);
        Instant now = clock.instant();
        jdbc.sql("update gladly_events set processed_at = ?, quarantined_at = ?, quarantine_reason = ? where id = ?")
                .params(Db.ts(now), Db.ts(now), Db.fit(reason, 1000), event.id()).update();
        quarantined.increment();
        log.warn("Gladly event {} ({}) of company {} could not be applied and was quarantined: {}", event.id(), event.type(),
                event.company(), reason);
    }

    static String reason(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int nl = message.indexOf('\n');
        return nl > 0 ? message.substring(0, nl) : message;
    }

    private void apply(Stored stored, List<StateChange> changes, List<AvailabilityChange> availability) {
        JsonNode event = GladlyClient.JSON.readTree(stored.body());
        JsonNode content = event.get("content");
        String id = GladlyClient.text(event, "id");
        if (content == null) {
            return;
        }
        String agentId = GladlyClient.text(content, "agentId");
        Instant occurredAt = GladlyEvents.time(GladlyClient.text(content, "occurredAt"));
        if (occurredAt == null) {
            occurredAt = GladlyEvents.time(GladlyClient.text(event, "timestamp"));
        }
        switch (stored.type()) {
            case "AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/RETURNED_FROM_AWAY", "AGENT_STATUS/CHANGED_ACTIVE_REASON" ->
                    state(changes, stored, id, agentId, occurredAt, AgentState.ACTIVE, reasonName(content, "activeReason"));
            case "AGENT_STATUS/WENT_AWAY" -> state(changes, stored, id, agentId, occurredAt, AgentState.AWAY, reasonName(content, "awayReason"));
            case "AGENT_STATUS/LOGGED_OUT" -> state(changes, stored, id, agentId, occurredAt, AgentState.LOGGED_OUT, null);
            case "AGENT_AVAILABILITY/UPDATED" -> {
                if (agentId != null && occurredAt != null) {
                    List<String> channels = new ArrayList<>();
                    JsonNode available = content.get("availableFor");
                    int length = 0;
                    if (available != null) {
                        for (JsonNode c : available) {
                            String channel = c.asString();
                            // The list is stored joined by commas in 100 characters; channels past that are dropped.
                            if (channel == null || channels.contains(channel)) continue;
                            int added = length + (channels.isEmpty() ? 0 : 1) + channel.length();
                            if (added > MAX_AVAILABLE_FOR) break;
                            channels.add(channel);
                            length = added;
                        }
                    }
                    availability.add(new AvailabilityChange(stored.company(), agentId, occurredAt, channels));
                }
            }
            case "CONTACT/STARTED" -> provisionalContact(stored.company(), event, content, occurredAt);
            default -> {
                // Recorded and acknowledged; nothing derives from it yet.
            }
        }
    }

    /**
     * The agent state change an AGENT_STATUS event stands for, or null when the event is of another type or lacks its
     * agent or time. The webhook applies these as it stores them; the drain applies the rest, and these too when the
     * webhook's commit could not (the same mapping either way).
     */
    static StateChange stateChange(CompanyId company, String type, String eventId, String agentId, Instant occurredAt,
                                   JsonNode content) {
        if (agentId == null || occurredAt == null || content == null || type == null) {
            return null;
        }
        return switch (type) {
            case "AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/RETURNED_FROM_AWAY", "AGENT_STATUS/CHANGED_ACTIVE_REASON" ->
                    new StateChange(company, agentId, eventId, occurredAt, AgentState.ACTIVE, reasonName(content, "activeReason"));
            case "AGENT_STATUS/WENT_AWAY" ->
                    new StateChange(company, agentId, eventId, occurredAt, AgentState.AWAY, reasonName(content, "awayReason"));
            case "AGENT_STATUS/LOGGED_OUT" -> new StateChange(company, agentId, eventId, occurredAt, AgentState.LOGGED_OUT, null);
            default -> null;
        };
    }

    private void state(List<StateChange> changes, Stored stored, String eventId, String agentId, Instant occurredAt,
                       AgentState state, String reason) {
        if (agentId == null || occurredAt == null) {
            log.warn("Gladly event {} has no agentId or occurredAt; kept raw, not applied", eventId);
            return;
        }
        changes.add(new StateChange(stored.company(), agentId, eventId, occurredAt, state, reason));
    }

    private static String reasonName(JsonNode content, String field) {
        JsonNode reason = content.get(field);
        // Longer names than the column holds are stored shortened: a label, not a key.
        return reason == null || reason.isNull() ? null : Db.fit(GladlyClient.text(reason, "name"), MAX_REASON);
    }

    private void provisionalContact(CompanyId company, JsonNode event, JsonNode content, Instant at) {
        String contactId = GladlyClient.text(content, "contactId");
        String channel = GladlyClient.text(content, "channel");
        if (contactId == null || channel == null || at == null) {
            return;
        }
        JsonNode assignee = content.path("context").path("assignee");
        String inbox = assignee.isMissingNode() ? null : GladlyClient.text(assignee, "inboxId");
        String initiatorType = GladlyClient.text(event.path("initiator"), "type");
        // Ids are keys and stay whole (an over-long one fails and quarantines the event); labels are shortened.
        contactStore.insertIfAbsent(company, new ContactRecord(contactId, GladlyClient.text(content, "conversationId"),
                GladlyClient.text(content, "customerId"), GladlyMapping.channel(channel).orElse(null), channel,
                "AGENT".equals(initiatorType) ? "OUTBOUND" : "INBOUND", null, Db.fit(GladlyClient.text(content, "entryPoint"), MAX_LABEL),
                Db.fit(GladlyClient.text(content, "finalIVRSelection"), MAX_LABEL), inbox, inbox, null, null, ContactStatus.OPEN, null, at, at,
                null, null, null, null, null, null, null));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
