package com.rostra.forecasting;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.RequestTimes;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Forecasts")
class ForecastsController {

    private final Forecasts forecasts;
    private final Queues queues;
    private final CurrentCompany currentCompany;
    private final java.time.Clock clock;
    private final PublishedForecasts published;

    ForecastsController(Forecasts forecasts, PublishedForecasts published, Queues queues, CurrentCompany currentCompany,
                        java.time.Clock clock) {
        this.forecasts = forecasts;
        this.published = published;
        this.queues = queues;
        this.currentCompany = currentCompany;
        this.clock = clock;
    }

    record ForecastResponse(String model, Long queueId, String channel, String timeZone, String interval,
                            Double intradayShrink, List<Forecasts.Point> intervals) {}

    record AccuracyResponse(Long queueId, String channel, int weeks, String chosenModel, List<Forecasts.ModelScore> models,
                            Forecasts.IntradayAccuracy intraday) {}

    /** Forecast and actual per interval; without start/end, this week and the next. */
    @Operation(summary = "Forecast volume",
            description = "Forecast contacts per interval for a `queue_id` (an id, children included; default all queues) and `channel` (default all), from `start` to `end` (default this week and the next; at most 92 days apart), `interval` 15m, 30m, 60m or 1d in the company's time zone. Past intervals carry their `actual`. `model` is the one chosen by backtest for this series: week_average (the N-week same-weekday average, the baseline), top_down, double_seasonal, calendar or combination. Days with no data are absent, not zero; special days apply (closed: zero). `volume` is the forecast with forecast adjustments applied (what staffing uses), `model_volume` the model's alone. Today's intervals carry `intraday`: closed quarter hours as they happened and the rest of today re-scaled by how today runs against its forecast so far, shrunk toward no change early in the day (`intraday_shrink`: the shrinkage c, fitted on the series' last days); null on other days. Forecasts are read from the stored nightly fit when there is one. `version=published` reads what was last published (`POST /api/v1/forecasts/publish`) for each day instead, `model` then being `published` (zero where nothing was published).")
    @GetMapping("/api/v1/forecasts")
    ForecastResponse forecast(@RequestParam(name = "queue_id", required = false) String queueId,
                              @RequestParam(required = false) String channel,
                              @RequestParam(required = false) String start, @RequestParam(required = false) String end,
                              @RequestParam(defaultValue = "15m") String interval,
                              @RequestParam(required = false) String version) {
        List<FieldError> errors = new ArrayList<>();
        Forecasts.Series series = series(queueId, channel, errors);
        ZoneId zone = currentCompany.company().timeZone();
        Instant thisWeek = WeekSlots.weekStart(clock.instant(), zone);
        // A bare date is the start of that local day in the company's zone (as requirements and publishing read it), not UTC's.
        Instant from = RequestTimes.parseOr("start", start, zone, thisWeek, errors);
        Instant to = RequestTimes.parseOr("end", end, zone, thisWeek.atZone(zone).plusWeeks(2).toInstant(), errors);
        IntervalLength length = IntervalLength.fromWire(interval).orElse(null);
        if (length == null) errors.add(new FieldError("interval", "must be 15m, 30m, 60m or 1d"));
        if (from != null && to != null) {
            if (!to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
            else if (Duration.between(from, to).toDays() > 92) errors.add(new FieldError("end", "at most 92 days after start"));
        }
        boolean publishedVersion = "published".equals(version);
        if (version != null && !version.isBlank() && !publishedVersion && !"current".equals(version)) {
            errors.add(new FieldError("version", "must be current or published"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        if (publishedVersion) {
            return new ForecastResponse("published", series.queueId(), channel, zone.getId(), interval, null,
                    published.intervals(series, from, to, length, zone));
        }
        Forecasts.Forecast f = forecasts.forecast(series, from, to, length, zone);
        return new ForecastResponse(f.model(), series.queueId(), channel, zone.getId(), interval, f.intradayShrink(), f.intervals());
    }

    @Operation(summary = "Forecast accuracy by model",
            description = "Rolling-origin backtest of every candidate model for the series over the last `weeks` (1-12, default 4): WAPE (sum of absolute errors / sum of actuals) and MASE (error against a same-slot-last-week naive forecast; below 1 beats it), and the chosen model. `intraday` reports day-ahead and intraday accuracy apart over the last present days (at most 14): `day_ahead_wape` over whole days, and over the rest of each day after every closed quarter hour the day-ahead forecast (`day_ahead_rest_of_day_wape`) against the intraday reforecast (`intraday_wape`, shrinkage fitted only on earlier days).")
    @GetMapping("/api/v1/forecasts/accuracy")
    AccuracyResponse accuracy(@RequestParam(name = "queue_id", required = false) String queueId,
                              @RequestParam(required = false) String channel,
                              @RequestParam(defaultValue = "4") int weeks) {
        List<FieldError> errors = new ArrayList<>();
        Forecasts.Series series = series(queueId, channel, errors);
        if (weeks < 1 || weeks > 12) errors.add(new FieldError("weeks", "must be between 1 and 12"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Forecasts.Accuracy a = forecasts.accuracy(series, weeks, currentCompany.company().timeZone());
        return new AccuracyResponse(series.queueId(), channel, weeks, a.chosenModel(), a.models(), a.intraday());
    }

    record PublishInput(String start, String end) {}

    record PublishedResponse(long id, Instant publishedAt, String publishedBy, Instant start, Instant end, int series) {}

    @Operation(summary = "Publish the forecast",
            description = "Body `{start, end}` (RFC 3339 times or local dates; widened to whole local days, at most 92 days): stores the forecast as it stands now, adjustments included, for every channel with volume (all queues) and every queue × those channels, per quarter hour, with who published it and when. Accuracy over time is measured against what was published (`GET /api/v1/forecasts/published`, `GET /api/v1/forecasts?version=published`). 201 `{id, published_at, published_by, start, end, series}`; 400 naming the field.")
    @PostMapping("/api/v1/forecasts/publish")
    ResponseEntity<PublishedResponse> publish(@RequestBody(required = false) PublishInput body) {
        ZoneId zone = currentCompany.company().timeZone();
        List<FieldError> errors = new ArrayList<>();
        Instant from = RequestTimes.required("start", body == null ? null : body.start(), zone, errors);
        Instant to = RequestTimes.required("end", body == null ? null : body.end(), zone, errors);
        if (from != null && to != null) {
            from = from.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            java.time.LocalDate lastDay = to.minusNanos(1).atZone(zone).toLocalDate();
            to = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
            if (!to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
            else if (Duration.between(from, to).toDays() > 92) errors.add(new FieldError("end", "at most 92 days after start"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        PublishedForecasts.Publication p = published.publish(currentCompany.id(), from, to, zone);
        return ResponseEntity.status(HttpStatus.CREATED).body(new PublishedResponse(p.id(), p.publishedAt(), p.publishedBy(),
                p.start(), p.end(), p.series()));
    }

    record PublishedAccuracyResponse(Long queueId, String channel, String timeZone, java.time.LocalDate start, java.time.LocalDate end,
                                     List<PublishedForecasts.WeekAccuracy> weeks, List<PublishedForecasts.Publication> publications) {}

    @Operation(summary = "Published forecasts and their accuracy",
            description = "For a `queue_id` (default all queues) and `channel` (default all) between local dates `start` and `end` (end exclusive; default the last 12 weeks from this week's Monday to tomorrow, at most 53 weeks): the publications that cover it (who, when, range) and per local week the published and actual volume of its closed quarter hours and their WAPE (sum of absolute errors / sum of actuals). Each day is judged by the last publication made before it began (or the first one covering it, when all came later), never by a forecast recomputed afterwards.")
    @GetMapping("/api/v1/forecasts/published")
    PublishedAccuracyResponse publishedAccuracy(@RequestParam(name = "queue_id", required = false) String queueId,
                                                @RequestParam(required = false) String channel,
                                                @RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        List<FieldError> errors = new ArrayList<>();
        Forecasts.Series series = series(queueId, channel, errors);
        ZoneId zone = currentCompany.company().timeZone();
        java.time.LocalDate today = clock.instant().atZone(zone).toLocalDate();
        java.time.LocalDate from = start == null || start.isBlank()
                ? today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).minusWeeks(12)
                : date("start", start, errors);
        java.time.LocalDate to = end == null || end.isBlank() ? today.plusDays(1) : date("end", end, errors);
        if (from != null && to != null) {
            if (!to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
            else if (to.isAfter(from.plusWeeks(53))) errors.add(new FieldError("end", "at most 53 weeks after start"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return new PublishedAccuracyResponse(series.queueId(), channel, zone.getId(), from, to,
                published.weekly(series, from, to, zone),
                published.publications(series.company(), from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant()));
    }

    private static java.time.LocalDate date(String field, String value, List<FieldError> errors) {
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-12-24"));
            return null;
        }
    }

    /** Backtests again on the next request (after importing history or changing queues). */
    @Operation(summary = "Refit forecasts now",
            description = "202: drops the company's cached and stored fits, so the next request (or the store pass, within a minute) backtests and fits again. Imports, queue rule changes, special-day changes and contacts of earlier days do this by themselves.")
    @PostMapping("/api/v1/forecasts/rebuild")
    ResponseEntity<Void> rebuild() {
        forecasts.forgetFits(currentCompany.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    private Forecasts.Series series(String queueId, String channel, List<FieldError> errors) {
        Long queue = queues.queueIdParam(currentCompany.id(), queueId, errors);
        Channel ch = null;
        if (channel != null && !channel.isBlank()) {
            ch = Channel.fromWire(channel).orElse(null);
            if (ch == null) errors.add(new FieldError("channel", "must be one of " + com.rostra.contacts.Channel.listed()));
        }
        return new Forecasts.Series(currentCompany.id(), queue, ch);
    }
}
