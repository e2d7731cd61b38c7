package com.rostra.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.adherence.AdherenceReport;
import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * A person's day (managers and admins): the scheduled lane above the actual-state lane, out-of-adherence stretches
 * marked under them and outage windows shaded across both; positioned blocks in HTML/CSS, no script. DST days are
 * drawn with their 23 or 25 hours. Another company's person answers 404.
 */
@Controller
class TimelinePage {

    private static final DateTimeFormatter HM = Formats.TIME;

    private final AdherenceReport report;
    private final People people;
    private final Companies companies;
    private final Clock clock;
    private final com.rostra.queues.Queues queues;

    TimelinePage(AdherenceReport report, People people, Companies companies, Clock clock, com.rostra.queues.Queues queues) {
        this.report = report;
        this.people = people;
        this.companies = companies;
        this.clock = clock;
        this.queues = queues;
    }

    /** A positioned block: {@code left} and {@code width} in percent of the day. */
    record Bar(String label, String css, String time, double left, double width) {}

    record Tick(String label, double left) {}

    @GetMapping("/people/{id}/timeline")
    String page(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, @RequestParam(required = false) String date, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = today;
        String error = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                error = "Dates look like 2026-11-30; showing today.";
            }
        }
        Person person = people.get(user.companyId(), id);
        AdherenceReport.Timeline t = report.timeline(user.companyId(), id, day, zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        long length = Duration.between(from, to).getSeconds();

        List<Bar> scheduled = new ArrayList<>();
        for (AdherenceReport.ScheduledBlock b : t.scheduled()) {
            scheduled.add(bar(b.activityType(), b.category(), b.start(), b.end(), from, to, length, zone));
        }
        List<Bar> states = new ArrayList<>();
        for (AdherenceReport.StateBlock s : t.states()) {
            String label = s.activityType() != null ? s.activityType() : s.reason() != null ? s.reason() : s.state();
            String css = "state-" + s.state() + (s.productive() ? " working" : "");
            states.add(bar(label, css, s.start(), s.end(), from, to, length, zone));
        }
        List<Bar> out = t.outOfAdherence().stream().map(w -> bar("Out of adherence", "out-mark", w.start(), w.end(), from, to, length, zone)).toList();
        List<Bar> outages = t.excluded().stream().map(w -> bar("No states from Gladly (excluded)", "outage", w.start(), w.end(), from, to, length, zone)).toList();
        List<Tick> ticks = new ArrayList<>();
        for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            if (h.atZone(zone).getHour() % 3 == 0) ticks.add(new Tick(HM.format(h.atZone(zone)), pct(from, h, length)));
        }
        long outSeconds = t.outOfAdherence().stream().mapToLong(w -> Duration.between(w.start(), w.end()).getSeconds()).sum();

        model.addAttribute("page", "people");
        model.addAttribute("person", person);
        // The person page: who this is in Gladly and what they work on, above their day.
        java.util.Map<Long, String> queueNames = new java.util.HashMap<>();
        for (com.rostra.queues.Queue q : queues.list(user.companyId())) queueNames.put(q.id(), q.name());
        model.addAttribute("personQueues", person.queueIds().stream().map(q -> queueNames.getOrDefault(q, "#" + q)).toList());
        model.addAttribute("day", day);
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("hours", length / 3600);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("error", error);
        model.addAttribute("scheduled", scheduled);
        model.addAttribute("states", states);
        model.addAttribute("out", out);
        model.addAttribute("outages", outages);
        model.addAttribute("ticks", ticks);
        model.addAttribute("adherence", t.adherence());
        model.addAttribute("outMinutes", outSeconds / 60);
        return "timeline";
    }

    private static Bar bar(String label, String css, Instant start, Instant end, Instant from, Instant to, long length, ZoneId zone) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end == null || end.isAfter(to) ? to : end;
        String time = HM.format(start.atZone(zone)) + "–" + (end == null ? "now" : end.equals(to) ? "24:00" : HM.format(end.atZone(zone)));
        return new Bar(label, css, time, pct(from, s, length), Math.max(0, pct(s, e, length)));
    }

    private static double pct(Instant from, Instant at, long length) {
        return Math.round(Duration.between(from, at).getSeconds() * 10_000.0 / length) / 100.0;
    }
}
