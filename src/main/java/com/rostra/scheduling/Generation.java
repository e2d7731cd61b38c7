package com.rostra.scheduling;

import java.time.Instant;
import java.util.List;

/**
 * A schedule generation as the API shows it; {@code coverage} and {@code shifts} are empty until the solver is done.
 * {@code replacedActivityIds}: unlocked published activities in the horizon that publishing removes (the shifts
 * replace them); locked shifts are kept and planned around.
 */
public record Generation(long id, String status, Instant start, Instant end, List<Long> queueIds, List<Long> personIds,
                         int timeLimitSeconds, String score, Integer hardViolations, String error,
                         GenerationResult.Coverage coverage, List<GenerationResult.Shift> shifts,
                         List<GenerationResult.ConstraintScore> constraints,
                         Instant createdAt, Instant updatedAt, Instant publishedAt, boolean keepPublished,
                         boolean skillSwitch, List<Long> replacedActivityIds, GenerationResult.Publication publication) {}
