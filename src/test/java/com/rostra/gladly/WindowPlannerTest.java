package com.rostra.gladly;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlannerTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void growsAtMostFourfoldUntilAWeekIsSeenThenAimsAtTheTarget() {
        WindowPlanner planner = new WindowPlanner(DAY, 90_000, Duration.ofMinutes(15), Duration.ofDays(31));
        assertThat(planner.next()).isEqualTo(DAY);
        planner.fetched(DAY, 10_000); // 10k/day: 0.85 * 90k would be 7.65 days, but growth stops at 4
        assertThat(planner.next()).isEqualTo(Duration.ofDays(4));
        planner.fetched(Duration.ofDays(4), 40_000); // 5 days seen: still below a week, 76.5k rows at 10k/day
        assertThat(planner.next().toHours()).isEqualTo(183); // 7.65 days
        planner.fetched(Duration.ofDays(7), 70_000); // a whole week seen: the full target, 9 days
        assertThat(planner.next()).isEqualTo(Duration.ofDays(9));
    }

    @Test
    void aWeekOfDensityAveragesOutTheQuietWeekend() {
        WindowPlanner planner = new WindowPlanner(DAY, 90_000, Duration.ofMinutes(15), Duration.ofDays(31));
        // Five busy days then two quiet ones: the last window alone (the weekend) would suggest 30 days.
        planner.fetched(Duration.ofDays(5), 65_000);
        planner.fetched(Duration.ofDays(2), 6_000);
        assertThat(planner.next().toHours()).isEqualTo((long) (7 * 24 * 90_000.0 / 71_000));
    }

    @Test
    void aFullReportHalvesTheWindowAndAnEmptyOneGrowsIt() {
        WindowPlanner planner = new WindowPlanner(Duration.ofDays(8), 90_000, Duration.ofMinutes(15), Duration.ofDays(31));
        planner.truncated(Duration.ofDays(8));
        assertThat(planner.next()).isEqualTo(Duration.ofDays(4));
        planner.fetched(Duration.ofDays(4), 0);
        assertThat(planner.next()).isEqualTo(Duration.ofDays(16));
        planner.fetched(Duration.ofDays(16), 0);
        assertThat(planner.next()).as("never beyond the maximum").isEqualTo(Duration.ofDays(31));
    }
}
