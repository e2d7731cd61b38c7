package com.rostra.scheduling;

import java.time.Instant;
import java.util.List;

/** What a finished generation proposes: coverage per queue × channel × quarter hour, and the shifts with their blocks. */
public record GenerationResult(Coverage coverage, List<Shift> shifts) {

    public record Coverage(double requiredAgentHours, double scheduledAgentHours, double understaffedAgentHours,
                           List<Interval> intervals) {}

    public record Interval(Instant start, Long queueId, String channel, int required, int scheduled) {}

    public record Shift(long personId, Instant start, Instant end, Long queueId, String channel, List<ShiftActivity> activities) {}

    public record ShiftActivity(long activityTypeId, String activityType, Instant start, Instant end) {}
}
