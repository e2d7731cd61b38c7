package com.rostra.queues;

import java.util.List;

/** Contacts with one queue path (top-level queue first; empty for no queue), channel and exclusion. */
public record QueueCount(List<Long> path, String channel, boolean excluded, long count) {}
