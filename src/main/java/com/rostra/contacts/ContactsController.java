package com.rostra.contacts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Contacts and volume")
class ContactsController {

    private final Contacts contacts;
    private final CurrentCompany currentCompany;

    ContactsController(Contacts contacts, CurrentCompany currentCompany) {
        this.contacts = contacts;
        this.currentCompany = currentCompany;
    }

    record ContactPage(List<ContactView> contacts, String nextCursor) {}

    record Volume(String timeZone, String interval, List<VolumeInterval> intervals) {}

    @GetMapping("/api/v1/contacts")
    ContactPage list(@RequestParam(required = false) String start, @RequestParam(required = false) String end,
                     @RequestParam(required = false) String channel, @RequestParam(required = false) String status,
                     @RequestParam(name = "queue_id", required = false) String queueId,
                     @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant("start", start, errors);
        Instant to = instant("end", end, errors);
        Channel ch = null;
        if (channel != null) {
            ch = Channel.fromWire(channel).orElse(null);
            if (ch == null) errors.add(new FieldError("channel", "must be one of phone, email, chat, sms, social"));
        }
        ContactStatus st = null;
        if (status != null) {
            try {
                st = ContactStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be open or solved"));
            }
        }
        if (limit < 1 || limit > 1000) errors.add(new FieldError("limit", "must be between 1 and 1000"));
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
        if (queueId != null && !queueId.equals("no_queue")) {
            errors.add(new FieldError("queue_id", "no queue " + queueId + " exists; contacts are all in no_queue until queues are defined"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Contacts.Page page = contacts.list(currentCompany.id(), new Contacts.Filter(from, to, ch, st), limit, cursor);
        return new ContactPage(page.contacts(), page.nextCursor());
    }

    @GetMapping("/api/v1/volume")
    Volume volume(@RequestParam String start, @RequestParam String end,
                  @RequestParam(defaultValue = "60m") String interval,
                  @RequestParam(name = "group_by", defaultValue = "none") String groupBy,
                  @RequestParam(name = "time_zone", required = false) String timeZone) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant("start", start, errors);
        Instant to = instant("end", end, errors);
        IntervalLength length = IntervalLength.fromWire(interval).orElse(null);
        if (length == null) errors.add(new FieldError("interval", "must be 15m, 30m, 60m or 1d"));
        Contacts.GroupBy group = switch (groupBy) {
            case "channel" -> Contacts.GroupBy.CHANNEL;
            case "queue" -> Contacts.GroupBy.QUEUE;
            case "none" -> Contacts.GroupBy.NONE;
            default -> {
                errors.add(new FieldError("group_by", "must be channel or queue"));
                yield null;
            }
        };
        ZoneId zone = currentCompany.company().timeZone();
        if (timeZone != null) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (RuntimeException e) {
                errors.add(new FieldError("time_zone", "'" + timeZone + "' is not an IANA time zone"));
            }
        }
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return new Volume(zone.getId(), interval, contacts.volume(currentCompany.id(), from, to, length, group, zone));
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(new FieldError(field, "'" + value + "' is not an RFC 3339 time such as 2026-03-01T00:00:00Z"));
                return null;
            }
        }
    }
}
