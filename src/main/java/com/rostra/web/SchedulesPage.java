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
import com.rostra.schedules.ScheduleWarnings;
import com.rostra.scheduling.TimeOff;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Schedules: a week grid, one row per staffable person, blocks placed by time of day and coloured by activity
 * category (with the name as text); a form to add an activity and a CSV import with a per-row error report.
 */
@Controller
class SchedulesPage {

    private static final DateTimeFormatter DAY = Formats.DAY;
    private static final DateTimeFormatter TIME = Formats.TIME;

    private final Activities activities;
    private final ActivityTypes types;
    private final People people;
    private final Companies companies;
    private final Clock clock;
    private final TimeOff timeOff;
    private final List<ScheduleWarnings> warnings;

    SchedulesPage(Activities activities, ActivityTypes types, People people, Companies companies, Clock clock, TimeOff timeOff,
                  List<ScheduleWarnings> warnings) {
        this.timeOff = timeOff;
        this.warnings = warnings;
        this.activities = activities;
        this.types = types;
        this.people = people;
        this.companies = companies;
        this.clock = clock;
    }

    /**
     * One block in a day cell: its left edge and width in percent of the day; {@code startMinute}/{@code endMinute}
     * from the day's local midnight (clipped to the day) for dragging in the day view.
     */
    record Block(long id, String label, String category, String time, double left, double width, boolean removable,
                 long startMinute, long endMinute, boolean locked) {}

    /** The activity being edited in place (day view): its fields as the form shows them. */
    record Editing(long id, String label, String personName, long typeId, String date, String from, String to, boolean locked) {}

    record Row(long personId, String name, String team, List<List<Block>> days) {}

    /** One hour mark of the day view's ruler: the local time it shows, and where it sits in percent of the day. */
    record Tick(String label, double left, String title) {}

