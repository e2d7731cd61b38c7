package com.rostra.staffing;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Erlang A against the M/M/n+M birth–death chain solved numerically, with nothing shared with {@link ErlangA}'s
 * derivation (no incomplete gamma or beta functions, no closed form for the wait).
 *
 * <p>No published Erlang A table could be found to cite: Garnett, Mandelbaum &amp; Reiman (2002) and Mandelbaum &amp;
 * Zeltyn's "The Palm/Erlang-A queue" (2005) were found only as tables of contents and abstracts, and the Erlang A
 * calculators found (4CallCenters, CCOptim's) publish no worked figures. This test is the fallback the issue allows:
 * an independent computation.
 *
 * <ul>
 *   <li>Stationary law: detailed balance on states 0..K (birth λ; death kμ below n, nμ + (k−n)θ above), truncated
 *       where a state's weight falls below 1e-18 of the largest, normalized numerically.</li>
 *   <li>P(wait) = P(k ≥ n) (arrivals see time averages). P(abandon) by rate balance: abandonments per second are
 *       θ·E[queue], so P(abandon) = θ·E[queue] / λ. Occupancy = E[busy agents] / n.</li>
 *   <li>Service level and ASA by following a tagged arrival: with m contacts ahead of it, the line moves at
 *       nμ + mθ, the tagged contact gives up at θ. That absorbing chain is uniformized and stepped: the mass absorbed
 *       into "answered" within t (Poisson-weighted steps) gives the service level; the mean number of steps to
 *       "answered" over the uniformization rate gives the answered contacts' mean wait.</li>
 * </ul>
 * Tolerance: 1e-8 absolute on probabilities (the truncations above leave less than 1e-12), 1e-4 relative on ASA
 * ({@link ErlangA} integrates it by Simpson's rule; the largest gap seen is 1.1e-5, one agent at 0.5 Erlang).
 */
@Timeout(120)
class ErlangAChainTest {

    /** {service level, abandon rate, P(wait), ASA of answered contacts, occupancy}. */
    static double[] chain(double a, int n, double aht, double patience, double t) {
        double mu = 1 / aht;
        double theta = 1 / patience;
        double lambda = a * mu;

        // Unnormalized weights, rescaled on the way so that thousands of agents cannot overflow.
        double[] w = new double[n + 1];
        w[0] = 1;
        double scale = 1;
        for (int k = 1; k <= n; k++) {
            w[k] = w[k - 1] * lambda / (k * mu);
            if (w[k] > 1e200) {
                for (int i = 0; i <= k; i++) w[i] /= 1e200;
            }
        }
        double peak = Arrays.stream(w).max().orElseThrow();
        double[] queue = new double[1 << 12];
        queue[0] = w[n];
        int m = 0;
        while (true) {
            double next = queue[m] * lambda / (n * mu + (m + 1) * theta);
            if (next > 1e200) throw new IllegalStateException("case out of range for this oracle");
            peak = Math.max(peak, next);
            if (next < 1e-18 * peak && lambda < n * mu + (m + 1) * theta) break;
            m++;
            if (m == queue.length) queue = Arrays.copyOf(queue, m * 2);
            queue[m] = next;
        }
        int ahead = m; // the largest number of contacts an arrival can find waiting (beyond: negligible)
        double z = 0;
        for (int k = 0; k < n; k++) z += w[k];
        for (int j = 0; j <= ahead; j++) z += queue[j];
        double[] p = new double[n];
        for (int k = 0; k < n; k++) p[k] = w[k] / z;
        double[] findsWaiting = new double[ahead + 1]; // P(an arrival finds all n busy and j waiting)
        for (int j = 0; j <= ahead; j++) findsWaiting[j] = queue[j] / z;

        double pWait = Arrays.stream(findsWaiting).sum();
        double meanQueue = 0;
        double busy = 0;
        for (int j = 0; j <= ahead; j++) meanQueue += j * findsWaiting[j];
        for (int k = 0; k < n; k++) busy += k * p[k];
        busy += n * pWait;
        double pAbandon = theta * meanQueue / lambda;
        double answeredAtOnce = 1 - pWait;

        // The tagged arrival: state j = contacts ahead of it; j → j−1 (or answered from 0) at nμ + jθ; gives up at θ.
        double uniform = n * mu + ahead * theta + theta;
        double[] v = findsWaiting.clone();
        double answeredWithin = 0;
        double answeredLater = 0;
        double stepsToAnswer = 0; // Σ steps · mass answered at that step
        double lnMean = Math.log(uniform * t);
        double lnWeight = -uniform * t; // log Poisson(0; Λt)
        double poissonMassLeft = 1;
        double remaining = pWait;
        for (long step = 1; remaining > 1e-16 * Math.max(pWait, 1e-300); step++) {
            if (step > 50_000_000L) throw new IllegalStateException("the tagged chain did not drain");
            // P(answered by t) = Σ_k Poisson(k; Λt) · P(answered within k steps).
            double weight = Math.exp(lnWeight);
            poissonMassLeft -= weight;
            double answeredNow = v[0] * n * mu / uniform;
            double[] next = new double[ahead + 1];
            for (int j = 0; j <= ahead; j++) {
                double move = n * mu + j * theta;
                next[j] += v[j] * (1 - (move + theta) / uniform);
                if (j > 0) next[j - 1] += v[j] * move / uniform;
            }
            answeredLater += answeredNow;
            stepsToAnswer += step * answeredNow;
            answeredWithin += answeredNow * Math.max(0, poissonMassLeft);
            v = next;
            remaining = Arrays.stream(v).sum();
            lnWeight += lnMean - Math.log(step);
        }
        double serviceLevel = answeredAtOnce + answeredWithin;
        double asa = (stepsToAnswer / uniform) / (answeredAtOnce + answeredLater);
        return new double[] {serviceLevel, pAbandon, pWait, asa, busy / n};
    }

    @Test
    void erlangAMatchesTheChainSolvedNumerically() {
        double[][] cases = { // Erlangs, agents, handle time s, patience s, target s
                {10, 12, 180, 120, 20},      // a small phone queue
                {10, 9, 180, 120, 20},       // fewer agents than Erlangs: stable only thanks to abandonment
                {3.33, 5, 300, 600, 20},     // 40 calls an hour, 5-minute calls, 10-minute patience
                {24, 26, 240, 180, 20},
                {50, 48, 300, 60, 30},       // overloaded, impatient callers
                {100, 105, 180, 300, 15},
                {0.5, 1, 600, 900, 60},      // one agent
                {200, 210, 240, 90, 20},     // a large center
                {8, 10, 200, 30, 60},        // patience shorter than the target
        };
        for (double[] c : cases) {
            int n = (int) c[1];
            ErlangA.Metrics m = ErlangA.metrics(c[0], n, c[2], c[3], c[4]);
            double[] b = chain(c[0], n, c[2], c[3], c[4]);
            String what = Arrays.toString(c);
            System.out.printf("chain %s: SL %.6f/%.6f  abandon %.6f/%.6f  P(wait) %.6f/%.6f  ASA %.3f/%.3f s%n", what,
                    m.serviceLevel(), b[0], m.abandonRate(), b[1], m.probabilityOfWaiting(), b[2], m.asaSeconds(), b[3]);
            assertThat(m.probabilityOfWaiting()).as("P(wait) " + what).isCloseTo(b[2], within(1e-8));
            assertThat(m.abandonRate()).as("abandonment " + what).isCloseTo(b[1], within(1e-8));
            assertThat(m.serviceLevel()).as("service level " + what).isCloseTo(b[0], within(1e-8));
            assertThat(m.asaSeconds()).as("ASA " + what).isCloseTo(b[3], within(1e-4 * Math.max(1, b[3])));
            assertThat(m.occupancy()).as("occupancy " + what).isCloseTo(b[4], within(1e-8));
            // Planning skips only the ASA integral: the other figures are the same.
            ErlangA.Metrics planning = ErlangA.metricsWithoutAsa(c[0], n, c[2], c[3], c[4]);
            assertThat(planning.serviceLevel()).as("planning's service level " + what).isEqualTo(m.serviceLevel());
            assertThat(planning.abandonRate()).isEqualTo(m.abandonRate());
            assertThat(planning.asaSeconds()).isNaN();
        }
    }

    @Test
    void theOracleItselfReducesToErlangCWhenNobodyGivesUp() {
        // The oracle with (nearly) endless patience against the textbook Erlang C case: 24 Erlangs, 29 agents,
        // 4-minute calls, 20 s → P(wait) 0.2423, SL 0.8403, ASA 11.63 s (ErlangCTest's hand-computed case).
        double[] b = chain(24, 29, 240, 240 * 1e6, 20);
        assertThat(b[2]).isCloseTo(0.2423, within(5e-4));
        assertThat(b[0]).isCloseTo(0.8403, within(5e-4));
        assertThat(b[3]).isCloseTo(11.63, within(0.01));
        assertThat(b[1]).isLessThan(1e-6);
    }
}
