package com.rostra.staffing;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.RequestTimes;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.platform.NotFoundException;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CurrentCompany;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Staffing")
class StaffingController {

    private final StaffingSettingsStore settings;
    private final Requirements requirements;
    private final Queues queues;
    private final CurrentCompany currentCompany;
    private final java.time.Clock clock;
    private final MeasuredPatience patience;
    private final HandleTimes handleTimes;

    StaffingController(StaffingSettingsStore settings, Requirements requirements, Queues queues, CurrentCompany currentCompany,
                       java.time.Clock clock, MeasuredPatience patience, HandleTimes handleTimes) {
        this.handleTimes = handleTimes;
        this.patience = patience;
        this.settings = settings;
        this.requirements = requirements;
        this.queues = queues;
        this.currentCompany = currentCompany;
        this.clock = clock;
    }

    /** {@code queue_id} "all" is every queue together. */
    @Operation(summary = "Read staffing settings",
            description = "Settings of one queue (an id, or `all` for every queue together) and channel (phone, email, chat, sms, social): `model` erlang_c or erlang_a, `service_level` (0.01-0.999) within `target_seconds`, `aht_seconds`, `shrinkage` (0-0.9), `max_occupancy` (0.1-1), `concurrency` (1-20), `patience_seconds` (Erlang A; unset means the measured patience), `sla_window_hours` (deferred channels), `aht_measured` (true: the handle time measured from Gladly's Work Session report is used when there is one, `aht_seconds` being the fallback; false: `aht_seconds` was typed in). Unset fields show the channel's defaults.")
    @GetMapping("/api/v1/staffing-settings/{queueId}/{channel}")
    StaffingSettings get(@PathVariable String queueId, @PathVariable String channel) {
        return settings.get(currentCompany.id(), queueKey(queueId), channel(channel));
    }

    /** The body of PUT: fields left out keep their current value (the channel's default until saved). */
    record SettingsInput(Double serviceLevel, Double targetSeconds, Double ahtSeconds, Double shrinkage, Double maxOccupancy,
                         Double concurrency, Double patienceSeconds, Double slaWindowHours, String model, Boolean ahtMeasured) {}

    @Operation(summary = "Change staffing settings",
            description = "Body with any of the fields of the read; left-out fields are kept. Giving `aht_seconds` overrides the measured handle time; `aht_measured: true` goes back to it. Every value is range-checked: a 400 names each field out of range. `model: erlang_a` without `patience_seconds` uses the measured patience (see measured-patience); a 400 when there is none yet.")
    @PutMapping("/api/v1/staffing-settings/{queueId}/{channel}")
    StaffingSettings put(@PathVariable String queueId, @PathVariable String channel, @RequestBody SettingsInput body) {
        long queue = queueKey(queueId);
        String ch = channel(channel);
        StaffingSettings current = settings.get(currentCompany.id(), queue, ch);
        boolean measured = patience.measure(currentCompany.id(), queue, ch, MeasuredPatience.DEFAULT_WEEKS).meanSeconds() != null;
        return settings.save(currentCompany.id(), queue, ch, current.with(new StaffingSettings.Changes(
                body.serviceLevel(), StaffingLimits.whole(body.targetSeconds()), StaffingLimits.whole(body.ahtSeconds()),
                body.shrinkage(), body.maxOccupancy(), StaffingLimits.whole(body.concurrency()),
                StaffingLimits.whole(body.patienceSeconds()), StaffingLimits.whole(body.slaWindowHours()),
                body.model(), body.ahtMeasured())), measured);
    }

    @Operation(summary = "Measured handle time",
            description = "Average handle time of this queue's contacts on the channel from Gladly's Work Session report over the last `weeks` (1-26, default 8): `mean_seconds` is handle time plus after-contact work per session (`mean_handle_seconds`, `mean_after_contact_seconds`), over `sessions` sessions that ended in the window, each counted under its contact's queue. Null when no session was pulled. Settings with `aht_measured` plan with it (per hour of the week in requirements) unless `aht_seconds` is typed in.")
    @GetMapping("/api/v1/staffing-settings/{queueId}/{channel}/measured-handle-time")
    HandleTimes.Measured measuredHandleTime(@PathVariable String queueId, @PathVariable String channel,
                                            @RequestParam(defaultValue = "8") int weeks) {
        if (weeks < 1 || weeks > 26) throw new InvalidRequestException("weeks", "must be between 1 and 26");
        return handleTimes.measure(currentCompany.id(), queueKey(queueId), channel(channel), weeks,
                currentCompany.company().timeZone());
    }

