package com.rostra.agents;

import java.util.List;

import com.rostra.tenancy.CompanyId;

/**
 * The realtime view: one row per Gladly agent seen, as the live stream ({@link AgentStateStream}) sends it. The agents module's own rows ({@link RealtimeAgents}: live state, who the agent
 * is, what the state counts as) are the default; a module that adds to them provides this interface (the adherence
 * module adds what each person is scheduled to do and whether they are in adherence). Agents knows nothing of
 * schedules or adherence: it only asks for the rows.
 */
@FunctionalInterface
public interface RealtimeView {

    /** A row of the view: whatever its fields, it is one Gladly agent's. */
    interface Row {
        String gladlyAgentId();
    }

    List<? extends Row> current(CompanyId company);
}
