package com.rostra.queues;

import java.util.List;

/** The body of POST and PUT /api/v1/queues. */
public record QueueInput(String name, Long parentId, Integer priority, List<QueueRule> rules, List<QueueRule> exclusions,
                         List<String> channels) {}
