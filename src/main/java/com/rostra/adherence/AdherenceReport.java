package com.rostra.adherence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.rostra.agents.AgentStates;
import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.agents.ScheduleLookup;
import com.rostra.agents.StateMappings;
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ActivityType;
import com.rostra.schedules.ActivityTypes;
import com.rostra.tenancy.CompanyId;

/**
 * Adherence per person over a range: of the scheduled time, how much the agent's state matched (productive
 * state on a productive activity, anything else on a break, meeting or time off); conformance: productive time
 * worked against productive time scheduled. Time after now does not count yet.
 */
@Service
public class AdherenceReport {

    public record PersonAdherence(long personId, long scheduledSeconds, long inAdherenceSeconds, Double adherence,
                                  Double conformance) {}

    private final People people;
    private final AgentStates states;
    private final StateMappings mappings;
    private final Activities activities;
    private final ActivityTypes types;
    private final Clock clock;

    AdherenceReport(People people, AgentStates states, StateMappings mappings, Activities activities, ActivityTypes types,
                    Clock clock) {
        this.people = people;
        this.states = states;
        this.mappings = mappings;
        this.activities = activities;
        this.types = types;
        this.clock = clock;
    }

    public List<PersonAdherence> report(CompanyId company, Instant from, Instant to, Long personId) {
        Instant end = to.isAfter(clock.instant()) ? clock.instant() : to;
        Map<Long, Boolean> productiveType = new HashMap<>();
        for (ActivityType t : types.list(company)) productiveType.put(t.id(), t.productive());
        Map<Long, List<Activity>> byPerson = new HashMap<>();
        if (end.isAfter(from)) {
            activities.list(company, from, end, personId).forEach(a -> byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        }
        List<StateMappings.Mapping> rules = mappings.list(company);
        List<PersonAdherence> result = new ArrayList<>();
        for (Person p : people.list(company)) {
            if (personId != null && p.id() != personId) continue;
            List<Activity> blocks = byPerson.getOrDefault(p.id(), List.of());
            if (blocks.isEmpty() && personId == null) continue;
            List<AgentStates.TimelineEntry> timeline = p.gladlyAgentId() == null || !end.isAfter(from) ? List.of()
                    : states.timeline(company, p.gladlyAgentId(), from, end);
            long scheduled = 0;
            long inAdherence = 0;
            long scheduledProductive = 0;
            for (Activity a : blocks) {
                Instant s = max(a.start(), from);
                Instant e = min(a.end(), end);
                if (!e.isAfter(s)) continue;
                boolean productive = productiveType.getOrDefault(a.activityTypeId(), false);
                ScheduleLookup.Scheduled planned = new ScheduleLookup.Scheduled(a.activityType(), productive, a.start(), a.end());
                scheduled += Duration.between(s, e).getSeconds();
                if (productive) scheduledProductive += Duration.between(s, e).getSeconds();
                long covered = 0;
                for (AgentStates.TimelineEntry t : timeline) {
                    Instant ts = max(t.start(), s);
                    Instant te = min(t.end() == null ? end : t.end(), e);
                    if (!te.isAfter(ts)) continue;
                    covered += Duration.between(ts, te).getSeconds();
                    StateMappings.Mapping m = StateMappings.resolve(rules, t.state(), t.reason());
                    if (Boolean.TRUE.equals(ScheduleLookup.inAdherence(planned, t.state(), m == null ? null : m.productive()))) {
                        inAdherence += Duration.between(ts, te).getSeconds();
                    }
                }
                // Where no state is known (before the first one, or no Gladly id at all) the agent was not logged in:
                // in adherence only off productive work.
                if (!productive) inAdherence += Duration.between(s, e).getSeconds() - covered;
            }
            long worked = 0;
            for (AgentStates.TimelineEntry t : timeline) {
                Instant ts = max(t.start(), from);
                Instant te = min(t.end() == null ? end : t.end(), end);
                if (!te.isAfter(ts)) continue;
                StateMappings.Mapping m = StateMappings.resolve(rules, t.state(), t.reason());
                if (t.state() != com.rostra.agents.AgentState.LOGGED_OUT && m != null && m.productive()) {
                    worked += Duration.between(ts, te).getSeconds();
                }
            }
            result.add(new PersonAdherence(p.id(), scheduled, inAdherence,
                    scheduled == 0 ? null : round((double) inAdherence / scheduled),
                    scheduledProductive == 0 ? null : round((double) worked / scheduledProductive)));
        }
        return result;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
