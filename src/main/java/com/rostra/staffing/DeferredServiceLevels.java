package com.rostra.staffing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.forecasting.Forecasts;
import com.rostra.tenancy.BusinessCalendar;
import com.rostra.tenancy.BusinessHours;
import com.rostra.tenancy.CompanyId;

/**
 * The service level of a deferred channel (an SLA window) with a given schedule, for other modules (scheduling shows
 * it before a schedule is published): per interval, the share of the contacts forecast to arrive in it that are
 * answered within the window. The same model as the requirements' ({@link SlaWindowPlanner}): first in, first out,
 * the window counted in business time, answered in time when answered by the end of the interval the deadline falls
 * in. Inside the range the scheduled people work (less shrinkage, at the occupancy cap); before it (the backlog it
 * inherits) and after it (where contacts arriving late in the range are answered) the requirement is assumed met.
 */
@Service
public class DeferredServiceLevels {

    /** Deferred work is planned from this long before the range, as {@link Requirements} plans it. */
    private static final Duration LOOKBACK = Duration.ofDays(3);
    /** Contacts still waiting this long after the range count as not answered in time. */
    private static final Duration MAX_TAIL = Duration.ofDays(35);

    private final Forecasts forecasts;
    private final BusinessHours businessHours;

    DeferredServiceLevels(Forecasts forecasts, BusinessHours businessHours) {
        this.forecasts = forecasts;
        this.businessHours = businessHours;
    }

    /**
     * {@code scheduledPeople[i]}: people working the channel in the i-th interval of [start, end) (15-minute steps from
     * start, shares allowed). Null entries where nothing is forecast; empty when the settings are not deferred.
     */
    public List<Double> expected(CompanyId company, Long queueId, Channel channel, Instant start, Instant end, ZoneId zone,
                                 StaffingSettings s, double[] scheduledPeople) {
        if (s.slaWindowHours() == null) return List.of();
        Optional<BusinessCalendar> calendar = businessHours.calendar(company);
        double window = s.slaWindowHours() * 3600.0;
        double openPerWeek = calendar.map(c -> (double) c.businessSeconds(end, end.plus(Duration.ofDays(7)))).orElse(7 * 86400.0);
        Duration tail = openPerWeek <= 0 ? MAX_TAIL
                : Duration.ofSeconds((long) Math.ceil(window / openPerWeek * 7 * 86400)).plusDays(1);
        if (tail.compareTo(MAX_TAIL) > 0) tail = MAX_TAIL;
        Instant from = start.minus(LOOKBACK);
        List<Forecasts.Point> points = forecasts.forecast(new Forecasts.Series(company, queueId, channel), from, end.plus(tail),
                IntervalLength.MINUTES_15, zone).intervals();
        int n = points.size();
        SlaWindowPlanner.Interval[] intervals = new SlaWindowPlanner.Interval[n];
        for (int i = 0; i < n; i++) {
            Instant a = points.get(i).start();
            Instant b = IntervalLength.MINUTES_15.next(a, zone);
            double open = calendar.map(c -> (double) c.businessSeconds(a, b)).orElse((double) Duration.between(a, b).getSeconds());
            intervals[i] = new SlaWindowPlanner.Interval(points.get(i).volume() / s.concurrency(), open);
        }
        int[] planned = SlaWindowPlanner.plan(intervals, s.ahtSeconds(), s.maxOccupancy(), window, ErlangC.MAX_AGENTS).agents();
        double[] agents = new double[n];
        int[] inRange = new int[n];
        for (int i = 0; i < n; i++) {
            Instant t = points.get(i).start();
            long quarter = Duration.between(start, t).toMinutes() / 15;
            boolean inside = !t.isBefore(start) && t.isBefore(end) && quarter < scheduledPeople.length;
            inRange[i] = inside ? (int) quarter : -1;
            agents[i] = inside ? scheduledPeople[(int) quarter] * (1 - s.shrinkage()) : planned[i];
        }
        double[] inTime = answeredInTime(intervals, agents, inRange, scheduledPeople.length, s.ahtSeconds(), s.maxOccupancy(), window);
        double[] arrived = new double[scheduledPeople.length];
        for (int i = 0; i < n; i++) if (inRange[i] >= 0) arrived[inRange[i]] += intervals[i].volume();
        List<Double> result = new ArrayList<>(scheduledPeople.length);
        for (int q = 0; q < scheduledPeople.length; q++) {
            result.add(arrived[q] > 1e-9 ? Math.round(Math.min(1, inTime[q] / arrived[q]) * 10_000) / 10_000.0 : null);
        }
        return result;
    }

    private record Waiting(int quarter, double deadline, double count) {}

    /**
     * First in, first out with the given agents (fractional: shrinkage applied); per quarter of the range, how many
     * of the contacts arriving in it are answered by the end of the interval their deadline falls in.
     */
    static double[] answeredInTime(SlaWindowPlanner.Interval[] intervals, double[] agents, int[] inRange, int quarters,
                                   double aht, double occupancy, double window) {
        double[] inTime = new double[quarters];
        double business = 0;
        Deque<Waiting> queue = new ArrayDeque<>();
        for (int k = 0; k < intervals.length; k++) {
            if (intervals[k].volume() > 0) queue.addLast(new Waiting(inRange[k], business + window, intervals[k].volume()));
            double capacity = agents[k] * intervals[k].openSeconds() * occupancy / aht;
            while (capacity > 1e-12 && !queue.isEmpty()) {
                Waiting w = queue.pollFirst();
                double served = Math.min(capacity, w.count());
                capacity -= served;
                // Answered in this interval: in time unless the deadline had passed by its start.
                if (w.quarter() >= 0 && w.deadline() > business) inTime[w.quarter()] += served;
                if (served < w.count()) queue.addFirst(new Waiting(w.quarter(), w.deadline(), w.count() - served));
            }
            business += intervals[k].openSeconds();
        }
        return inTime;
    }
}
