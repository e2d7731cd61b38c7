package com.rostra.staffing;

import org.apache.commons.math3.special.Gamma;

/**
 * Erlang A (M/M/n+M, Palm's queue): Poisson arrivals, exponential handle times, exponential patience; a waiting
 * contact abandons when its patience runs out. Formulas after Garnett, Mandelbaum &amp; Reiman (2002) and
 * Mandelbaum &amp; Zeltyn's notes on the Palm/Erlang-A queue, with
 * {@code x = n·μ/θ = n · patience / aht}, {@code y = λ/θ = a · patience / aht}, {@code ρ = a / n} and
 * <pre>
 *   S(x, y) = Σ_{k≥0} y^k / ((x+1)(x+2)…(x+k)) = e^y · y^(−x) · Γ(x+1) · P(x, y)      (P: regularized lower gamma)
 *   A = S(x, y),  E = Erlang B(n, a),  π_n = E / (1 + (A − 1)·E)
 *   P(wait)                 = A · π_n
 *   P(wait, then answered)  = π_n · (A − 1) / ρ            P(abandon) = P(wait) − P(wait, then answered)
 *   P(answered within t)    = 1 − P(wait) + P(wait, then answered) · (1 − P(x+1, y·e^(−θt)) / P(x+1, y))
 * </pre>
 * The last line comes from: a contact that finds j waiting reaches an agent after V, with e^(−θV) ~ Beta(x, j+1); it
 * is answered if its patience outlasts V. Everything that can overflow is kept in logarithms: S by its series when
 * y &lt; x (fast, and where P would underflow), else through commons-math's {@link Gamma#regularizedGammaP}. The
 * service level counts abandoners as not answered: it is the share of <em>all</em> arrivals answered within the
 * target.
 */
final class ErlangA {

    /** Patience beyond this many handle times is Erlang C to many digits; also keeps the series short. */
    private static final double MAX_PATIENCE_RATIO = 1e6;

    private ErlangA() {}

    /**
     * @param serviceLevel share of all arrivals answered within the target
     * @param abandonRate  share of all arrivals that abandon
     * @param probabilityOfWaiting share of arrivals that find every agent busy
     * @param asaSeconds   average wait of answered contacts (those answered at once count 0 s)
     * @param occupancy    share of the agents' time spent on contacts (answered traffic / n)
     */
    record Metrics(double serviceLevel, double abandonRate, double probabilityOfWaiting, double asaSeconds,
                   double occupancy) {}

    static Metrics metrics(double a, int n, double ahtSeconds, double patienceSeconds, double targetSeconds) {
        if (a <= 0) return new Metrics(1, 0, 0, 0, 0);
        if (n <= 0) return new Metrics(0, 1, 1, 0, 0);
        return metrics(a, n, ahtSeconds, patienceSeconds, targetSeconds, ErlangC.erlangB(a, n), true);
    }

    /** {@link #metrics} with {@code asaSeconds} NaN: no ASA integral. */
    static Metrics metricsWithoutAsa(double a, int n, double ahtSeconds, double patienceSeconds, double targetSeconds) {
        if (a <= 0) return new Metrics(1, 0, 0, 0, 0);
        if (n <= 0) return new Metrics(0, 1, 1, 0, 0);
        Metrics m = metrics(a, n, ahtSeconds, patienceSeconds, targetSeconds, ErlangC.erlangB(a, n), false);
        return new Metrics(m.serviceLevel(), m.abandonRate(), m.probabilityOfWaiting(), Double.NaN, m.occupancy());
    }

