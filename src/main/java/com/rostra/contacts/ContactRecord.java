package com.rostra.contacts;

import java.time.Instant;

/**
 * A normalized contact as an intake source hands it over. {@code channel} is the contact's own channel (stored as
 * {@code contact_channel}); the store also keeps the conversation's first channel (stored as {@code channel}), because
 * a multi-channel conversation counts in the channel of its first message. {@code answerWaitSeconds} is measured,
 * not a target: how long the customer waited for an answer (phone: ring to answer; others: created to first
 * response); the API shows it as {@code sla_seconds}.
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
        Integer answerWaitSeconds,
        Instant endedAt,
        String agentId) {

    public ContactRecord withCallTimes(Instant startedAt, Instant answered, Integer answerWait) {
        return new ContactRecord(externalId, conversationId, customerId, channel, gladlyChannel, direction, initiator,
                entryPoint, finalIvrSelection, inboxWhenQueuedId, inboxWhenQueued, inboxWhenEndedId, inboxWhenEnded,
                status, gladlyStatus, externalCreatedAt, queuedAt, firstRespondedAt, firstResponseDuration, startedAt,
                answered, answerWait, endedAt, agentId);
    }
}
