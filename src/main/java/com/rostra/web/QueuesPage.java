package com.rostra.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.contacts.Channel;
import com.rostra.contacts.Contacts;
import com.rostra.contacts.IntervalLength;
import com.rostra.queues.Queue;
import com.rostra.queues.QueueCount;
import com.rostra.queues.QueueScope;
import com.rostra.queues.Queues;
import com.rostra.volume.Volume;
import com.rostra.volume.VolumeInterval;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Queues and exclusions: where a customer checks that intake works. One tile per channel with the newly
 * arrived count for the chosen range and an hourly sparkline, then the latest contacts.
 */
@Controller
class QueuesPage {

    private final Contacts contacts;
    private final Volume volume;
    private final Queues queues;
    private final Companies companies;
    private final Clock clock;

    QueuesPage(Contacts contacts, Volume volume, Queues queues, Companies companies, Clock clock) {
        this.contacts = contacts;
        this.volume = volume;
        this.queues = queues;
        this.companies = companies;
        this.clock = clock;
    }

    /** {@code lastQueued}: the channel's latest contact in the last 30 days, null when none. */
    record Tile(String channel, String label, long count, List<Long> sparkline, Instant lastQueued) {}

    /**
     * One line of the queue table: counted contacts per channel and excluded ones. {@code key} is what the
     * drill-down link passes as {@code queue}: a queue id or no_queue.
     */
    record QueueLine(String key, String name, int depth, Map<String, Long> counts, long total, long excluded) {}

    @GetMapping("/queues")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "hour") String range,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String queue,
                @RequestParam(defaultValue = "false") boolean excluded, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        Instant now = clock.instant();
        Instant from = switch (range) {
            case "today" -> now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            case "week" -> now.minus(Duration.ofDays(7));
            default -> now.minus(Duration.ofHours(1));
        };
        Map<String, Long> counts = contacts.countByChannel(user.companyId(), from, now);
        // The sparkline covers the selected range: the last hour by quarter hours, today and the week by hours.
        IntervalLength step = range.equals("hour") || range.equals("today") && Duration.between(from, now).toHours() < 2
                ? IntervalLength.MINUTES_15 : IntervalLength.MINUTES_60;
        List<VolumeInterval> series = volume.volume(user.companyId(), from, now, step, Volume.GroupBy.CHANNEL, zone);
        Map<String, Instant> lastQueued = contacts.lastQueuedByChannel(user.companyId(), now.minus(Duration.ofDays(30)));
        List<Tile> tiles = new ArrayList<>();
        for (Channel c : Channel.values()) {
            List<Long> spark = series.stream().filter(v -> v.key().equals(c.wireName())).map(VolumeInterval::count).toList();
            tiles.add(new Tile(c.wireName(), ChannelNames.of(c), counts.getOrDefault(c.wireName(), 0L), spark, lastQueued.get(c.wireName())));
        }
        model.addAttribute("sparkCaption", switch (range) {
            case "today" -> step == IntervalLength.MINUTES_15 ? "today, per 15 minutes" : "today, hourly";
            case "week" -> "last 7 days, hourly";
            default -> "last hour, per 15 minutes";
        });
        Channel filter = channel == null ? null : Channel.fromWire(channel).orElse(null);
        List<QueueCount> queueCounts = queues.contactCounts(user.companyId(), from, now);
        List<QueueLine> lines = queueLines(user, queueCounts);
        QueueScope scope = null;
        String selectedQueueName = null;
        if (queue != null) {
            for (QueueLine line : lines) {
                if (line.key().equals(queue)) {
                    scope = queue.equals("no_queue") ? QueueScope.noQueue() : QueueScope.queue(Long.parseLong(queue));
                    selectedQueueName = line.name();
                }
            }
        }
        Boolean onlyExcluded = excluded ? Boolean.TRUE : scope != null ? Boolean.FALSE : null;
        model.addAttribute("queueLines", lines);
        Map<String, String> queueNames = new java.util.HashMap<>();
        lines.forEach(l -> queueNames.put(l.key(), l.name()));
        model.addAttribute("queueNames", queueNames);
        model.addAttribute("selectedQueue", scope == null ? null : queue);
        model.addAttribute("selectedExcluded", excluded);
        model.addAttribute("listTitle", listTitle(selectedQueueName, filter, excluded));
        model.addAttribute("companyExcluded", queueCounts.stream().filter(c -> c.path().isEmpty() && c.excluded()).mapToLong(QueueCount::count).sum());
        model.addAttribute("page", "queues");
        model.addAttribute("range", range);
        model.addAttribute("tiles", tiles);
        model.addAttribute("unknown", counts.getOrDefault("unknown", 0L));
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("selectedChannel", filter == null ? null : filter.wireName());
        model.addAttribute("contacts", contacts.list(user.companyId(),
                new Contacts.Filter(from, now, filter, null, scope == null ? Contacts.QueueFilter.ANY : scope.contactFilter(), onlyExcluded, true), 50, null).contacts());
        model.addAttribute("zone", zone);
        return "queues";
    }

    /** Queues in tree order with their children's contacts added in, then No queue. */
    private List<QueueLine> queueLines(CompanyUser user, List<QueueCount> counts) {
        List<QueueLine> lines = new ArrayList<>();
        for (Queue q : queues.list(user.companyId())) {
            lines.add(line(String.valueOf(q.id()), q.name(), q.depth(),
                    counts.stream().filter(c -> c.path().contains(q.id())).toList()));
        }
        lines.add(line("no_queue", "No queue", 0, counts.stream().filter(c -> c.path().isEmpty() && !c.excluded()).toList()));
        return lines;
    }

    private static QueueLine line(String key, String name, int depth, List<QueueCount> counts) {
        Map<String, Long> perChannel = new LinkedHashMap<>();
        for (Channel c : Channel.values()) perChannel.put(c.wireName(), 0L);
        long excluded = 0;
        long total = 0;
        for (QueueCount c : counts) {
            if (c.excluded()) {
                excluded += c.count();
            } else {
                perChannel.merge(c.channel(), c.count(), Long::sum);
                total += c.count();
            }
        }
        return new QueueLine(key, name, depth, perChannel, total, excluded);
    }

    private static String listTitle(String queueName, Channel channel, boolean excluded) {
        StringBuilder title = new StringBuilder(excluded ? "Excluded " : "Latest ");
        title.append(channel == null ? "contacts" : ChannelNames.of(channel) + " contacts");
        if (queueName != null) title.append(" in ").append(queueName);
        else if (excluded) title.append(" (company-wide exclusions)");
        return title.toString();
    }
}
