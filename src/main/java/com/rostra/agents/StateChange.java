package com.rostra.agents;

import java.time.Instant;

import com.rostra.tenancy.CompanyId;

/** One agent state change at the time it happened; {@code eventId} makes applying it twice a no-op. */
public record StateChange(CompanyId companyId, String gladlyAgentId, String eventId, Instant occurredAt,
                          AgentState state, String reason) {}
