package com.rostra.staffing;

/**
 * Erlang C for a queue of contacts answered live: with traffic {@code a} (Erlangs = arrivals × handle time /
 * interval) and {@code n} agents, the chance a contact waits, and the share answered within a target time.
 *
 * <p>Every computation is bounded whatever its inputs: Erlang B runs its stable recursion
 * {@code B(k) = a·B(k−1) / (k + a·B(k−1))} (values stay in [0, 1], no factorials, no overflow) at most
 * {@link #MAX_AGENTS} steps, and the search for agents starts at the Erlang lower bound {@code floor(a) + 1} and
 * stops at {@link #MAX_AGENTS}.
 */
final class ErlangC {

    /** No search looks past this many agents; traffic above it is answered as unreachable at once. */
    static final int MAX_AGENTS = 100_000;
    /** What {@link #agents} answers when no number of agents up to {@link #MAX_AGENTS} meets the goal. */
    static final int UNREACHABLE = -1;

    private ErlangC() {}

    /** Erlang B (blocking) for n servers; 1 for n ≤ 0. Callers keep n ≤ {@link #MAX_AGENTS}. */
    static double erlangB(double a, int n) {
        if (a <= 0) return n <= 0 ? 1 : 0;
        double b = 1;
        int last = Math.min(n, MAX_AGENTS);
        for (int k = 1; k <= last; k++) {
            b = next(a, b, k);
        }
        return b;
    }

    /** Erlang B for k servers from Erlang B for k − 1. */
    static double next(double a, double previousB, int k) {
        return a * previousB / (k + a * previousB);
    }

    /** Erlang C from Erlang B for the same n (n &gt; a). */
    static double fromErlangB(double a, int n, double b) {
        return n * b / (n - a * (1 - b));
    }

    /** P(wait) for n agents; 1 when the agents cannot keep up (n ≤ a). */
    static double probabilityOfWaiting(double a, int n) {
        if (a <= 0) return 0;
        if (n <= a) return 1;
        if (n > MAX_AGENTS) return 0; // with n > a + 100 000 the chance of waiting underflows anyway
        return fromErlangB(a, n, erlangB(a, n));
    }

    /** Share of contacts answered within {@code targetSeconds}. */
    static double serviceLevel(double a, int n, double ahtSeconds, double targetSeconds) {
        if (a <= 0) return 1;
        if (n <= a) return 0;
        return serviceLevel(a, n, ahtSeconds, targetSeconds, probabilityOfWaiting(a, n));
    }

    private static double serviceLevel(double a, int n, double ahtSeconds, double targetSeconds, double pWait) {
        return 1 - pWait * Math.exp(-(n - a) * targetSeconds / ahtSeconds);
    }

    /** Average speed of answer over all contacts (those answered at once count 0 s). */
    static double asaSeconds(double a, int n, double ahtSeconds) {
        if (a <= 0) return 0;
        if (n <= a) return Double.POSITIVE_INFINITY;
        return probabilityOfWaiting(a, n) * ahtSeconds / (n - a);
    }

    /**
     * The fewest agents that reach the service level without running above the occupancy cap, or
     * {@link #UNREACHABLE} when more than {@link #MAX_AGENTS} would be needed (or an input is not a finite positive
     * number). One pass: Erlang B up to the lower bound floor(a) + 1, then one step per agent added.
     */
    static int agents(double a, double ahtSeconds, double targetSeconds, double serviceLevel, double maxOccupancy) {
        if (a <= 0 || a != a) return a == 0 ? 0 : UNREACHABLE; // a != a: NaN
        if (!(ahtSeconds > 0 && targetSeconds >= 0 && maxOccupancy > 0 && maxOccupancy <= 1 && serviceLevel < 1)
                || Double.isInfinite(ahtSeconds) || Double.isInfinite(targetSeconds)) {
            return UNREACHABLE;
        }
        if (a >= MAX_AGENTS || a / maxOccupancy > MAX_AGENTS) return UNREACHABLE;
        int n = (int) Math.floor(a) + 1;
        double b = erlangB(a, n);
        int byOccupancy = (int) Math.ceil(a / maxOccupancy - 1e-9);
        while (n <= MAX_AGENTS) {
            if (n >= byOccupancy
                    && serviceLevel(a, n, ahtSeconds, targetSeconds, fromErlangB(a, n, b)) >= serviceLevel) {
                return n;
            }
            n++;
            b = next(a, b, n);
        }
        return UNREACHABLE;
    }
}
