package com.rostra.staffing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.forecasting.Forecasts;
import com.rostra.schedules.Activities;
import com.rostra.tenancy.BusinessHours;
import com.rostra.tenancy.CompanyId;

/**
 * Required agents per interval for one queue and channel. Live channels: Erlang C, or Erlang A when the settings
 * choose it (contacts abandon after their patience), on the forecast traffic (handle time divided by concurrency):
 * the fewest agents that reach the service level within the occupancy cap.
 * Deferred channels (an SLA window in hours): the workload of the interval at the occupancy cap. Shrinkage then
 * turns agents on the phones into agents to schedule. Scheduled agents: people with a productive activity for
 * the channel at the middle of the interval (queues are not part of a schedule yet, so per-queue figures count
 * everyone scheduled on the channel).
 */
@Service
public class Requirements {

    /**
     * {@code backlog}: deferred channels only, contacts still waiting at the end of the interval in the plan.
     * {@code ahtSeconds}: the handle time the interval was planned with (measured per hour of the week, or the settings').
     * {@code scheduledForQueue}: the scheduled agents counted for this queue: a person whose skills ({@code queue_ids})
     * cover several queues counts for each in proportion to those queues' requirements in the interval (equally when
     * none requires anyone); for all queues together it is {@code scheduledAgents}. {@code scheduledServiceLevel}: the
     * service level those agents would reach (live channels). {@code staffing}: {@code under} when fewer are scheduled
     * than required with shrinkage, {@code over} when one agent or more could leave and the requirement would still be
     * met, else {@code ok}.
     */
    public record Requirement(Instant start, double forecastVolume, int requiredAgents, int requiredWithShrinkage,
                              Integer scheduledAgents, Double expectedServiceLevel, Double backlog, Integer ahtSeconds,
                              Double scheduledForQueue, Double scheduledServiceLevel, String staffing) {

        Requirement(Instant start, double forecastVolume, int requiredAgents, int requiredWithShrinkage,
                    Integer scheduledAgents, Double expectedServiceLevel, Double backlog) {
            this(start, forecastVolume, requiredAgents, requiredWithShrinkage, scheduledAgents, expectedServiceLevel, backlog,
                    null, null, null, null);
        }

        Requirement(Instant start, double forecastVolume, int requiredAgents, int requiredWithShrinkage,
                    Integer scheduledAgents, Double expectedServiceLevel) {
            this(start, forecastVolume, requiredAgents, requiredWithShrinkage, scheduledAgents, expectedServiceLevel, null);
        }
    }

    /** Deferred work is planned from this long before the range, so the backlog it inherits is in the plan. */
    private static final Duration DEFERRED_LOOKBACK = Duration.ofDays(3);

    private final Forecasts forecasts;
    private final Activities activities;

    private final BusinessHours businessHours;
    private final QueueCoverage coverage;
    private final StaffingSettingsStore settingsStore;
    private final MeasuredPatience patience;
    private final HandleTimes handleTimes;

    Requirements(Forecasts forecasts, Activities activities, BusinessHours businessHours, QueueCoverage coverage,
                 StaffingSettingsStore settingsStore, MeasuredPatience patience, HandleTimes handleTimes) {
        this.coverage = coverage;
        this.settingsStore = settingsStore;
        this.patience = patience;
        this.handleTimes = handleTimes;
        this.forecasts = forecasts;
        this.activities = activities;
        this.businessHours = businessHours;
    }

    public List<Requirement> requirements(CompanyId company, Long queueId, Channel channel, Instant start, Instant end,
                                          IntervalLength length, ZoneId zone, StaffingSettings s) {
        return requirements(company, queueId, channel, start, end, length, zone, s, null);
    }

    /**
     * With a measured handle-time profile (null: the settings' handle time throughout), live channels plan each
     * interval with the handle time of its hour of the week.
     */
    public List<Requirement> requirements(CompanyId company, Long queueId, Channel channel, Instant start, Instant end,
                                          IntervalLength length, ZoneId zone, StaffingSettings s,
                                          HandleTimes.HandleProfile profile) {
        return io.micrometer.core.instrument.Metrics.timer("rostra.requirements")
                .record(() -> compute(company, queueId, channel, start, end, length, zone, s, profile));
    }

