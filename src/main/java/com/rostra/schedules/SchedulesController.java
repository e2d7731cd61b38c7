package com.rostra.schedules;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.RequestTimes;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Schedules")
class SchedulesController {

    private final ActivityTypes types;
    private final Activities activities;
    private final CurrentCompany currentCompany;
    private final List<ScheduleWarnings> warnings;

    SchedulesController(ActivityTypes types, Activities activities, CurrentCompany currentCompany, List<ScheduleWarnings> warnings) {
        this.types = types;
        this.activities = activities;
        this.currentCompany = currentCompany;
        this.warnings = warnings;
    }

    /** An activity after a change, with what the person's schedule now breaks (warnings, not refusals). */
    record ActivityResult(long id, long personId, long activityTypeId, String activityType, String category, Instant start,
                          Instant end, boolean locked, List<ScheduleWarnings.Warning> warnings) {
        static ActivityResult of(Activity a, List<ScheduleWarnings.Warning> warnings) {
            return new ActivityResult(a.id(), a.personId(), a.activityTypeId(), a.activityType(), a.category(), a.start(), a.end(),
                    a.locked(), warnings);
        }
    }

    private ActivityResult withWarnings(Activity a) {
        List<ScheduleWarnings.Warning> found = new ArrayList<>();
        warnings.forEach(w -> found.addAll(w.warnings(currentCompany.id(), a.personId(), a.start())));
        return ActivityResult.of(a, found);
    }

    record TypeInput(String name, Boolean productive, String channel, String category) {}

    record ActivityInput(Long personId, Long activityTypeId, String start, String end) {}

    @Operation(summary = "List activity types",
            description = "The company's activity types (the usual ones exist from the start: Phone, Email, Messaging, Break, Lunch, Meeting, Training, Time off). `productive` types count as work for adherence and staffing; `category` picks the colour on the schedule.")
    @GetMapping("/api/v1/activity-types")
    List<ActivityType> types() {
        return types.list(currentCompany.id());
    }

    @Operation(summary = "Create an activity type",
            description = "Body `{name, productive, channel?, category?}`; `category` is one of productive, break, meeting, time_off, other (defaults from `productive`). 201 with the type; 400 naming the field; 409 when the name exists.")
    @PostMapping("/api/v1/activity-types")
    ResponseEntity<ActivityType> createType(@RequestBody TypeInput in) {
        ActivityType t = types.create(currentCompany.id(), in.name(), in.productive(), in.channel(), in.category());
        return ResponseEntity.created(URI.create("/api/v1/activity-types/" + t.id())).body(t);
    }

    @Operation(summary = "List scheduled activities",
            description = "Activities overlapping [start, end) (ISO-8601 instants or offset date-times, at most 62 days apart), optionally for one `person_id`. Times are UTC instants; pages show them in the company's time zone.")
    @GetMapping("/api/v1/activities")
    List<Activity> list(@RequestParam(required = false) String start, @RequestParam(required = false) String end,
                        @RequestParam(name = "person_id", required = false) Long personId) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        if (start == null) errors.add(new FieldError("start", "is required"));
        if (end == null) errors.add(new FieldError("end", "is required"));
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
        if (from != null && to != null && java.time.Duration.between(from, to).toDays() > 62) errors.add(new FieldError("end", "at most 62 days after start"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return activities.list(currentCompany.id(), from, to, personId);
    }

    @Operation(summary = "Schedule an activity",
            description = "Body `{person_id, activity_type_id, start, end}` (ISO-8601, at most 24 h). 201 with the activity and `warnings` (contract limits the person's schedule now breaks: `max_hours_per_week`, `max_days_per_week`, `min_rest_hours`; shown, not refused); 400 naming the field (unknown person or type of this company included); 409 when it overlaps another activity of the person.")
    @PostMapping("/api/v1/activities")
    ResponseEntity<ActivityResult> create(@RequestBody ActivityInput in) {
        Activity a = activities.create(currentCompany.id(), in.personId(), in.activityTypeId(), in.start(), in.end());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + a.id())).body(withWarnings(a));
    }

    @Operation(summary = "Change an activity",
            description = "Moves, resizes or retypes an activity: body with any of `{person_id, activity_type_id, start, end}` (left out: unchanged). The same checks as a new activity: 400 naming the field, 409 when the result overlaps another activity of the person (the message names it), 404 for an id that is not this company's. 200 with the activity and `warnings`: contract limits (hours and days per week, rest between shifts) the person's schedule now breaks; they are shown, not refused.")
    @PatchMapping("/api/v1/activities/{id}")
    ActivityResult update(@PathVariable long id, @RequestBody ActivityInput in) {
        return withWarnings(activities.update(currentCompany.id(), id, in.personId(), in.activityTypeId(), in.start(), in.end()));
    }

    @Operation(summary = "Lock a shift",
            description = "Locks the activity and the rest of its shift (the person's activities touching it end to start). A new schedule generation keeps locked shifts exactly as they are and plans around them; unlocked generated shifts inside its horizon may be replaced when it is published. 200 with the shift's activities; 404 for an id that is not this company's.")
    @PostMapping("/api/v1/activities/{id}/lock")
    List<Activity> lock(@PathVariable long id) {
        return activities.lock(currentCompany.id(), id, true);
    }

    @Operation(summary = "Unlock a shift",
            description = "Undoes a lock: the activity and the rest of its shift may be replaced by the next published generation. 200 with the shift's activities; 404 for an id that is not this company's.")
    @PostMapping("/api/v1/activities/{id}/unlock")
    List<Activity> unlock(@PathVariable long id) {
        return activities.lock(currentCompany.id(), id, false);
    }

    @Operation(summary = "Remove an activity",
            description = "204 when removed; 404 when the id is not one of this company's activities.")
    @DeleteMapping("/api/v1/activities/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        activities.delete(currentCompany.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** 200 when rows were imported (or nothing was wrong); 422 when errors kept the whole file out. */
    @Operation(summary = "Import a schedule from CSV",
            description = "Columns `person_email,activity_type,start,end` (times with their offset; UTF-8, BOM and CRLF accepted). 200 with `{imported, errors}`; 422 with every bad row (`errors: [{row, field, message}]`, header is row 1) and nothing imported unless `?partial=true`.")
    @PostMapping(path = "/api/v1/activities/import", consumes = {"text/csv", "text/plain", "application/csv"})
    ResponseEntity<Activities.ImportResult> importCsv(@RequestBody(required = false) String csv,
                                                      @RequestParam(defaultValue = "false") boolean partial) {
        Activities.ImportResult r = activities.importCsv(currentCompany.id(), csv, partial);
        boolean rejected = !r.errors().isEmpty() && (!partial || r.imported() == 0);
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(r);
    }

    @Operation(summary = "Schedule CSV template",
            description = "The header row and one example row of the schedule import, as text/csv.")
    @GetMapping("/api/v1/activities/import/template")
    ResponseEntity<String> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=schedule-template.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(Activities.TEMPLATE);
    }
}
