package com.rostra.staffing;

/**
 * Erlang C for a queue of contacts answered live: with traffic {@code a} (Erlangs = arrivals × handle time /
 * interval) and {@code n} agents, the chance a contact waits, and the share answered within a target time.
 */
final class ErlangC {

    private ErlangC() {}

    /** P(wait) for n agents; 1 when the agents cannot keep up (n ≤ a). Erlang B by its stable recursion first. */
    static double probabilityOfWaiting(double a, int n) {
        if (a <= 0) return 0;
        if (n <= a) return 1;
        double b = 1;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        return n * b / (n - a * (1 - b));
    }

    /** Share of contacts answered within {@code targetSeconds}. */
    static double serviceLevel(double a, int n, double ahtSeconds, double targetSeconds) {
        if (a <= 0) return 1;
        if (n <= a) return 0;
        return 1 - probabilityOfWaiting(a, n) * Math.exp(-(n - a) * targetSeconds / ahtSeconds);
    }

    /** The fewest agents that reach the service level without running above the occupancy cap. */
    static int agents(double a, double ahtSeconds, double targetSeconds, double serviceLevel, double maxOccupancy) {
        if (a <= 0) return 0;
        int n = Math.max(1, (int) Math.ceil(a / maxOccupancy));
        while (serviceLevel(a, n, ahtSeconds, targetSeconds) < serviceLevel && n < 100_000) {
            n++;
        }
        return n;
    }
}
