package com.rostra.staffing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;

import io.swagger.v3.oas.annotations.tags.Tag;

/** The staffing calculator: agents for one interval's volume, without a queue or a forecast. */
@RestController
@Tag(name = "Staffing")
class CalculatorController {

    record Calculation(Double volume, Integer intervalSeconds, Integer ahtSeconds, Double serviceLevel, Integer targetSeconds,
                       Double maxOccupancy, Double shrinkage, Integer concurrency, String model, Integer patienceSeconds) {}

    record Result(int agents, double serviceLevel, double asaSeconds, double occupancy, int agentsWithShrinkage) {}

    @PostMapping("/api/v1/staffing/calculate")
    Result calculate(@RequestBody Calculation c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.volume() == null || c.volume() < 0 || c.volume() > 1_000_000) errors.add(new FieldError("volume", "is required: 0 to 1000000 contacts"));
        if (c.intervalSeconds() == null || c.intervalSeconds() < 60 || c.intervalSeconds() > 86_400) errors.add(new FieldError("interval_seconds", "is required: 60 to 86400"));
        if (c.ahtSeconds() == null || c.ahtSeconds() < 1 || c.ahtSeconds() > 86_400) errors.add(new FieldError("aht_seconds", "is required: 1 to 86400"));
        if (c.serviceLevel() == null || !(c.serviceLevel() > 0 && c.serviceLevel() < 1)) errors.add(new FieldError("service_level", "is required: between 0 and 1"));
        if (c.targetSeconds() == null || c.targetSeconds() < 1) errors.add(new FieldError("target_seconds", "is required: at least 1"));
        double occupancy = c.maxOccupancy() == null ? 1.0 : c.maxOccupancy();
        if (!(occupancy > 0 && occupancy <= 1)) errors.add(new FieldError("max_occupancy", "must be above 0 and at most 1"));
        double shrinkage = c.shrinkage() == null ? 0 : c.shrinkage();
        if (!(shrinkage >= 0 && shrinkage <= 0.9)) errors.add(new FieldError("shrinkage", "must be between 0 and 0.9"));
        int concurrency = c.concurrency() == null ? 1 : c.concurrency();
        if (concurrency < 1 || concurrency > 20) errors.add(new FieldError("concurrency", "must be from 1 to 20"));
        String model = c.model() == null ? "erlang_c" : c.model();
        if (model.equals("erlang_a")) {
            errors.add(new FieldError("model", "erlang_a (with abandonment) is not available yet; use erlang_c"));
        } else if (!model.equals("erlang_c")) {
            errors.add(new FieldError("model", "must be erlang_c or erlang_a"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        double handle = (double) c.ahtSeconds() / concurrency;
        double traffic = c.volume() * handle / c.intervalSeconds();
        int agents = ErlangC.agents(traffic, handle, c.targetSeconds(), c.serviceLevel(), occupancy);
        double sl = agents == 0 ? 1 : ErlangC.serviceLevel(traffic, agents, handle, c.targetSeconds());
        double asa = agents == 0 ? 0 : ErlangC.probabilityOfWaiting(traffic, agents) * handle / (agents - traffic);
        return new Result(agents, round(sl), round(asa), agents == 0 ? 0 : round(traffic / agents),
                (int) Math.ceil(agents / (1 - shrinkage) - 1e-9));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
