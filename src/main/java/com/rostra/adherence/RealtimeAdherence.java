package com.rostra.adherence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.rostra.agents.AgentState;
import com.rostra.agents.AgentStates;
import com.rostra.agents.AvailabilityChannels;
import com.rostra.agents.RealtimeAgents;
import com.rostra.agents.RealtimeView;
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ActivityType;
import com.rostra.schedules.ActivityTypes;
import com.rostra.tenancy.CompanyId;

/**
 * The realtime view with adherence: each agent's live row (agents) joined with what the person is scheduled to do
 * right now (schedules) and whether they are in adherence. The Realtime page and
 * {@code GET /api/v1/agent-states/current} ({@code RealtimeAdherenceController}) read it here; the agents module's live
 * stream gets it through {@link RealtimeView}, so agents never depends on adherence.
 */
@Service
public class RealtimeAdherence implements RealtimeView {

    /** {@code adherenceSince}: when the current in or out of adherence began (the later of state and schedule). */
    public record Row(Long personId, String gladlyAgentId, String name, String team, String state, String reason,
                      List<String> availableFor, String activityType, Boolean productive, Instant since,
                      String scheduledActivity, Boolean inAdherence, Instant adherenceSince) implements RealtimeView.Row {}

    /** What a person is scheduled to do at a moment, and the rule of its activity type (null: time off, not rated). */
    record Scheduled(String activityType, boolean productive, Instant start, Instant end, ActivityRules.Rule rule, String channel) {}

    private final RealtimeAgents agents;
    private final Activities activities;
    private final ActivityTypes types;
    private final ActivityRules rules;
    private final AgentStates states;
    private final AvailabilityChannels channels;
    private final Clock clock;
    private final AdherenceSettings settings;

    RealtimeAdherence(RealtimeAgents agents, Activities activities, ActivityTypes types, ActivityRules rules, AgentStates states,
                      AvailabilityChannels channels, Clock clock, AdherenceSettings settings) {
        this.settings = settings;
        this.agents = agents;
        this.activities = activities;
        this.types = types;
        this.rules = rules;
        this.states = states;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public List<Row> current(CompanyId company) {
        return join(company, agents.current(company));
    }

    /**
     * {@link #current} plus every staffable person Gladly has not reported yet ({@code state} null, never rated: no
     * state is not evidence of being out of adherence), for the Realtime page.
     */
    public List<Row> roster(CompanyId company) {
        return join(company, agents.roster(company));
    }

    private List<Row> join(CompanyId company, List<RealtimeAgents.Row> live) {
        Instant at = clock.instant();
        Map<Long, Scheduled> scheduled = scheduledAt(company, at);
        java.time.Duration grace = settings.get(company).grace();
        // What each scheduled agent is available for now, from the availability history (absent: never heard).
        List<String> scheduledAgents = live.stream().filter(r -> r.state() != null && r.personId() != null && scheduled.containsKey(r.personId()))
                .map(RealtimeAgents.Row::gladlyAgentId).toList();
        Map<String, Set<String>> available = new HashMap<>();
        for (AgentStates.AvailabilityEntry a : states.availability(company, scheduledAgents, at, at.plusMillis(1))) {
            available.put(a.gladlyAgentId(), Set.copyOf(channels.channels(a.availableFor())));
        }
        List<Row> rows = new ArrayList<>();
        for (RealtimeAgents.Row r : live) {
            Scheduled now = r.personId() == null ? null : scheduled.get(r.personId());
            if (r.state() == null) {
                rows.add(new Row(r.personId(), r.gladlyAgentId(), r.name(), r.team(), null, null, r.availableFor(), null, null,
                        null, now == null ? null : now.activityType(), null, null));
                continue;
            }
            Instant adherenceSince = now == null ? null : now.start().isAfter(r.since()) ? now.start() : r.since();
            ActivityRules.Rule.Fact fact = new ActivityRules.Rule.Fact(AgentState.fromWire(r.state()), r.activityType(),
                    Boolean.TRUE.equals(r.productive()), available.get(r.gladlyAgentId()));
            rows.add(new Row(r.personId(), r.gladlyAgentId(), r.name(), r.team(), r.state(), r.reason(), r.availableFor(),
                    r.activityType(), r.productive(), r.since(), now == null ? null : now.activityType(),
                    inAdherence(now, fact, at, grace), now == null || now.rule() == null ? null : adherenceSince));
        }
        return rows;
    }

    /** Scheduled activity per person id at {@code at}; people without one are absent. */
    Map<Long, Scheduled> scheduledAt(CompanyId company, Instant at) {
        Map<Long, ActivityType> byId = new HashMap<>();
        for (ActivityType t : types.list(company)) byId.put(t.id(), t);
        Map<Long, ActivityRules.Rule> rated = rules.rules(company);
        Map<Long, Scheduled> now = new HashMap<>();
        for (Activity a : activities.list(company, at, at.plusMillis(1), null)) {
            ActivityType t = byId.get(a.activityTypeId());
            now.put(a.personId(), new Scheduled(a.activityType(), t != null && t.productive(), a.start(), a.end(),
                    rated.get(a.activityTypeId()), t == null ? null : t.channel()));
        }
        return now;
    }

    /**
     * In adherence: the agent's state satisfies the rule of the scheduled activity's type ({@link ActivityRules}).
     * Null when nothing is scheduled, or time off (not rated).
     */
    static Boolean inAdherence(Scheduled scheduled, ActivityRules.Rule.Fact fact) {
        if (scheduled == null || scheduled.rule() == null) return null;
        return scheduled.rule().fits(fact, scheduled.channel());
    }

    /**
     * The badge as the report counts it: within the grace period after a block starts or before it ends, a state that
     * does not fit yet (a late log-in, an early break) is not out of adherence.
     */
    static Boolean inAdherence(Scheduled scheduled, ActivityRules.Rule.Fact fact, Instant at, java.time.Duration grace) {
        Boolean fits = inAdherence(scheduled, fact);
        if (Boolean.FALSE.equals(fits) && !grace.isZero()
                && (at.isBefore(scheduled.start().plus(grace)) || !at.isBefore(scheduled.end().minus(grace)))) {
            return Boolean.TRUE;
        }
        return fits;
    }
}
