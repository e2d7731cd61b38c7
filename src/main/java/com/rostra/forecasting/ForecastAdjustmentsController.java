package com.rostra.forecasting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
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
import com.rostra.platform.NotFoundException;
import com.rostra.tenancy.CurrentCompany;

/** Planner adjustments of the caller's company's forecasts: applied after the model, before staffing. */
@RestController
@Tag(name = "Forecasts")
class ForecastAdjustmentsController {

    private final ForecastAdjustments adjustments;
    private final CurrentCompany currentCompany;
    private final java.time.Clock clock;

    ForecastAdjustmentsController(ForecastAdjustments adjustments, CurrentCompany currentCompany, java.time.Clock clock) {
        this.adjustments = adjustments;
        this.currentCompany = currentCompany;
        this.clock = clock;
    }

    @Operation(summary = "List forecast adjustments",
            description = "The company's adjustments overlapping local dates `start` to `end` (YYYY-MM-DD, end exclusive; default the last 90 days and the next 366), each with who made it (`created_by`), when (`created_at`) and why (`note`).")
    @GetMapping("/api/v1/forecast-adjustments")
    List<ForecastAdjustments.Adjustment> list(@RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        ZoneId zone = currentCompany.company().timeZone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = start == null || start.isBlank() ? today.minusDays(90) : date("start", start, errors);
        LocalDate to = end == null || end.isBlank() ? today.plusDays(366) : date("end", end, errors);
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return adjustments.list(currentCompany.id(), from, to);
    }

    @Operation(summary = "Adjust the forecast",
            description = "Body `{queue_id?, channel?, start, end, percent? | absolute?, note?}`: local dates `start` to `end` (end exclusive) of one queue (default every queue) and channel (default every channel). `percent` scales the model's forecast (10 = +10 %) of the series and every series inside it; `absolute` adds that many contacts a day (negative: takes them off), spread over the day by the forecast's shape, to the series and the wider series holding it (all queues, all channels). Applied after the model and before staffing: requirements read the adjusted forecast. Who and when are recorded; `note` says why. 201; 400 naming the field.")
    @PostMapping("/api/v1/forecast-adjustments")
    ResponseEntity<ForecastAdjustments.Adjustment> create(@RequestBody(required = false) ForecastAdjustments.Input body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(adjustments.create(currentCompany.id(), body));
    }

    @Operation(summary = "Remove a forecast adjustment",
            description = "204; the forecast and requirements no longer carry it. 404 when the company has no such adjustment.")
    @DeleteMapping("/api/v1/forecast-adjustments/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!adjustments.delete(currentCompany.id(), id)) throw new NotFoundException("forecast adjustment");
        return ResponseEntity.noContent().build();
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-12-24"));
            return null;
        }
    }
}
