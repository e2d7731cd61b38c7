package com.rostra.staffing;

/**
 * Targets for one queue and channel. {@code concurrency}: contacts an agent handles at once (chat); with
 * {@code slaWindowHours} the channel is deferred (email): requirements come from workload over the interval.
 * {@code patienceSeconds} is kept for Erlang A (abandonment), not applied yet.
 */
public record StaffingSettings(double serviceLevel, int targetSeconds, int ahtSeconds, double shrinkage,
                               double maxOccupancy, int concurrency, Integer patienceSeconds, Integer slaWindowHours) {

    static StaffingSettings defaults(String channel) {
        return switch (channel) {
            case "phone" -> new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, null, null);
            case "email" -> new StaffingSettings(0.9, 86_400, 360, 0.3, 0.9, 1, null, 24);
            case "chat" -> new StaffingSettings(0.8, 60, 600, 0.3, 0.85, 2, null, null);
            default -> new StaffingSettings(0.8, 900, 400, 0.3, 0.85, 3, null, null);
        };
    }
}
