package com.rostra.queues;

import java.time.Instant;
import java.util.List;

/**
 * A queue: contacts matching its rules (and its parent's), unless one of its exclusions (or its parent's)
 * matches. Queues are tried children first, then by priority (lower first); the first that matches claims
 * the contact. A queue without rules or channels claims nothing itself: it only adds up its children.
 */
public record Queue(long id, String name, Long parentId, int priority, List<String> channels, List<QueueRule> rules,
                    List<QueueRule> exclusions, int depth, Instant createdAt, Instant updatedAt) {}
