package com.rostra.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ActivityTypes;
import com.rostra.scheduling.TimeOff;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Schedules: a week grid, one row per staffable person, blocks placed by time of day and coloured by activity
 * category (with the name as text); a form to add an activity and a CSV import with a per-row error report.
 */
@Controller
class SchedulesPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Activities activities;
    private final ActivityTypes types;
    private final People people;
    private final Companies companies;
    private final Clock clock;
    private final TimeOff timeOff;

    SchedulesPage(Activities activities, ActivityTypes types, People people, Companies companies, Clock clock, TimeOff timeOff) {
        this.timeOff = timeOff;
        this.activities = activities;
        this.types = types;
        this.people = people;
        this.companies = companies;
        this.clock = clock;
    }

    /** One block in a day cell: its left edge and width in percent of the day. */
    record Block(long id, String label, String category, String time, double left, double width, boolean removable) {}

    record Row(long personId, String name, String team, List<List<Block>> days) {}

    @GetMapping("/schedules")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) String week, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        LocalDate monday = LocalDate.now(clock.withZone(zone));
        try {
            if (week != null && !week.isBlank()) monday = LocalDate.parse(week);
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "'" + week + "' is not a date; showing this week.");
        }
        monday = monday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
        Map<Long, List<Activity>> byPerson = new HashMap<>();
        activities.list(user.companyId(), from, to, null).forEach(a -> byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        Map<Long, List<TimeOff.Request>> timeOffByPerson = new HashMap<>();
        timeOff.list(user.companyId(), from, to, null, null).stream().filter(t -> !t.status().equals("denied"))
                .forEach(t -> timeOffByPerson.computeIfAbsent(t.personId(), k -> new ArrayList<>()).add(t));
        List<Row> rows = new ArrayList<>();
        List<Person> staff = people.list(user.companyId()).stream().filter(Person::staffable).toList();
        for (Person p : staff) {
            List<List<Block>> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = monday.plusDays(d);
                Instant dayStart = date.atStartOfDay(zone).toInstant();
                Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
                double dayMinutes = Duration.between(dayStart, dayEnd).toMinutes();
                List<Block> blocks = new ArrayList<>();
                for (Activity a : byPerson.getOrDefault(p.id(), List.of())) {
                    if (!a.start().isBefore(dayEnd) || !a.end().isAfter(dayStart)) continue;
                    Instant s = a.start().isBefore(dayStart) ? dayStart : a.start();
                    Instant e = a.end().isAfter(dayEnd) ? dayEnd : a.end();
                    blocks.add(new Block(a.id(), a.activityType(), a.category(),
                            TIME.format(a.start().atZone(zone)) + "–" + TIME.format(a.end().atZone(zone)),
                            Duration.between(dayStart, s).toMinutes() * 100 / dayMinutes,
                            Math.max(0.8, Duration.between(s, e).toMinutes() * 100 / dayMinutes), true));
                }
                // Approved (and still requested) time off shows in the grid; it is managed on the time off API.
                for (TimeOff.Request t : timeOffByPerson.getOrDefault(p.id(), List.of())) {
                    if (!t.start().isBefore(dayEnd) || !t.end().isAfter(dayStart)) continue;
                    Instant s = t.start().isBefore(dayStart) ? dayStart : t.start();
                    Instant e = t.end().isAfter(dayEnd) ? dayEnd : t.end();
                    blocks.add(new Block(t.id(), t.status().equals("approved") ? "Time off" : "Time off (requested)", "time_off",
                            TIME.format(s.atZone(zone)) + "–" + TIME.format(e.atZone(zone)),
                            Duration.between(dayStart, s).toMinutes() * 100 / dayMinutes,
                            Math.max(0.8, Duration.between(s, e).toMinutes() * 100 / dayMinutes), false));
                }
                days.add(blocks);
            }
            rows.add(new Row(p.id(), p.name(), p.team(), days));
        }
        List<String> dayLabels = new ArrayList<>();
        for (int d = 0; d < 7; d++) dayLabels.add(DAY.format(monday.plusDays(d)));
        model.addAttribute("page", "schedules");
        model.addAttribute("week", monday.toString());
        model.addAttribute("previousWeek", monday.minusWeeks(1).toString());
        model.addAttribute("nextWeek", monday.plusWeeks(1).toString());
        model.addAttribute("dayLabels", dayLabels);
        model.addAttribute("rows", rows);
        model.addAttribute("people", staff);
        model.addAttribute("types", types.list(user.companyId()));
        if (!model.containsAttribute("formErrors")) model.addAttribute("formErrors", Map.of());
        Map<?, ?> formErrors = (Map<?, ?>) model.getAttribute("formErrors");
        // Problems with the times (or the overlap they cause) show under the time fields.
        model.addAttribute("timeError", formErrors.get("date") != null ? formErrors.get("date")
                : formErrors.get("start") != null ? formErrors.get("start") : formErrors.get("end"));
        return "schedules";
    }

    @PostMapping("/schedules/activities")
    String add(@AuthenticationPrincipal CompanyUser user, @RequestParam(name = "person_id", required = false) Long personId,
               @RequestParam(name = "activity_type_id", required = false) Long typeId, @RequestParam String date,
               @RequestParam String from, @RequestParam String to, @RequestParam String week, RedirectAttributes redirect) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        redirect.addAttribute("week", week);
        Map<String, String> errors = new HashMap<>();
        try {
            LocalDate day = LocalDate.parse(date);
            LocalTime start = LocalTime.parse(from);
            LocalTime end = LocalTime.parse(to);
            // An end at or before the start runs past midnight into the next day (a night shift).
            LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
            activities.create(user.companyId(), personId, typeId, day.atTime(start).atZone(zone).toOffsetDateTime().toString(),
                    endDay.atTime(end).atZone(zone).toOffsetDateTime().toString());
            redirect.addFlashAttribute("message", "Added the activity.");
        } catch (DateTimeParseException e) {
            errors.put("date", "give a date and a start and end time");
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.put(f.field(), f.message()));
        } catch (ConflictException e) {
            errors.put("start", e.getMessage());
        }
        if (!errors.isEmpty()) redirect.addFlashAttribute("formErrors", errors);
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/activities/{id}/delete")
    String delete(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, @RequestParam String week,
                  RedirectAttributes redirect) {
        activities.delete(user.companyId(), id);
        redirect.addAttribute("week", week);
        redirect.addFlashAttribute("message", "Removed the activity.");
        return "redirect:/schedules";
    }

    @GetMapping("/schedules/template.csv")
    org.springframework.http.ResponseEntity<String> template() {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=schedule-template.csv")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv")).body(Activities.TEMPLATE);
    }

    @PostMapping("/schedules/import")
    String importCsv(@AuthenticationPrincipal CompanyUser user, @RequestParam String csv, @RequestParam String week,
                     @RequestParam(defaultValue = "false") boolean partial, RedirectAttributes redirect) {
        Activities.ImportResult result = activities.importCsv(user.companyId(), csv, partial);
        redirect.addAttribute("week", week);
        redirect.addFlashAttribute("importResult", result);
        return "redirect:/schedules";
    }
}
