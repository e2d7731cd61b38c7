package com.rostra.staffing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Erlang A against figures printed in published tables, through the two cases where M/M/n+M has a classical answer.
 * The queueing literature's own Erlang A tables (Garnett, Mandelbaum &amp; Reiman 2002; 4CallCenters) were not
 * reachable from this project's machines, so these are the tables every traffic engineer has on the shelf:
 * <ul>
 *   <li><b>Callers who give up at once</b> (patience → 0): nobody waits, a contact that finds every agent busy is
 *       lost, and the abandon rate is the Erlang B blocking probability. The expected values are the traffic figures
 *       of the standard Erlang B table (lines × grade of service → offered Erlangs), read backwards.</li>
 *   <li><b>Patience equal to the handle time</b> (θ = μ): in every state the contacts present leave at rate μ each,
 *       so the number present is Poisson with mean a (an M/M/∞ count). By PASTA, P(wait) = P(X ≥ n); the abandon rate
 *       is θ·E[(X − n)⁺]/λ = P(X ≥ n) − (n/a)·P(X ≥ n + 1). The expected values are the cumulative Poisson table's
 *       four-decimal entries.</li>
 * </ul>
 * The class under test is not used to compute any expected value.
 */
class ErlangAPublishedTablesTest {

    private static final double AHT = 300;

    /** Erlang B table: n lines carry this many offered Erlangs at this blocking (1 %, 2 %, 5 % columns). */
    @ParameterizedTest(name = "{0} agents, {1} Erlangs: blocking {2}")
    @CsvSource({
            "10, 4.46, 0.01", "10, 5.08, 0.02", "10, 6.22, 0.05",
            "20, 12.03, 0.01", "20, 13.18, 0.02", "20, 15.25, 0.05",
            "30, 20.34, 0.01", "30, 21.93, 0.02", "30, 24.80, 0.05",
            "50, 37.90, 0.01", "50, 40.26, 0.02"})
    void callersWhoGiveUpAtOnceAreLostAsInTheErlangBTable(int agents, double erlangs, double blocking) {
        ErlangA.Metrics m = ErlangA.metrics(erlangs, agents, AHT, AHT * 1e-7, 20);
        // The table rounds the traffic to two decimals, which moves the blocking by well under 1e-3.
        assertThat(m.abandonRate()).isCloseTo(blocking, within(5e-4));
        assertThat(m.probabilityOfWaiting()).isCloseTo(blocking, within(5e-4));
        // Those not lost are answered at once: all within any target.
        assertThat(m.serviceLevel()).isCloseTo(1 - blocking, within(5e-4));
        assertThat(m.occupancy()).isCloseTo(erlangs * (1 - blocking) / agents, within(5e-4));
    }

    /** Cumulative Poisson table, P(X ≤ k) for mean a, four decimals: {a, n, P(X ≤ n − 1), P(X ≤ n)}. */
    @ParameterizedTest(name = "a = {0}, {1} agents")
    @CsvSource({
            "5, 5, 0.4405, 0.6160", "5, 6, 0.6160, 0.7622", "5, 7, 0.7622, 0.8666", "5, 8, 0.8666, 0.9319",
            "5, 9, 0.9319, 0.9682",
            "10, 10, 0.4579, 0.5830", "10, 11, 0.5830, 0.6968", "10, 12, 0.6968, 0.7916",
            "10, 13, 0.7916, 0.8645", "10, 14, 0.8645, 0.9165", "10, 15, 0.9165, 0.9513",
            "10, 16, 0.9513, 0.9730",
            "20, 20, 0.4703, 0.5591", "20, 25, 0.8432, 0.8878", "20, 26, 0.8878, 0.9221"})
    void patienceEqualToTheHandleTimeGivesThePoissonTable(double a, int n, double belowN, double upToN) {
        ErlangA.Metrics m = ErlangA.metrics(a, n, AHT, AHT, 20);
        double atLeastN = 1 - belowN;
        double moreThanN = 1 - upToN;
        // Four-decimal table entries: each term carries up to 5e-5 of rounding.
        assertThat(m.probabilityOfWaiting()).isCloseTo(atLeastN, within(1e-4));
        assertThat(m.abandonRate()).isCloseTo(atLeastN - n / a * moreThanN, within(1e-4 * (1 + n / a)));
        assertThat(m.occupancy()).isCloseTo(a * (1 - m.abandonRate()) / n, within(1e-9));
    }

    @Test
    void theTwoLimitsBracketOrdinaryPatience() {
        // More patient callers abandon less and wait more often: between the Erlang B and the Poisson row.
        ErlangA.Metrics lost = ErlangA.metrics(10, 12, AHT, AHT * 1e-7, 20);
        ErlangA.Metrics poisson = ErlangA.metrics(10, 12, AHT, AHT, 20);
        ErlangA.Metrics patient = ErlangA.metrics(10, 12, AHT, AHT * 4, 20);
        assertThat(lost.probabilityOfWaiting()).isLessThan(poisson.probabilityOfWaiting());
        assertThat(poisson.probabilityOfWaiting()).isLessThan(patient.probabilityOfWaiting());
        assertThat(lost.abandonRate()).isGreaterThan(poisson.abandonRate());
        assertThat(poisson.abandonRate()).isGreaterThan(patient.abandonRate());
    }
}
