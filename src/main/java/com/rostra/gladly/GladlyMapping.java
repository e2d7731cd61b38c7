package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;
import com.rostra.platform.Db;
import com.rostra.tenancy.BusinessCalendar;

/**
 * The seed's mapping rules from Gladly's Contact Export to Rostra contacts, one method per rule.
 */
final class GladlyMapping {

    private GladlyMapping() {}

    /** A row that cannot become a contact, and why. */
    static final class RejectedRow extends RuntimeException {
        RejectedRow(String reason) {
            super(reason);
        }
    }

    /** PHONE_CALL, VOICEMAIL, ABANDONED_CALL → phone; EMAIL → email; CHAT → chat; SMS → sms; messengers → social. */
    static Optional<Channel> channel(String gladlyChannel) {
        if (gladlyChannel == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (gladlyChannel.strip().toUpperCase(Locale.ROOT)) {
            case "PHONE_CALL", "VOICEMAIL", "ABANDONED_CALL", "VOICE" -> Channel.PHONE;
            case "EMAIL" -> Channel.EMAIL;
            case "CHAT", "CHAT_MESSAGE" -> Channel.CHAT;
            case "SMS" -> Channel.SMS;
            case "FB_MESSENGER", "FACEBOOK_MESSAGE", "WHATSAPP", "INSTAGRAM_DIRECT", "TWITTER" -> Channel.SOCIAL;
            default -> null;
        });
    }

    /** Answered → solved; Unanswered, Abandoned, Unknown (and not ended yet) → open. */
    static ContactStatus status(String gladlyStatus) {
        return gladlyStatus != null && gladlyStatus.strip().equalsIgnoreCase("ANSWERED") ? ContactStatus.SOLVED : ContactStatus.OPEN;
    }

    /** first_response_duration = Fulfilled At − Queued At, in whole seconds. */
    static Integer firstResponseDuration(Instant queuedAt, Instant fulfilledAt) {
        return fulfilledAt == null ? null : (int) Math.max(0, Duration.between(queuedAt, fulfilledAt).getSeconds());
    }

    /**
     * SLA: calls = answered − placed (the call item's answeredAt − startedAt, once read); messaging and email =
     * first_responded_at − external_created_at.
     */
    static Integer slaSeconds(Channel ownChannel, String gladlyChannel, Instant externalCreatedAt, Instant firstRespondedAt,
                              Instant callStartedAt, Instant callAnsweredAt) {
        if (ownChannel == Channel.PHONE) {
            if (callStartedAt != null && callAnsweredAt != null) {
                return (int) Math.max(0, Duration.between(callStartedAt, callAnsweredAt).getSeconds());
            }
            // Until the call item is read, the queue wait is the best figure the report gives.
            return "PHONE_CALL".equals(gladlyChannel) ? firstResponseDuration(externalCreatedAt, firstRespondedAt) : null;
        }
        return firstResponseDuration(externalCreatedAt, firstRespondedAt);
    }

    static ContactRecord toContact(ContactExportRow row, Map<String, String> inboxNames) {
        return toContact(row, inboxNames, null);
    }

    /**
     * With a business calendar, first-response and messaging SLA times count open hours only (a call's SLA,
     * answered − started, is measured while someone is on the line and stays in plain seconds).
     */
    static ContactRecord toContact(ContactExportRow row, Map<String, String> inboxNames, BusinessCalendar calendar) {
        String contactId = row.get("Contact ID");
        if (contactId == null) {
            throw new RejectedRow("no Contact ID");
        }
        Instant queuedAt = time(row.get("Queued At"), "Queued At");
        if (queuedAt == null) {
            throw new RejectedRow("no Queued At");
        }
        String gladlyChannel = row.get("Channel");
        if (gladlyChannel == null) {
            throw new RejectedRow("no Channel");
        }
        Channel own = channel(gladlyChannel).orElse(null);
        String gladlyStatus = upper(row.get("Status"));
        Instant fulfilledAt = time(row.get("Fulfilled At"), "Fulfilled At");
        Instant endedAt = time(row.get("Ended At"), "Ended At");
        // Queued At is "first queued (inbound) or initiated (outbound)": the moment the contact exists in Gladly.
        Instant externalCreatedAt = queuedAt;
        String inboxQueued = id(row.get("Inbox When Queued"), "Inbox When Queued");
        String inboxEnded = id(row.get("Inbox When Ended"), "Inbox When Ended");
        // Ids are keys: one longer than its column rejects the row (kept and counted). Labels are stored shortened.
        return new ContactRecord(id(contactId, "Contact ID"), id(row.get("Conversation ID"), "Conversation ID"),
                id(row.get("Customer ID"), "Customer ID"), own,
                Db.fit(gladlyChannel.strip().toUpperCase(Locale.ROOT), 32), Db.fit(upper(row.get("Direction")), 16),
                Db.fit(row.get("Contact Initiator"), 64),
                Db.fit(row.get("Entry Point"), LABEL), Db.fit(row.get("Final IVR Selection"), LABEL), inboxQueued,
                Db.fit(name(inboxQueued, inboxNames), LABEL),
                inboxEnded, Db.fit(name(inboxEnded, inboxNames), LABEL), status(gladlyStatus), Db.fit(gladlyStatus, 32), externalCreatedAt,
                queuedAt, fulfilledAt, elapsed(calendar, queuedAt, fulfilledAt), null,
                own == Channel.PHONE ? fulfilledAt : null,
                calendar != null && own != Channel.PHONE ? elapsed(calendar, externalCreatedAt, fulfilledAt)
                        : slaSeconds(own, gladlyChannel.strip().toUpperCase(Locale.ROOT), externalCreatedAt, fulfilledAt, null, null),
                endedAt, id(row.get("Agent ID"), "Agent ID"));
    }

    /** Widths of the contacts columns the mapped values land in. */
    static final int ID = 64;
    static final int LABEL = 300;

    private static String id(String value, String column) {
        if (value != null && value.length() > ID) {
            throw new RejectedRow(column + " is longer than " + ID + " characters");
        }
        return value;
    }

    private static Integer elapsed(BusinessCalendar calendar, Instant from, Instant to) {
        if (calendar == null || to == null) {
            return firstResponseDuration(from, to);
        }
        return (int) calendar.businessSeconds(from, to);
    }

    private static String name(String inboxId, Map<String, String> inboxNames) {
        return inboxId == null ? null : inboxNames.getOrDefault(inboxId, inboxId);
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]");

    /** RFC 3339 as Gladly documents; a zone-less "yyyy-MM-dd HH:mm:ss" is read as UTC. */
    /**
     * Rostra channels for Gladly's availability channels: VOICE is phone, MAIL is email, MESSAGING covers chat,
     * SMS and social messaging; TASK has no Rostra channel.
     */
    static List<String> channelsAvailableFor(List<String> availableFor) {
        java.util.Set<Channel> channels = java.util.EnumSet.noneOf(Channel.class);
        for (String a : availableFor) {
            switch (a.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "VOICE" -> channels.add(Channel.PHONE);
                case "MAIL" -> channels.add(Channel.EMAIL);
                case "MESSAGING" -> { channels.add(Channel.CHAT); channels.add(Channel.SMS); channels.add(Channel.SOCIAL); }
                default -> { }
            }
        }
        return channels.stream().map(Channel::wireName).toList();
    }

    static Instant time(String value, String column) {
        if (value == null) {
            return null;
        }
        Instant fast = ReportTimes.parse(value);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value, SPACE_SEPARATED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new RejectedRow(column + " '" + abbreviate(value) + "' is not a time");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
