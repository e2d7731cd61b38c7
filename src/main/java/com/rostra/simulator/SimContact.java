package com.rostra.simulator;

import java.time.Instant;

/**
 * One Gladly contact as the simulator knows it, with its whole future: a report shows only what has happened
 * by the time it is asked (a contact still in queue has no Fulfilled At, Status or Ended At yet).
 */
public record SimContact(
        String id,
        String conversationId,
        String customerId,
        String channel,
        String direction,
        String initiator,
        String entryPoint,
        String finalIvrSelection,
        String inboxWhenQueued,
        String inboxWhenEnded,
        Instant queuedAt,
        Instant fulfilledAt,
        Instant endedAt,
        String status,
        String agentId) {

    public boolean endedBy(Instant now) {
        return endedAt != null && !endedAt.isAfter(now);
    }

    public boolean fulfilledBy(Instant now) {
        return fulfilledAt != null && !fulfilledAt.isAfter(now);
    }
}