    private static Metrics metrics(double a, int n, double aht, double patience, double target, double erlangB,
                                   boolean withAsa) {
        double p = Math.min(patience, aht * MAX_PATIENCE_RATIO);
        double x = n * p / aht;
        double y = a * p / aht;
        double rho = a / n;
        if (erlangB <= 0) return new Metrics(1, 0, 0, 0, rho); // n far above a: nobody waits
        Series s = s(x, y);
        // P(wait) = A·E / (1 + (A − 1)·E) = 1 / (1 + (1/E − 1) / A), in logs.
        double lnOneOverEMinusOne = Math.log1p(-erlangB) - Math.log(erlangB);
        double pWait = erlangB >= 1 ? 1 : Math.exp(-softplus(lnOneOverEMinusOne - s.ln));
        double pAnsweredAfterWait = pWait * s.oneMinusInverse / rho;
        pAnsweredAfterWait = Math.min(pAnsweredAfterWait, pWait);
        double pAbandon = pWait - pAnsweredAfterWait;
        double within = 0;
        if (pAnsweredAfterWait > 0) {
            double thetaT = target / p;
            double z = y * Math.exp(-thetaT);
            // S(x+1, y) from S(x, y) = 1 + y/(x+1)·S(x+1, y): one series fewer.
            double lnSx1y = Math.log(s.oneMinusInverse) + s.ln + Math.log(x + 1) - Math.log(y);
            double lnRatio = -y * Math.expm1(-thetaT) - (x + 1) * thetaT + s(x + 1, z).ln - lnSx1y;
            within = pAnsweredAfterWait * -Math.expm1(Math.min(lnRatio, 0));
        }
        double sl = clamp(1 - pWait + within);
        double occupancy = Math.min(1, a * (1 - pAbandon) / n);
        double asa = 0;
        if (withAsa && pAnsweredAfterWait > 0) {
            double answered = 1 - pWait + pAnsweredAfterWait;
            asa = pAnsweredAfterWait * p * meanScaledWaitOfAnsweredAfterWait(x, y) / answered;
        }
        return new Metrics(sl, clamp(pAbandon), clamp(pWait), asa, occupancy);
    }

