package com.rostra.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.agents.AgentStateStream;
import com.rostra.agents.RealtimeAgents;
import com.rostra.tenancy.CompanyUser;

/**
 * Realtime agent analysis: every agent's live state. The table is refreshed by htmx when the live stream reports a
 * change (static/js/realtime.js), every second while the stream is down, and every 30 s to move the clocks on.
 */
@Controller
class RealtimePage {

    private final RealtimeAgents realtime;
    private final AgentStateStream stream;
    private final Clock clock;

    RealtimePage(RealtimeAgents realtime, AgentStateStream stream, Clock clock) {
        this.realtime = realtime;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping("/realtime")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String team,
                @RequestParam(defaultValue = "") String channel, Model model) {
        List<RealtimeAgents.Row> all = realtime.current(user.companyId());
        TreeSet<String> teams = new TreeSet<>();
        all.forEach(r -> { if (r.team() != null) teams.addAll(List.of(r.team().split(", "))); });
        model.addAttribute("page", "realtime");
        model.addAttribute("teams", teams);
        model.addAttribute("channels", List.of("VOICE", "MESSAGING", "MAIL", "TASK"));
        fill(model, all, team, channel);
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
        fill(model, realtime.current(user.companyId()), team, channel);
        return "realtime :: live";
    }

    record Line(RealtimeAgents.Row row, String timeInState, String outFor) {}

    private void fill(Model model, List<RealtimeAgents.Row> all, String team, String channel) {
        List<RealtimeAgents.Row> rows = all.stream()
                .filter(r -> team.isBlank() || (r.team() != null && List.of(r.team().split(", ")).contains(team)))
                .filter(r -> channel.isBlank() || r.availableFor().contains(channel))
                .toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("active", rows.stream().filter(r -> r.state().equals("active")).count());
        counts.put("away", rows.stream().filter(r -> r.state().equals("away")).count());
        counts.put("logged_out", rows.stream().filter(r -> r.state().equals("logged_out")).count());
        model.addAttribute("counts", counts);
        model.addAttribute("lines", rows.stream().map(r -> new Line(r, duration(Duration.between(r.since(), clock.instant())),
                r.adherenceSince() == null ? null : duration(Duration.between(r.adherenceSince(), clock.instant())))).toList());
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
