package com.rostra.scheduling.solver;

import java.util.function.Function;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

/**
 * The rules of a generated schedule, each a small named constraint.
 * Hard: availability, time off, skills, contract maximum hours and days per week, minimum rest, one shift a day.
 * Soft: under-coverage per skill and quarter hour, squared so a deficit is spread thin rather than piled on a few
 * intervals; over-coverage; hours below a contract's weekly minimum.
 */
public class ScheduleConstraints implements ConstraintProvider {

    public static final String AVAILABILITY = "Outside availability";
    public static final String TIME_OFF = "During time off";
    public static final String SKILL = "Missing skill";
    public static final String MAX_HOURS = "Contract max hours per week";
    public static final String MAX_DAYS = "Contract max days per week";
    public static final String REST = "Minimum rest between shifts";
    public static final String REST_OUTSIDE = "Minimum rest next to shifts outside the horizon";
    public static final String ONE_SHIFT_A_DAY = "One shift per day";
    public static final String UNDER = "Under-coverage";
    public static final String OVER = "Over-coverage";
    public static final String MIN_HOURS = "Contract min hours per week";
    public static final String FAIRNESS = "Weekend and late shifts shared fairly";
    public static final String PREFERENCE = "Outside preferred times";
    public static final String SWITCH = "Skill switch inside a shift";

    /** Soft weights: a missing agent in a quarter hour (squared), a spare one, a minute below the weekly minimum. */
    public static final long UNDER_WEIGHT = 100;
    public static final long OVER_WEIGHT = 10;
    public static final long MIN_HOURS_WEIGHT = 5;
    /** Per person, the square of their weekend and late (ending after 20:00) shifts: spreading them costs less. */
    public static final long FAIRNESS_WEIGHT = 20;
    public static final int LATE_END_MINUTE = 20 * 60;
    /** A shift outside the person's preferred windows (when they marked any). */
    public static final long PREFERENCE_WEIGHT = 50;
    /** A shift that changes queue × channel at its switch point: allowed, but only worth it when it covers more. */
    public static final long SWITCH_WEIGHT = 30;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                availability(f), timeOff(f), skill(f), maxHours(f), maxDays(f), rest(f), restOutside(f), oneShiftPerDay(f),
                underCoverage(f), overCoverage(f), minHours(f), fairness(f), preference(f), skillSwitch(f)
        };
    }

    private static UniConstraintStream<ShiftAssignment> working(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class).filter(ShiftAssignment::isWorking);
    }

    Constraint availability(ConstraintFactory f) {
        return working(f).filter(ShiftAssignment::outsideAvailability)
                .penalizeLong(HardSoftLongScore.ONE_HARD, a -> a.getOption().lengthMinutes())
                .asConstraint(AVAILABILITY);
    }

    Constraint timeOff(ConstraintFactory f) {
        return working(f).filter(a -> a.blockedMinutes() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, ShiftAssignment::blockedMinutes)
                .asConstraint(TIME_OFF);
    }

    Constraint skill(ConstraintFactory f) {
        return working(f).filter(ShiftAssignment::lacksSkill)
                .penalizeLong(HardSoftLongScore.ONE_HARD, a -> a.getOption().lengthMinutes())
                .asConstraint(SKILL);
    }

    Constraint maxHours(ConstraintFactory f) {
        return working(f).groupBy(ShiftAssignment::getWeek, ConstraintCollectors.sum(ShiftAssignment::getPaidMinutes))
                .filter((week, minutes) -> minutes + week.outsideMinutes() > week.maxMinutes())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (week, minutes) -> minutes + week.outsideMinutes() - week.maxMinutes())
                .asConstraint(MAX_HOURS);
    }

    Constraint maxDays(ConstraintFactory f) {
        return working(f).groupBy(ShiftAssignment::getWeek, ConstraintCollectors.count())
                .filter((week, days) -> days + week.outsideDays() > week.maxDays())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (week, days) -> 60L * (days + week.outsideDays() - week.maxDays()))
                .asConstraint(MAX_DAYS);
    }

    Constraint rest(ConstraintFactory f) {
        return working(f).join(working(f), Joiners.equal(ShiftAssignment::getStaff),
                        Joiners.lessThan(ShiftAssignment::getDayIndex))
                .filter((a, b) -> !(a.isPinned() && b.isPinned()) && a.restShortfallMinutes(b) > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, ShiftAssignment::restShortfallMinutes)
                .asConstraint(REST);
    }

    /** Rest against kept shifts just outside the horizon (last week's Sunday, next week's Monday). */
    Constraint restOutside(ConstraintFactory f) {
        return working(f).filter(a -> a.outsideRestShortfall() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, ShiftAssignment::outsideRestShortfall)
                .asConstraint(REST_OUTSIDE);
    }

    Constraint oneShiftPerDay(ConstraintFactory f) {
        return working(f).join(working(f), Joiners.equal(ShiftAssignment::getStaff), Joiners.equal(ShiftAssignment::getDay),
                        Joiners.lessThan(ShiftAssignment::getId))
                .penalizeLong(HardSoftLongScore.ONE_HARD, (a, b) -> 60L)
                .asConstraint(ONE_SHIFT_A_DAY);
    }

    /** Agents per demand cell, cells nobody staffs included (count 0). */
    private static BiConstraintStream<Demand, Integer> staffing(ConstraintFactory f) {
        return working(f).flattenLast(ShiftAssignment::getCoveredDemands)
                .groupBy(Function.identity(), ConstraintCollectors.count())
                .complement(Demand.class, demand -> 0);
    }

    Constraint underCoverage(ConstraintFactory f) {
        return staffing(f).filter((demand, agents) -> agents < demand.required())
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (demand, agents) -> {
                    long missing = demand.required() - agents;
                    return UNDER_WEIGHT * missing * missing;
                })
                .asConstraint(UNDER);
    }

    Constraint overCoverage(ConstraintFactory f) {
        return staffing(f).filter((demand, agents) -> agents > demand.required())
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (demand, agents) -> OVER_WEIGHT * (agents - demand.required()))
                .asConstraint(OVER);
    }

    Constraint minHours(ConstraintFactory f) {
        return working(f).groupBy(ShiftAssignment::getWeek, ConstraintCollectors.sum(ShiftAssignment::getPaidMinutes))
                .complement(StaffWeek.class, week -> 0)
                .filter((week, minutes) -> week.full() && minutes + week.outsideMinutes() < week.staff().minMinutesPerWeek())
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (week, minutes) -> MIN_HOURS_WEIGHT * (week.staff().minMinutesPerWeek() - minutes - week.outsideMinutes()))
                .asConstraint(MIN_HOURS);
    }

    Constraint fairness(ConstraintFactory f) {
        return working(f).filter(ShiftAssignment::isUnsocial)
                .groupBy(ShiftAssignment::getStaff, ConstraintCollectors.count())
                .filter((staff, count) -> count > 1)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (staff, count) -> FAIRNESS_WEIGHT * ((long) count * count - 1))
                .asConstraint(FAIRNESS);
    }

    Constraint preference(ConstraintFactory f) {
        return working(f).filter(ShiftAssignment::outsidePreference)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, a -> PREFERENCE_WEIGHT)
                .asConstraint(PREFERENCE);
    }

    Constraint skillSwitch(ConstraintFactory f) {
        return working(f).filter(ShiftAssignment::isSwitching)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, a -> SWITCH_WEIGHT)
                .asConstraint(SWITCH);
    }
}
