package com.rostra.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic Gladly organization: agents, teams, inboxes, and every contact and agent event as a pure
 * function of (seed, hour) and (seed, agent, day). Nothing is stored, so a year of history for a large
 * organization costs no memory; a small LRU cache keeps recently asked hours.
 */
public class SimulatedOrganization {

    /** Share of a weekday's contacts per local hour: the US bank profile for 07-21h, a thin 24/7 digital floor. */
    private static final double[] HOUR_SHARE = {0.4, 0.3, 0.3, 0.3, 0.4, 0.8, 1.5, 3.1, 5.9, 9.9, 10.5, 10.1,
            9.6, 9.2, 9.0, 8.6, 7.5, 5.7, 4.4, 3.5, 2.9, 1.6, 1.0, 0.6};
    private static final double HOUR_SHARE_SUM = java.util.Arrays.stream(HOUR_SHARE).sum();
    /** Monday..Sunday; weekdays from the bank data (Mon busiest), weekends assumed lighter. */
    private static final double[] WEEKDAY_FACTOR = {1.14, 1.02, 0.96, 0.96, 1.0, 0.45, 0.35};
    private static final int[] SHIFT_START_HOURS = {7, 8, 8, 9, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 0, 2, 4, 6, 10};

    public record Agent(String id, String name, String emailAddress, List<String> channels) {}

    public record Team(String id, String name, String description, List<String> agentIds) {}

    public record Inbox(String id, String name, boolean disabled) {}

