package com.rostra.scheduling.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One person on one day: the planning variable is the shift they work, or null for a day off. Each entity
 * offers only the options that fit the person's skills, availability and blocked time, so those rules hold by
 * construction; the constraints still check them (a pinned or hand-made assignment could break them).
 */
@PlanningEntity
public class ShiftAssignment {

    @PlanningId
    private String id;
    private Staff staff;
    private StaffWeek week;
    private LocalDate day;
    private int dayIndex;
    private ZoneId zone;
    private Instant horizonStart;
    private DemandGrid grid;
    private List<ShiftOption> options;

    @PlanningVariable(valueRangeProviderRefs = "options", allowsUnassigned = true)
    private ShiftOption option;

    /** A kept shift (locked, or published and kept): the solver plans around it and never changes it. */
    @PlanningPin
    private boolean pinned;

    // Derived from (day, option); options are immutable, so a one-entry cache is safe to share between clones.
    private ShiftOption cachedFor;
    private Instant cachedStart;
    private List<Demand> cachedDemands;

    public ShiftAssignment() {
    }

    public ShiftAssignment(String id, Staff staff, StaffWeek week, LocalDate day, int dayIndex, ZoneId zone, Instant horizonStart,
                           DemandGrid grid, List<ShiftOption> options) {
        this.id = id;
        this.staff = staff;
        this.week = week;
        this.day = day;
        this.dayIndex = dayIndex;
        this.zone = zone;
        this.horizonStart = horizonStart;
        this.grid = grid;
        this.options = options;
    }

    /** Pins this person's day to a kept shift. */
    public ShiftAssignment pin(ShiftOption kept) {
        this.options = List.of(kept);
        this.option = kept;
        this.pinned = true;
        return this;
    }

    public boolean isPinned() {
        return pinned;
    }

    /** The skill worked after the switch point; null when the shift works one skill throughout. */
    public Skill getSwitchSkill() {
        return option == null ? null : option.switchSkill();
    }

    /** Works a second skill after the switch point. */
    public boolean isSwitching() {
        return option != null && !pinned && option.switchSkill() != null;
    }

    @ValueRangeProvider(id = "options")
    public List<ShiftOption> getOptions() {
        return options;
    }

    public ShiftOption getOption() {
        return option;
    }

    public void setOption(ShiftOption option) {
        this.option = option;
    }

    public String getId() {
        return id;
    }

    public Staff getStaff() {
        return staff;
    }

    public StaffWeek getWeek() {
        return week;
    }

    public LocalDate getDay() {
        return day;
    }

    public int getDayIndex() {
        return dayIndex;
    }

    public boolean isWorking() {
        return option != null;
    }

    public Instant getStart() {
        derive();
        return cachedStart;
    }

    public Instant getEnd() {
        return getStart().plus(Duration.ofMinutes(option.lengthMinutes()));
    }

    public int getPaidMinutes() {
        return option == null ? 0 : option.paidMinutes();
    }

    /** Demand cells this shift staffs: its skill × every productive quarter inside the horizon. */
    public List<Demand> getCoveredDemands() {
        derive();
        return cachedDemands;
    }

    /** A weekend shift, or one ending after 20:00 local time. */
    public boolean isUnsocial() {
        if (option == null) return false;
        java.time.DayOfWeek d = day.getDayOfWeek();
        return d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY
                || option.endMinute() > ScheduleConstraints.LATE_END_MINUTE;
    }

    /** Shortfall below the minimum rest next to the person's kept shifts outside the horizon. */
    public long outsideRestShortfall() {
        return option == null || pinned ? 0 : staff.outsideRestShortfall(getStart(), getEnd());
    }

    public boolean lacksSkill() {
        return option != null && !pinned && (!staff.skills().contains(option.skill().index())
                || option.switchSkill() != null && !staff.skills().contains(option.switchSkill().index()));
    }

    public boolean outsideAvailability() {
        return option != null && !pinned && !staff.availableFor(day.getDayOfWeek(), option.startMinute(), option.endMinute());
    }

    public boolean outsidePreference() {
        return option != null && !pinned && !staff.prefers(day.getDayOfWeek(), option.startMinute(), option.endMinute());
    }

    public long blockedMinutes() {
        return option == null || pinned ? 0 : staff.blockedMinutes(getStart(), getEnd());
    }

    /** Shortfall below the person's minimum rest between this shift and another (negative gaps: overlap). */
    public long restShortfallMinutes(ShiftAssignment other) {
        Instant aStart = getStart(), aEnd = getEnd(), bStart = other.getStart(), bEnd = other.getEnd();
        long gap;
        if (!aEnd.isAfter(bStart)) gap = Duration.between(aEnd, bStart).toMinutes();
        else if (!bEnd.isAfter(aStart)) gap = Duration.between(bEnd, aStart).toMinutes();
        else gap = -Duration.between(aStart.isAfter(bStart) ? aStart : bStart, aEnd.isBefore(bEnd) ? aEnd : bEnd).toMinutes();
        return Math.max(0, staff.minRestMinutes() - gap);
    }

    private void derive() {
        if (option == null) {
            cachedFor = null;
            cachedStart = null;
            cachedDemands = List.of();
            return;
        }
        if (cachedFor == option) return;
        Instant start = startOf(day, option.startMinute(), zone);
        long firstQuarter = Duration.between(horizonStart, start).toMinutes();
        if (option.isKept()) {
            cachedStart = start;
            cachedDemands = List.of();
            cachedFor = option;
            return;
        }
        int quarters = grid.quarters();
        List<Demand> demands = new ArrayList<>(option.productiveQuarters().length);
        int base = option.skill().index() * quarters;
        int switchBase = option.switchSkill() == null ? base : option.switchSkill().index() * quarters;
        int[] productive = option.productiveQuarters();
        for (int i = 0; i < productive.length; i++) {
            long minute = firstQuarter + productive[i] * 15L;
            if (minute < 0 || minute % 15 != 0) continue;
            long quarter = minute / 15;
            if (quarter < quarters) demands.add(grid.get((i < option.quartersBeforeSwitch() ? base : switchBase) + (int) quarter));
        }
        cachedStart = start;
        cachedDemands = demands;
        cachedFor = option;
    }

    public static Instant startOf(LocalDate day, int startMinute, ZoneId zone) {
        return day.atTime(LocalTime.ofSecondOfDay(startMinute * 60L)).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return staff.personId() + "@" + day + "=" + option;
    }
}
