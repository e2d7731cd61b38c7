package com.rostra.staffing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The share answered within an SLA window, first in first out, worked out by hand on a few quarter hours. */
class DeferredServiceLevelsTest {

    private static SlaWindowPlanner.Interval[] quarters(double... volumes) {
        SlaWindowPlanner.Interval[] result = new SlaWindowPlanner.Interval[volumes.length];
        for (int i = 0; i < volumes.length; i++) result[i] = new SlaWindowPlanner.Interval(volumes[i], 900);
        return result;
    }

    @Test
    void threeContactsOneAgentAndAHalfHourWindowAnswerTwoInTime() {
        // 15-minute handle time, one agent: one contact a quarter hour. Due 30 minutes after arriving: the first two
        // quarters answer two in time, the third is late.
        double[] inTime = DeferredServiceLevels.answeredInTime(quarters(3, 0, 0, 0), new double[] {1, 1, 1, 1}, new int[] {0, 1, 2, 3},
                4, 900, 1, 1800);
        assertThat(inTime).containsExactly(2, 0, 0, 0);
    }

    @Test
    void theBacklogBeforeTheRangeIsServedFirstAndOnlyRangeArrivalsCount() {
        // Two contacts waiting from before the range (-1), one arriving in each of its two quarters, two agents,
        // window one quarter: quarter 0 serves the old two; quarter 1 serves quarter 0's (deadline = its end: in time
        // only if served by then, so late) and quarter 1's own.
        double[] inTime = DeferredServiceLevels.answeredInTime(quarters(2, 1, 1), new double[] {0, 2, 2}, new int[] {-1, 0, 1},
                2, 900, 1, 900);
        assertThat(inTime).containsExactly(0, 1);
    }

    @Test
    void closedTimeDoesNotCountAgainstTheWindow() {
        // A contact arriving while closed is due a window of open time after opening.
        SlaWindowPlanner.Interval[] intervals = {new SlaWindowPlanner.Interval(1, 0), new SlaWindowPlanner.Interval(0, 0),
                new SlaWindowPlanner.Interval(0, 900), new SlaWindowPlanner.Interval(0, 900)};
        double[] inTime = DeferredServiceLevels.answeredInTime(intervals, new double[] {0, 0, 0, 1}, new int[] {0, 1, 2, 3}, 4, 900, 1, 1800);
        assertThat(inTime).containsExactly(1, 0, 0, 0);
    }
}
