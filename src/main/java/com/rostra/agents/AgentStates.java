package com.rostra.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.DatabaseDialect;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Applies state changes to the timeline and the current state. The timeline takes every change in its place;
 * the current state only moves forward in time, so a late event never overwrites a newer state.
 */
@Service
public class AgentStates {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final DatabaseDialect dialect;
    private final ApplicationEventPublisher events;

    AgentStates(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, DatabaseDialect dialect,
                ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    /**
     * Applies many changes at once. On PostgreSQL: one insert for the timeline (duplicates skipped by the unique
     * event id) and one upsert moving each agent's current state forward only; elsewhere one by one.
     */
    @Transactional
    public void applyAll(List<StateChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        announce(changes.stream().map(c -> Map.entry(c.companyId(), c.gladlyAgentId())).toList());
        if (!dialect.isPostgres()) {
            changes.forEach(this::applyOne);
            return;
        }
        StringBuilder sql = new StringBuilder("insert into agent_state_changes (company_id, gladly_agent_id, event_id, occurred_at, state, reason) values ");
        for (int i = 0; i < changes.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ",(?, ?, ?, ?, ?, ?)");
        }
        sql.append(" on conflict (company_id, event_id) do nothing returning company_id, gladly_agent_id, occurred_at, state, reason");
        List<StateChange> applied = template.query(sql.toString(), ps -> {
            int i = 1;
            for (StateChange c : changes) {
                ps.setLong(i++, c.companyId().value());
                ps.setString(i++, c.gladlyAgentId());
                ps.setString(i++, c.eventId());
                ps.setObject(i++, Db.ts(c.occurredAt()));
                ps.setString(i++, c.state().wireName());
                ps.setString(i++, c.reason());
            }
        }, (rs, n) -> new StateChange(new CompanyId(rs.getLong(1)), rs.getString(2), null, Db.instant(rs, 3),
                AgentState.fromWire(rs.getString(4)), rs.getString(5)));
        // Two changes at the same instant: the later delivery wins, as it does one by one (since <= excluded.since).
        // Rows are upserted in key order: concurrent writers (the webhook's group commits, the processor) then lock
        // shared agents' rows in the same order and cannot deadlock.
        Map<String, StateChange> latest = new java.util.TreeMap<>();
        for (StateChange c : applied) {
            latest.merge(c.companyId().value() + "\u0000" + c.gladlyAgentId(), c,
                    (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? a : b);
        }
        if (latest.isEmpty()) {
            return;
        }
        StringBuilder upsert = new StringBuilder("insert into agent_current_states (company_id, gladly_agent_id, state, reason, since) values ");
        int k = 0;
        for (int i = 0; i < latest.size(); i++) {
            upsert.append(k++ == 0 ? "(?, ?, ?, ?, ?)" : ",(?, ?, ?, ?, ?)");
        }
        upsert.append(" on conflict (company_id, gladly_agent_id) do update set state = excluded.state, reason = excluded.reason,")
                .append(" since = excluded.since where agent_current_states.since <= excluded.since");
        template.update(upsert.toString(), ps -> {
            int i = 1;
            for (StateChange c : latest.values()) {
                ps.setLong(i++, c.companyId().value());
                ps.setString(i++, c.gladlyAgentId());
                ps.setString(i++, c.state().wireName());
                ps.setString(i++, c.reason());
                ps.setObject(i++, Db.ts(c.occurredAt()));
            }
        });
    }

    /** Returns false when this event was applied before. */
    @Transactional
    public boolean apply(StateChange change) {
        announce(List.of(Map.entry(change.companyId(), change.gladlyAgentId())));
        return applyOne(change);
    }

    private boolean applyOne(StateChange change) {
        // Look first: on PostgreSQL a failed insert would poison the caller's whole transaction.
        boolean seen = jdbc.sql("select count(*) from agent_state_changes where company_id = ? and event_id = ?")
                .params(change.companyId().value(), change.eventId()).query(Long.class).single() > 0;
        if (seen) {
            return false;
        }
        try {
            jdbc.sql("""
                    insert into agent_state_changes (company_id, gladly_agent_id, event_id, occurred_at, state, reason)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(change.companyId().value(), change.gladlyAgentId(), change.eventId(), Db.ts(change.occurredAt()),
                            change.state().wireName(), change.reason()).update();
        } catch (DuplicateKeyException e) {
            return false;
        }
        int moved = jdbc.sql("""
                update agent_current_states set state = ?, reason = ?, since = ?
                where company_id = ? and gladly_agent_id = ? and since <= ?""")
                .params(change.state().wireName(), change.reason(), Db.ts(change.occurredAt()), change.companyId().value(),
                        change.gladlyAgentId(), Db.ts(change.occurredAt())).update();
        if (moved == 0) {
            insertIfAbsent(change.companyId(), change.gladlyAgentId(), change.state(), change.reason(), change.occurredAt());
        }
        return true;
    }

    @Transactional
    public void apply(AvailabilityChange change) {
        announce(List.of(Map.entry(change.companyId(), change.gladlyAgentId())));
        String channels = String.join(",", change.availableFor());
        int updated = jdbc.sql("""
                update agent_current_states set available_for = ?, availability_at = ?
                where company_id = ? and gladly_agent_id = ? and (availability_at is null or availability_at <= ?)""")
                .params(channels, Db.ts(change.occurredAt()), change.companyId().value(), change.gladlyAgentId(),
                        Db.ts(change.occurredAt())).update();
        if (updated == 0 && insertIfAbsent(change.companyId(), change.gladlyAgentId(),
                change.availableFor().isEmpty() ? AgentState.LOGGED_OUT : AgentState.ACTIVE, null, change.occurredAt())) {
            apply(change);
        }
    }

    private boolean insertIfAbsent(CompanyId company, String agentId, AgentState state, String reason, Instant since) {
        boolean exists = jdbc.sql("select count(*) from agent_current_states where company_id = ? and gladly_agent_id = ?")
                .params(company.value(), agentId).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        try {
            jdbc.sql("insert into agent_current_states (company_id, gladly_agent_id, state, reason, since) values (?, ?, ?, ?, ?)")
                    .params(company.value(), agentId, state.wireName(), reason, Db.ts(since)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Tells listeners which agents changed, per company; they hear it after the commit (a rolled-back change is
     * never announced), so Realtime streams only ever show stored states.
     */
    private void announce(List<Map.Entry<CompanyId, String>> changed) {
        Map<CompanyId, java.util.Set<String>> byCompany = new java.util.LinkedHashMap<>();
        changed.forEach(e -> byCompany.computeIfAbsent(e.getKey(), k -> new java.util.LinkedHashSet<>()).add(e.getValue()));
        byCompany.forEach((company, agents) -> events.publishEvent(new AgentStatesChanged(company, agents)));
    }

    public record Current(String gladlyAgentId, AgentState state, String reason, Instant since, List<String> availableFor) {}

    public List<Current> current(CompanyId company) {
        return jdbc.sql("select * from agent_current_states where company_id = ? order by gladly_agent_id")
                .param(company.value())
                .query((rs, i) -> new Current(rs.getString("gladly_agent_id"), AgentState.fromWire(rs.getString("state")),
                        rs.getString("reason"), Db.instant(rs, "since"), split(rs.getString("available_for"))))
                .list();
    }

    public record TimelineEntry(String gladlyAgentId, AgentState state, String reason, Instant start, Instant end) {}

    /** A stretch in which the webhook was silent and the Events API repair later found missed events. */
    public record Outage(Instant start, Instant end) {}

    /** Outage windows of the company overlapping [from, to), oldest first. */
    public List<Outage> outages(CompanyId company, Instant from, Instant to) {
        return jdbc.sql("select started_at, ended_at from agent_state_outages "
                        + "where company_id = ? and started_at < ? and ended_at > ? order by started_at")
                .params(company.value(), Db.ts(to), Db.ts(from))
                .query((rs, i) -> new Outage(Db.instant(rs, "started_at"), Db.instant(rs, "ended_at"))).list();
    }

    /** State entries overlapping [from, to); the last entry of an agent is open-ended (end null). */
    public List<TimelineEntry> timeline(CompanyId company, String gladlyAgentId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("""
                select * from (
                  select gladly_agent_id, state, reason, occurred_at as start_at,
                         lead(occurred_at) over (partition by gladly_agent_id order by occurred_at, id) as end_at
                  from agent_state_changes where company_id = :company""");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("company", company.value());
        if (gladlyAgentId != null) {
            sql.append(" and gladly_agent_id = :agent");
            params.put("agent", gladlyAgentId);
        }
        sql.append(") t where 1 = 1");
        if (to != null) {
            sql.append(" and start_at < :to");
            params.put("to", Db.ts(to));
        }
        if (from != null) {
            sql.append(" and (end_at is null or end_at > :from)");
            params.put("from", Db.ts(from));
        }
        sql.append(" order by gladly_agent_id, start_at");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new TimelineEntry(rs.getString("gladly_agent_id"), AgentState.fromWire(rs.getString("state")),
                        rs.getString("reason"), Db.instant(rs, "start_at"), Db.instant(rs, "end_at")))
                .list();
    }

    /** Every state and reason seen, with how often: what the mapping settings page lists. */
    public record SeenState(AgentState state, String reason, long count) {}

    public List<SeenState> seenStates(CompanyId company) {
        return jdbc.sql("""
                select state, reason, count(*) as n from agent_state_changes where company_id = ?
                group by state, reason order by state, reason""")
                .param(company.value())
                .query((rs, i) -> new SeenState(AgentState.fromWire(rs.getString("state")), rs.getString("reason"), rs.getLong("n")))
                .list();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(csv.split(",")));
    }
}
