package com.rostra.staffing;

import org.junit.jupiter.api.Test;

import com.rostra.staffing.SlaWindowPlanner.Interval;
import com.rostra.staffing.SlaWindowPlanner.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deferred work by hand: quarter hours, a handle time of 900 s at full occupancy, so one agent answers one contact
 * per open quarter hour.
 */
class SlaWindowPlannerTest {

    private static final double Q = 900;

    private static Interval open(double volume) {
        return new Interval(volume, Q);
    }

    private static Interval closed(double volume) {
        return new Interval(volume, 0);
    }

    @Test
    void aShortWindowNeedsTheWorkDoneAtOnceALongOneSpreadsIt() {
        Interval[] day = {open(4), open(0), open(0), open(0)};
        Plan tight = SlaWindowPlanner.plan(day, 900, 1.0, Q, 1000);
        assertThat(tight.agents()).as("due within their own quarter hour").containsExactly(4, 4, 4, 4);
        assertThat(tight.backlog()).containsExactly(0, 0, 0, 0);

        Plan relaxed = SlaWindowPlanner.plan(day, 900, 1.0, 4 * Q, 1000);
        assertThat(relaxed.agents()).as("due within the hour: one agent, flat").containsExactly(1, 1, 1, 1);
        assertThat(relaxed.backlog()).containsExactly(3, 2, 1, 0);
        assertThat(relaxed.reachable()).isTrue();
    }

    @Test
    void contactsArrivingWhileClosedAreDueAWindowOfOpenTimeAfterOpening() {
        // Evening quarter hour open, night closed (8 emails arrive), morning of four open quarter hours; a window of
        // two open quarter hours: the night's 8 are due by the end of the morning's second quarter hour.
        Interval[] days = {open(0), closed(8), closed(0), open(0), open(0), open(0), open(0)};
        Plan plan = SlaWindowPlanner.plan(days, 900, 1.0, 2 * Q, 1000);
        assertThat(plan.agents()).containsExactly(0, 0, 0, 4, 4, 4, 4);
        assertThat(plan.backlog()).containsExactly(0, 8, 8, 4, 0, 0, 0);
    }

    @Test
    void occupancyAndPartlyOpenQuarterHoursReduceCapacity() {
        // 3 contacts, half-open quarter hours (450 s each), 80 % occupancy: one agent answers 0.4 a quarter hour.
        Interval[] half = {new Interval(3, 450), new Interval(0, 450), new Interval(0, 450)};
        Plan plan = SlaWindowPlanner.plan(half, 900, 0.8, 3 * 450, 1000);
        // 3 contacts in 3 × 0.4 = 1.2 per agent: 3 agents (2 would answer 2.4).
        assertThat(plan.agents()).containsExactly(3, 3, 3);
    }

    @Test
    void moreThanTheCapCanDoIsReportedUnreachable() {
        Plan plan = SlaWindowPlanner.plan(new Interval[] {open(1_000_000)}, 900, 1.0, Q, 100);
        assertThat(plan.reachable()).isFalse();
        assertThat(plan.agents()).containsExactly(100);
        assertThat(plan.backlog()[0]).isEqualTo(1_000_000 - 100);
    }
}