    private final SimulatorConfig config;
    private final List<Agent> agents = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final Map<String, Inbox> inboxes = new LinkedHashMap<>();
    private final Map<Long, List<SimContact>> hourCache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, List<SimContact>> eldest) {
                    return size() > 512;
                }
            });

    public SimulatedOrganization(SimulatorConfig config) {
        this.config = config;
        String[] first = {"Amy", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal", "Kira",
                "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor", "Wen", "Yara"};
        String[] last = {"Agent", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones"};
        SplittableRandom r = new SplittableRandom(config.seed());
        for (int k = 0; k < config.agents(); k++) {
            String name = first[k % first.length] + " " + last[(k / first.length + r.nextInt(last.length)) % last.length];
            List<String> channels = switch (k % 3) {
                case 0 -> List.of("VOICE");
                case 1 -> List.of("MESSAGING", "MAIL");
                default -> List.of("VOICE", "MESSAGING", "MAIL");
            };
            agents.add(new Agent(SimIds.encode(k, 0, 'A', config.seed()), name,
                    name.toLowerCase().replace(' ', '.') + (k >= first.length ? k : "") + "@" + config.organization() + ".example",
                    channels));
        }
        String[][] teamDefs = {{"Phones", "Voice team"}, {"Digital", "Chat, SMS and social"}, {"Escalations", "Tier 2"}};
        for (int t = 0; t < teamDefs.length; t++) {
            List<String> members = new ArrayList<>();
            for (int k = 0; k < agents.size(); k++) {
                if (k % teamDefs.length == t) {
                    members.add(agents.get(k).id());
                }
            }
            teams.add(new Team(SimIds.encode(t, 0, 'T', config.seed()), teamDefs[t][0], teamDefs[t][1], members));
        }
        String[] inboxNames = {"Support Phone", "Billing Phone", "Support Email", "Billing Email", "Web Chat", "SMS",
                "Social", "Spam"};
        for (int i = 0; i < inboxNames.length; i++) {
            Inbox inbox = new Inbox(SimIds.encode(i, 0, 'I', config.seed()), inboxNames[i], false);
            inboxes.put(inbox.name(), inbox);
        }
    }

    public SimulatorConfig config() {
        return config;
    }

    public List<Agent> agents() {
        return List.copyOf(agents);
    }

    public List<Team> teams() {
        return List.copyOf(teams);
    }

    public List<Inbox> inboxes() {
        return List.copyOf(inboxes.values());
    }

    // ---------------------------------------------------------------- contacts

    /** Every contact queued in [from, to), in queued order (only those queued by {@code now} exist). */
    public List<SimContact> contactsQueuedBetween(Instant from, Instant to, Instant now) {
        Instant end = to.isAfter(now) ? now : to;
        List<SimContact> result = new ArrayList<>();
        for (long hour = Math.floorDiv(from.getEpochSecond(), 3600); hour * 3600 < end.getEpochSecond(); hour++) {
            for (SimContact c : contactsInHour(hour)) {
                if (!c.queuedAt().isBefore(from) && c.queuedAt().isBefore(end)) {
                    result.add(c);
                }
            }
        }
        result.sort(Comparator.comparing(SimContact::queuedAt).thenComparing(SimContact::id));
        return result;
    }

    public long expectedContactsBetween(Instant from, Instant to) {
        double sum = 0;
        for (long hour = Math.floorDiv(from.getEpochSecond(), 3600); hour * 3600 < to.getEpochSecond(); hour++) {
            sum += expectedInHour(hour);
        }
        return Math.round(sum);
    }

    /** The contacts of one conversation, or empty when the id is not one of this organization's. */
    public List<SimContact> conversation(String conversationId) {
        SimIds.Decoded d = SimIds.decode(conversationId);
        if (d == null || d.kind() != 'V') {
            return List.of();
        }
        return contactsInHour(d.a()).stream().filter(c -> c.conversationId().equals(conversationId)).toList();
    }

    List<SimContact> contactsInHour(long epochHour) {
        return hourCache.computeIfAbsent(epochHour, this::generateHour);
    }

    private double expectedInHour(long epochHour) {
        ZonedDateTime local = Instant.ofEpochSecond(epochHour * 3600).atZone(config.timeZone());
        double dayFactor = WEEKDAY_FACTOR[local.getDayOfWeek().getValue() - 1];
        return config.contactsPerDay() * dayFactor * HOUR_SHARE[local.getHour()] / HOUR_SHARE_SUM;
    }

    private List<SimContact> generateHour(long epochHour) {
        SplittableRandom r = new SplittableRandom(config.seed() * 1_000_003L + epochHour);
        int count = poisson(r, expectedInHour(epochHour));
        Instant hourStart = Instant.ofEpochSecond(epochHour * 3600);
        List<SimContact> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SimContact previous = contacts.isEmpty() ? null : contacts.get(contacts.size() - 1);
            contacts.add(generateContact(r, epochHour, i, hourStart, previous));
        }
        return List.copyOf(contacts);
    }

    private SimContact generateContact(SplittableRandom r, long hour, int i, Instant hourStart, SimContact previous) {
        String id = SimIds.encode(hour, i, 'C', config.seed());
        boolean joinsPrevious = previous != null && r.nextDouble() < 0.10
                && previous.queuedAt().isBefore(hourStart.plusSeconds(3300));
        Instant queuedAt = joinsPrevious
                ? min(previous.queuedAt().plusSeconds(60 + r.nextInt(900)), hourStart.plusSeconds(3599))
                : hourStart.plusMillis(r.nextLong(3_600_000));
        String conversationId = joinsPrevious ? previous.conversationId() : SimIds.encode(hour, i, 'V', config.seed());
        String customerId = joinsPrevious ? previous.customerId()
                : SimIds.encode(r.nextInt(50_000), 0, 'U', config.seed());

        String channel = pickChannel(r, joinsPrevious ? previous.channel() : null);
        boolean outbound = (channel.equals("PHONE_CALL") || channel.equals("EMAIL") || channel.equals("SMS"))
                && r.nextDouble() < 0.08;
        String direction = outbound ? "OUTBOUND" : "INBOUND";
        String initiator = outbound ? "Agent" : (r.nextDouble() < 0.02 ? "Automation (Rules)" : "Customer");
        String inbox = pickInbox(r, channel);
        String inboxEnded = r.nextDouble() < 0.08 ? transferTarget(inbox) : inbox;

        String status;
        double waitSeconds;
        double handleSeconds;
        double u = r.nextDouble();
        switch (channel) {
            case "PHONE_CALL" -> {
                // The wait an agent would answer after races the caller's own patience (both exponential and
                // independent, Erlang A's model), so the patience Rostra measures has a configured truth.
                double offeredWait = outbound ? 0 : exp(r, 45);
                handleSeconds = 60 + exp(r, 300);
                double patience = outbound ? Double.POSITIVE_INFINITY : callerPatience(id);
                if (outbound) {
                    status = "ANSWERED";
                    waitSeconds = 0;
                } else if (u >= 0.09 && u < 0.12) {
                    status = "UNANSWERED";
                    waitSeconds = offeredWait;
                } else if (patience < offeredWait) {
                    status = "ABANDONED";
                    waitSeconds = patience;
                } else {
                    status = "ANSWERED";
                    waitSeconds = offeredWait;
                }
            }
            case "ABANDONED_CALL" -> {
                // Nobody would ever have answered: the caller waits out the whole of their patience.
                status = "ABANDONED";
                waitSeconds = exp(r, config.phonePatienceSeconds());
                handleSeconds = 0;
            }
            case "VOICEMAIL" -> {
                status = u < 0.7 ? "UNANSWERED" : "ANSWERED";
                waitSeconds = exp(r, 3600);
                handleSeconds = 60 + exp(r, 120);
            }
            case "CHAT" -> {
                status = u < 0.08 ? "ABANDONED" : "ANSWERED";
                waitSeconds = exp(r, 40);
                handleSeconds = 120 + exp(r, 480);
            }
            case "EMAIL" -> {
                status = outbound ? "ANSWERED" : u < 0.07 ? "UNANSWERED" : u < 0.10 ? "UNKNOWN" : "ANSWERED";
                waitSeconds = outbound ? 0 : exp(r, 4 * 3600);
                handleSeconds = 120 + exp(r, 360);
            }
            default -> {
                status = u < 0.05 ? "UNANSWERED" : "ANSWERED";
                waitSeconds = outbound ? 0 : exp(r, channel.equals("SMS") ? 900 : 1800);
                handleSeconds = 60 + exp(r, 300);
            }
        }
        if (inbox.equals("Spam")) {
            status = "UNKNOWN";
        }
        Instant fulfilledAt = null;
        Instant endedAt;
        String agentId = null;
        if (status.equals("ANSWERED")) {
            fulfilledAt = queuedAt.plusMillis((long) (waitSeconds * 1000));
            endedAt = fulfilledAt.plusMillis((long) (handleSeconds * 1000));
            agentId = agents.isEmpty() ? null : agents.get(r.nextInt(agents.size())).id();
        } else {
            endedAt = queuedAt.plusMillis((long) (Math.max(5, waitSeconds) * 1000));
        }
        return new SimContact(id, conversationId, customerId, channel, direction, initiator, entryPoint(channel, inbox),
                channel.equals("PHONE_CALL") && !outbound ? ivrSelection(inbox, r) : "",
                inboxes.get(inbox).id(), inboxes.get(inboxEnded).id(), queuedAt, fulfilledAt, endedAt, status, agentId);
    }

    private static String pickChannel(SplittableRandom r, String previousChannel) {
        double u = r.nextDouble();
        if (previousChannel != null) {
            // A follow-up in the same conversation moves to another channel: chat → email, call → SMS...
            return switch (previousChannel) {
                case "CHAT" -> "EMAIL";
                case "PHONE_CALL", "VOICEMAIL" -> u < 0.5 ? "SMS" : "EMAIL";
                case "EMAIL" -> "PHONE_CALL";
                default -> "CHAT";
            };
        }
        if (u < 0.40) return "PHONE_CALL";
        if (u < 0.43) return "VOICEMAIL";
        if (u < 0.44) return "ABANDONED_CALL";
        if (u < 0.64) return "EMAIL";
        if (u < 0.84) return "CHAT";
        if (u < 0.92) return "SMS";
        if (u < 0.96) return "FB_MESSENGER";
        if (u < 0.99) return "WHATSAPP";
        return "INSTAGRAM_DIRECT";
    }

    private static String pickInbox(SplittableRandom r, String channel) {
        double u = r.nextDouble();
        return switch (channel) {
            case "PHONE_CALL", "VOICEMAIL", "ABANDONED_CALL" -> u < 0.7 ? "Support Phone" : "Billing Phone";
            case "EMAIL" -> u < 0.03 ? "Spam" : u < 0.7 ? "Support Email" : "Billing Email";
            case "CHAT" -> "Web Chat";
            case "SMS" -> "SMS";
            default -> "Social";
        };
    }

    private static String transferTarget(String inbox) {
        return switch (inbox) {
            case "Support Phone" -> "Billing Phone";
            case "Billing Phone" -> "Support Phone";
            case "Support Email" -> "Billing Email";
            case "Billing Email" -> "Support Email";
            default -> inbox;
        };
    }

    private String entryPoint(String channel, String inbox) {
        String org = config.organization();
        return switch (channel) {
            case "PHONE_CALL", "VOICEMAIL", "ABANDONED_CALL" -> inbox.startsWith("Billing") ? "+18005550199" : "+18005550100";
            case "EMAIL" -> (inbox.startsWith("Billing") ? "billing@" : "support@") + org + ".example";
            case "CHAT" -> "https://www." + org + ".example/help";
            case "SMS" -> "+18005550123";
            default -> channel.toLowerCase() + ":" + org;
        };
    }

    private static String ivrSelection(String inbox, SplittableRandom r) {
        return inbox.startsWith("Billing") ? "2 - Billing" : r.nextDouble() < 0.5 ? "1 - Orders" : "0 - Agent";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Drawn from the contact's id, not the hour's stream, so configuring patience moves no other contact's draws.
     */
    private double callerPatience(String contactId) {
        SplittableRandom r = new SplittableRandom(config.seed() * 1_000_033L + contactId.hashCode() * 7_919L + 17);
        return exp(r, config.phonePatienceSeconds());
    }

    private static double exp(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    private static int poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 50) {
            // Normal approximation: exact enough for volume and much cheaper for large organizations.
            double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            return (int) Math.max(0, Math.round(lambda + z * Math.sqrt(lambda)));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    // ---------------------------------------------------------------- agent events

    /** Agent status and availability events whose timestamp falls in [from, to), ordered by timestamp. */
    public List<SimEvent> agentEventsBetween(Instant from, Instant to) {
        List<SimEvent> result = new ArrayList<>();
        LocalDate first = from.atZone(config.timeZone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(config.timeZone()).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (int k = 0; k < agents.size(); k++) {
                for (SimEvent e : agentDay(k, day)) {
                    if (!e.timestamp().isBefore(from) && e.timestamp().isBefore(to)) {
                        result.add(e);
                    }
                }
            }
        }
        result.sort(Comparator.comparing(SimEvent::timestamp).thenComparing(SimEvent::id));
        return result;
    }

    /**
     * When an agent's shift is planned to start on a local day (the simulated log-in comes up to ten minutes
     * later), or empty when the agent is off that day. What a demo schedule is built from.
     */
    public java.util.Optional<Instant> plannedShiftStart(String agentId, LocalDate day) {
        for (int k = 0; k < agents.size(); k++) {
            if (!agents.get(k).id().equals(agentId)) continue;
            DayOfWeek dow = day.getDayOfWeek();
            if ((dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) && k % 3 != 0) return java.util.Optional.empty();
            return java.util.Optional.of(day.atStartOfDay(config.timeZone()).plusHours(SHIFT_START_HOURS[k % SHIFT_START_HOURS.length]).toInstant());
        }
        return java.util.Optional.empty();
    }

    /** One agent's working day: log in, breaks and lunch with reasons, an idle auto-away, log out. */
    List<SimEvent> agentDay(int k, LocalDate day) {
        SplittableRandom r = new SplittableRandom(config.seed() * 7919 + k * 104_729L + day.toEpochDay());
        DayOfWeek dow = day.getDayOfWeek();
        if ((dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) && k % 3 != 0) {
            return List.of();
        }
        Agent agent = agents.get(k);
        Instant start = day.atStartOfDay(config.timeZone()).plusHours(SHIFT_START_HOURS[k % SHIFT_START_HOURS.length])
                .toInstant().plusSeconds(r.nextInt(600));
        EventWriter w = new EventWriter(agent.id(), k, day.toEpochDay(), r);
        Map<String, Object> triage = reason("A", "Triaging Inbox (Default)");
        Map<String, Object> phones = reason("B", "Phones");
        Map<String, Object> onBreak = reason("C", "Break");
        Map<String, Object> lunch = reason("D", "Lunch");
        Map<String, Object> meeting = reason("E", "Team Meeting");

        w.add("AGENT_STATUS/LOGGED_IN", start, Map.of("activeReason", triage));
        w.availability(start.plusSeconds(2), agent.channels());
        Instant t = start.plus(Duration.ofMinutes(5 + r.nextInt(10)));
        w.add("AGENT_STATUS/CHANGED_ACTIVE_REASON", t, Map.of("activeReason", agent.channels().contains("VOICE") ? phones : triage));
        t = start.plus(Duration.ofMinutes(110 + r.nextInt(20)));
        t = w.away(t, onBreak, 15, phones);
        if (r.nextDouble() < 0.3) {
            t = w.away(t.plus(Duration.ofMinutes(40)), meeting, 30, triage);
        }
        t = w.away(start.plus(Duration.ofMinutes(240 + r.nextInt(30))), lunch, 30 + r.nextInt(10), triage);
        if (r.nextDouble() < 0.4) {
            w.away(t.plus(Duration.ofMinutes(60 + r.nextInt(30))), null, 4 + r.nextInt(6), triage);
        }
        w.away(start.plus(Duration.ofMinutes(380 + r.nextInt(20))), onBreak, 15, triage);
        Instant end = start.plus(Duration.ofMinutes(510 + r.nextInt(20)));
        w.availability(end.minusSeconds(30), List.of());
        w.add("AGENT_STATUS/LOGGED_OUT", end, Map.of());
        return w.events;
    }

    private Map<String, Object> reason(String key, String name) {
        return Map.of("id", SimIds.encode(key.charAt(0), 0, 'R', config.seed()), "name", name);
    }

    private final class EventWriter {
        final List<SimEvent> events = new ArrayList<>();
        final String agentId;
        final int agentIndex;
        final long day;
        final SplittableRandom r;

        EventWriter(String agentId, int agentIndex, long day, SplittableRandom r) {
            this.agentId = agentId;
            this.agentIndex = agentIndex;
            this.day = day;
            this.r = r;
        }

        void add(String type, Instant occurredAt, Map<String, Object> extra) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("agentId", agentId);
            content.putAll(extra);
            content.put("occurredAt", occurredAt.toString());
            // Gladly records an event shortly after it happens; the Events API filters on this timestamp.
            Instant recorded = occurredAt.plusMillis(50 + r.nextInt(900));
            String id = SimIds.encode(day * 10_000 + agentIndex, events.size(), 'E', config.seed());
            events.add(new SimEvent(id, type, recorded, Map.of("id", agentId, "type", "AGENT"), content));
        }

        void availability(Instant at, List<String> channels) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("agentId", agentId);
            content.put("availableFor", channels);
            content.put("occurredAt", at.toString());
            String id = SimIds.encode(day * 10_000 + agentIndex, events.size(), 'E', config.seed());
            events.add(new SimEvent(id, "AGENT_AVAILABILITY/UPDATED", at.plusMillis(50 + r.nextInt(900)),
                    Map.of("id", agentId, "type", "AGENT"), content));
        }

        /** Goes away (reason null = idle auto-away) and returns after {@code minutes}; returns the return time. */
        Instant away(Instant at, Map<String, Object> awayReason, int minutes, Map<String, Object> activeReason) {
            add("AGENT_STATUS/WENT_AWAY", at, awayReason == null ? Map.of() : Map.of("awayReason", awayReason));
            Instant back = at.plus(Duration.ofMinutes(minutes)).plusSeconds(r.nextInt(120));
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("awayAt", at.toString());
            extra.put("awayReason", awayReason == null ? reason("F", "Idle") : awayReason);
            extra.put("activeReason", activeReason);
            add("AGENT_STATUS/RETURNED_FROM_AWAY", back, extra);
            return back;
        }
    }

    // ---------------------------------------------------------------- contact events

    /** CONTACT/STARTED, FULFILLED and ENDED events with timestamps in [from, to). */
    public List<SimEvent> contactEventsBetween(Instant from, Instant to, Instant now) {
        List<SimEvent> result = new ArrayList<>();
        Instant end = to.isAfter(now) ? now : to;
        // Contacts end up to a few days after they are queued (emails), so look back far enough.
        for (SimContact c : contactsQueuedBetween(from.minus(Duration.ofDays(3)), end, now)) {
            addIfIn(result, contactEvent(c, "CONTACT/STARTED", c.queuedAt(), 0), from, end);
            if (c.fulfilledAt() != null) {
                addIfIn(result, contactEvent(c, "CONTACT/FULFILLED", c.fulfilledAt(), 1), from, end);
            }
            addIfIn(result, contactEvent(c, "CONTACT/ENDED", c.endedAt(), 2), from, end);
        }
        result.sort(Comparator.comparing(SimEvent::timestamp).thenComparing(SimEvent::id));
        return result;
    }

    private static void addIfIn(List<SimEvent> out, SimEvent e, Instant from, Instant to) {
        if (!e.timestamp().isBefore(from) && e.timestamp().isBefore(to)) {
            out.add(e);
        }
    }

    private SimEvent contactEvent(SimContact c, String type, Instant at, int seq) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("channel", c.channel().equals("ABANDONED_CALL") ? "PHONE_CALL" : c.channel());
        content.put("contactId", c.id());
        content.put("conversationId", c.conversationId());
        content.put("customerId", c.customerId());
        Map<String, Object> assignee = new LinkedHashMap<>();
        assignee.put("inboxId", seq == 0 ? c.inboxWhenQueued() : c.inboxWhenEnded());
        if (seq > 0 && c.agentId() != null) {
            assignee.put("agentId", c.agentId());
        }
        content.put("context", Map.of("assignee", assignee));
        switch (seq) {
            case 0 -> {
                content.put("entryPoint", c.entryPoint());
                content.put("finalIVRSelection", c.finalIvrSelection());
                content.put("dueAt", c.queuedAt().plus(Duration.ofHours(1)).toString());
            }
            case 1 -> content.put("fulfilledType", "RESPONDED");
            default -> {
                content.put("status", c.status());
                content.put("reason", c.status().equals("ABANDONED") ? "CUSTOMER_ABANDONED"
                        : c.status().equals("ANSWERED") ? "AGENT_ENDED" : "NO_REPLY_NEEDED");
            }
        }
        SimIds.Decoded d = SimIds.decode(c.id());
        String id = SimIds.encode(d.a(), d.b() * 4 + seq, 'K', config.seed());
        Map<String, Object> initiator = c.direction().equals("OUTBOUND") && c.agentId() != null
                ? Map.of("id", c.agentId(), "type", "AGENT") : Map.of("id", c.customerId(), "type", "CUSTOMER");
        return new SimEvent(id, type, at, initiator, content);
    }
}
