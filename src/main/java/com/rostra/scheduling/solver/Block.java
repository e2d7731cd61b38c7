package com.rostra.scheduling.solver;

/** A part of a shift, in minutes from its start: work, a paid break or an unpaid lunch. */
public record Block(Kind kind, int offsetMinutes, int minutes) {

    public enum Kind { WORK, BREAK, LUNCH }

    public int endMinutes() {
        return offsetMinutes + minutes;
    }
}
