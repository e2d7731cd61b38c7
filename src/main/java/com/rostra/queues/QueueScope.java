package com.rostra.queues;

import com.rostra.contacts.QueuePath;

/**
 * Which contacts by queue: {@link #allQueues()} (every counted contact, in a queue or not), {@link #noQueue()}
 * (contacts no queue claimed) or {@link #queue(long)} (one queue, its child queues included). Never null.
 */
public record QueueScope(Kind kind, Long queueId) {

    public enum Kind { ALL_QUEUES, NO_QUEUE, QUEUE }

    public QueueScope {
        if ((kind == Kind.QUEUE) != (queueId != null)) {
            throw new IllegalArgumentException("a queue id goes with, and only with, Kind.QUEUE");
        }
    }

    public static QueueScope allQueues() {
        return new QueueScope(Kind.ALL_QUEUES, null);
    }

    public static QueueScope noQueue() {
        return new QueueScope(Kind.NO_QUEUE, null);
    }

    public static QueueScope queue(long queueId) {
        return new QueueScope(Kind.QUEUE, queueId);
    }

    /** All queues for a null id, else that queue. */
    public static QueueScope allOr(Long queueId) {
        return queueId == null ? allQueues() : queue(queueId);
    }

    public boolean isAllQueues() {
        return kind == Kind.ALL_QUEUES;
    }

    public boolean isNoQueue() {
        return kind == Kind.NO_QUEUE;
    }

    /**
     * The SQL condition on a {@code queue_path} column where no queue is stored as {@code ''} (the aggregates), or
     * an empty string for all queues.
     */
    public String aggregateCondition(String column) {
        return switch (kind) {
            case ALL_QUEUES -> "";
            case NO_QUEUE -> " and " + column + " = ''";
            case QUEUE -> " and " + QueuePath.underQueue(column, queueId);
        };
    }

    /** The same scope as a filter over stored contacts. */
    public com.rostra.contacts.Contacts.QueueFilter contactFilter() {
        return switch (kind) {
            case ALL_QUEUES -> com.rostra.contacts.Contacts.QueueFilter.ANY;
            case NO_QUEUE -> com.rostra.contacts.Contacts.QueueFilter.NO_QUEUE;
            case QUEUE -> com.rostra.contacts.Contacts.QueueFilter.under(queueId);
        };
    }
}
