package com.rostra.schedules;

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

    SchedulesController(ActivityTypes types, Activities activities, CurrentCompany currentCompany) {
        this.types = types;
        this.activities = activities;
        this.currentCompany = currentCompany;
    }

    record TypeInput(String name, Boolean productive, String channel, String category) {}

    record ActivityInput(Long personId, Long activityTypeId, String start, String end) {}

    @GetMapping("/api/v1/activity-types")
    List<ActivityType> types() {
        return types.list(currentCompany.id());
    }

    @PostMapping("/api/v1/activity-types")
    ResponseEntity<ActivityType> createType(@RequestBody TypeInput in) {
        ActivityType t = types.create(currentCompany.id(), in.name(), in.productive(), in.channel(), in.category());
        return ResponseEntity.created(URI.create("/api/v1/activity-types/" + t.id())).body(t);
    }

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

    @PostMapping("/api/v1/activities")
    ResponseEntity<Activity> create(@RequestBody ActivityInput in) {
        Activity a = activities.create(currentCompany.id(), in.personId(), in.activityTypeId(), in.start(), in.end());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + a.id())).body(a);
    }

    @DeleteMapping("/api/v1/activities/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        activities.delete(currentCompany.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** 200 when rows were imported (or nothing was wrong); 422 when errors kept the whole file out. */
    @PostMapping(path = "/api/v1/activities/import", consumes = {"text/csv", "text/plain", "application/csv"})
    ResponseEntity<Activities.ImportResult> importCsv(@RequestBody(required = false) String csv,
                                                      @RequestParam(defaultValue = "false") boolean partial) {
        Activities.ImportResult r = activities.importCsv(currentCompany.id(), csv, partial);
        boolean rejected = !r.errors().isEmpty() && (!partial || r.imported() == 0);
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(r);
    }

    @GetMapping("/api/v1/activities/import/template")
    ResponseEntity<String> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=schedule-template.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(Activities.TEMPLATE);
    }
}
