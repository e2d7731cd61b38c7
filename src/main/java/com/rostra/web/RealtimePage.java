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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.adherence.AdherenceSettings;
import com.rostra.adherence.RealtimeAdherence;
import com.rostra.agents.AgentStateStream;
import com.rostra.agents.People;
import com.rostra.queues.Queues;
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
    private final People people;
    private final Queues queues;
    private final Clock clock;

    RealtimePage(RealtimeAdherence realtime, AgentStateStream stream, AdherenceSettings settings, People people, Queues queues, Clock clock) {
        this.settings = settings;
        this.people = people;
        this.queues = queues;
        this.realtime = realtime;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping("/realtime")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String team,
                @RequestParam(defaultValue = "") String queue, @RequestParam(defaultValue = "") String channel, Model model) {
        List<RealtimeAdherence.Row> all = realtime.roster(user.companyId());
        TreeSet<String> teams = new TreeSet<>();
        all.forEach(r -> { if (r.team() != null) teams.addAll(List.of(r.team().split(", "))); });
        model.addAttribute("page", "realtime");
        model.addAttribute("teams", teams);
        model.addAttribute("queues", queues.list(user.companyId()).stream()
                .sorted(Comparator.comparing(com.rostra.queues.Queue::name, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("channels", ChannelNames.GLADLY_AVAILABILITY);
        fill(model, user, all, team, queue, channel, settings.get(user.companyId()));
        return "realtime";
    }

    /** Managers set after how many minutes out of adherence an agent is highlighted (the company's alert threshold). */
    @PostMapping("/realtime/alert")
    String alert(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String minutes,
                 @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String queue,
                 @RequestParam(defaultValue = "") String channel) {
        int m;
        try {
            m = Integer.parseInt(minutes.strip());
        } catch (NumberFormatException e) {
            throw new com.rostra.platform.InvalidRequestException("minutes", "give a whole number of minutes, 0 to 1440");
        }
        if (m < 0 || m > 1440) throw new com.rostra.platform.InvalidRequestException("minutes", "give a whole number of minutes, 0 to 1440");
        settings.put(user.companyId(), null, m * 60);
        return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/realtime")
                .queryParam("team", team).queryParam("queue", queue).queryParam("channel", channel).encode().build().toUriString();
    }

    /** The live stream for the signed-in company (the API's stream, with the page's session instead of a key). */
    @GetMapping(path = "/realtime/stream", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter liveStream(@AuthenticationPrincipal CompanyUser user) {
        return stream.open(user.companyId());
    }

    @GetMapping("/realtime/table")
    String table(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String team,
                 @RequestParam(defaultValue = "") String queue, @RequestParam(defaultValue = "") String channel, Model model) {
        fill(model, user, realtime.roster(user.companyId()), team, queue, channel, settings.get(user.companyId()));
        return "realtime :: live";
    }

    /**
     * {@code alert}: out of adherence for longer than the company's alert threshold. How long (in state, out) is
     * written by the browser from the row's instants (fragments/format.html).
     */
    record Line(RealtimeAdherence.Row row, boolean alert) {

        /** Logged out (or never reported) and nothing scheduled now: folded away, nobody expects them at work. */
        boolean resting() {
            return (row.state() == null || row.state().equals("logged_out")) && row.scheduledActivity() == null;
        }

        public String stateLabel() {
            return row.state() == null ? "No state yet" : switch (row.state()) {
                case "logged_out" -> "Logged out";
                case "away" -> "Away";
                default -> "Active";
            };
        }

        public String availableFor() {
            return row.availableFor().isEmpty() ? "—"
                    : String.join(", ", row.availableFor().stream().map(ChannelNames::of).toList());
        }
    }

    /** Adherence now of one team: agents scheduled now (time off left out) in and out of adherence. */
    record TeamNow(String team, long in, long out, Long percent) {}

    private void fill(Model model, CompanyUser user, List<RealtimeAdherence.Row> all, String team, String queue, String channel,
                      AdherenceSettings.Settings rules) {
        java.util.Set<Long> inQueue = null;
        if (!queue.isBlank()) {
            inQueue = new java.util.HashSet<>();
            for (com.rostra.agents.Person p : people.list(user.companyId())) {
                if (p.queueIds().stream().anyMatch(q -> String.valueOf(q).equals(queue.strip()))) inQueue.add(p.id());
            }
        }
        java.util.Set<Long> queueMembers = inQueue;
        List<RealtimeAdherence.Row> rows = all.stream()
                .filter(r -> team.isBlank() || (r.team() != null && List.of(r.team().split(", ")).contains(team)))
                .filter(r -> queueMembers == null || (r.personId() != null && queueMembers.contains(r.personId())))
                .filter(r -> channel.isBlank() || r.availableFor().contains(channel))
                .toList();
        Map<String, long[]> byTeam = new java.util.TreeMap<>();
        for (RealtimeAdherence.Row r : rows) {
            if (r.inAdherence() == null) continue;
            for (String t : r.team() == null || r.team().isBlank() ? List.of("No team") : List.of(r.team().split(", "))) {
                if (!team.isBlank() && !t.equals(team)) continue;
                byTeam.computeIfAbsent(t, k -> new long[2])[r.inAdherence() ? 0 : 1]++;
            }
        }
        model.addAttribute("teamsNow", byTeam.entrySet().stream().map(e -> new TeamNow(e.getKey(), e.getValue()[0], e.getValue()[1],
                Math.round(100.0 * e.getValue()[0] / (e.getValue()[0] + e.getValue()[1])))).toList());
        model.addAttribute("alertMinutes", rules.alertAfterSeconds() / 60);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("active", rows.stream().filter(r -> "active".equals(r.state())).count());
        counts.put("away", rows.stream().filter(r -> "away".equals(r.state())).count());
        counts.put("logged_out", rows.stream().filter(r -> "logged_out".equals(r.state())).count());
        counts.put("no_state", rows.stream().filter(r -> r.state() == null).count());
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
        List<Line> sorted = rows.stream().sorted(order).map(r -> {
            Duration outFor = r.adherenceSince() == null ? null : Duration.between(r.adherenceSince(), now);
            return new Line(r, Boolean.FALSE.equals(r.inAdherence()) && outFor != null && outFor.getSeconds() >= rules.alertAfterSeconds());
        }).toList();
        model.addAttribute("lines", sorted.stream().filter(l -> !l.resting()).toList());
        model.addAttribute("resting", sorted.stream().filter(Line::resting).toList());
        model.addAttribute("team", team);
        model.addAttribute("queue", queue);
        model.addAttribute("channel", channel);
        model.addAttribute("total", all.size());
        model.addAttribute("anyState", all.stream().anyMatch(r -> r.state() != null));
        model.addAttribute("filtered", !Objects.equals(team, "") || !Objects.equals(queue, "") || !Objects.equals(channel, ""));
    }

    /** The alert threshold as a lead set it ("10m 0s"): a setting, not a time that passes. */
    static String duration(Duration d) {
        if (d.isNegative()) return "0s";
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        return h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m " + s + "s" : s + "s";
    }
}
