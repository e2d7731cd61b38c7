package com.rostra.contacts;

import java.time.Instant;
import java.util.List;

/**
 * A contact as the public API shows it (snake_case on the wire). {@code queueIds}: its queue first, then the parents.
 * {@code slaSeconds} keeps the contract's name for the measured answer wait ({@code contacts.answer_wait_seconds}).
 */
public record ContactView(
        long id, String externalId, String conversationId, String channel, String gladlyChannel, String direction,
        String inboxWhenQueued, String inboxWhenEnded, String entryPoint, String status, String gladlyStatus,
        Instant externalCreatedAt, Instant queuedAt, Instant firstRespondedAt, Integer firstResponseDuration,
        Integer slaSeconds, Instant answeredAt, Instant endedAt, List<Long> queueIds, boolean excluded) {}
