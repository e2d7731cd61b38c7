package com.rostra.scheduling.solver;

import java.time.Instant;

/** Agents a skill needs in one quarter hour of the horizon. {@code key} = skill index × quarters + quarter. */
public record Demand(int key, Skill skill, int quarter, Instant start, int required) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Demand d && d.key == key;
    }

    @Override
    public int hashCode() {
        return key;
    }
}
