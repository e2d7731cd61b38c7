/**
 * Adherence: the agent state timeline (agents) against the scheduled activities (schedules), live for the
 * realtime view and as totals per person for a time range.
 */
package com.rostra.adherence;
