package com.rostra.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.platform.ConflictException;
import com.rostra.platform.InvalidRequestException;
import com.rostra.scheduling.Generation;
import com.rostra.scheduling.GenerationResult;
import com.rostra.scheduling.Generations;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Generate a week's schedule: start a generation, watch its score while it solves, compare required and scheduled
 * agents per hour, read the proposed shifts, publish them into the schedule.
 */
@Controller
class ScheduleGenerationPage {

    private static final DateTimeFormatter DAY = Formats.DAY;
    private static final DateTimeFormatter TIME = Formats.TIME;

    private final Generations generations;
    private final People people;
    private final Companies companies;
    private final Clock clock;

    ScheduleGenerationPage(Generations generations, People people, Companies companies, Clock clock) {
        this.generations = generations;
        this.people = people;
        this.companies = companies;
        this.clock = clock;
    }

    /** Required and scheduled agents of one local hour (averaged over its quarter hours, summed over queues and channels). */
    record HourCell(String required, String scheduled, boolean understaffed) {}

    record DayRow(String day, List<HourCell> hours) {}

    record ShiftRow(String person, String day, String time, String work, int blocks) {}

    @GetMapping("/schedules/generate")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) String week,
                @RequestParam(required = false) Long id, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        LocalDate monday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        try {
            if (week != null && !week.isBlank()) monday = LocalDate.parse(week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "'" + week + "' is not a date.");
        }
        model.addAttribute("page", "schedules");
        model.addAttribute("week", monday.toString());
        model.addAttribute("weekLabel", DAY.format(monday));
        if (id != null) status(user, id, model);
        return "schedule-generation";
    }

    /** The status panel alone, polled by htmx while the generation is queued or solving. */
    @GetMapping("/schedules/generate/{id}/status")
    String statusFragment(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, Model model) {
        status(user, id, model);
        return "schedule-generation :: status";
    }

    @PostMapping("/schedules/generate")
    String generate(@AuthenticationPrincipal CompanyUser user, @RequestParam String week,
                    @RequestParam(name = "time_limit_seconds", defaultValue = "30") Integer limit, RedirectAttributes redirect) {
        redirect.addAttribute("week", week);
        try {
            LocalDate monday = LocalDate.parse(week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Generation g = generations.create(user.companyId(), new Generations.Request(monday.toString(), monday.plusDays(7).toString(),
                    null, null, limit));
            redirect.addAttribute("id", g.id());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "Pick the week to generate.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/schedules/generate";
    }

    @PostMapping("/schedules/generate/{id}/publish")
    String publish(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, @RequestParam String week, RedirectAttributes redirect) {
        try {
            Generation g = generations.publish(user.companyId(), id);
            redirect.addAttribute("week", week);
            GenerationResult.Publication done = g.publication();
            String message = "Published " + (done == null ? g.shifts().size() : g.shifts().size() - done.skippedShifts()) + " shifts.";
            if (done != null && (done.keptEditedShifts() > 0 || done.skippedShifts() > 0)) {
                // Hand changes made while the generation ran win over it; say so, or the lead wonders where shifts went.
                message += " Kept " + done.keptEditedShifts() + " shift(s) changed by hand since the generation started; left out "
                        + done.skippedShifts() + " generated shift(s) that clashed with hand changes.";
            }
            redirect.addFlashAttribute("message", message);
            return "redirect:/schedules";
        } catch (ConflictException e) {
            redirect.addAttribute("week", week);
            redirect.addAttribute("id", id);
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/schedules/generate";
        }
    }

    @PostMapping("/schedules/generate/{id}/cancel")
    String cancel(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, @RequestParam String week, RedirectAttributes redirect) {
        try {
            generations.cancel(user.companyId(), id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("week", week);
        redirect.addAttribute("id", id);
        return "redirect:/schedules/generate";
    }

    private void status(CompanyUser user, long id, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        Generation g = generations.get(user.companyId(), id);
        model.addAttribute("generation", g);
        model.addAttribute("running", g.status().equals("queued") || g.status().equals("solving"));
        model.addAttribute("publishable", g.coverage() != null && g.publishedAt() == null
                && (g.hardViolations() == null || g.hardViolations() == 0));
        if (!model.containsAttribute("week")) {
            model.addAttribute("week", LocalDate.ofInstant(g.start(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
        }
        if (g.coverage() == null) {
            model.addAttribute("hourLabels", List.of());
            model.addAttribute("dayRows", List.of());
            model.addAttribute("shiftRows", List.of());
            return;
        }
        // Per local day and hour: agents required and scheduled, averaged over the hour's quarters.
        Map<LocalDate, Map<Integer, double[]>> grid = new TreeMap<>();
        int firstHour = 24, lastHour = -1;
        for (GenerationResult.Interval i : g.coverage().intervals()) {
            ZonedDateTime local = i.start().atZone(zone);
            double[] acc = grid.computeIfAbsent(local.toLocalDate(), d -> new HashMap<>()).computeIfAbsent(local.getHour(), h -> new double[2]);
            acc[0] += i.required() / 4.0;
            acc[1] += i.scheduled() / 4.0;
            if (i.required() > 0 || i.scheduled() > 0) {
                firstHour = Math.min(firstHour, local.getHour());
                lastHour = Math.max(lastHour, local.getHour());
            }
        }
        List<String> hourLabels = new ArrayList<>();
        for (int h = firstHour; h <= lastHour; h++) hourLabels.add(String.format("%02d", h));
        List<DayRow> dayRows = new ArrayList<>();
        for (var day : grid.entrySet()) {
            List<HourCell> cells = new ArrayList<>();
            for (int h = firstHour; h <= lastHour; h++) {
                double[] acc = day.getValue().getOrDefault(h, new double[2]);
                cells.add(new HourCell(format(acc[0]), format(acc[1]), acc[1] + 0.01 < acc[0]));
            }
            dayRows.add(new DayRow(DAY.format(day.getKey()), cells));
        }
        Map<Long, String> names = new HashMap<>();
        for (Person p : people.list(user.companyId())) names.put(p.id(), p.name());
        List<ShiftRow> shiftRows = new ArrayList<>();
        for (GenerationResult.Shift s : g.shifts()) {
            shiftRows.add(new ShiftRow(names.getOrDefault(s.personId(), "#" + s.personId()), DAY.format(s.start().atZone(zone)),
                    TIME.format(s.start().atZone(zone)) + "–" + TIME.format(s.end().atZone(zone)), ChannelNames.of(s.channel()), s.activities().size()));
        }
        shiftRows.sort((a, b) -> a.person().equals(b.person()) ? 0 : a.person().compareTo(b.person()));
        model.addAttribute("hourLabels", hourLabels);
        model.addAttribute("dayRows", dayRows);
        model.addAttribute("shiftRows", shiftRows);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
