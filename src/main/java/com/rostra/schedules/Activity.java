package com.rostra.schedules;

import java.time.Instant;

/** One scheduled block of one person; {@code locked}: kept as it is by schedule generation. */
public record Activity(long id, long personId, long activityTypeId, String activityType, String category,
                       Instant start, Instant end, boolean locked) {}