    /** log(1 + e^v) without overflow. */
    private static double softplus(double v) {
        return v > 30 ? v : Math.log1p(Math.exp(v));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** ln S(a, z) and 1 − 1/S(a, z) (that is (S − 1)/S, kept exact when S is close to 1). */
    record Series(double ln, double oneMinusInverse) {}

    static Series s(double a, double z) {
        if (z <= 0) return new Series(0, 0);
        if (z < a) {
            double sum = seriesSum(a, z);
            return new Series(Math.log1p(sum), sum / (1 + sum));
        }
        double ln = z - a * Math.log(z) + Gamma.logGamma(a + 1) + Math.log(Gamma.regularizedGammaP(a, z, 1e-15, Integer.MAX_VALUE));
        return new Series(ln, -Math.expm1(-ln));
    }

    /** S(a, z) − 1 by its series, for 0 &lt; z &lt; a (terms fall from the first on). */
    static double seriesSum(double a, double z) {
        // Terms fall from the first on (z / (a + k) < 1). Two terms per division (1/((a+k)(a+k+1)) gives both ratios);
        // the tail bound (a geometric series with the next, smaller, ratio) is worked out only once the terms
        // themselves are negligible.
        double term = 1;
        double sum = 0;
        for (double k = 1; k < 2e8; k += 2) {
            double ak = a + k;
            double w = 1 / (ak * (ak + 1));
            double t1 = term * z * (ak + 1) * w;
            double t2 = t1 * z * ak * w;
            sum += t1 + t2;
            term = t2;
            if (t2 < 1e-17 * (1 + sum)) {
                double nextRatio = z / (ak + 2);
                if (t2 * nextRatio < 1e-17 * (1 + sum) * (1 - nextRatio)) break;
            }
        }
        return sum;
    }

    /**
     * Mean of θ·W over contacts that waited and were answered: ∫ s e^(−f) ds / ∫ e^(−f) ds with
     * f(s) = (x+1)s + y·e^(−s) (substituting u = e^(−s) in the Beta mixture), by Simpson's rule on the window around
     * f's minimum where e^(−f) is not negligible.
     */
    private static double meanScaledWaitOfAnsweredAfterWait(double x, double y) {
        double peak = y > x + 1 ? Math.log(y / (x + 1)) : 0;
        double fMin = f(x, y, peak);
        // The window: e^(−f) falls by e^45 to e^90 at each end, so Simpson's steps stay a fraction of its scale.
        double d = 1 / Math.sqrt(x + 1 + y);
        while (f(x, y, peak + d) - fMin > 90 && d > 1e-300) d /= 2;
        while (f(x, y, peak + d) - fMin < 45 && d < 1e6) d *= 2;
        double hi = peak + d;
        double lo = 0;
        if (peak > 0) {
            double e = Math.min(peak, 1 / Math.sqrt(x + 1 + y));
            while (f(x, y, peak - e) - fMin > 90 && e > 1e-300) e /= 2;
            while (peak - e > 0 && f(x, y, peak - e) - fMin < 45) e *= 2;
            lo = Math.max(0, peak - e);
        }
        int steps = 400;
        double h = (hi - lo) / steps;
        double i0 = 0;
        double i1 = 0;
        for (int k = 0; k <= steps; k++) {
            double s = lo + k * h;
            double w = (k == 0 || k == steps) ? 1 : (k % 2 == 1 ? 4 : 2);
            double v = Math.exp(fMin - f(x, y, s));
            i0 += w * v;
            i1 += w * v * s;
        }
        return i0 == 0 ? 0 : i1 / i0;
    }

    private static double f(double x, double y, double s) {
        return (x + 1) * s + y * Math.exp(-s);
    }

    /**
     * The fewest agents whose service level (share of all arrivals answered within the target, abandoners not
     * answered) reaches the goal while occupancy stays at or under the cap; {@link ErlangC#UNREACHABLE} when more than
     * {@link ErlangC#MAX_AGENTS} would be needed. Both criteria improve with every agent added, so a search between
     * a lower bound (a · service level) and an upper one (Erlang C's answer, doubled while it is not enough) finds it:
     * galloping down from the upper bound, then bisecting; Erlang B comes from one recursion pass up to that bound.
     */
    static int agents(double a, double ahtSeconds, double patienceSeconds, double targetSeconds, double serviceLevel,
                      double maxOccupancy) {
        if (a <= 0 || a != a) return a == 0 ? 0 : ErlangC.UNREACHABLE;
        if (!(ahtSeconds > 0 && patienceSeconds > 0 && targetSeconds >= 0 && maxOccupancy > 0 && maxOccupancy <= 1
                && serviceLevel < 1) || Double.isInfinite(ahtSeconds) || Double.isInfinite(patienceSeconds)
                || Double.isInfinite(targetSeconds)) {
            return ErlangC.UNREACHABLE;
        }
        if (a >= ErlangC.MAX_AGENTS) return ErlangC.UNREACHABLE;
        int upper = ErlangC.agents(a, ahtSeconds, targetSeconds, serviceLevel, maxOccupancy);
        if (upper == ErlangC.UNREACHABLE) upper = Math.min(ErlangC.MAX_AGENTS, (int) Math.floor(a) + 1);
        // Answered contacts cannot outnumber what n agents serve: SL ≤ n / a, so fewer than a·SL agents never do.
        int lo = (int) Math.max(1, Math.min(upper, Math.floor(a * serviceLevel)));
        // 1 / Erlang B for lo..upper in one inverse walk (index k − lo).
        int base = lo;
        double[] r = ErlangC.inverseErlangBs(a, base, upper);
        if (upper - 1 < lo || !meets(a, upper - 1, 1 / r[upper - 1 - base], ahtSeconds, patienceSeconds, targetSeconds,
                serviceLevel, maxOccupancy)) {
            // Not fewer than Erlang C: Erlang C's answer, or (callers far less patient than the target) more.
            if (meets(a, upper, 1 / r[upper - base], ahtSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy)) {
                return upper;
            }
            int failing;
            int hi = upper;
            do {
                if (hi >= ErlangC.MAX_AGENTS) return ErlangC.UNREACHABLE;
                failing = hi;
                hi = (int) Math.min(ErlangC.MAX_AGENTS, 2L * hi);
            } while (!meets(a, hi, ErlangC.erlangB(a, hi), ahtSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy));
            int l = failing + 1;
            while (l < hi) {
                int mid = (l + hi) >>> 1;
                if (meets(a, mid, ErlangC.erlangB(a, mid), ahtSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy)) {
                    hi = mid;
                } else {
                    l = mid + 1;
                }
            }
            return hi;
        }
        // Fewer than Erlang C, usually by one to three agents: walk down one at a time three times, then gallop, then
        // bisect the bracket left.
        int hi = upper - 1;
        int step = 1;
        int walked = 0;
        while (hi - step >= lo) {
            int probe = hi - step;
            if (!meets(a, probe, 1 / r[probe - base], ahtSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy)) {
                lo = probe + 1;
                break;
            }
            hi = probe;
            if (++walked >= 3) step *= 2;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (meets(a, mid, 1 / r[mid - base], ahtSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return hi;
    }

    /**
     * Whether n agents meet the goal: the figures of {@link #metrics} without ASA, and the within-target part worked
     * out only when the bounds 1 − P(wait) ≤ SL ≤ 1 − P(wait) + P(wait, then answered) do not decide already.
     */
    private static boolean meets(double a, int n, double erlangB, double aht, double patience, double target,
                                 double serviceLevel, double maxOccupancy) {
        double p = Math.min(patience, aht * MAX_PATIENCE_RATIO);
        double x = n * p / aht;
        double y = a * p / aht;
        double rho = a / n;
        if (erlangB <= 0) return 1 >= serviceLevel && rho <= maxOccupancy + 1e-12;
        if (y >= x) return slowMeets(a, n, erlangB, p, x, y, rho, target, serviceLevel, maxOccupancy);
        // More agents than Erlangs (y < x): S(x, y) is a moderate number, so everything follows without logarithms.
        double sum = seriesSum(x, y);
        double big = 1 + sum;
        double denominator = big + (1 - erlangB) / erlangB;
        double pWait = big / denominator;
        double pAnsweredAfterWait = Math.min(sum / denominator / rho, pWait);
        double occupancy = Math.min(1, a * (1 - (pWait - pAnsweredAfterWait)) / n);
        if (!(occupancy <= maxOccupancy + 1e-12)) return false;
        if (clamp(1 - pWait) >= serviceLevel) return true;
        if (clamp(1 - pWait + pAnsweredAfterWait) < serviceLevel) return false;
        double thetaT = target / p;
        double z = y * Math.exp(-thetaT);
        // P(x+1, y e^(−θt)) / P(x+1, y) = e^(y(1 − e^(−θt)) − (x+1)θt) · S(x+1, z) / S(x+1, y), S(x+1, y) = (S(x, y) − 1)(x+1)/y;
        // the exponent is negative (y < x), so nothing overflows and an underflow means the ratio is below 1e-308.
        double ratio = Math.exp(-y * Math.expm1(-thetaT) - (x + 1) * thetaT) * (1 + seriesSum(x + 1, z)) * y / (sum * (x + 1));
        double within = pAnsweredAfterWait * (1 - Math.min(ratio, 1));
        return clamp(1 - pWait + within) >= serviceLevel;
    }

    /** {@link #meets} in logarithms, where S(x, y) may overflow (no more agents than Erlangs). */
    private static boolean slowMeets(double a, int n, double erlangB, double p, double x, double y, double rho, double target,
                                     double serviceLevel, double maxOccupancy) {
        Series s = s(x, y);
        double lnOneOverEMinusOne = Math.log1p(-erlangB) - Math.log(erlangB);
        double pWait = erlangB >= 1 ? 1 : Math.exp(-softplus(lnOneOverEMinusOne - s.ln));
        double pAnsweredAfterWait = Math.min(pWait * s.oneMinusInverse / rho, pWait);
        double occupancy = Math.min(1, a * (1 - (pWait - pAnsweredAfterWait)) / n);
        if (!(occupancy <= maxOccupancy + 1e-12)) return false;
        if (clamp(1 - pWait) >= serviceLevel) return true;
        if (clamp(1 - pWait + pAnsweredAfterWait) < serviceLevel) return false;
        double thetaT = target / p;
        double z = y * Math.exp(-thetaT);
        double lnSx1y = Math.log(s.oneMinusInverse) + s.ln + Math.log(x + 1) - Math.log(y);
        double lnRatio = -y * Math.expm1(-thetaT) - (x + 1) * thetaT + s(x + 1, z).ln - lnSx1y;
        double within = pAnsweredAfterWait * -Math.expm1(Math.min(lnRatio, 0));
        return clamp(1 - pWait + within) >= serviceLevel;
    }
}
