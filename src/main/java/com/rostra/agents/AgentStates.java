package com.rostra.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
        Map<String, StateChange> latest = new TreeMap<>();
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
        recordAvailability(change, channels);
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

    /** Keeps the availability history (adherence reads it); a change at the same instant replaces the earlier one. */
    private void recordAvailability(AvailabilityChange change, String channels) {
        if (dialect.isPostgres()) {
            jdbc.sql("""
                    insert into agent_availability_changes (company_id, gladly_agent_id, occurred_at, available_for)
                    values (?, ?, ?, ?) on conflict (company_id, gladly_agent_id, occurred_at)
                    do update set available_for = excluded.available_for""")
                    .params(change.companyId().value(), change.gladlyAgentId(), Db.ts(change.occurredAt()), channels).update();
            return;
        }
        int updated = jdbc.sql("update agent_availability_changes set available_for = ? where company_id = ? and gladly_agent_id = ? and occurred_at = ?")
                .params(channels, change.companyId().value(), change.gladlyAgentId(), Db.ts(change.occurredAt())).update();
        if (updated == 0) {
            jdbc.sql("insert into agent_availability_changes (company_id, gladly_agent_id, occurred_at, available_for) values (?, ?, ?, ?)")
                    .params(change.companyId().value(), change.gladlyAgentId(), Db.ts(change.occurredAt()), channels).update();
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
        Map<CompanyId, Set<String>> byCompany = new LinkedHashMap<>();
        changed.forEach(e -> byCompany.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue()));
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
        Map<String, Object> params = new HashMap<>();
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

    /**
     * The state timelines of several agents over [from, to), sorted by agent and start, for reads in bulk (adherence
     * over a range, a chunk of people at a time): the entry in effect at {@code from} and every change before
     * {@code to}. Ends are the next change of the agent; the last entry's end is null (it lasts at least to
     * {@code to}, or is still current). Bounded by the range: history before {@code from} is read through the index.
     */
    public List<TimelineEntry> timelines(CompanyId company, Collection<String> agentIds, Instant from, Instant to) {
        if (agentIds.isEmpty()) return List.of();
        List<TimelineEntry> rows = jdbc.sql("""
                select c.gladly_agent_id, c.state, c.reason, c.occurred_at, c.id from agent_state_changes c
                left join (select gladly_agent_id, max(occurred_at) as first_at from agent_state_changes
                           where company_id = :company and gladly_agent_id in (:agents) and occurred_at <= :from
                           group by gladly_agent_id) b on b.gladly_agent_id = c.gladly_agent_id
                where c.company_id = :company and c.gladly_agent_id in (:agents) and c.occurred_at < :to
                  and c.occurred_at >= coalesce(b.first_at, :from)""")
                .param("company", company.value()).param("agents", List.copyOf(agentIds))
                .param("from", Db.ts(from)).param("to", Db.ts(to))
                .query((rs, i) -> new Row(new TimelineEntry(rs.getString(1), AgentState.fromWire(rs.getString(2)), rs.getString(3),
                        Db.instant(rs, 4), null), rs.getLong(5)))
                .list().stream()
                // Sorted here rather than by the database: a sort of every row there costs more than the query itself.
                .collect(Collectors.groupingBy(r -> r.entry().gladlyAgentId(), TreeMap::new,
                        Collectors.toList()))
                .values().stream()
                .flatMap(perAgent -> perAgent.stream().sorted(Comparator.comparing((Row r) -> r.entry().start()).thenComparingLong(Row::id)))
                .map(Row::entry).toList();
        List<TimelineEntry> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TimelineEntry t = rows.get(i);
            TimelineEntry next = i + 1 < rows.size() && rows.get(i + 1).gladlyAgentId().equals(t.gladlyAgentId()) ? rows.get(i + 1) : null;
            out.add(new TimelineEntry(t.gladlyAgentId(), t.state(), t.reason(), t.start(), next == null ? null : next.start()));
        }
        return out;
    }

    private record Row(TimelineEntry entry, long id) {}

    /** What an agent was available for (Gladly's codes, {@code []} = unavailable) from {@code start} to {@code end}. */
    public record AvailabilityEntry(String gladlyAgentId, List<String> availableFor, Instant start, Instant end) {}

    /**
     * The availability histories of several agents over [from, to), sorted by agent and start, shaped like
     * {@link #timelines}: the entry in effect at {@code from}, every change before {@code to}, the last end null.
     * Before an agent's first availability change nothing is known (no entry).
     */
    public List<AvailabilityEntry> availability(CompanyId company, Collection<String> agentIds, Instant from, Instant to) {
        if (agentIds.isEmpty()) return List.of();
        List<AvailabilityEntry> rows = jdbc.sql("""
                select c.gladly_agent_id, c.available_for, c.occurred_at from agent_availability_changes c
                left join (select gladly_agent_id, max(occurred_at) as first_at from agent_availability_changes
                           where company_id = :company and gladly_agent_id in (:agents) and occurred_at <= :from
                           group by gladly_agent_id) b on b.gladly_agent_id = c.gladly_agent_id
                where c.company_id = :company and c.gladly_agent_id in (:agents) and c.occurred_at < :to
                  and c.occurred_at >= coalesce(b.first_at, :from)""")
                .param("company", company.value()).param("agents", List.copyOf(agentIds))
                .param("from", Db.ts(from)).param("to", Db.ts(to))
                .query((rs, i) -> new AvailabilityEntry(rs.getString(1), split(rs.getString(2)), Db.instant(rs, 3), null))
                .list().stream()
                .sorted(Comparator.comparing(AvailabilityEntry::gladlyAgentId).thenComparing(AvailabilityEntry::start))
                .toList();
        List<AvailabilityEntry> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AvailabilityEntry a = rows.get(i);
            AvailabilityEntry next = i + 1 < rows.size() && rows.get(i + 1).gladlyAgentId().equals(a.gladlyAgentId()) ? rows.get(i + 1) : null;
            out.add(new AvailabilityEntry(a.gladlyAgentId(), a.availableFor(), a.start(), next == null ? null : next.start()));
        }
        return out;
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
