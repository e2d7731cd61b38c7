package com.rostra.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.RequestTimes;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Scheduling")
class SchedulingController {

    private final ShiftRulesStore rules;
    private final Contracts contracts;
    private final TimeOff timeOff;
    private final Generations generations;
    private final CurrentCompany currentCompany;

    SchedulingController(ShiftRulesStore rules, Contracts contracts, TimeOff timeOff, Generations generations, CurrentCompany currentCompany) {
        this.rules = rules;
        this.contracts = contracts;
        this.timeOff = timeOff;
        this.generations = generations;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Read shift rules",
            description = "How generated shifts may look: `shift_lengths_minutes` (60-720 in steps of 15), `start_grid_minutes` (starts on this grid), a paid break per N hours (`break_minutes_per_hours`), the lunch window, `min_rest_hours` between shifts, and the earliest start and latest end (local times; an end at or before the start runs into the next day).")
    @GetMapping("/api/v1/shift-rules")
    ShiftRules shiftRules() {
        return rules.get(currentCompany.id());
    }

    /** Fields left out keep their value. */
    @Operation(summary = "Change shift rules",
            description = "The same fields; those left out keep their value. A 400 names each field out of range.")
    @PutMapping("/api/v1/shift-rules")
    ShiftRules putShiftRules(@RequestBody ShiftRules body) {
        return rules.save(currentCompany.id(), body);
    }

    @Operation(summary = "Read a person's contract",
            description = "`contract: {min_hours_per_week, max_hours_per_week, max_days_per_week, min_rest_hours?}` (default 0-40 hours, 5 days) and `availability: [{day_of_week, start, end, preferred?}]` in the person's local time (none: always available). 404 for another company's person.")
    @GetMapping("/api/v1/people/{id}/contract")
    Contracts.Terms contract(@PathVariable long id) {
        return contracts.get(currentCompany.id(), id);
    }

    /** {@code {contract: {...}, availability: [...]}}: contract fields left out keep their value; availability, when given, replaces. */
    @Operation(summary = "Change a person's contract",
            description = "Body `{contract?, availability?}`: contract fields left out keep their value (hours 0-80, days 0-7); availability, when given, replaces the windows (quarter hours, at most 50). A 400 names each field (`availability[1].start`).")
    @PutMapping("/api/v1/people/{id}/contract")
    Contracts.Terms putContract(@PathVariable long id, @RequestBody Contracts.TermsInput body) {
        return contracts.save(currentCompany.id(), id, body);
    }

    record TimeOffInput(Long personId, String start, String end, String note) {}

    @Operation(summary = "Request time off",
            description = "Body `{person_id, start, end, note?}` (instants or dates). 201 with `{id, status: \"requested\"}`. Approved time off blocks schedule generation and shows on the schedule.")
    @PostMapping("/api/v1/time-off")
    ResponseEntity<TimeOff.Request> requestTimeOff(@RequestBody TimeOffInput in) {
        TimeOff.Request r = timeOff.create(currentCompany.id(), in.personId(), in.start(), in.end(), in.note());
        return ResponseEntity.created(URI.create("/api/v1/time-off/" + r.id())).body(r);
    }

    @Operation(summary = "List time off",
            description = "Requests overlapping [start, end), optionally for one `person_id` and one `status` (requested, approved, denied).")
    @GetMapping("/api/v1/time-off")
    List<TimeOff.Request> listTimeOff(@RequestParam(required = false) String start, @RequestParam(required = false) String end,
                                      @RequestParam(name = "person_id", required = false) Long personId,
                                      @RequestParam(required = false) String status) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        if (status != null && !List.of("requested", "approved", "denied").contains(status)) {
            errors.add(new FieldError("status", "must be requested, approved or denied"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return timeOff.list(currentCompany.id(), from, to, personId, status);
    }

    @Operation(summary = "Read a time-off request",
            description = "404 for another company's request.")
    @GetMapping("/api/v1/time-off/{id}")
    TimeOff.Request timeOff(@PathVariable long id) {
        return timeOff.get(currentCompany.id(), id);
    }

    @Operation(summary = "Approve time off",
            description = "The request becomes approved (once: 409 when it was already decided).")
    @PostMapping("/api/v1/time-off/{id}/approve")
    TimeOff.Request approve(@PathVariable long id) {
        return timeOff.decide(currentCompany.id(), id, "approved");
    }

    @Operation(summary = "Deny time off",
            description = "The request becomes denied (once: 409 when it was already decided).")
    @PostMapping("/api/v1/time-off/{id}/deny")
    TimeOff.Request deny(@PathVariable long id) {
        return timeOff.decide(currentCompany.id(), id, "denied");
    }

    @Operation(summary = "Generate a schedule",
            description = "Body `{start, end, queue_ids?, person_ids?, time_limit_seconds?, keep_published?, skill_switch?}`: shifts for the people (all staffable, or those named) that cover the staffing requirements of the queues (all, or those named) between start and end, under contracts, availability, time off, rest and shift rules (Timefold Solver; default 60 s). Locked shifts (`POST /api/v1/activities/{id}/lock`), hand-placed meetings, training and time off are kept and planned around; other published shifts of these people inside the horizon are replaced when the generation is published (`replaced_activity_ids`), unless `keep_published: true` keeps them all. Contract hours, days and rest count the shifts just outside the horizon. `skill_switch: true` also offers people with several skills shifts that change queue × channel once, at the lunch's end (or the middle); each work block then names its `queue_id` and `channel`. 202 with `{id}`; the solve runs as a background job.")
    @PostMapping("/api/v1/schedule-generations")
    ResponseEntity<Generation> generate(@RequestBody(required = false) Generations.Request in) {
        Generation g = generations.create(currentCompany.id(), in);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/schedule-generations/" + g.id())).body(g);
    }

    @Operation(summary = "A schedule generation",
            description = "`status` queued, solving (with the best `score` so far), done, failed or cancelled; `hard_violations`; coverage (required, scheduled and understaffed agent-hours, and per interval); the proposed shifts with their activities; the score by constraint and the expected service level: live channels the share answered within the target time (`coverage.expected_service_level`), deferred channels (an SLA window) the share of each interval's contacts answered within the window (`coverage.deferred_service_level`), per interval in `expected_service_level`. Requirements are the Staffing page's: measured handle time and patience where the staffing settings say so. `publication` once published.")
    @GetMapping("/api/v1/schedule-generations/{id}")
    Generation generation(@PathVariable long id) {
        return generations.get(currentCompany.id(), id);
    }

    @Operation(summary = "Publish a generated schedule",
            description = "Writes the shifts as activities in one transaction, removing the published shifts the generation replaces (`replaced_activity_ids`). A shift changed or created by hand after the generation started (or locked since) is treated as locked: it stays as it is, and the generated shifts of that person that overlap it or start on its day are left out. `publication` says what happened: `created_activities`, `removed_activities`, `kept_edited_shifts` (replaced shifts kept because they were changed by hand since), `kept_activity_ids`, `skipped_shifts` (generated shifts left out). 409 (nothing written) when a block would still overlap an existing activity, or when already published.")
    @PostMapping("/api/v1/schedule-generations/{id}/publish")
    Generation publish(@PathVariable long id) {
        return generations.publish(currentCompany.id(), id);
    }

    @Operation(summary = "Stop a generation",
            description = "Stops the solve; the best schedule found so far is kept (status cancelled) and can still be published.")
    @PostMapping("/api/v1/schedule-generations/{id}/cancel")
    Generation cancel(@PathVariable long id) {
        return generations.cancel(currentCompany.id(), id);
    }
}
