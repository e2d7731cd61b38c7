/**
 * Adherence: the agent state timeline (agents) against the scheduled activities (schedules). Owns the in/out rule
 * and its live use ({@link com.rostra.adherence.RealtimeAdherence}: the realtime view with each person's scheduled
 * activity and in/out badge, for the Realtime page, {@code GET /api/v1/agent-states/current} and, through
 * {@link com.rostra.agents.RealtimeView}, the agents module's live stream), the totals per person and team for a
 * time range, a person's day, and the company's adherence settings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agents", "schedules", "platform", "tenancy"})
package com.rostra.adherence;
