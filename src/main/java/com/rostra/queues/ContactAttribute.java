package com.rostra.queues;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The contact attributes queue rules can test. Inboxes match by name or Gladly id, and status by Gladly's value
 * (Answered, Unanswered, ...) or Rostra's (open, solved), so a rule reads the way the user thinks of it.
 */
public enum ContactAttribute {
    CHANNEL("channel"),
    DIRECTION("direction"),
    INBOX_WHEN_QUEUED("inbox_when_queued", "inbox_when_queued_id"),
    INBOX_WHEN_ENDED("inbox_when_ended", "inbox_when_ended_id"),
    STATUS("gladly_status", "status"),
    GLADLY_CHANNEL("gladly_channel"),
    ENTRY_POINT("entry_point");

    private final List<String> columns;

    ContactAttribute(String... columns) {
        this.columns = List.of(columns);
    }

    public List<String> columns() {
        return columns;
    }

    /** The column whose distinct values are offered when a user writes a rule. */
    public String displayColumn() {
        return columns.get(0);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContactAttribute> fromWire(String value) {
        for (ContactAttribute a : values()) {
            if (a.wireName().equalsIgnoreCase(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
