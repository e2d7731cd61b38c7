/**
 * People (agents and their Gladly ids, CSV import, adding them from Gladly's agent list), each agent's state timeline
 * and current state, how Gladly states map to Rostra activity types, and the live stream of agent states. Knows
 * nothing of Gladly's wire format: the gladly module hands it {@link com.rostra.agents.StateChange}s and the known
 * agents, and implements {@link com.rostra.agents.AvailabilityChannels}. Knows nothing of schedules or adherence
 * either: the stream sends the {@link com.rostra.agents.RealtimeView} the adherence module provides.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"contacts", "queues", "platform", "tenancy"})
package com.rostra.agents;
