package com.rostra.forecasting;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.NotFoundException;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

/** Special days of the caller's company: holiday, closed or outlier, by local date. */
@RestController
@Tag(name = "Forecasts")
class SpecialDaysController {


    private final SpecialDays specialDays;
    private final Forecasts forecasts;
    private final CurrentCompany currentCompany;
    private final java.time.Clock clock;

    SpecialDaysController(SpecialDays specialDays, Forecasts forecasts, CurrentCompany currentCompany, java.time.Clock clock) {
        this.specialDays = specialDays;
        this.forecasts = forecasts;
        this.currentCompany = currentCompany;
        this.clock = clock;
    }

    record SpecialDayInput(String kind, String note) {}

    /** A row of the list: a saved special day, or a day detected as abnormal ({@code detected: true}, kind outlier). */
    record SpecialDayRow(LocalDate date, String kind, String note, boolean detected) {}

    /** Saved special days and the days detected as abnormal in the company's total volume, between the dates. */
    @Operation(summary = "List special days",
            description = "Saved special days and days detected as abnormal (daily total far from the same weekday's robust level; `detected: true`) between `start` and `end` (local dates; default the last 90 days and the next 366).")
    @GetMapping("/api/v1/special-days")
    List<SpecialDayRow> list(@RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        ZoneId zone = currentCompany.company().timeZone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = start == null || start.isBlank() ? today.minusDays(90) : date("start", start, errors);
        LocalDate to = end == null || end.isBlank() ? today.plusDays(366) : date("end", end, errors);
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return forecasts.markedDays(currentCompany.id(), zone, from, to).stream()
                .map(d -> new SpecialDayRow(d.date(), d.kind(), d.note(), d.detected())).toList();
    }

    @Operation(summary = "Read a special day",
            description = "The saved special day on that local date (YYYY-MM-DD); 404 when none.")
    @GetMapping("/api/v1/special-days/{date}")
    SpecialDays.SpecialDay get(@PathVariable String date) {
        return specialDays.get(currentCompany.id(), pathDate(date)).orElseThrow(() -> new NotFoundException("special day"));
    }

    @Operation(summary = "Mark a special day",
            description = "Body `{kind, note?}`: `outlier` (left out of training), `closed` (forecast at zero), `holiday` (left out of training, forecast from past holidays' share of a normal day, else closed), `normal` (a day detected as abnormal is trained on after all). Forecasts are refit. 400 naming the field.")
    @PutMapping("/api/v1/special-days/{date}")
    SpecialDays.SpecialDay put(@PathVariable String date, @RequestBody SpecialDayInput body) {
        SpecialDays.SpecialDay saved = specialDays.mark(currentCompany.id(), date, body == null ? null : body.kind(),
                body == null ? null : body.note());
        forecasts.forgetFits(currentCompany.id());
        return saved;
    }

    @Operation(summary = "Unmark a special day",
            description = "204; forecasts are refit. 404 when the date was not marked.")
    @DeleteMapping("/api/v1/special-days/{date}")
    ResponseEntity<Void> delete(@PathVariable String date) {
        if (!specialDays.delete(currentCompany.id(), pathDate(date))) throw new NotFoundException("special day");
        forecasts.forgetFits(currentCompany.id());
        return ResponseEntity.noContent().build();
    }

    private static LocalDate pathDate(String value) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = date("date", value, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return d;
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-12-25"));
            return null;
        }
    }
}
