package com.rostra.contacts;

/** Contacts of one queue (its child queues included), or with {@code queueId} null, contacts in no queue. */
public record QueueScope(Long queueId) {

    public static QueueScope noQueue() {
        return new QueueScope(null);
    }

    String sql() {
        return queueId == null ? "queue_path is null" : "queue_path like '%," + queueId + ",%'";
    }
}
