package com.rostra.scheduling.solver;

import java.time.LocalDate;

/**
 * One person's week (Monday to Sunday, company time); {@code full} when the whole week is being planned.
 * {@code outsideMinutes}/{@code outsideDays}: paid minutes and days of the week's kept shifts outside the horizon
 * (a week only partly inside it). {@code maxMinutes}/{@code maxDays}: the contract's limits, raised to what kept
 * shifts (outside and pinned) already use, so a limit broken before this generation costs nothing it could change.
 */
public record StaffWeek(Staff staff, LocalDate monday, boolean full, int outsideMinutes, int outsideDays, int maxMinutes, int maxDays) {

    public StaffWeek(Staff staff, LocalDate monday, boolean full) {
        this(staff, monday, full, 0, 0, staff.maxMinutesPerWeek(), staff.maxDaysPerWeek());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffWeek w && w.staff.personId() == staff.personId() && w.monday.equals(monday);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(staff.personId()) * 31 + monday.hashCode();
    }
}
