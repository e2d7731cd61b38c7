package com.rostra.agents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.rostra.contacts.Channel;
import com.rostra.platform.InvalidRequestException.FieldError;

/**
 * A person as typed in a form, a CSV row or a JSON body, before validation. {@link #validate} returns every problem
 * at once, each naming its field, so a CSV report can list them per row.
 */
public record PersonInput(String firstName, String lastName, String email, String role, Boolean staffable,
                          List<String> channels, List<Long> queueIds, String team, String timeZone, String gladlyAgentId,
                          String startDate) {

    static final Set<String> ROLES = Set.of("agent", "lead", "manager", "admin");
    /** "phone, email, chat, sms, social": the channels, for messages. */
    private static final String CHANNELS = Channel.listed();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public List<FieldError> validate(Set<Long> knownQueueIds) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(firstName)) errors.add(new FieldError("first_name", "is required"));
        else if (firstName.length() > 100) errors.add(new FieldError("first_name", "at most 100 characters"));
        if (lastName != null && lastName.length() > 100) errors.add(new FieldError("last_name", "at most 100 characters"));
        if (blank(email)) errors.add(new FieldError("email", "is required"));
        else if (!EMAIL.matcher(email.strip()).matches() || email.length() > 320) errors.add(new FieldError("email", "'" + email + "' is not an email address"));
        if (!blank(role) && !ROLES.contains(role.strip().toLowerCase(Locale.ROOT))) errors.add(new FieldError("role", "must be agent, lead, manager or admin"));
        if (channels != null) {
            for (String c : channels) {
                if (Channel.fromWire(c.strip()).isEmpty()) errors.add(new FieldError("channels", "unknown channel '" + c + "' (" + CHANNELS + ")"));
            }
        }
        if (queueIds != null) {
            for (Long q : queueIds) {
                if (!knownQueueIds.contains(q)) errors.add(new FieldError("queue_ids", "unknown queue " + q));
            }
        }
        if (!blank(timeZone)) {
            try {
                ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("time_zone", "'" + timeZone + "' is not an IANA time zone"));
            }
        }
        if (!blank(startDate)) {
            try {
                LocalDate.parse(startDate.strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("start_date", "'" + startDate + "' is not a date like 2026-03-01"));
            }
        }
        if (gladlyAgentId != null && gladlyAgentId.length() > 64) errors.add(new FieldError("gladly_agent_id", "at most 64 characters"));
        return errors;
    }

    String normalizedEmail() {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