    private List<Requirement> compute(CompanyId company, Long queueId, Channel channel, Instant start, Instant end,
                                      IntervalLength length, ZoneId zone, StaffingSettings s,
                                      HandleTimes.HandleProfile profile) {
        Forecasts.Forecast forecast = forecasts.forecast(new Forecasts.Series(company, queueId, channel), start, end, length, zone);
        List<Instant> starts = forecast.intervals().stream().map(Forecasts.Point::start).toList();
        int[] scheduled = activities.scheduledAgents(company, channel.wireName(), starts, length.nominal());
        List<Requirement> base = s.slaWindowHours() != null
                ? deferred(company, queueId, channel, start, end, length, zone, s, forecast, scheduled)
                : live(forecast, length, zone, s, profile, scheduled);
        double[] forQueue = queueId == null ? null
                : coverage.scheduledForQueue(company, queueId, channel, starts, length.nominal(), base,
                        other -> required(company, other, channel, start, end, length, zone));
        List<Requirement> result = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            Requirement r = base.get(i);
            double agents = forQueue == null ? scheduled[i] : Math.round(forQueue[i] * 100) / 100.0;
            double seconds = length.next(r.start(), zone).getEpochSecond() - r.start().getEpochSecond();
            StaffingSettings si = r.ahtSeconds() == null ? s : s.withAht(r.ahtSeconds());
            String mark = agents + 1e-9 < r.requiredWithShrinkage() ? "under"
                    : agents - 1 + 1e-9 >= r.requiredWithShrinkage() ? "over" : "ok";
            result.add(new Requirement(r.start(), r.forecastVolume(), r.requiredAgents(), r.requiredWithShrinkage(),
                    r.scheduledAgents(), r.expectedServiceLevel(), r.backlog(), r.ahtSeconds(), agents,
                    ServiceLevels.expected(si, r.forecastVolume(), seconds, agents), mark));
        }
        return result;
    }

    private List<Requirement> live(Forecasts.Forecast forecast, IntervalLength length, ZoneId zone, StaffingSettings s,
                                   HandleTimes.HandleProfile profile, int[] scheduled) {
        List<Requirement> result = new ArrayList<>();
        SolutionMemo memo = new SolutionMemo();
        for (int i = 0; i < forecast.intervals().size(); i++) {
            Forecasts.Point p = forecast.intervals().get(i);
            double seconds = length.next(p.start(), zone).getEpochSecond() - p.start().getEpochSecond();
            StaffingSettings si = profile == null ? s
                    : s.withAht((int) Math.max(1, Math.min(StaffingLimits.MAX_AHT_SECONDS, Math.round(profile.at(p.start())))));
            Requirement r = requirement(p.start(), p.volume(), seconds, si, memo);
            result.add(new Requirement(r.start(), r.forecastVolume(), r.requiredAgents(), r.requiredWithShrinkage(),
                    scheduled[i], r.expectedServiceLevel(), null, si.ahtSeconds(), null, null, null));
        }
        return result;
    }

    /**
     * Another queue's requirement with shrinkage per interval, with its own saved settings (measured patience and handle
     * time as the settings say; a stored row out of range plans with the channel's defaults), for the split of people
     * who serve several queues.
     */
    private int[] required(CompanyId company, long queueId, Channel channel, Instant start, Instant end, IntervalLength length,
                           ZoneId zone) {
        StaffingSettings s = settingsStore.get(company, queueId, channel.wireName());
        s = patience.resolve(company, queueId, channel.wireName(), s);
        try {
            StaffingSettingsStore.check(s);
        } catch (com.rostra.platform.InvalidRequestException e) {
            s = StaffingSettings.defaultsFor(channel.wireName());
        }
        HandleTimes.Profiled profiled = handleTimes.resolve(company, queueId, channel.wireName(), zone, s);
        Forecasts.Forecast forecast = forecasts.forecast(new Forecasts.Series(company, queueId, channel), start, end, length, zone);
        int[] none = new int[forecast.intervals().size()];
        List<Requirement> rows = profiled.settings().slaWindowHours() != null
                ? deferred(company, queueId, channel, start, end, length, zone, profiled.settings(), forecast, none)
                : live(forecast, length, zone, profiled.settings(), profiled.profile(), none);
        return rows.stream().mapToInt(Requirement::requiredWithShrinkage).toArray();
    }

    /**
     * Deferred work (an SLA window): planned with {@link SlaWindowPlanner} over the company's business hours (all hours
     * when none are set), from a few days before the range so the backlog it starts with is counted.
     */
    private List<Requirement> deferred(CompanyId company, Long queueId, Channel channel, Instant start, Instant end,
                                       IntervalLength length, ZoneId zone, StaffingSettings s, Forecasts.Forecast forecast,
                                       int[] scheduled) {
        Instant from = start.minus(DEFERRED_LOOKBACK);
        List<Forecasts.Point> points = forecasts.forecast(new Forecasts.Series(company, queueId, channel), from, end, length, zone)
                .intervals();
        java.util.Optional<com.rostra.tenancy.BusinessCalendar> calendar = businessHours.calendar(company);
        SlaWindowPlanner.Interval[] intervals = new SlaWindowPlanner.Interval[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Instant a = points.get(i).start();
            Instant b = length.next(a, zone);
            double open = calendar.map(c -> (double) c.businessSeconds(a, b)).orElse((double) Duration.between(a, b).getSeconds());
            intervals[i] = new SlaWindowPlanner.Interval(points.get(i).volume() / s.concurrency(), open);
        }
        SlaWindowPlanner.Plan plan = SlaWindowPlanner.plan(intervals, s.ahtSeconds(), s.maxOccupancy(),
                s.slaWindowHours() * 3600.0, ErlangC.MAX_AGENTS);
        Map<Instant, Integer> index = new HashMap<>();
        for (int i = 0; i < points.size(); i++) index.put(points.get(i).start(), i);
        List<Requirement> result = new ArrayList<>();
        for (int i = 0; i < forecast.intervals().size(); i++) {
            Forecasts.Point p = forecast.intervals().get(i);
            Integer k = index.get(p.start());
            int required = k == null ? 0 : plan.agents()[k];
            double backlog = k == null ? 0 : Math.round(plan.backlog()[k] * 10) / 10.0;
            int withShrinkage = (int) Math.min(Integer.MAX_VALUE, Math.ceil(required / (1 - s.shrinkage()) - 1e-9));
            result.add(new Requirement(p.start(), p.volume(), required, withShrinkage, scheduled[i], null, backlog,
                    s.ahtSeconds(), null, null, null));
        }
        return result;
    }

    static Requirement requirement(Instant start, double volume, double intervalSeconds, StaffingSettings s) {
        return requirement(start, volume, intervalSeconds, s, new SolutionMemo());
    }

    /**
     * One interval. Live channels: the settings' model (Erlang C, or Erlang A with the settings' patience) on the
     * forecast traffic; when more than {@link ErlangC#MAX_AGENTS} agents would be needed the requirement is that cap.
     * {@code memo} keeps solutions by traffic and handle time, as many intervals of a range share their inputs; it
     * belongs to one set of settings (their target, goal, cap and patience are not part of its key).
     */
    static Requirement requirement(Instant start, double volume, double intervalSeconds, StaffingSettings s,
                                   SolutionMemo memo) {
        int required;
        Double expected = null;
        if (!(volume > 0)) {
            required = 0;
        } else if (s.slaWindowHours() != null) {
            double workload = Math.ceil(volume * s.ahtSeconds() / (intervalSeconds * s.maxOccupancy()) - 1e-9);
            required = (int) Math.min(workload, ErlangC.MAX_AGENTS);
        } else {
            double handle = (double) s.ahtSeconds() / s.concurrency();
            double traffic = volume * handle / intervalSeconds;
            StaffingModel model = s.patienceSeconds() == null ? StaffingModel.ERLANG_C : s.staffingModel();
            StaffingModel.Solution solution = memo.get(traffic, handle);
            if (solution == null) {
                solution = model.solve(traffic, handle, s.targetSeconds(), s.serviceLevel(), s.maxOccupancy(),
                        s.patienceSeconds() == null ? 0 : s.patienceSeconds(), false);
                memo.put(traffic, handle, solution);
            }
            required = solution.reachable() ? solution.agents() : ErlangC.MAX_AGENTS;
            expected = Math.round(solution.serviceLevel() * 10_000) / 10_000.0;
        }
        int withShrinkage = (int) Math.min(Integer.MAX_VALUE, Math.ceil(required / (1 - s.shrinkage()) - 1e-9));
        return new Requirement(start, volume, required, withShrinkage, null, expected);
    }
}
