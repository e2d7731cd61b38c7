package com.rostra.queues;

import java.time.Instant;

/**
 * Whether the company's contacts reflect its current queue rules: {@code up_to_date}, {@code pending} (a
 * re-assignment is queued) or {@code running} (with {@code done} of {@code total} contacts re-assigned).
 */
public record AssignmentStatus(String status, long rulesVersion, long appliedVersion, long done, long total,
                               Instant startedAt, Instant finishedAt) {

    public static AssignmentStatus initial() {
        return new AssignmentStatus("up_to_date", 0, 0, 0, 0, null, null);
    }

    public int percent() {
        return total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
