package com.rostra.scheduling;

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

    @GetMapping("/api/v1/shift-rules")
    ShiftRules shiftRules() {
        return rules.get(currentCompany.id());
    }

    /** Fields left out keep their value. */
    @PutMapping("/api/v1/shift-rules")
    ShiftRules putShiftRules(@RequestBody ShiftRules body) {
        return rules.save(currentCompany.id(), body);
    }

    @GetMapping("/api/v1/people/{id}/contract")
    Contracts.Terms contract(@PathVariable long id) {
        return contracts.get(currentCompany.id(), id);
    }

    /** {@code {contract: {...}, availability: [...]}}: contract fields left out keep their value; availability, when given, replaces. */
    @PutMapping("/api/v1/people/{id}/contract")
    Contracts.Terms putContract(@PathVariable long id, @RequestBody Contracts.TermsInput body) {
        return contracts.save(currentCompany.id(), id, body);
    }

    record TimeOffInput(Long personId, String start, String end, String note) {}

    @PostMapping("/api/v1/time-off")
    ResponseEntity<TimeOff.Request> requestTimeOff(@RequestBody TimeOffInput in) {
        TimeOff.Request r = timeOff.create(currentCompany.id(), in.personId(), in.start(), in.end(), in.note());
        return ResponseEntity.created(URI.create("/api/v1/time-off/" + r.id())).body(r);
    }

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

    @GetMapping("/api/v1/time-off/{id}")
    TimeOff.Request timeOff(@PathVariable long id) {
        return timeOff.get(currentCompany.id(), id);
    }

    @PostMapping("/api/v1/time-off/{id}/approve")
    TimeOff.Request approve(@PathVariable long id) {
        return timeOff.decide(currentCompany.id(), id, "approved");
    }

    @PostMapping("/api/v1/time-off/{id}/deny")
    TimeOff.Request deny(@PathVariable long id) {
        return timeOff.decide(currentCompany.id(), id, "denied");
    }

    @PostMapping("/api/v1/schedule-generations")
    ResponseEntity<Generation> generate(@RequestBody(required = false) Generations.Request in) {
        Generation g = generations.create(currentCompany.id(), in);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/schedule-generations/" + g.id())).body(g);
    }

    @GetMapping("/api/v1/schedule-generations/{id}")
    Generation generation(@PathVariable long id) {
        return generations.get(currentCompany.id(), id);
    }

    @PostMapping("/api/v1/schedule-generations/{id}/publish")
    Generation publish(@PathVariable long id) {
        return generations.publish(currentCompany.id(), id);
    }

    @PostMapping("/api/v1/schedule-generations/{id}/cancel")
    Generation cancel(@PathVariable long id) {
        return generations.cancel(currentCompany.id(), id);
    }
}
