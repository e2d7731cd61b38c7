package com.rostra.scheduling.solver;

/** What a shift works: one channel of one queue (queue null: every queue together). {@code index} keys the demand cells. */
public record Skill(int index, Long queueId, String channel) {}
