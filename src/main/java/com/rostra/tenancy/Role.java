package com.rostra.tenancy;

import java.util.Locale;

/** What a signed-in user may do: admins manage settings and keys, managers plan, agents look. */
public enum Role {
    ADMIN, MANAGER, AGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        for (Role r : values()) {
            if (r.wireName().equalsIgnoreCase(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of admin, manager, agent");
    }
}
