package com.rostra.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.rostra.tenancy.CompanyId;

/**
 * One row per Gladly agent seen: live state joined with who they are and what the state counts as. What they are
 * scheduled to do and whether they are in adherence is the adherence module's to add ({@link RealtimeView}).
 */
@Service
public class RealtimeAgents {

    public record Row(Long personId, String gladlyAgentId, String name, String team, String state, String reason,
                      List<String> availableFor, String activityType, Boolean productive, Instant since)
            implements RealtimeView.Row {}

    private final AgentStates states;
    private final People people;
    private final KnownAgents knownAgents;
    private final StateMappings mappings;

    RealtimeAgents(AgentStates states, People people, KnownAgents knownAgents, StateMappings mappings) {
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
        List<Row> rows = new ArrayList<>();
        for (AgentStates.Current c : states.current(company)) {
            Person p = byAgent.get(c.gladlyAgentId());
            KnownAgents.KnownAgent k = known.get(c.gladlyAgentId());
            String name = p != null ? p.name() : k != null ? k.name() : c.gladlyAgentId();
            String team = p != null && p.team() != null ? p.team() : k != null ? k.teams() : null;
            StateMappings.Mapping m = StateMappings.resolve(rules, c.state(), c.reason());
            rows.add(new Row(p == null ? null : p.id(), c.gladlyAgentId(), name, team, c.state().wireName(), c.reason(),
                    c.availableFor(), m == null ? null : m.activityType(), m == null ? null : m.productive(), c.since()));
        }
        rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /**
     * The live rows plus every staffable person Gladly has not reported a state for (state, since and the rest null):
     * a lead looks for who is missing, not only at who is there. The live stream keeps {@link #current} (one row per
     * agent seen), so its payload does not change.
     */
    public List<Row> roster(CompanyId company) {
        List<Row> rows = new ArrayList<>(current(company));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Row r : rows) if (r.personId() != null) seen.add(r.personId());
        for (Person p : people.list(company)) {
            if (!p.staffable() || seen.contains(p.id())) continue;
            rows.add(new Row(p.id(), p.gladlyAgentId(), p.name(), p.team(), null, null, List.of(), null, null, null));
        }
        rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }
}
