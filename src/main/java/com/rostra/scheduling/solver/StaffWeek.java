package com.rostra.scheduling.solver;

import java.time.LocalDate;

/** One person's week (Monday to Sunday, company time); {@code full} when the whole week is being planned. */
public record StaffWeek(Staff staff, LocalDate monday, boolean full) {

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffWeek w && w.staff.personId() == staff.personId() && w.monday.equals(monday);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(staff.personId()) * 31 + monday.hashCode();
    }
}
