package com.rostra.agents;

import java.time.Instant;
import java.util.List;

import com.rostra.tenancy.CompanyId;

/** The channels an agent is available for changed ({@code []} = unavailable). */
public record AvailabilityChange(CompanyId companyId, String gladlyAgentId, Instant occurredAt, List<String> availableFor) {}
