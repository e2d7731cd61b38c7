package com.rostra.queues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

/** Contacts with every queue attribute varied, and helpers to read queues and their contacts back. */
final class QueueFixtures {

    static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

    private QueueFixtures() {}

    static ContactRecord contact(String id, int minute, Channel channel, String gladlyChannel, String direction,
                                 String inboxQueuedId, String inboxQueued, String inboxEnded, String gladlyStatus,
                                 String entryPoint) {
        return contact(id, DAY.plusSeconds(60L * minute), channel, gladlyChannel, direction, inboxQueuedId, inboxQueued,
                inboxEnded, gladlyStatus, entryPoint);
    }

    static ContactRecord contact(String id, Instant queued, Channel channel, String gladlyChannel, String direction,
                                 String inboxQueuedId, String inboxQueued, String inboxEnded, String gladlyStatus,
                                 String entryPoint) {
        boolean answered = "Answered".equals(gladlyStatus);
        return new ContactRecord(id, "conv-" + id, "cust-" + id, channel, gladlyChannel, direction, "Customer", entryPoint,
                null, inboxQueuedId, inboxQueued, null, inboxEnded, answered ? ContactStatus.SOLVED : ContactStatus.OPEN,
                gladlyStatus, queued, queued, answered ? queued.plusSeconds(30) : null, answered ? 30 : null, null, null,
                answered ? 30 : null, queued.plusSeconds(300), null);
    }

    /** c1..c7: the cases the rule tests reason about. */
    static List<ContactRecord> sample() {
        List<ContactRecord> contacts = new ArrayList<>();
        contacts.add(contact("c1", 0, Channel.PHONE, "PHONE_CALL", "INBOUND", "in-b", "Billing", "Billing", "Answered", "+1 800 555 0100"));
        contacts.add(contact("c2", 10, Channel.EMAIL, "EMAIL", "INBOUND", "in-be", "Billing Escalations", "Returns", "Unanswered", null));
        contacts.add(contact("c3", 20, Channel.CHAT, "CHAT", "INBOUND", "in-r", "Returns", "Returns", "Answered", null));
        contacts.add(contact("c4", 30, Channel.PHONE, "PHONE_CALL", "OUTBOUND", "in-b", "Billing", "Billing", "Answered", "+1 212 555 0199"));
        contacts.add(contact("c5", 40, Channel.SMS, "SMS", "INBOUND", "in-s", "Spam 100%_x", "Spam 100%_x", "Abandoned", null));
        contacts.add(contact("c6", 50, Channel.SOCIAL, "FB_MESSENGER", "INBOUND", null, null, null, "Answered", null));
        contacts.add(contact("c7", 55, Channel.EMAIL, "EMAIL", null, "in-o", "Other", "Other", "Answered", null));
        return contacts;
    }

    static Map<String, Object> rule(String attribute, String operator, String value) {
        return Map.of("attribute", attribute, "operator", operator, "value", value);
    }

    /** External ids of the contacts a contacts-API query returns (one page is enough for the fixtures). */
    static Set<String> externalIds(Http http, String auth, String query) {
        Http.Response r = http.get("/api/v1/contacts?limit=1000&" + query, auth);
        if (r.status() != 200) throw new AssertionError(r.status() + " " + r.body());
        Set<String> ids = new TreeSet<>();
        r.json().get("contacts").forEach(c -> ids.add(c.get("external_id").asString()));
        return ids;
    }

    static JsonNode contact(Http http, String auth, String externalId) {
        for (JsonNode c : http.get("/api/v1/contacts?limit=1000", auth).json().get("contacts")) {
            if (c.get("external_id").asString().equals(externalId)) return c;
        }
        throw new AssertionError("no contact " + externalId);
    }
}
