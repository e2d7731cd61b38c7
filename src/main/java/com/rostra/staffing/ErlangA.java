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
     * walking down from the upper bound, then galloping and bisecting; Erlang B comes from one recursion pass up to that
     * bound.
     */
    static int agents(double a, double ahtSeconds, double patienceSeconds, double targetSeconds, double serviceLevel,
                      double maxOccupancy) {
        return answer(a, ahtSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy).agents();
    }

    /**
     * The agents of {@link #agents} with the figures of {@link #metricsWithoutAsa} at that count, taken from the
     * search's last successful probe: planning needs them for every interval, and working them out again cost another
     * Erlang B walk and two series (about as much as the search). NaN figures when {@code agents} is 0 or
     * {@link ErlangC#UNREACHABLE}.
     */
    record Answer(int agents, double serviceLevel, double abandonRate, double probabilityOfWaiting, double occupancy) {}

    private static final Answer NONE = new Answer(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    private static final Answer OUT_OF_REACH = new Answer(ErlangC.UNREACHABLE, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Answer answer(double a, double ahtSeconds, double patienceSeconds, double targetSeconds, double serviceLevel,
                         double maxOccupancy) {
        if (a <= 0 || a != a) return a == 0 ? NONE : OUT_OF_REACH;
        if (!(ahtSeconds > 0 && patienceSeconds > 0 && targetSeconds >= 0 && maxOccupancy > 0 && maxOccupancy <= 1
                && serviceLevel < 1) || Double.isInfinite(ahtSeconds) || Double.isInfinite(patienceSeconds)
                || Double.isInfinite(targetSeconds)) {
            return OUT_OF_REACH;
        }
        if (a >= ErlangC.MAX_AGENTS) return OUT_OF_REACH;
        // Answered contacts cannot outnumber what n agents serve: SL ≤ n / a, so fewer than a·SL agents never do.
        // (Erlang C's answer, the upper bound below, is above a, so it never lowers this.)
        int lo = (int) Math.max(1, Math.floor(a * serviceLevel));
        Search q = Search.get(a, ahtSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy);
        // 1 / Erlang B from lo up to Erlang C's answer in one inverse walk (index k − lo), into the thread's reused
        // buffer; Erlang C's answer comes from the same walk.
        int base = lo;
        int upper = q.walkToErlangC(base);
        if (upper == ErlangC.UNREACHABLE) {
            upper = Math.min(ErlangC.MAX_AGENTS, (int) Math.floor(a) + 1);
            lo = Math.min(lo, upper);
            base = lo;
            q.inverseErlangBs(a, base, upper);
        }
        double[] r = q.buffer;
        if (upper - 1 < lo || !q.meets(upper - 1, 1 / r[upper - 1 - base])) {
            // Not fewer than Erlang C: Erlang C's answer, or (callers far less patient than the target) more.
            if (q.meets(upper, 1 / r[upper - base])) return q.answer();
            int failing;
            int hi = upper;
            do {
                if (hi >= ErlangC.MAX_AGENTS) return OUT_OF_REACH;
                failing = hi;
                hi = (int) Math.min(ErlangC.MAX_AGENTS, 2L * hi);
            } while (!q.meets(hi, ErlangC.erlangB(a, hi)));
            int l = failing + 1;
            while (l < hi) {
                int mid = (l + hi) >>> 1;
                if (q.meets(mid, ErlangC.erlangB(a, mid))) hi = mid;
                else l = mid + 1;
            }
            return q.answer();
        }
        // Fewer than Erlang C, usually by one to three agents: walk down one at a time three times, then gallop, then
        // bisect the bracket left. Every count that meets the goal is lower than the one before, so the last probe
        // that met it is the answer (its figures are kept by the search).
        int hi = upper - 1;
        int step = 1;
        int walked = 0;
        while (hi - step >= lo) {
            int probe = hi - step;
            if (!q.meets(probe, 1 / r[probe - base])) {
                lo = probe + 1;
                break;
            }
            hi = probe;
            if (++walked >= 3) step *= 2;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (q.meets(mid, 1 / r[mid - base])) hi = mid;
            else lo = mid + 1;
        }
        return q.answer();
    }

    /**
     * One search's inputs and the figures of its last probe that met the goal. Reused per thread (with the Erlang B
     * buffer), so a search allocates nothing but its answer.
     */
    private static final class Search {
        private static final ThreadLocal<Search> PER_THREAD = ThreadLocal.withInitial(Search::new);
        /** A buffer grown above this many entries (a range of more than ~4,000 agents) is dropped at the next search. */
        private static final int KEPT_BUFFER = 4_096;

        private double a, aht, p, target, serviceLevel, maxOccupancy;
        private double[] buffer = new double[256];
        // The probe being evaluated and the last one that met the goal (swapped on success).
        private Probe trial = new Probe();
        private Probe best = new Probe();

        static Search get(double a, double aht, double patience, double target, double serviceLevel, double maxOccupancy) {
            Search q = PER_THREAD.get();
            q.a = a;
            q.aht = aht;
            q.p = Math.min(patience, aht * MAX_PATIENCE_RATIO);
            q.target = target;
            q.serviceLevel = serviceLevel;
            q.maxOccupancy = maxOccupancy;
            q.best.n = -1;
            if (q.buffer.length > KEPT_BUFFER) q.buffer = new double[256];
            return q;
        }

        /**
         * 1 / Erlang B for {@code from} agents up into the buffer (index k − from), walking on until Erlang C's answer
         * ({@link ErlangC#answer}'s test, on the same values), which it returns; {@link ErlangC#UNREACHABLE} as there.
         */
        int walkToErlangC(int from) {
            if (a >= ErlangC.MAX_AGENTS || a / maxOccupancy > ErlangC.MAX_AGENTS) return ErlangC.UNREACHABLE;
            double invA = 1 / a;
            double v = 1;
            int start = Math.min(ErlangC.walkStart(Math.min(a, from)), from);
            for (int k = start + 1; k < from; k++) v = 1 + k * invA * v;
            int first = (int) Math.floor(a) + 1;
            int byOccupancy = (int) Math.ceil(a / maxOccupancy - 1e-9);
            double perAgent = Math.exp(-target / aht);
            double decay = Math.exp(-(first - a) * target / aht);
            double[] r = buffer;
            if (from <= start) { // from = 0 (B(0) = 1): nothing walked
                r[0] = 1;
                start = from;
            }
            for (int k = Math.max(from, start + 1); k <= ErlangC.MAX_AGENTS; k++) {
                v = 1 + k * invA * v;
                int i = k - from;
                if (i >= r.length) {
                    r = java.util.Arrays.copyOf(r, Math.min(2 * r.length, ErlangC.MAX_AGENTS + 1));
                    buffer = r;
                }
                r[i] = v;
                if (k >= first) {
                    // Erlang C: P(wait) = n / (r·(n − a) + a); SL = 1 − P(wait)·e^(−(n − a)·t / aht).
                    double sl = 1 - k / (v * (k - a) + a) * decay;
                    if (k >= byOccupancy && sl >= serviceLevel) return k;
                    decay *= perAgent;
                }
            }
            return ErlangC.UNREACHABLE;
        }

        /** {@link ErlangC#inverseErlangBs} into the reused buffer when it fits. */
        double[] inverseErlangBs(double a, int from, int to) {
            int size = to - from + 1;
            if (size > buffer.length) buffer = new double[size];
            return ErlangC.inverseErlangBs(a, from, to, buffer);
        }

        /** Whether n agents meet the goal; if so their figures become {@link #answer}'s. */
        boolean meets(int n, double erlangB) {
            if (!trial.evaluate(a, n, erlangB, aht, p, target, serviceLevel, maxOccupancy)) return false;
            Probe met = trial;
            trial = best;
            best = met;
            return true;
        }

        Answer answer() {
            Probe b = best;
            if (b.n < 0) return OUT_OF_REACH;
            b.completeWithin(target / p);
            return new Answer(b.n, clamp(1 - b.pWait + b.within), clamp(b.pWait - b.answeredAfterWait), clamp(b.pWait),
                    b.occupancy);
        }
    }

    /**
     * One agent count's figures: those of {@link #metrics} without ASA. The within-target part is worked out only when
     * the bounds 1 − P(wait) ≤ SL ≤ 1 − P(wait) + P(wait, then answered) do not decide already; what it needs is kept,
     * so the answer can complete it without redoing the series S(x, y).
     */
    private static final class Probe {
        int n;
        double x, y, pWait, answeredAfterWait, occupancy;
        /** NaN until worked out. */
        double within;
        /** y &lt; x: S(x, y) − 1 by its series; else ln S(x, y) and 1 − 1/S(x, y) ({@link #logs}). */
        double sum, lnS, oneMinusInverse;
        boolean logs;

        boolean evaluate(double a, int n, double erlangB, double aht, double p, double target, double serviceLevel,
                         double maxOccupancy) {
            this.n = n;
            x = n * p / aht;
            y = a * p / aht;
            double rho = a / n;
            if (erlangB <= 0) { // n far above a: nobody waits
                pWait = 0;
                answeredAfterWait = 0;
                within = 0;
                occupancy = rho;
                return 1 >= serviceLevel && rho <= maxOccupancy + 1e-12;
            }
            within = Double.NaN;
            logs = y >= x;
            if (logs) {
                // In logarithms: S(x, y) may overflow (no more agents than Erlangs).
                Series s = s(x, y);
                lnS = s.ln;
                oneMinusInverse = s.oneMinusInverse;
                double lnOneOverEMinusOne = Math.log1p(-erlangB) - Math.log(erlangB);
                pWait = erlangB >= 1 ? 1 : Math.exp(-softplus(lnOneOverEMinusOne - lnS));
                answeredAfterWait = Math.min(pWait * oneMinusInverse / rho, pWait);
            } else {
                // More agents than Erlangs: S(x, y) is a moderate number, so everything follows without logarithms.
                sum = seriesSum(x, y);
                double big = 1 + sum;
                double denominator = big + (1 - erlangB) / erlangB;
                pWait = big / denominator;
                answeredAfterWait = Math.min(sum / denominator / rho, pWait);
            }
            occupancy = Math.min(1, a * (1 - (pWait - answeredAfterWait)) / n);
            if (!(occupancy <= maxOccupancy + 1e-12)) return false;
            if (clamp(1 - pWait) >= serviceLevel) return true;
            if (clamp(1 - pWait + answeredAfterWait) < serviceLevel) return false;
            completeWithin(target / p);
            return clamp(1 - pWait + within) >= serviceLevel;
        }

        /** P(wait, then answered within the target), θt = target / patience. */
        void completeWithin(double thetaT) {
            if (within == within) return; // worked out already
            if (!(answeredAfterWait > 0)) {
                within = 0;
                return;
            }
            double z = y * Math.exp(-thetaT);
            if (logs) {
                double lnSx1y = Math.log(oneMinusInverse) + lnS + Math.log(x + 1) - Math.log(y);
                double lnRatio = -y * Math.expm1(-thetaT) - (x + 1) * thetaT + s(x + 1, z).ln - lnSx1y;
                within = answeredAfterWait * -Math.expm1(Math.min(lnRatio, 0));
            } else {
                // P(x+1, y e^(−θt)) / P(x+1, y) = e^(y(1 − e^(−θt)) − (x+1)θt) · S(x+1, z) / S(x+1, y),
                // S(x+1, y) = (S(x, y) − 1)(x+1)/y; the exponent is negative (y < x), so nothing overflows and an
                // underflow means the ratio is below 1e-308.
                double ratio = Math.exp(-y * Math.expm1(-thetaT) - (x + 1) * thetaT) * (1 + seriesSum(x + 1, z)) * y
                        / (sum * (x + 1));
                within = answeredAfterWait * (1 - Math.min(ratio, 1));
            }
        }
    }
}
