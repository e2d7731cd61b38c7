package com.rostra.agents;

import java.time.Instant;
import java.util.Map;

import com.rostra.tenancy.CompanyId;

/**
 * What people are scheduled to do at a moment, for the realtime view. Implemented where schedules are known
 * (the adherence module), since schedules build on people and agents cannot depend on them.
 */
public interface ScheduleLookup {

    record Scheduled(String activityType, boolean productive, Instant start, Instant end) {}

    /** Scheduled activity per person id at {@code at}; people without one are absent. */
    Map<Long, Scheduled> at(CompanyId company, Instant at);

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