    @Operation(summary = "Measured patience",
            description = "How long this queue's customers wait before abandoning, from the company's own inbound contacts of the channel over the last `weeks` (1-26, default 8): the exponential maximum-likelihood mean, total waiting time of abandoned and answered contacts divided by the number abandoned. `mean_seconds` is null when nobody abandoned. Erlang A uses it whenever `patience_seconds` is not set.")
    @GetMapping("/api/v1/staffing-settings/{queueId}/{channel}/measured-patience")
    MeasuredPatience.Patience measuredPatience(@PathVariable String queueId, @PathVariable String channel,
                                               @RequestParam(defaultValue = "8") int weeks) {
        if (weeks < 1 || weeks > 26) throw new InvalidRequestException("weeks", "must be between 1 and 26");
        return patience.measure(currentCompany.id(), queueKey(queueId), channel(channel), weeks);
    }

    /**
     * Requirements per interval; the optional overrides preview other settings without saving them (what-if). The
     * settings used, saved or previewed, are checked first: out of range is a 400 naming the field.
     */
    @Operation(summary = "Staffing requirements",
            description = "Required agents per 15-minute interval in [start, end) (default: today in the company's zone) for a `queue_id` and `channel`, from the forecast: Erlang C or A for live channels, workload for deferred ones, with shrinkage; alongside the scheduled agents. Any setting given as a parameter (`aht_seconds=320`, `model=erlang_a&patience_seconds=90`) is a what-if, not saved. With `aht_measured` settings and no `aht_seconds` parameter, each interval uses the measured handle time of its hour of the week (`aht_seconds` per row).")
    @GetMapping("/api/v1/requirements")
    List<Requirements.Requirement> requirements(@RequestParam(name = "queue_id", required = false) String queueId,
                                                @RequestParam(required = false) String channel,
                                                @RequestParam(required = false) String start,
                                                @RequestParam(required = false) String end,
                                                @RequestParam(defaultValue = "15m") String interval,
                                                @RequestParam(name = "service_level", required = false) Double serviceLevel,
                                                @RequestParam(name = "target_seconds", required = false) Integer targetSeconds,
                                                @RequestParam(name = "aht_seconds", required = false) Integer ahtSeconds,
                                                @RequestParam(required = false) Double shrinkage,
                                                @RequestParam(name = "max_occupancy", required = false) Double maxOccupancy,
                                                @RequestParam(required = false) Integer concurrency,
                                                @RequestParam(name = "patience_seconds", required = false) Integer patienceSeconds,
                                                @RequestParam(required = false) String model) {
        List<FieldError> errors = new ArrayList<>();
        Long queue = queues.queueIdParam(currentCompany.id(), queueId, errors);
        Channel ch = channel == null ? null : Channel.fromWire(channel).orElse(null);
        if (ch == null) errors.add(new FieldError("channel", "is required: one of " + com.rostra.contacts.Channel.listed() + " (settings are per channel)"));
        ZoneId zone = currentCompany.company().timeZone();
        Instant dayStart = clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        // A bare date is the start of that local day in the company's zone (as forecast publishing reads it), not UTC's.
        Instant from = RequestTimes.parseOr("start", start, zone, dayStart, errors);
        // Without an end, one local day from the start asked for (today when neither is given): the next local midnight
        // for a bare date, 23 or 25 hours on a DST day, not 24.
        Instant to = RequestTimes.parseOr("end", end, zone, (from == null ? dayStart : from).atZone(zone).plusDays(1).toInstant(), errors);
        IntervalLength length = IntervalLength.fromWire(interval).filter(l -> l != IntervalLength.DAY).orElse(null);
        if (length == null) errors.add(new FieldError("interval", "must be 15m, 30m or 60m"));
        if (from != null && to != null && (!to.isAfter(from) || Duration.between(from, to).toDays() > 31)) {
            errors.add(new FieldError("end", "must be after start and at most 31 days later"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        StaffingSettings saved = settings.get(currentCompany.id(), queue == null ? 0 : queue, ch.wireName());
        StaffingSettings s = saved.with(new StaffingSettings.Changes(serviceLevel, targetSeconds, ahtSeconds, shrinkage,
                maxOccupancy, concurrency, patienceSeconds, null, model, null));
        s = patience.resolve(currentCompany.id(), queue, ch.wireName(), s);
        StaffingSettingsStore.check(s);
        HandleTimes.Profiled profiled = handleTimes.resolve(currentCompany.id(), queue, ch.wireName(), zone, s);
        return requirements.requirements(currentCompany.id(), queue, ch, from, to, length, zone, profiled.settings(),
                profiled.profile());
    }

    private long queueKey(String queueId) {
        if (queueId.equals("all")) return 0;
        try {
            long id = Long.parseLong(queueId);
            if (queues.path(currentCompany.id(), id).isPresent()) return id;
        } catch (NumberFormatException e) {
            // not found below
        }
        throw new NotFoundException("queue");
    }

    private static String channel(String channel) {
        return Channel.fromWire(channel).map(Channel::wireName)
                .orElseThrow(() -> new InvalidRequestException("channel", "must be one of " + com.rostra.contacts.Channel.listed()));
    }
}
