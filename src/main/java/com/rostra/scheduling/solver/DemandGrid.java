package com.rostra.scheduling.solver;

import java.time.Instant;
import java.util.List;

/**
 * Every demand cell of the horizon, by key (skill × quarters + quarter), so a shift can name the cells it staffs
 * directly (no join in the constraint streams). Cells not given are needed by nobody (required 0).
 */
public final class DemandGrid {

    private final int quarters;
    private final Demand[] byKey;

    public DemandGrid(List<Skill> skills, int quarters, Instant start, List<Demand> demands) {
        this.quarters = quarters;
        this.byKey = new Demand[skills.size() * quarters];
        for (Demand d : demands) byKey[d.key()] = d;
        for (Skill s : skills) {
            for (int q = 0; q < quarters; q++) {
                int key = s.index() * quarters + q;
                if (byKey[key] == null) byKey[key] = new Demand(key, s, q, start.plusSeconds(900L * q), 0);
            }
        }
    }

    public int quarters() {
        return quarters;
    }

    public Demand get(int key) {
        return byKey[key];
    }

    public List<Demand> all() {
        return List.of(byKey);
    }
}
