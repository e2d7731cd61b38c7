package com.rostra.adherence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.rostra.agents.AgentState;
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

    /** What a person is scheduled to do at a moment. */
    record Scheduled(String activityType, boolean productive, Instant start, Instant end) {}

    private final RealtimeAgents agents;
    private final Activities activities;
    private final ActivityTypes types;
    private final Clock clock;

    RealtimeAdherence(RealtimeAgents agents, Activities activities, ActivityTypes types, Clock clock) {
        this.agents = agents;
        this.activities = activities;
        this.types = types;
        this.clock = clock;
    }

    @Override
    public List<Row> current(CompanyId company) {
        Map<Long, Scheduled> scheduled = scheduledAt(company, clock.instant());
        List<Row> rows = new ArrayList<>();
        for (RealtimeAgents.Row r : agents.current(company)) {
            Scheduled now = r.personId() == null ? null : scheduled.get(r.personId());
            Instant adherenceSince = now == null ? null : now.start().isAfter(r.since()) ? now.start() : r.since();
            rows.add(new Row(r.personId(), r.gladlyAgentId(), r.name(), r.team(), r.state(), r.reason(), r.availableFor(),
                    r.activityType(), r.productive(), r.since(), now == null ? null : now.activityType(),
                    inAdherence(now, AgentState.fromWire(r.state()), r.productive()), adherenceSince));
        }
        return rows;
    }

    /** Scheduled activity per person id at {@code at}; people without one are absent. */
    Map<Long, Scheduled> scheduledAt(CompanyId company, Instant at) {
        Map<Long, Boolean> productive = new HashMap<>();
        for (ActivityType t : types.list(company)) productive.put(t.id(), t.productive());
        Map<Long, Scheduled> now = new HashMap<>();
        for (Activity a : activities.list(company, at, at.plusMillis(1), null)) {
            now.put(a.personId(), new Scheduled(a.activityType(), productive.getOrDefault(a.activityTypeId(), false), a.start(), a.end()));
        }
        return now;
    }

    /**
     * In adherence: on a productive activity the agent's state counts as productive; on anything else (break,
     * lunch, meeting, time off) it does not. Null when nothing is scheduled.
     */
    static Boolean inAdherence(Scheduled scheduled, AgentState state, Boolean mappedProductive) {
        if (scheduled == null) return null;
        boolean working = state != AgentState.LOGGED_OUT && Boolean.TRUE.equals(mappedProductive);
        return scheduled.productive() == working;
    }
}
