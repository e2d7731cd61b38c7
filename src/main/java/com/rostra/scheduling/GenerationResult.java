package com.rostra.scheduling;

import java.time.Instant;
import java.util.List;

/** What a finished generation proposes: coverage per queue × channel × quarter hour, and the shifts with their blocks. */
public record GenerationResult(Coverage coverage, List<Shift> shifts, List<ConstraintScore> constraints, List<Long> replacedActivityIds,
                               Publication publication) {

    public GenerationResult(Coverage coverage, List<Shift> shifts, List<ConstraintScore> constraints, List<Long> replacedActivityIds) {
        this(coverage, shifts, constraints, replacedActivityIds, null);
    }

    GenerationResult withPublication(Publication p) {
        return new GenerationResult(coverage, shifts, constraints, replacedActivityIds, p);
    }

    /**
     * What publishing did. {@code keptEditedShifts}: shifts the generation would have replaced but that were changed
     * (or locked) by hand after it started, kept as they are ({@code keptActivityIds}: their replaced activities that
     * stayed); {@code skippedShifts}: generated shifts left out because they overlap such a shift, or one created by
     * hand since, or fall on its day.
     */
    public record Publication(int createdActivities, int removedActivities, int keptEditedShifts, List<Long> keptActivityIds,
                              int skippedShifts) {}

    /** What each rule of the solver costs the proposed schedule: the score explained before it is published. */
    public record ConstraintScore(String constraint, long hard, long soft, int matches) {}

    /**
     * {@code expectedServiceLevel}: over the live channels' intervals, weighted by forecast volume, the service level
     * the schedule (with what was already scheduled) reaches; null without live demand. {@code deferredServiceLevel}:
     * the same over deferred channels' intervals (share answered within the SLA window); null without deferred demand.
     */
    public record Coverage(double requiredAgentHours, double scheduledAgentHours, double understaffedAgentHours,
                           Double expectedServiceLevel, Double deferredServiceLevel, List<Interval> intervals) {

        public Coverage(double requiredAgentHours, double scheduledAgentHours, double understaffedAgentHours,
                        Double expectedServiceLevel, List<Interval> intervals) {
            this(requiredAgentHours, scheduledAgentHours, understaffedAgentHours, expectedServiceLevel, null, intervals);
        }
    }

    /**
     * {@code required} and {@code scheduled} are what this generation had to place and placed (already scheduled agents
     * not counted). {@code expectedServiceLevel}: live channels, the share answered within the target time (the staffing
     * model on everyone scheduled); deferred channels (an SLA window), the share of the contacts arriving in the
     * interval answered within the window (first in, first out over business time, the requirement assumed met
     * outside the horizon); null when nothing is forecast.
     */
    public record Interval(Instant start, Long queueId, String channel, int required, int scheduled, Double forecastVolume,
                           Double expectedServiceLevel) {}

    public record Shift(long personId, Instant start, Instant end, Long queueId, String channel, List<ShiftActivity> activities) {}

    /**
     * {@code queueId}/{@code channel}: what a work block works (a shift may switch once, at its lunch's end or middle,
     * for a person with several skills); null for breaks and lunch.
     */
    public record ShiftActivity(long activityTypeId, String activityType, Instant start, Instant end, Long queueId, String channel) {}
}
