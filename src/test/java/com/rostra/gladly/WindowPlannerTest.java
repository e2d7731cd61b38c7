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

    /** A weekly pattern: 800 contacts an hour on weekdays, 150 at weekends (UTC days; 2026-11-02 is a Monday). */
    private static int rowsInHour(java.time.Instant hour) {
        java.time.DayOfWeek d = hour.atZone(java.time.ZoneOffset.UTC).getDayOfWeek();
        return d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY ? 150 : 800;
    }

    private static int rowsBetween(java.time.Instant from, java.time.Instant to) {
        int n = 0;
        for (java.time.Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) n += rowsInHour(h);
        return n;
    }

    private static java.util.Map<Long, Integer> hours(java.time.Instant from, java.time.Instant to) {
        java.util.Map<Long, Integer> m = new java.util.HashMap<>();
        for (java.time.Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) m.put(h.getEpochSecond() / 3600, rowsInHour(h));
        return m;
    }

    @Test
    void afterAWeekTheSameHoursOfThePastWeeksPredictTheNextWindow() {
        WindowPlanner planner = new WindowPlanner(DAY, 95_000, Duration.ofMinutes(15), Duration.ofDays(31));
        java.time.Instant start = java.time.Instant.parse("2026-11-02T00:00:00Z");
        int reports = 0;
        java.time.Instant end = start;
        java.time.Instant horizon = start.plus(Duration.ofDays(90));
        while (end.isBefore(horizon)) {
            java.time.Instant windowEnd = end.plus(planner.next());
            if (windowEnd.isAfter(horizon)) windowEnd = horizon;
            int rows = rowsBetween(end, windowEnd);
            assertThat(rows).as("window from " + end + " stays under the cap").isLessThan(100_000);
            planner.fetched(end, windowEnd, Duration.between(end, windowEnd), rows, hours(end, windowEnd));
            reports++;
            if (Duration.between(start, windowEnd).compareTo(Duration.ofDays(21)) > 0 && windowEnd.isBefore(horizon)) {
                assertThat(rows).as("full windows once weeks are known").isGreaterThan(90_000);
            }
            end = windowEnd;
        }
        int total = rowsBetween(start, horizon);
        assertThat(reports).as(total + " rows").isLessThanOrEqualTo((int) Math.ceil(total / 95_000.0) + 3);
    }
}
