package com.rostra.staffing;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The staffing calculator: agents for one interval's volume, without a queue or a forecast, by Erlang C or
 * Erlang A. Every field is bounded ({@link StaffingLimits}); out-of-range fields are a 400 naming each of them.
 */
@RestController
@Tag(name = "Staffing")
class CalculatorController {

    /** Whole-number fields are read as doubles so that any number reaches the bounds check (see {@link StaffingLimits#whole}). */
    record Calculation(Double volume, Double intervalSeconds, Double ahtSeconds, Double serviceLevel, Double targetSeconds,
                       Double maxOccupancy, Double shrinkage, Double concurrency, String model, Double patienceSeconds) {}

    /**
     * {@code abandon_rate}: share of contacts that abandon (0 for Erlang C); {@code asa_seconds}: average wait of
     * answered contacts; {@code traffic_erlangs}: the workload the answer is for.
     */
    record Result(int agents, double serviceLevel, double asaSeconds, double occupancy, int agentsWithShrinkage,
                  String model, double abandonRate, double probabilityOfWaiting, double trafficErlangs) {}

    @Operation(summary = "Agents for one interval",
            description = "Body `{volume, interval_seconds, aht_seconds, service_level, target_seconds, shrinkage?, max_occupancy?, model?: erlang_c|erlang_a, patience_seconds?}`. Answers the fewest agents meeting the service level under the occupancy cap, with service level, ASA, occupancy, probability of waiting, abandonment (Erlang A: abandoners count as not answered) and agents with shrinkage. Every input is bounded; a 400 names each field out of range.")
    @PostMapping("/api/v1/staffing/calculate")
    Result calculate(@RequestBody Calculation body) {
        Calculation c = body;
        Integer intervalSeconds = StaffingLimits.whole(c.intervalSeconds());
        Integer ahtSeconds = StaffingLimits.whole(c.ahtSeconds());
        Integer targetSeconds = StaffingLimits.whole(c.targetSeconds());
        Integer patienceSeconds = StaffingLimits.whole(c.patienceSeconds());
        List<FieldError> errors = new ArrayList<>();
        if (c.volume() == null || !(c.volume() >= 0 && c.volume() <= StaffingLimits.MAX_VOLUME)) {
            errors.add(new FieldError("volume", "is required: 0 to 1000000 contacts"));
        }
        if (intervalSeconds == null || intervalSeconds < StaffingLimits.MIN_INTERVAL_SECONDS
                || intervalSeconds > StaffingLimits.MAX_INTERVAL_SECONDS) {
            errors.add(new FieldError("interval_seconds", "is required: 60 to 86400"));
        }
        StaffingLimits.ahtSeconds(ahtSeconds, errors);
        StaffingLimits.serviceLevel(c.serviceLevel(), errors);
        StaffingLimits.targetSeconds(targetSeconds, errors);
        double occupancy = c.maxOccupancy() == null ? 1.0 : c.maxOccupancy();
        StaffingLimits.maxOccupancy(occupancy, errors);
        double shrinkage = c.shrinkage() == null ? 0 : c.shrinkage();
        StaffingLimits.shrinkage(shrinkage, errors);
        int concurrency = c.concurrency() == null ? 1 : StaffingLimits.whole(c.concurrency());
        StaffingLimits.concurrency(concurrency, errors);
        StaffingModel model = StaffingLimits.model(c.model() == null ? StaffingModel.ERLANG_C.wireName() : c.model(), errors);
        StaffingLimits.patienceSeconds(patienceSeconds, model == StaffingModel.ERLANG_A, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);

        double handle = (double) ahtSeconds / concurrency;
        double traffic = c.volume() * handle / intervalSeconds;
        if (traffic > StaffingLimits.MAX_TRAFFIC) {
            throw new InvalidRequestException("volume", String.format(java.util.Locale.ROOT,
                    "is %.0f Erlangs of work with this aht_seconds, concurrency and interval_seconds; at most %.0f",
                    traffic, StaffingLimits.MAX_TRAFFIC));
        }
        StaffingModel.Solution s = model.solve(traffic, handle, targetSeconds, c.serviceLevel(), occupancy,
                patienceSeconds == null ? 0 : patienceSeconds);
        if (!s.reachable()) {
            throw new InvalidRequestException("service_level", "cannot be met within target_seconds with at most "
                    + ErlangC.MAX_AGENTS + " agents; lower it or lengthen target_seconds");
        }
        int agents = s.agents();
        return new Result(agents, round(s.serviceLevel()), round(s.asaSeconds()), round(s.occupancy()),
                (int) Math.ceil(agents / (1 - shrinkage) - 1e-9), model.wireName(), round(s.abandonRate()),
                round(s.probabilityOfWaiting()), round(traffic));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
