package com.rostra.staffing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErlangCTest {

    @Test
    void matchesTheClosedFormsForOneAndTwoAgents() {
        // M/M/1: P(wait) = ρ; M/M/2: P(wait) = a² / (2 + a).
        assertThat(ErlangC.probabilityOfWaiting(0.5, 1)).isCloseTo(0.5, within(1e-12));
        for (double a : new double[] {0.2, 0.9, 1.5}) {
            assertThat(ErlangC.probabilityOfWaiting(a, 2)).isCloseTo(a * a / (2 + a), within(1e-12));
        }
        assertThat(ErlangC.serviceLevel(0.5, 1, 300, 60)).isCloseTo(1 - 0.5 * Math.exp(-0.5 * 60 / 300.0), within(1e-12));
        assertThat(ErlangC.probabilityOfWaiting(3, 3)).as("agents that cannot keep up").isEqualTo(1.0);
    }

    @Test
    void moreAgentsNeverServeWorseAndTheSearchStopsAtTheTarget() {
        double a = 24; // 360 calls an hour, 4 minutes each
        double previous = 0;
        for (int n = 25; n < 40; n++) {
            double sl = ErlangC.serviceLevel(a, n, 240, 20);
            assertThat(sl).isGreaterThanOrEqualTo(previous);
            previous = sl;
        }
        int n = ErlangC.agents(a, 240, 20, 0.8, 0.95);
        assertThat(ErlangC.serviceLevel(a, n, 240, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.serviceLevel(a, n - 1, 240, 20)).isLessThan(0.8);
        assertThat(ErlangC.agents(a, 240, 20, 0.5, 0.8)).as("occupancy cap: 24 / 0.8").isGreaterThanOrEqualTo(30);
    }

    @Test
    void deferredWorkIsWorkloadAtTheOccupancyCapAndShrinkageAddsAgentsToSchedule() {
        StaffingSettings email = new StaffingSettings(0.9, 86_400, 360, 0.25, 0.9, 1, null, 24);
        Requirements.Requirement r = Requirements.requirement(Instant.EPOCH, 20, 3600, email);
        assertThat(r.requiredAgents()).as("20 × 6 min = 2 h of work in an hour at 90%").isEqualTo(3);
        assertThat(r.requiredWithShrinkage()).isEqualTo(4);
        assertThat(r.expectedServiceLevel()).isNull();
        assertThat(Requirements.requirement(Instant.EPOCH, 0, 900, email).requiredAgents()).isZero();
    }
}
