package com.rostra.scheduling.solver;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person as the solver sees them: skills, contract limits, weekly availability (local minutes; none means
 * always available), blocked time (approved time off, activities already scheduled) and kept shifts: scheduled
 * shifts the generation does not replace (locked, or outside the horizon), which still count for the contract's
 * hours and days per week and for rest.
 */
public record Staff(long personId, Set<Integer> skills, int minMinutesPerWeek, int maxMinutesPerWeek, int maxDaysPerWeek,
                    int minRestMinutes, List<Window> availability, List<Blocked> blocked, List<Kept> kept) {

    public Staff(long personId, Set<Integer> skills, int minMinutesPerWeek, int maxMinutesPerWeek, int maxDaysPerWeek,
                 int minRestMinutes, List<Window> availability, List<Blocked> blocked) {
        this(personId, skills, minMinutesPerWeek, maxMinutesPerWeek, maxDaysPerWeek, minRestMinutes, availability, blocked, List.of());
    }

    /**
     * A shift that stays as it is. {@code inHorizon}: it lies inside the horizon, so it becomes a pinned planning
     * entity on its day; otherwise it lies (partly) outside and only counts for rest and its week's hours and days.
     * {@code day}: the local day it starts on.
     */
    public record Kept(Instant start, Instant end, int paidMinutes, java.time.LocalDate day, boolean inHorizon) {}

    /** Shortfall below the minimum rest between [start, end) and the kept shifts outside the horizon (overlap: all of it and more). */
    public long outsideRestShortfall(Instant start, Instant end) {
        long shortfall = 0;
        for (Kept k : kept) {
            if (k.inHorizon()) continue;
            long gap;
            if (!k.end().isAfter(start)) gap = java.time.Duration.between(k.end(), start).toMinutes();
            else if (!end.isAfter(k.start())) gap = java.time.Duration.between(end, k.start()).toMinutes();
            else gap = -java.time.Duration.between(k.start().isAfter(start) ? k.start() : start, k.end().isBefore(end) ? k.end() : end).toMinutes();
            shortfall += Math.max(0, minRestMinutes - gap);
        }
        return shortfall;
    }

    /** A weekly window; {@code endMinute} above 1440 runs past midnight; {@code preferred}: rather worked than the others. */
    public record Window(DayOfWeek day, int startMinute, int endMinute, boolean preferred) {
        public Window(DayOfWeek day, int startMinute, int endMinute) {
            this(day, startMinute, endMinute, false);
        }
    }

    public record Blocked(Instant start, Instant end) {}

    /** Identity is the person: the solver hashes staff often, and the lists need not be walked for it. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Staff s && s.personId == personId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(personId);
    }

    public boolean availableFor(DayOfWeek day, int startMinute, int endMinute) {
        if (availability.isEmpty()) return true;
        for (Window w : availability) {
            if (w.day() == day && w.startMinute() <= startMinute && endMinute <= w.endMinute()) return true;
        }
        return false;
    }

    /** True when the person marked no preferred windows, or the shift lies inside one of them. */
    public boolean prefers(DayOfWeek day, int startMinute, int endMinute) {
        boolean any = false;
        for (Window w : availability) {
            if (!w.preferred()) continue;
            any = true;
            if (w.day() == day && w.startMinute() <= startMinute && endMinute <= w.endMinute()) return true;
        }
        return !any;
    }

    /** Minutes of [start, end) that fall in blocked time. */
    public long blockedMinutes(Instant start, Instant end) {
        long minutes = 0;
        for (Blocked b : blocked) {
            Instant from = b.start().isAfter(start) ? b.start() : start;
            Instant to = b.end().isBefore(end) ? b.end() : end;
            if (to.isAfter(from)) minutes += java.time.Duration.between(from, to).toMinutes();
        }
        return minutes;
    }
}