    /**
     * The local hours of [from, to) at their real positions: on a daylight-saving change the day has 23 or 25 hours,
     * so an hour is skipped or shown twice (its title names the offset), as the blocks below are placed by real time.
     */
    static List<Tick> ruler(Instant from, Instant to, ZoneId zone) {
        double minutes = Duration.between(from, to).toMinutes();
        List<Tick> ticks = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofHours(1))) {
            java.time.ZonedDateTime local = t.atZone(zone);
            String label = local.getMinute() == 0 ? String.format("%02d", local.getHour()) : TIME.format(local);
            ticks.add(new Tick(label, Duration.between(from, t).toMinutes() * 100 / minutes,
                    TIME.format(local) + " " + java.time.format.DateTimeFormatter.ofPattern("zzz xxx").format(local)));
        }
        return ticks;
    }

    @GetMapping("/schedules")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) String week,
                @RequestParam(required = false) String day, @RequestParam(required = false) Long edit, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        LocalDate monday = LocalDate.now(clock.withZone(zone));
        LocalDate oneDay = null;
        try {
            if (week != null && !week.isBlank()) monday = LocalDate.parse(week);
            if (day != null && !day.isBlank()) {
                oneDay = LocalDate.parse(day);
                monday = oneDay;
            }
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "'" + (oneDay == null && day != null ? day : week) + "' is not a date; showing this week.");
        }
        monday = monday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // The day view: one day at 15-minute precision, blocks dragged to move and resize, edited in place.
        LocalDate firstDay = oneDay == null ? monday : oneDay;
        int dayCount = oneDay == null ? 7 : 1;
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant to = firstDay.plusDays(dayCount).atStartOfDay(zone).toInstant();
        Map<Long, List<Activity>> byPerson = new HashMap<>();
        activities.list(user.companyId(), from, to, null).forEach(a -> byPerson.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
        Map<Long, List<TimeOff.Request>> timeOffByPerson = new HashMap<>();
        timeOff.list(user.companyId(), from, to, null, null).stream().filter(t -> !t.status().equals("denied"))
                .forEach(t -> timeOffByPerson.computeIfAbsent(t.personId(), k -> new ArrayList<>()).add(t));
        List<Row> rows = new ArrayList<>();
        List<Person> staff = people.list(user.companyId()).stream().filter(Person::staffable).toList();
        for (Person p : staff) {
            List<List<Block>> days = new ArrayList<>();
            for (int d = 0; d < dayCount; d++) {
                LocalDate date = firstDay.plusDays(d);
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
                            Math.max(0.8, Duration.between(s, e).toMinutes() * 100 / dayMinutes), true,
                            Duration.between(dayStart, s).toMinutes(), Duration.between(dayStart, e).toMinutes(), a.locked()));
                }
                // Approved (and still requested) time off shows in the grid; it is managed on the time off API.
                for (TimeOff.Request t : timeOffByPerson.getOrDefault(p.id(), List.of())) {
                    if (!t.start().isBefore(dayEnd) || !t.end().isAfter(dayStart)) continue;
                    Instant s = t.start().isBefore(dayStart) ? dayStart : t.start();
                    Instant e = t.end().isAfter(dayEnd) ? dayEnd : t.end();
                    blocks.add(new Block(t.id(), t.status().equals("approved") ? "Time off" : "Time off (requested)", "time_off",
                            TIME.format(s.atZone(zone)) + "–" + TIME.format(e.atZone(zone)),
                            Duration.between(dayStart, s).toMinutes() * 100 / dayMinutes,
                            Math.max(0.8, Duration.between(s, e).toMinutes() * 100 / dayMinutes), false,
                            Duration.between(dayStart, s).toMinutes(), Duration.between(dayStart, e).toMinutes(), false));
                }
                days.add(blocks);
            }
            rows.add(new Row(p.id(), p.name(), p.team(), days));
        }
        List<String> dayLabels = new ArrayList<>();
        List<String> dayDates = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            dayLabels.add(DAY.format(monday.plusDays(d)));
            dayDates.add(monday.plusDays(d).toString());
        }
        if (oneDay != null) {
            model.addAttribute("day", oneDay.toString());
            model.addAttribute("dayLabel", DAY.format(oneDay));
            model.addAttribute("previousDay", oneDay.minusDays(1).toString());
            model.addAttribute("nextDay", oneDay.plusDays(1).toString());
            model.addAttribute("dayMinutes", Duration.between(from, to).toMinutes());
            model.addAttribute("ticks", ruler(from, to, zone));
            model.addAttribute("dayHours", Duration.between(from, to).toMinutes() / 60.0);
            if (edit != null) {
                activities.find(user.companyId(), edit).ifPresent(a -> model.addAttribute("editing", new Editing(a.id(), a.activityType(),
                        staff.stream().filter(p -> p.id() == a.personId()).map(Person::name).findFirst().orElse(""), a.activityTypeId(),
                        LocalDate.ofInstant(a.start(), zone).toString(), TIME.format(a.start().atZone(zone)), TIME.format(a.end().atZone(zone)),
                        a.locked())));
            }
        }
        model.addAttribute("dayView", oneDay != null);
        model.addAttribute("dayDates", dayDates);
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

    /**
     * Moves, resizes or edits an activity from the day view: either {@code start_minute}/{@code end_minute} from the
     * local midnight of {@code day} (a drag), or {@code date}, {@code from}, {@code to} and a type (the edit form).
     * Overlaps are refused with the message; contract limits the change breaks are shown as warnings.
     */
    @PostMapping("/schedules/activities/{id}/edit")
    String edit(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, @RequestParam String day,
                @RequestParam(name = "start_minute", required = false) Long startMinute,
                @RequestParam(name = "end_minute", required = false) Long endMinute,
                @RequestParam(required = false) String date, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(name = "activity_type_id", required = false) Long typeId,
                RedirectAttributes redirect) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        redirect.addAttribute("day", day);
        try {
            String start;
            String end;
            if (startMinute != null && endMinute != null) {
                Instant midnight = LocalDate.parse(day).atStartOfDay(zone).toInstant();
                start = midnight.plus(Duration.ofMinutes(startMinute)).toString();
                end = midnight.plus(Duration.ofMinutes(endMinute)).toString();
            } else {
                LocalDate d = LocalDate.parse(date);
                LocalTime s = LocalTime.parse(from);
                LocalTime e = LocalTime.parse(to);
                start = d.atTime(s).atZone(zone).toOffsetDateTime().toString();
                end = (e.isAfter(s) ? d : d.plusDays(1)).atTime(e).atZone(zone).toOffsetDateTime().toString();
            }
            Activity a = activities.update(user.companyId(), id, null, typeId, start, end);
            redirect.addFlashAttribute("message", "Saved " + a.activityType() + " " + TIME.format(a.start().atZone(zone)) + "–"
                    + TIME.format(a.end().atZone(zone)) + ".");
            List<String> found = new ArrayList<>();
            warnings.forEach(w -> w.warnings(user.companyId(), a.personId(), a.start()).forEach(x -> found.add(x.message())));
            if (!found.isEmpty()) redirect.addFlashAttribute("warnings", found);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("editError", "give a date and a start and end time");
            redirect.addAttribute("edit", id);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("editError", String.join("; ", e.errors().stream().map(f -> f.field() + " " + f.message()).toList()));
            redirect.addAttribute("edit", id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("editError", "Not saved: " + e.getMessage());
            redirect.addAttribute("edit", id);
        }
        return "redirect:/schedules";
    }

    /** Locks or unlocks the activity's shift: a new generation keeps locked shifts as they are. */
    @PostMapping("/schedules/activities/{id}/lock")
    String lock(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, @RequestParam String day,
                @RequestParam(defaultValue = "true") boolean locked, RedirectAttributes redirect) {
        int n = activities.lock(user.companyId(), id, locked).size();
        redirect.addAttribute("day", day);
        redirect.addFlashAttribute("message", (locked ? "Locked " : "Unlocked ") + n + (n == 1 ? " activity." : " activities of the shift."));
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/activities/{id}/delete")
    String delete(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, @RequestParam String week,
                  @RequestParam(required = false) String day, RedirectAttributes redirect) {
        activities.delete(user.companyId(), id);
        redirect.addAttribute("week", week);
        if (day != null && !day.isBlank()) redirect.addAttribute("day", day);
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
