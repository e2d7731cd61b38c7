package com.rostra.staffing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.forecasting.Forecasts;
import com.rostra.schedules.Activities;
import com.rostra.tenancy.CompanyId;

/**
 * Required agents per interval for one queue and channel. Live channels: Erlang C on the forecast traffic
 * (handle time divided by concurrency), the fewest agents that reach the service level within the occupancy cap.
 * Deferred channels (an SLA window in hours): the workload of the interval at the occupancy cap. Shrinkage then
 * turns agents on the phones into agents to schedule. Scheduled agents: people with a productive activity for
 * the channel at the middle of the interval (queues are not part of a schedule yet, so per-queue figures count
 * everyone scheduled on the channel).
 */
@Service
public class Requirements {

    public record Requirement(Instant start, double forecastVolume, int requiredAgents, int requiredWithShrinkage,
                              Integer scheduledAgents, Double expectedServiceLevel) {}

    private final Forecasts forecasts;
    private final Activities activities;

    Requirements(Forecasts forecasts, Activities activities) {
        this.forecasts = forecasts;
        this.activities = activities;
    }

    public List<Requirement> requirements(CompanyId company, Long queueId, Channel channel, Instant start, Instant end,
                                          IntervalLength length, ZoneId zone, StaffingSettings s) {
        Forecasts.Forecast forecast = forecasts.forecast(new Forecasts.Series(company, queueId, channel), start, end, length, zone);
        List<Instant> starts = forecast.intervals().stream().map(Forecasts.Point::start).toList();
        int[] scheduled = activities.scheduledAgents(company, channel.wireName(), starts, length.nominal());
        List<Requirement> result = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Forecasts.Point p = forecast.intervals().get(i);
            double seconds = length.next(p.start(), zone).getEpochSecond() - p.start().getEpochSecond();
            Requirement r = requirement(p.start(), p.volume(), seconds, s);
            result.add(new Requirement(r.start(), r.forecastVolume(), r.requiredAgents(), r.requiredWithShrinkage(),
                    scheduled[i], r.expectedServiceLevel()));
        }
        return result;
    }

    static Requirement requirement(Instant start, double volume, double intervalSeconds, StaffingSettings s) {
        int required;
        Double expected = null;
        if (volume <= 0) {
            required = 0;
        } else if (s.slaWindowHours() != null) {
            required = (int) Math.ceil(volume * s.ahtSeconds() / (intervalSeconds * s.maxOccupancy()) - 1e-9);
        } else {
            double handle = (double) s.ahtSeconds() / s.concurrency();
            double traffic = volume * handle / intervalSeconds;
            required = ErlangC.agents(traffic, handle, s.targetSeconds(), s.serviceLevel(), s.maxOccupancy());
            expected = Math.round(ErlangC.serviceLevel(traffic, required, handle, s.targetSeconds()) * 10_000) / 10_000.0;
        }
        int withShrinkage = (int) Math.ceil(required / (1 - s.shrinkage()) - 1e-9);
        return new Requirement(start, volume, required, withShrinkage, null, expected);
    }
}
