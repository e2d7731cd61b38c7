package com.rostra.agents;

import java.util.Set;

import com.rostra.tenancy.CompanyId;

/** These agents of this company have a new state or availability (published after the change is committed). */
public record AgentStatesChanged(CompanyId company, Set<String> gladlyAgentIds) {}
