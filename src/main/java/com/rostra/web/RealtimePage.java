package com.rostra.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.adherence.AdherenceSettings;
import com.rostra.adherence.RealtimeAdherence;
import com.rostra.agents.AgentStateStream;
import com.rostra.tenancy.CompanyUser;

/**
 * Realtime agent analysis: every agent's live state. The table is refreshed by htmx when the live stream reports a
 * change (static/js/realtime.js), every second while the stream is down, and every 30 s to move the clocks on.
 */
@Controller
class RealtimePage {

    private final RealtimeAdherence realtime;
    private final AgentStateStream stream;
    private final AdherenceSettings settings;
    private final Clock clock;

    RealtimePage(RealtimeAdherence realtime, AgentStateStream stream, AdherenceSettings settings, Clock clock) {
        this.settings = settings;
        this.realtime = realtime;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping("/realtime")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String team,
                @RequestParam(defaultValue = "") String channel, Model model) {
        List<RealtimeAdherence.Row> all = realtime.current(user.companyId());
        TreeSet<String> teams = new TreeSet<>();
        all.forEach(r -> { if (r.team() != null) teams.addAll(List.of(r.team().split(", "))); });
        model.addAttribute("page", "realtime");
        model.addAttribute("teams", teams);
        model.addAttribute("channels", CHANNEL_NAMES);
        fill(model, all, team, channel, settings.get(user.companyId()));
        return "realtime";
    }

    /** The live stream for the signed-in company (the API's stream, with the page's session instead of a key). */
    @GetMapping(path = "/realtime/stream", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter liveStream(@AuthenticationPrincipal CompanyUser user) {
        return stream.open(user.companyId());
    }

    @GetMapping("/realtime/table")
    String table(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String team,
                 @RequestParam(defaultValue = "") String channel, Model model) {
        fill(model, realtime.current(user.companyId()), team, channel, settings.get(user.companyId()));
        return "realtime :: live";
    }

    /** Gladly's availability codes in the channel names every other page uses. */
    static final Map<String, String> CHANNEL_NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("VOICE", "Phone");
        names.put("MESSAGING", "Chat, SMS, social");
        names.put("MAIL", "Email");
        names.put("TASK", "Tasks");
        CHANNEL_NAMES = java.util.Collections.unmodifiableMap(names);
    }

    /** {@code alert}: out of adherence for longer than the company's alert threshold. */
    record Line(RealtimeAdherence.Row row, String timeInState, String outFor, boolean alert) {
        public String availableFor() {
            return row.availableFor().isEmpty() ? "—"
                    : String.join(", ", row.availableFor().stream().map(c -> CHANNEL_NAMES.getOrDefault(c, c)).toList());
        }
    }

    private void fill(Model model, List<RealtimeAdherence.Row> all, String team, String channel, AdherenceSettings.Settings rules) {
        List<RealtimeAdherence.Row> rows = all.stream()
                .filter(r -> team.isBlank() || (r.team() != null && List.of(r.team().split(", ")).contains(team)))
                .filter(r -> channel.isBlank() || r.availableFor().contains(channel))
                .toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("active", rows.stream().filter(r -> r.state().equals("active")).count());
        counts.put("away", rows.stream().filter(r -> r.state().equals("away")).count());
        counts.put("logged_out", rows.stream().filter(r -> r.state().equals("logged_out")).count());
        long out = rows.stream().filter(r -> Boolean.FALSE.equals(r.inAdherence())).count();
        long in = rows.stream().filter(r -> Boolean.TRUE.equals(r.inAdherence())).count();
        counts.put("out", out);
        model.addAttribute("counts", counts);
        model.addAttribute("adherenceNow", in + out == 0 ? null : Math.round(100.0 * in / (in + out)));
        model.addAttribute("alertAfter", duration(Duration.ofSeconds(rules.alertAfterSeconds())));
        Instant now = clock.instant();
        // Out of adherence first, longest out at the top: the agents a lead acts on.
        Comparator<RealtimeAdherence.Row> order = Comparator.comparing((RealtimeAdherence.Row r) -> !Boolean.FALSE.equals(r.inAdherence()))
                .thenComparing(r -> Boolean.FALSE.equals(r.inAdherence()) && r.adherenceSince() != null ? r.adherenceSince() : Instant.MAX);
        model.addAttribute("lines", rows.stream().sorted(order).map(r -> {
            Duration outFor = r.adherenceSince() == null ? null : Duration.between(r.adherenceSince(), now);
            boolean alert = Boolean.FALSE.equals(r.inAdherence()) && outFor != null && outFor.getSeconds() >= rules.alertAfterSeconds();
            return new Line(r, duration(Duration.between(r.since(), now)), outFor == null ? null : duration(outFor), alert);
        }).toList());
        model.addAttribute("team", team);
        model.addAttribute("channel", channel);
        model.addAttribute("total", all.size());
        model.addAttribute("filtered", !Objects.equals(team, "") || !Objects.equals(channel, ""));
    }

    static String duration(Duration d) {
        if (d.isNegative()) return "0s";
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        return h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m " + s + "s" : s + "s";
    }
}
