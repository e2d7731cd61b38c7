package com.rostra.adherence;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.RequestTimes;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Schedules and adherence")
class AdherenceController {

    private final AdherenceReport report;
    private final CurrentCompany currentCompany;

    AdherenceController(AdherenceReport report, CurrentCompany currentCompany) {
        this.report = report;
        this.currentCompany = currentCompany;
    }

    @Operation(summary = "Adherence per person",
            description = "For [start, end) (at most 31 days; time after now does not count): `scheduled_seconds`, `in_adherence_seconds`, `adherence` (share of scheduled time whose state matched: productive state on productive work, anything else on breaks; time with no known state counts as logged out) and `conformance` (productive time worked / productive time scheduled). Optional `person_id`.")
    @GetMapping("/api/v1/adherence")
    List<AdherenceReport.PersonAdherence> adherence(@RequestParam(required = false) String start,
                                                    @RequestParam(required = false) String end,
                                                    @RequestParam(name = "person_id", required = false) Long personId) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        if (start == null) errors.add(new FieldError("start", "is required"));
        if (end == null) errors.add(new FieldError("end", "is required"));
        if (from != null && to != null && (!to.isAfter(from) || Duration.between(from, to).toDays() > 31)) {
            errors.add(new FieldError("end", "must be after start and at most 31 days later"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return report.report(currentCompany.id(), from, to, personId);
    }
}
