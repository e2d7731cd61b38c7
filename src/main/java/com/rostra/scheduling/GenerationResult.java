package com.rostra.scheduling;

import java.time.Instant;
import java.util.List;

/** What a finished generation proposes: coverage per queue × channel × quarter hour, and the shifts with their blocks. */
public record GenerationResult(Coverage coverage, List<Shift> shifts, List<ConstraintScore> constraints, List<Long> replacedActivityIds) {

    /** What each rule of the solver costs the proposed schedule: the score explained before it is published. */
    public record ConstraintScore(String constraint, long hard, long soft, int matches) {}

    /**
     * {@code expectedServiceLevel}: over the live channels' intervals, weighted by forecast volume, the service level
     * the schedule (with what was already scheduled) reaches; null without live demand.
     */
    public record Coverage(double requiredAgentHours, double scheduledAgentHours, double understaffedAgentHours,
                           Double expectedServiceLevel, List<Interval> intervals) {}

    /** {@code required} and {@code scheduled} are what this generation had to place and placed (already scheduled agents not counted). */
    public record Interval(Instant start, Long queueId, String channel, int required, int scheduled, Double forecastVolume,
                           Double expectedServiceLevel) {}

    public record Shift(long personId, Instant start, Instant end, Long queueId, String channel, List<ShiftActivity> activities) {}

    /**
     * {@code queueId}/{@code channel}: what a work block works (a shift may switch once, at its lunch's end or middle,
     * for a person with several skills); null for breaks and lunch.
     */
    public record ShiftActivity(long activityTypeId, String activityType, Instant start, Instant end, Long queueId, String channel) {}
}
