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
        if (n <= 0) return 1;
        int last = Math.min(n, MAX_AGENTS);
        // The inverse recursion from a little below min(a, n) (see agents): 1/B(k) = 1 + (k/a)·1/B(k−1).
        double invA = 1 / a;
        double r = 1;
        for (int k = walkStart(Math.min(a, last)) + 1; k <= last; k++) r = 1 + k * invA * r;
        return 1 / r;
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
     * number). One pass of the inverse Erlang B recursion {@code r(k) = 1/B(k) = 1 + (k/a)·r(k−1)} (a multiplication
     * per agent, no division): below {@code a} each step shrinks an error in {@code r} by {@code k/a < 1}, so the walk
     * starts {@link #WALK_SQRTS}·√a below the traffic with {@code r = 1} (the start's error shrinks by about
     * e^(−WALK_SQRTS²/2) = e^−32 by the time it reaches a); then one step per agent added, the service level's
     * exponential factor updated by one multiplication per agent too.
     */
    static int agents(double a, double ahtSeconds, double targetSeconds, double serviceLevel, double maxOccupancy) {
        return answer(a, ahtSeconds, targetSeconds, serviceLevel, maxOccupancy).agents();
    }

    /**
     * The agents of {@link #agents} with P(wait) and the service level at that count, from the same walk (planning
     * needs all three; recomputing them cost two more walks). NaN figures when {@code agents} is not a count above
     * the traffic (none needed, or {@link #UNREACHABLE}).
     */
    record Answer(int agents, double probabilityOfWaiting, double serviceLevel) {}

    private static final Answer NONE = new Answer(0, Double.NaN, Double.NaN);
    private static final Answer OUT_OF_REACH = new Answer(UNREACHABLE, Double.NaN, Double.NaN);

    static Answer answer(double a, double ahtSeconds, double targetSeconds, double serviceLevel, double maxOccupancy) {
        if (a <= 0 || a != a) return a == 0 ? NONE : OUT_OF_REACH; // a != a: NaN
        if (!(ahtSeconds > 0 && targetSeconds >= 0 && maxOccupancy > 0 && maxOccupancy <= 1 && serviceLevel < 1)
                || Double.isInfinite(ahtSeconds) || Double.isInfinite(targetSeconds)) {
            return OUT_OF_REACH;
        }
        if (a >= MAX_AGENTS || a / maxOccupancy > MAX_AGENTS) return OUT_OF_REACH;
        int n = (int) Math.floor(a) + 1;
        double invA = 1 / a;
        double r = 1;
        for (int k = walkStart(a) + 1; k <= n; k++) r = 1 + k * invA * r;
        int byOccupancy = (int) Math.ceil(a / maxOccupancy - 1e-9);
        double perAgent = Math.exp(-targetSeconds / ahtSeconds);
        double decay = Math.exp(-(n - a) * targetSeconds / ahtSeconds);
        while (n <= MAX_AGENTS) {
            // P(wait) = n·B / (n − a·(1 − B)) = n / (r·(n − a) + a); SL = 1 − P(wait)·e^(−(n − a)·t / aht).
            double pWait = n / (r * (n - a) + a);
            double sl = 1 - pWait * decay;
            if (n >= byOccupancy && sl >= serviceLevel) return new Answer(n, pWait, sl);
            n++;
            r = 1 + n * invA * r;
            decay *= perAgent;
        }
        return OUT_OF_REACH;
    }

    /** How many √a below the traffic the inverse recursion starts (see {@link #agents}). */
    static final double WALK_SQRTS = 8;

    /** The agent count the inverse Erlang B walk may start at with r = 1 for a result at or above {@code from}. */
    static int walkStart(double a) {
        return (int) Math.max(0, Math.floor(a - WALK_SQRTS * Math.sqrt(a)) - 1);
    }

    /** 1 / Erlang B for {@code from}..{@code to} agents (index 0 is {@code from}), by the inverse walk. */
    static double[] inverseErlangBs(double a, int from, int to) {
        return inverseErlangBs(a, from, to, new double[to - from + 1]);
    }

    /** {@link #inverseErlangBs(double, int, int)} into {@code r} (at least {@code to − from + 1} long). */
    static double[] inverseErlangBs(double a, int from, int to, double[] r) {
        double invA = 1 / a;
        double v = 1;
        int start = Math.min(walkStart(Math.min(a, from)), from);
        for (int k = start + 1; k < from; k++) v = 1 + k * invA * v;
        for (int k = Math.max(from, start + 1); k <= to; k++) {
            v = 1 + k * invA * v;
            r[k - from] = v;
        }
        if (from <= start) r[0] = 1; // from = 0 (B(0) = 1): nothing walked
        return r;
    }
}
