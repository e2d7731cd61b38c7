package com.rostra.schedules;

/**
 * What a scheduled block is. {@code category} (productive, break, meeting, time_off, other) picks its colour on
 * every page; {@code channel} is the channel a productive type works, or null for any.
 */
public record ActivityType(long id, String name, boolean productive, String channel, String category) {}
