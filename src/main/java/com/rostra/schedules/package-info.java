/**
 * Schedules: activity types (productive per channel, breaks, meetings, time off) and each person's scheduled
 * activities; how many agents are scheduled on a channel per interval, for staffing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"agents", "contacts", "platform", "tenancy"})
package com.rostra.schedules;
