package com.rostra.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ScheduleWarnings;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyId;

/**
 * The contract checks of a hand-made change, as warnings: hours and days in the person's week (Monday to Sunday,
 * company time) above the contract's maximum, and less rest than the minimum between two shifts. A shift is the
 * person's activities with gaps under {@link #SHIFT_GAP} between them; time off is not work; lunch is unpaid.
 */
@Component
class ContractWarnings implements ScheduleWarnings {

    /** Activities closer than this belong to one shift (a split shift with a short gap is still one shift). */
    static final Duration SHIFT_GAP = Duration.ofHours(3);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final Activities activities;
    private final Contracts contracts;
    private final ShiftRulesStore rules;
    private final Companies companies;

    ContractWarnings(Activities activities, Contracts contracts, ShiftRulesStore rules, Companies companies) {
        this.activities = activities;
        this.contracts = contracts;
        this.rules = rules;
        this.companies = companies;
    }

    /** Paid minutes of a shift's activities: everything but unpaid lunch and time off. */
    static long paidMinutes(List<Activity> shift) {
        long minutes = 0;
        for (Activity a : shift) if (counts(a) && !a.activityType().equalsIgnoreCase("lunch")) minutes += Duration.between(a.start(), a.end()).toMinutes();
        return minutes;
    }

    /** Whether an activity is work time at all (time off is not). */
    static boolean counts(Activity a) {
        return !"time_off".equals(a.category());
    }

    @Override
    public List<Warning> warnings(CompanyId company, long personId, Instant at) {
        ZoneId zone = companies.get(company).timeZone();
        LocalDate monday = LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        Instant weekEnd = monday.plusDays(7).atStartOfDay(zone).toInstant();
        List<Activity> work = activities.list(company, weekStart.minus(Duration.ofDays(2)), weekEnd.plus(Duration.ofDays(2)), personId)
                .stream().filter(ContractWarnings::counts).toList();
        List<List<Activity>> shifts = Activities.shifts(work, SHIFT_GAP);
        Contract contract = contracts.contract(company, personId);
        int restHours = contract.minRestHours() != null ? contract.minRestHours() : rules.get(company).minRestHours();
        long paid = 0;
        Set<LocalDate> days = new TreeSet<>();
        for (List<Activity> s : shifts) {
            Instant start = s.get(0).start();
            if (start.isBefore(weekStart) || !start.isBefore(weekEnd)) continue;
            paid += paidMinutes(s);
            days.add(LocalDate.ofInstant(start, zone));
        }
        List<Warning> result = new ArrayList<>();
        if (paid > contract.maxHoursPerWeek() * 60L) {
            result.add(new Warning("max_hours_per_week", hours(paid) + " paid in the week of " + monday + ", above the contract's "
                    + contract.maxHoursPerWeek() + " h"));
        }
        if (days.size() > contract.maxDaysPerWeek()) {
            result.add(new Warning("max_days_per_week", days.size() + " days worked in the week of " + monday + ", above the contract's "
                    + contract.maxDaysPerWeek()));
        }
        for (int i = 0; i + 1 < shifts.size(); i++) {
            Instant end = shifts.get(i).stream().map(Activity::end).max(Instant::compareTo).orElseThrow();
            Instant next = shifts.get(i + 1).get(0).start();
            if (!end.isAfter(weekStart) && !next.isAfter(weekStart) || !end.isBefore(weekEnd)) continue;
            long gap = Duration.between(end, next).toMinutes();
            if (gap < restHours * 60L) {
                result.add(new Warning("min_rest_hours", hours(gap) + " rest between the shift ending " + WHEN.format(end.atZone(zone))
                        + " and the one starting " + WHEN.format(next.atZone(zone)) + ", below the minimum " + restHours + " h"));
            }
        }
        return result;
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
