package com.rostra.simulator;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Gladly's wire shapes: JSON objects with camelCase fields and the Contact Export CSV. */
final class GladlyPayloads {

    static final List<String> CONTACT_EXPORT_COLUMNS = List.of("Queued At", "Customer ID", "Conversation ID",
            "Contact ID", "Link", "Channel", "Direction", "Contact Initiator", "Entry Point", "Final IVR Selection",
            "Inbox When Queued", "Inbox When Ended", "Status", "Fulfilled At", "Ended At", "Agent ID");

    private GladlyPayloads() {}

    static Map<String, Object> event(SimEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("type", e.type());
        m.put("timestamp", e.timestamp().toString());
        if (e.initiator() != null) {
            m.put("initiator", e.initiator());
        }
        m.put("content", e.content());
        return m;
    }

    static Map<String, Object> agent(SimulatedOrganization.Agent a) {
        return Map.of("id", a.id(), "name", a.name(), "emailAddress", a.emailAddress());
    }

    static Map<String, Object> team(SimulatedOrganization.Team t) {
        return Map.of("id", t.id(), "name", t.name(), "description", t.description(), "agentIds", t.agentIds());
    }

    static Map<String, Object> inbox(SimulatedOrganization.Inbox i) {
        return Map.of("id", i.id(), "name", i.name(), "disabled", i.disabled());
    }

    static Map<String, Object> conversation(List<SimContact> contacts, Instant now) {
        SimContact first = contacts.get(0);
        boolean allEnded = contacts.stream().allMatch(c -> c.endedBy(now));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", first.conversationId());
        m.put("customerId", first.customerId());
        if (first.agentId() != null) {
            m.put("agentId", first.agentId());
        }
        m.put("inboxId", contacts.get(contacts.size() - 1).inboxWhenEnded());
        m.put("customAttributes", List.of());
        m.put("topicIds", List.of());
        m.put("createdAt", first.queuedAt().toString());
        if (allEnded) {
            m.put("closedAt", contacts.stream().map(SimContact::endedAt).max(Instant::compareTo).orElseThrow().toString());
        }
        m.put("status", allEnded ? "CLOSED" : "OPEN");
        return m;
    }

    /** The conversation's timeline: calls with startedAt/answeredAt/completedAt, messages and replies. */
    static List<Map<String, Object>> items(List<SimContact> contacts, Instant now) {
        List<Map<String, Object>> items = new ArrayList<>();
        int n = 0;
        for (SimContact c : contacts) {
            boolean inbound = c.direction().equals("INBOUND");
            Map<String, Object> customer = Map.of("id", c.customerId(), "type", "CUSTOMER");
            Map<String, Object> agent = c.agentId() == null ? Map.of("id", "unassigned", "type", "SYSTEM")
                    : Map.of("id", c.agentId(), "type", "AGENT");
            Map<String, Object> content = new LinkedHashMap<>();
            // The call rings (startedAt) before it reaches the queue: the IVR takes a few seconds.
            Instant started = c.queuedAt().minusSeconds(inbound ? 8 + Math.floorMod(c.id().hashCode(), 30) : 0);
            switch (c.channel()) {
                case "PHONE_CALL", "ABANDONED_CALL" -> {
                    content.put("type", "PHONE_CALL");
                    content.put("from", inbound ? "+14155550100" : "+18005550100");
                    content.put("to", inbound ? c.entryPoint() : "+14155550100");
                    content.put("startedAt", started.toString());
                    if (c.fulfilledBy(now)) {
                        content.put("answeredAt", c.fulfilledAt().toString());
                    }
                    if (c.endedBy(now)) {
                        content.put("completedAt", c.endedAt().toString());
                    }
                }
                case "VOICEMAIL" -> {
                    content.put("type", "VOICEMAIL");
                    content.put("startedAt", started.toString());
                    content.put("recordingStatus", "AVAILABLE");
                    content.put("recordingDuration", 20 + Math.floorMod(c.id().hashCode(), 90));
                }
                case "EMAIL" -> {
                    content.put("type", "EMAIL");
                    content.put("from", "customer@example.com");
                    content.put("to", List.of(c.entryPoint()));
                    content.put("subject", "Question about my order");
                    content.put("content", "Hello, I have a question.");
                }
                case "CHAT" -> {
                    content.put("type", "CHAT_MESSAGE");
                    content.put("sessionId", c.id());
                    content.put("messageType", "TEXT");
                    content.put("content", "Hi there");
                }
                case "SMS" -> {
                    content.put("type", "SMS");
                    content.put("from", "+14155550100");
                    content.put("to", c.entryPoint());
                    content.put("content", "Where is my order?");
                }
                case "FB_MESSENGER" -> {
                    content.put("type", "FACEBOOK_MESSAGE");
                    content.put("content", "Hello");
                }
                default -> {
                    content.put("type", c.channel());
                    content.put("content", "Hello");
                }
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", c.id() + "-" + n++);
            item.put("conversationId", c.conversationId());
            item.put("customerId", c.customerId());
            item.put("timestamp", started.toString());
            item.put("initiator", inbound ? customer : agent);
            item.put("responder", inbound ? agent : customer);
            item.put("content", content);
            items.add(item);
            boolean message = !(c.channel().equals("PHONE_CALL") || c.channel().equals("ABANDONED_CALL")
                    || c.channel().equals("VOICEMAIL"));
            if (message && inbound && c.fulfilledBy(now)) {
                Map<String, Object> reply = new LinkedHashMap<>(item);
                reply.put("id", c.id() + "-" + n++);
                reply.put("timestamp", c.fulfilledAt().toString());
                reply.put("initiator", agent);
                reply.put("responder", customer);
                items.add(reply);
            }
        }
        return items;
    }

    /**
     * The Contact Export report as Gladly returns it: named columns, one row per contact, and only what has
     * happened by {@code now} (contacts still open have no status or end).
     */
    static String contactExportCsv(List<SimContact> contacts, Instant now, String linkBase, SimulatorFaults faults) {
        StringWriter out = new StringWriter(contacts.size() * 300 + 300);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(CONTACT_EXPORT_COLUMNS);
            int row = 0;
            for (SimContact c : contacts) {
                boolean ended = c.endedBy(now);
                boolean fulfilled = c.fulfilledBy(now);
                List<String> values = new ArrayList<>(List.of(
                        c.queuedAt().toString(), c.customerId(), c.conversationId(), c.id(),
                        linkBase + "/customer/" + c.customerId() + "/conversation/" + c.conversationId(),
                        c.channel(), c.direction(), c.initiator(), c.entryPoint(), c.finalIvrSelection(),
                        c.inboxWhenQueued(), ended ? c.inboxWhenEnded() : "", ended ? c.status() : "",
                        fulfilled ? c.fulfilledAt().toString() : "", ended ? c.endedAt().toString() : "",
                        c.agentId() == null || !fulfilled ? "" : c.agentId()));
                if (faults.oversizedValues && row % 10 == 4) {
                    values.set(8, c.entryPoint() + " " + "E".repeat(400));
                    values.set(9, "IVR " + "V".repeat(400));
                }
                if (faults.malformedRows && row % 50 == 7) {
                    values.set(0, "not-a-time");
                    values.set(5, "CARRIER_PIGEON");
                }
                csv.printRecord(values);
                if (faults.duplicateRows && row % 10 == 3) {
                    csv.printRecord(values);
                }
                row++;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String text = out.toString();
        if (faults.truncateCsv && text.length() > 200) {
            return text.substring(0, text.length() * 2 / 3);
        }
        return text;
    }
}
