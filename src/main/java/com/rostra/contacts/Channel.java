package com.rostra.contacts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Rostra's channels: what forecasts and staffing are built per. */
public enum Channel {
    PHONE, EMAIL, CHAT, SMS, SOCIAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** ["phone", "email", "chat", "sms", "social"]: what pages list and requests accept, in this order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Channel::wireName).toList();
    }

    /** "phone, email, chat, sms, social", for messages that say what is accepted. */
    public static String listed() {
        return Arrays.stream(values()).map(Channel::wireName).collect(Collectors.joining(", "));
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
