package com.rostra.queues;

import java.util.Locale;
import java.util.Optional;

/** How a rule compares an attribute with its value; comparisons ignore case. {@code matches} takes {@code *} wildcards. */
public enum MatchOperator {
    IS, IS_NOT, STARTS_WITH, CONTAINS, MATCHES;

    public boolean negative() {
        return this == IS_NOT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MatchOperator> fromWire(String value) {
        for (MatchOperator o : values()) {
            if (o.wireName().equalsIgnoreCase(value)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
