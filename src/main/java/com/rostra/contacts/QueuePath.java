package com.rostra.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a contact's queue assignment is stored in {@code contacts.queue_path}: the queue ids from the top-level
 * queue down to the claiming queue, written {@code ",3,7,"} so "in queue 3 or below" is a plain
 * {@code LIKE '%,3,%'}; null (or empty in aggregates) for a contact in no queue. The queues module writes it,
 * contacts and volume read it.
 */
public final class QueuePath {

    private QueuePath() {}

    /** ",3,7," from [3, 7]; empty for the empty path. */
    public static String encode(List<Long> path) {
        return path.isEmpty() ? "" : path.stream().map(String::valueOf).collect(Collectors.joining(",", ",", ","));
    }

    /** [3, 7] from ",3,7,"; empty for null, "" or anything shorter than one id. */
    public static List<Long> decode(String path) {
        if (path == null || path.length() < 3) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : path.substring(1, path.length() - 1).split(",")) {
            ids.add(Long.parseLong(part));
        }
        return ids;
    }

    /** The SQL condition "assigned to this queue or one of its children" on a {@code queue_path} column. */
    public static String underQueue(String column, long queueId) {
        return column + " like '%," + queueId + ",%'";
    }
}
