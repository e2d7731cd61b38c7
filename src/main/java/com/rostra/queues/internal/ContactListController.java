package com.rostra.queues.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactStatus;
import com.rostra.contacts.ContactView;
import com.rostra.contacts.Contacts;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.RequestTimes;
import com.rostra.queues.QueueScope;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The contact list. It lives here, not in contacts, because it filters by queue and shows each contact's queues:
 * contacts is the store queues build on, so it cannot ask which queue ids a company has.
 */
@RestController
@Tag(name = "Contacts and volume")
class ContactListController {

    private final Contacts contacts;
    private final Queues queues;
    private final CurrentCompany currentCompany;

    ContactListController(Contacts contacts, Queues queues, CurrentCompany currentCompany) {
        this.contacts = contacts;
        this.queues = queues;
        this.currentCompany = currentCompany;
    }

    record ContactPage(List<ContactView> contacts, String nextCursor) {}

    @Operation(summary = "List contacts",
            description = "Contacts queued in [start, end), newest first, `limit` 1-1000 (default 100) with `next_cursor` for the next page. Filters: `channel` (phone, email, chat, sms, social), `status` (open, solved), `queue_id` (an id, children included, or `no_queue`), `excluded` (true/false).")
    @GetMapping("/api/v1/contacts")
    ContactPage list(@RequestParam(required = false) String start, @RequestParam(required = false) String end,
                     @RequestParam(required = false) String channel, @RequestParam(required = false) String status,
                     @RequestParam(name = "queue_id", required = false) String queueId,
                     @RequestParam(required = false) String excluded,
                     @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        Channel ch = null;
        if (channel != null) {
            ch = Channel.fromWire(channel).orElse(null);
            if (ch == null) errors.add(new FieldError("channel", "must be one of " + com.rostra.contacts.Channel.listed()));
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
        // Unlike the other queue parameters, a blank or "all" here is not a filter but an unknown queue.
        QueueScope queue = queueId == null ? QueueScope.allQueues()
                : queueId.isBlank() || queueId.equals("all") ? unknownQueue(queueId, errors)
                : queues.scopeParam(currentCompany.id(), "queue_id", queueId, true, errors);
        Boolean onlyExcluded = null;
        if (excluded != null) {
            if (excluded.equals("true") || excluded.equals("false")) onlyExcluded = Boolean.valueOf(excluded);
            else errors.add(new FieldError("excluded", "must be true or false"));
        }
        if (queue != null && !queue.isAllQueues() && onlyExcluded == null) {
            onlyExcluded = false; // a queue's contacts are the ones it counts; ask for excluded=true to see the others
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Contacts.Page page = contacts.list(currentCompany.id(),
                new Contacts.Filter(from, to, ch, st, queue.contactFilter(), onlyExcluded, false), limit, cursor);
        return new ContactPage(page.contacts(), page.nextCursor());
    }

    private static QueueScope unknownQueue(String queueId, List<FieldError> errors) {
        errors.add(new FieldError("queue_id", "no queue " + queueId + " exists; use a queue id or no_queue"));
        return null;
    }
}
