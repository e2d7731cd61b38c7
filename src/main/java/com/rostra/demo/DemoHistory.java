package com.rostra.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.rostra.queues.Queue;
import com.rostra.queues.Queues;
import com.rostra.simulator.SimContact;
import com.rostra.simulator.SimulatedOrganization;
import com.rostra.tenancy.CompanyId;

/**
 * The demo company's older history, so forecasting has 13 weeks to work with (every model is a candidate, the
 * calendar model needs weeks) and a holiday among them: the simulated organization's contacts of the weeks before
 * the Gladly backfill, counted per hour, queue and channel, imported as a customer imports history from another
 * system ({@code POST /api/v1/volume/import}); a past holiday (its volume cut to 30 %) and a coming one are marked
 * through {@code PUT /api/v1/special-days/{date}}. Runs in the background once the Gladly backfill is done, so the
 * start to visible data neither waits for it nor shares the machine with it; importing again replaces, so a restart
 * does not double it.
 */
@Component
@Profile("demo")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** Local days of history in all: 13 weeks and a day. */
    static final int HISTORY_DAYS = 92;
    static final double HOLIDAY_SHARE = 0.3;

    private final Queues queues;
    private final Environment environment;
    private final Clock clock;

    DemoHistory(Queues queues, Environment environment, Clock clock) {
        this.queues = queues;
        this.environment = environment;
        this.clock = clock;
    }

    void importInBackground(DemoCompanyReady ready, SimulatedOrganization organization, ZoneId zone, int backfillDays) {
        Thread t = new Thread(() -> {
            try {
                // After the backfill: the start to visible data does not share the machine with this import.
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (System.nanoTime() < deadline
                        && !send("GET", "/api/v1/integrations/gladly", "application/json", "", ready.apiKey()).body().contains("\"healthy\"")) {
                    Thread.sleep(2000);
                }
                importOlderWeeks(ready, organization, zone, backfillDays);
            } catch (Exception e) {
                log.warn("Demo: older history not imported: {}", e.toString());
            }
        }, "demo-history");
        t.setDaemon(true);
        t.start();
    }

    /** The past holiday: the Monday seven weeks back (inside the imported weeks). */
    static LocalDate pastHoliday(LocalDate today) {
        return today.minusWeeks(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The coming holiday: the Thursday of next week. */
    static LocalDate comingHoliday(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(3);
    }

    void importOlderWeeks(DemoCompanyReady ready, SimulatedOrganization organization, ZoneId zone, int backfillDays) throws Exception {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate from = today.minusDays(HISTORY_DAYS);
        LocalDate to = today.minusDays(backfillDays + 1L); // the backfill's days come from Gladly; imported volume would add to them
        LocalDate holiday = pastHoliday(today);
        Map<String, String> inboxNames = new HashMap<>();
        for (SimulatedOrganization.Inbox i : organization.inboxes()) inboxNames.put(i.id(), i.name());
        Map<String, Long> queueIds = new HashMap<>();
        for (Queue q : queues.list(ready.companyId())) queueIds.put(q.name(), q.id());
        Map<String, Long> counts = new TreeMap<>();
        int kept = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            Instant dayStart = d.atStartOfDay(zone).toInstant();
            Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
            List<SimContact> contacts = organization.contactsQueuedBetween(dayStart, dayEnd, now);
            for (int i = 0; i < contacts.size(); i++) {
                if (d.equals(holiday) && i % 10 >= HOLIDAY_SHARE * 10) continue;
                SimContact c = contacts.get(i);
                String inbox = inboxNames.getOrDefault(c.inboxWhenQueued(), "");
                String channel = channel(c.channel());
                if (channel == null || inbox.equals("Spam")) continue;
                Long queue = queue(inbox, channel, queueIds);
                Instant hour = Instant.ofEpochSecond(Math.floorDiv(c.queuedAt().getEpochSecond(), 3600) * 3600);
                counts.merge(hour + "," + (queue == null ? "" : queue) + "," + channel, 1L, Long::sum);
                kept++;
            }
        }
        StringBuilder csv = new StringBuilder("interval_start,queue_id,channel,count\n");
        counts.forEach((k, n) -> csv.append(k).append(',').append(n).append('\n'));
        HttpResponse<String> r = send("POST", "/api/v1/volume/import?interval_minutes=60", "text/csv", csv.toString(), ready.apiKey());
        log.info("Demo: imported {} older contacts ({} to {}, {} rows): {}", kept, from, to.minusDays(1), counts.size(), r.statusCode());
        send("PUT", "/api/v1/special-days/" + holiday, "application/json",
                "{\"kind\":\"holiday\",\"note\":\"Demo: public holiday (volume at 30 %)\"}", ready.apiKey());
        send("PUT", "/api/v1/special-days/" + comingHoliday(today), "application/json",
                "{\"kind\":\"holiday\",\"note\":\"Demo: public holiday, forecast from past holidays' share\"}", ready.apiKey());
    }

    /** The demo's queue rules, applied the way the queue tree reads (see DemoCompanySetup). */
    static Long queue(String inbox, String channel, Map<String, Long> ids) {
        if (inbox.startsWith("Support")) {
            if (channel.equals("phone")) return ids.get("Support phone");
            if (channel.equals("email")) return ids.get("Support email");
            return ids.get("Support");
        }
        if (inbox.startsWith("Billing")) return ids.get("Billing");
        if (inbox.equals("Web Chat") || inbox.equals("SMS") || inbox.equals("Social")) return ids.get("Messaging");
        return null;
    }

    static String channel(String gladly) {
        if (gladly == null) return null;
        return switch (gladly.strip().toUpperCase(Locale.ROOT)) {
            case "PHONE_CALL", "VOICEMAIL", "ABANDONED_CALL", "VOICE" -> "phone";
            case "EMAIL" -> "email";
            case "CHAT", "CHAT_MESSAGE" -> "chat";
            case "SMS" -> "sms";
            case "FB_MESSENGER", "FACEBOOK_MESSAGE", "WHATSAPP", "INSTAGRAM_DIRECT", "TWITTER" -> "social";
            default -> null;
        };
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String apiKey) throws Exception {
        String url = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + path;
        String auth = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", auth).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
