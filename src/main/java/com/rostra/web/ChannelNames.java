package com.rostra.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.rostra.contacts.Channel;

/**
 * The one name a person reads for a channel, whichever code it arrives as: Rostra's own ("phone", "sms") or Gladly's
 * availability ("VOICE", "MESSAGING", "MAIL"). Only what is shown changes: forms and links keep sending the codes.
 * Templates reach it through {@code fmt.channel(..)} and {@code fmt.channels(..)}.
 */
final class ChannelNames {

    /** Gladly's availability codes, in the order Realtime's filter lists them. */
    static final Map<String, String> GLADLY_AVAILABILITY;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("VOICE", of(Channel.PHONE));
        // Gladly has one availability for its three messaging channels.
        names.put("MESSAGING", of(Channel.CHAT) + ", " + of(Channel.SMS) + ", " + of(Channel.SOCIAL));
        names.put("MAIL", of(Channel.EMAIL));
        names.put("TASK", "Tasks");
        GLADLY_AVAILABILITY = java.util.Collections.unmodifiableMap(names);
    }

    private ChannelNames() {
    }

    static String of(Channel c) {
        return switch (c) {
            case PHONE -> "Phone";
            case EMAIL -> "Email";
            case CHAT -> "Chat";
            case SMS -> "SMS";
            case SOCIAL -> "Social";
        };
    }

    /** "Phone" for "phone" or "VOICE"; "—" for none; a code Rostra does not know is shown as it came. */
    static String of(String code) {
        if (code == null || code.isBlank()) return "—";
        String gladly = GLADLY_AVAILABILITY.get(code.toUpperCase(Locale.ROOT));
        if (gladly != null) return gladly;
        return Channel.fromWire(code).map(ChannelNames::of).orElse(code);
    }

    /** "Phone, Chat"; "—" for an empty list. */
    static String of(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) return "—";
        return String.join(", ", codes.stream().map(ChannelNames::of).toList());
    }
}
