package com.rostra.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import com.rostra.contacts.VolumeInterval;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Queues and exclusions: where a customer checks that intake works. One tile per channel with the newly
 * arrived count for the chosen range and an hourly sparkline, then the latest contacts.
 */
@Controller
class QueuesPage {

    private final Contacts contacts;
    private final Companies companies;
    private final Clock clock;

    QueuesPage(Contacts contacts, Companies companies, Clock clock) {
        this.contacts = contacts;
        this.companies = companies;
        this.clock = clock;
    }

    record Tile(String channel, String label, long count, List<Long> sparkline) {}

    @GetMapping("/queues")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "hour") String range,
                @RequestParam(required = false) String channel, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        Instant now = clock.instant();
        Instant from = switch (range) {
            case "today" -> now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            case "week" -> now.minus(Duration.ofDays(7));
            default -> now.minus(Duration.ofHours(1));
        };
        Map<String, Long> counts = contacts.countByChannel(user.companyId(), from, now);
        List<VolumeInterval> hourly = contacts.volume(user.companyId(), now.minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.HOURS),
                now, IntervalLength.MINUTES_60, Contacts.GroupBy.CHANNEL, zone);
        List<Tile> tiles = new ArrayList<>();
        for (Channel c : Channel.values()) {
            List<Long> spark = hourly.stream().filter(v -> v.key().equals(c.wireName())).map(VolumeInterval::count).toList();
            tiles.add(new Tile(c.wireName(), label(c), counts.getOrDefault(c.wireName(), 0L), spark));
        }
        Channel filter = channel == null ? null : Channel.fromWire(channel).orElse(null);
        model.addAttribute("page", "queues");
        model.addAttribute("range", range);
        model.addAttribute("tiles", tiles);
        model.addAttribute("unknown", counts.getOrDefault("unknown", 0L));
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("selectedChannel", filter == null ? null : filter.wireName());
        model.addAttribute("contacts", contacts.list(user.companyId(),
                new Contacts.Filter(from, now, filter, null, true), 50, null).contacts());
        model.addAttribute("zone", zone);
        return "queues";
    }

    private static String label(Channel c) {
        return switch (c) {
            case PHONE -> "Phone";
            case EMAIL -> "Email";
            case CHAT -> "Chat";
            case SMS -> "SMS";
            case SOCIAL -> "Social";
        };
    }
}
