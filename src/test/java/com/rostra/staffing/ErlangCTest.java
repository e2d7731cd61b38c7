package com.rostra.staffing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErlangCTest {

    /**
     * The textbook form, written out independently of {@link ErlangC}: P(wait) = (aⁿ/n! · n/(n−a)) /
     * (Σ_{k&lt;n} aᵏ/k! + aⁿ/n! · n/(n−a)), with the powers and factorials as plain doubles (fine for small n).
     */
    private static double textbookPWait(double a, int n) {
        double term = 1;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += term;
            term = term * a / (k + 1);
        }
        double top = term * n / (n - a);
        return top / (sum + top);
    }

    @Test
    void twentyFourErlangsNeedTwentyNineAgents() {
        // 180 calls in 30 minutes (360 an hour) at 240 s: 180 × 240 / 1800 = 24 Erlangs.
        // (360 calls in 30 minutes would be 48 Erlangs.)
        double a = 180 * 240 / 1800.0;
        assertThat(a).isEqualTo(24.0);
        // By hand: P(wait) with 29 agents = 0.2423; SL = 1 − 0.2423 · e^(−(29−24)·20/240) = 1 − 0.2423 · 0.6592 = 0.8403;
        // ASA = 0.2423 · 240 / 5 = 11.63 s. With 28 agents SL is 0.7613.
        assertThat(textbookPWait(24, 29)).isCloseTo(0.2423, within(5e-5));
        int agents = ErlangC.agents(a, 240, 20, 0.8, 1);
        assertThat(agents).isEqualTo(29);
        assertThat(ErlangC.serviceLevel(a, 29, 240, 20)).isCloseTo(0.840, within(5e-4));
        assertThat(ErlangC.serviceLevel(a, 28, 240, 20)).isCloseTo(0.761, within(5e-4));
        assertThat(ErlangC.asaSeconds(a, 29, 240)).isCloseTo(11.6, within(0.05));
        assertThat(ErlangC.probabilityOfWaiting(a, 29)).isCloseTo(textbookPWait(24, 29), within(1e-12));
        // 25% shrinkage: 29 / 0.75 = 38.7, so 39 to schedule.
        StaffingSettings phone = new StaffingSettings(0.8, 20, 240, 0.25, 1, 1, null, null);
        Requirements.Requirement r = Requirements.requirement(Instant.EPOCH, 180, 1800, phone);
        assertThat(r.requiredAgents()).isEqualTo(29);
        assertThat(r.requiredWithShrinkage()).isEqualTo(39);
        assertThat(r.expectedServiceLevel()).isCloseTo(0.840, within(5e-4));
    }

    @Test
    void pyworkforceReadmeCase() {
        // 100 contacts in 30 minutes at 180 s = 10 Erlangs; 80% in 20 s, occupancy at most 85%, 30% shrinkage:
        // 14 agents (13 reach only 0.7956), service level 0.8884, occupancy 0.714, 20 to schedule.
        StaffingSettings s = new StaffingSettings(0.8, 20, 180, 0.3, 0.85, 1, null, null);
        Requirements.Requirement r = Requirements.requirement(Instant.EPOCH, 100, 1800, s);
        assertThat(r.requiredAgents()).isEqualTo(14);
        assertThat(r.requiredWithShrinkage()).isEqualTo(20);
        assertThat(r.expectedServiceLevel()).isEqualTo(0.8884);
        assertThat(1 - textbookPWait(10, 13) * Math.exp(-3 * 20 / 180.0)).isCloseTo(0.7956, within(5e-5));
        assertThat(1 - textbookPWait(10, 14) * Math.exp(-4 * 20 / 180.0)).isCloseTo(0.8884, within(5e-5));
    }

    @Test
    void thousandsOfAgentsWithoutOverflow() {
        // Factorials overflow a double past 170; the recursion does not. Compare with the textbook form in logs.
        double a = 4_000;
        int n = ErlangC.agents(a, 300, 20, 0.8, 1);
        assertThat(n).isBetween(4_001, 4_100);
        double logTerm = 0;
        double[] logs = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            logTerm += Math.log(a / k);
            logs[k] = logTerm;
        }
        double max = logs[n] + Math.log(n / (n - a));
        double sum = 0;
        for (int k = 0; k < n; k++) sum += Math.exp(logs[k] - max);
        double pWait = 1 / (sum + 1);
        assertThat(ErlangC.probabilityOfWaiting(a, n)).isCloseTo(pWait, within(1e-9));
        assertThat(ErlangC.serviceLevel(a, n, 300, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.serviceLevel(a, n - 1, 300, 20)).isLessThan(0.8);
    }

    @Test
    void theSearchIsBoundedWhateverTheInputs() {
        // Issue 11: ceil(a / 1e-12) saturated to Integer.MAX_VALUE and the Erlang B loop never ended.
        assertThat(ErlangC.agents(24, 240, 20, 0.8, 1e-12)).isEqualTo(ErlangC.UNREACHABLE);
        assertThat(ErlangC.agents(1e12, 240, 20, 0.8, 0.85)).isEqualTo(ErlangC.UNREACHABLE);
        assertThat(ErlangC.agents(Double.NaN, 240, 20, 0.8, 0.85)).isEqualTo(ErlangC.UNREACHABLE);
        assertThat(ErlangC.agents(24, 0, 20, 0.8, 0.85)).isEqualTo(ErlangC.UNREACHABLE);
        assertThat(ErlangC.agents(99_999.5, 86_400, 1, 0.999, 1)).as("needs more than the cap").isEqualTo(ErlangC.UNREACHABLE);
        assertThat(ErlangC.agents(9_000, 86_400, 1, 0.999, 1)).as("a day-long handle time, 1 s target").isBetween(9_001, 9_400);
        assertThat(ErlangC.agents(9_999, 1, 1, 0.999, 0.1)).isEqualTo(99_990);
        assertThat(ErlangC.probabilityOfWaiting(24, Integer.MAX_VALUE)).isZero();
        // A forecast no center could staff (say an import of a trillion contacts) is capped, not searched forever.
        StaffingSettings phone = new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, null, null);
        assertThat(Requirements.requirement(Instant.EPOCH, 1e12, 900, phone).requiredAgents()).isEqualTo(ErlangC.MAX_AGENTS);
        StaffingSettings erlangA = new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, 60, null, "erlang_a");
        assertThat(Requirements.requirement(Instant.EPOCH, 1e12, 900, erlangA).requiredAgents()).isEqualTo(ErlangC.MAX_AGENTS);
        assertThat(Requirements.requirement(Instant.EPOCH, Double.NaN, 900, erlangA).requiredAgents()).isZero();
    }

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
