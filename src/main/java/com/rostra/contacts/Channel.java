package com.rostra.contacts;

import java.util.Locale;
import java.util.Optional;

/** Rostra's channels: what forecasts and staffing are built per. */
public enum Channel {
    PHONE, EMAIL, CHAT, SMS, SOCIAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String value) {
        for (Channel c : values()) {
            if (c.wireName().equalsIgnoreCase(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
