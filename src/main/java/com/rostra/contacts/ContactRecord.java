package com.rostra.contacts;

import java.time.Instant;

/**
 * A normalized contact as an intake source hands it over. {@code channel} is the contact's own channel; the
 * store re-assigns the conversation's first channel, because a multi-channel conversation counts in the
 * channel of its first message.
 */
public record ContactRecord(
        String externalId,
        String conversationId,
        String customerId,
        Channel channel,
        String gladlyChannel,
        String direction,
        String initiator,
        String entryPoint,
        String finalIvrSelection,
        String inboxWhenQueuedId,
        String inboxWhenQueued,
        String inboxWhenEndedId,
        String inboxWhenEnded,
        ContactStatus status,
        String gladlyStatus,
        Instant externalCreatedAt,
        Instant queuedAt,
        Instant firstRespondedAt,
        Integer firstResponseDuration,
        Instant callStartedAt,
        Instant answeredAt,
        Integer slaSeconds,
        Instant endedAt,
        String agentId) {

    public ContactRecord withCallTimes(Instant startedAt, Instant answered, Integer sla) {
        return new ContactRecord(externalId, conversationId, customerId, channel, gladlyChannel, direction, initiator,
                entryPoint, finalIvrSelection, inboxWhenQueuedId, inboxWhenQueued, inboxWhenEndedId, inboxWhenEnded,
                status, gladlyStatus, externalCreatedAt, queuedAt, firstRespondedAt, firstResponseDuration, startedAt,
                answered, sla, endedAt, agentId);
    }
}
