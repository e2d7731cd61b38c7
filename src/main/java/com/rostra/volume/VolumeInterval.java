package com.rostra.volume;

import java.time.Instant;

/** Contacts queued in one interval for one key (a channel, a queue, or "all"). */
public record VolumeInterval(Instant start, String key, long count, long slaMet, long slaTotal,
                             Double avgFirstResponseDuration) {}
