package com.rostra.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.rostra.tenancy.CompanyId;

/** One row per Gladly agent seen: live state joined with who they are and what the state counts as. */
@Service
public class RealtimeAgents {

    /** {@code adherenceSince}: when the current in or out of adherence began (the later of state and schedule). */
    public record Row(Long personId, String gladlyAgentId, String name, String team, String state, String reason,
                      List<String> availableFor, String activityType, Boolean productive, Instant since,
                      String scheduledActivity, Boolean inAdherence, Instant adherenceSince) {}

    private final AgentStates states;
    private final People people;
    private final KnownAgents knownAgents;
    private final StateMappings mappings;

    private final org.springframework.beans.factory.ObjectProvider<ScheduleLookup> schedules;
    private final java.time.Clock clock;

    RealtimeAgents(AgentStates states, People people, KnownAgents knownAgents, StateMappings mappings,
                   org.springframework.beans.factory.ObjectProvider<ScheduleLookup> schedules, java.time.Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
        this.states = states;
        this.people = people;
        this.knownAgents = knownAgents;
        this.mappings = mappings;
    }

    public List<Row> current(CompanyId company) {
        Map<String, Person> byAgent = new HashMap<>();
        for (Person p : people.list(company)) {
            if (p.gladlyAgentId() != null) byAgent.put(p.gladlyAgentId(), p);
        }
        Map<String, KnownAgents.KnownAgent> known = new HashMap<>();
        for (KnownAgents.KnownAgent a : knownAgents.list(company)) known.put(a.gladlyAgentId(), a);
        List<StateMappings.Mapping> rules = mappings.list(company);
        ScheduleLookup lookup = schedules.getIfAvailable();
        Map<Long, ScheduleLookup.Scheduled> scheduled = lookup == null ? Map.of() : lookup.at(company, clock.instant());
        List<Row> rows = new ArrayList<>();
        for (AgentStates.Current c : states.current(company)) {
            Person p = byAgent.get(c.gladlyAgentId());
            KnownAgents.KnownAgent k = known.get(c.gladlyAgentId());
            String name = p != null ? p.name() : k != null ? k.name() : c.gladlyAgentId();
            String team = p != null && p.team() != null ? p.team() : k != null ? k.teams() : null;
            StateMappings.Mapping m = StateMappings.resolve(rules, c.state(), c.reason());
            ScheduleLookup.Scheduled now = p == null ? null : scheduled.get(p.id());
            Boolean productive = m == null ? null : m.productive();
            Instant adherenceSince = now == null ? null : now.start().isAfter(c.since()) ? now.start() : c.since();
            rows.add(new Row(p == null ? null : p.id(), c.gladlyAgentId(), name, team, c.state().wireName(), c.reason(),
                    c.availableFor(), m == null ? null : m.activityType(), productive, c.since(),
                    now == null ? null : now.activityType(), ScheduleLookup.inAdherence(now, c.state(), productive), adherenceSince));
        }
        rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }
}
