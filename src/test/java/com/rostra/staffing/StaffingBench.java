package com.rostra.staffing;

import java.time.Instant;
import java.util.Random;

/**
 * A plain benchmark (not a test: surefire does not pick it up): nanoseconds per Erlang C and Erlang A staffing
 * answer, and the time to compute the requirements of 50 queues × 5 channels × 8 weeks of quarter hours.
 * Run by bench/staffing-bench.sh --plain. Warm-up rounds first, then the median of the measured rounds (thread CPU time).
 */
public final class StaffingBench {

    private static volatile long sink;

    /** Intervals of a typical quarter hour each harness answers one by one. */
    static final int SIZE = 2_000;
    /** 8 weeks of quarter hours: one series of the 50 queues × 5 channels plan. */
    static final int WEEKS_OF_QUARTER_HOURS = 8 * 7 * 96;
    static final int SERIES = 50 * 5;

    /**
     * The inputs of {@link #SIZE} typical quarter hours (seed 1): 5 to 200 Erlangs, 3 to 8 minute handle times,
     * patience 1 to 3 min, with the contacts that load means and the settings the service would plan them with
     * (80 % in 20 s, 30 % shrinkage, occupancy cap 90 %; Erlang C, and Erlang A with that patience).
     */
    record Intervals(double[] traffic, double[] aht, double[] patience, double[] volume,
                     StaffingSettings[] erlangC, StaffingSettings[] erlangA) {}

    /** Both harnesses measure these same intervals, so their figures compare. */
    static Intervals intervals() {
        Random random = new Random(1);
        Intervals in = new Intervals(new double[SIZE], new double[SIZE], new double[SIZE], new double[SIZE],
                new StaffingSettings[SIZE], new StaffingSettings[SIZE]);
        for (int i = 0; i < SIZE; i++) {
            in.traffic()[i] = 5 + random.nextDouble() * 195;
            in.aht()[i] = 180 + random.nextInt(300);
            in.patience()[i] = 60 + random.nextInt(120);
            in.volume()[i] = in.traffic()[i] * 900 / in.aht()[i];
            in.erlangC()[i] = new StaffingSettings(0.8, 20, (int) in.aht()[i], 0.3, 0.9, 1, null, null);
            in.erlangA()[i] = new StaffingSettings(0.8, 20, (int) in.aht()[i], 0.3, 0.9, 1, (int) in.patience()[i], null, "erlang_a");
        }
        return in;
    }

    /** Contacts per quarter hour over 8 weeks: closed before 08:00 and after 21:00, a midday peak of 100. */
    static double[] weeklyProfile() {
        double[] profile = new double[WEEKS_OF_QUARTER_HOURS];
        for (int i = 0; i < WEEKS_OF_QUARTER_HOURS; i++) {
            int q = i % 96;
            profile[i] = q < 32 || q > 84 ? 0 : 20 + 80 * Math.sin(Math.PI * (q - 32) / 52.0);
        }
        return profile;
    }

    private static final StaffingSettings PLAN_ERLANG_C = new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, null, null);
    private static final StaffingSettings PLAN_ERLANG_A = new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, 120, null, "erlang_a");

    /**
     * Requirements of 50 queues × 5 channels × 8 weeks of quarter hours, half Erlang A, through
     * {@link Requirements#requirement} as the service plans them (a memo per series); the sum of required agents.
     * {@code distinctVolumes}: every interval's volume its own, so the memo never answers; otherwise the weekly
     * profile repeats (a forecast is fractional, varied a little) and the memo answers many intervals.
     */
    static long requirements50x5x8Weeks(double[] profile, boolean distinctVolumes) {
        long sum = 0;
        for (int series = 0; series < SERIES; series++) {
            StaffingSettings s = series % 2 == 0 ? PLAN_ERLANG_C : PLAN_ERLANG_A;
            double scale = 0.5 + (series % 10) / 5.0;
            SolutionMemo memo = new SolutionMemo();
            for (int i = 0; i < profile.length; i++) {
                double v = profile[i] == 0 ? 0
                        : profile[i] * scale + (distinctVolumes ? (i * 0.000_37 + series * 0.013) % 1 : (i % 7) * 0.1);
                sum += Requirements.requirement(Instant.EPOCH, v, 900, s, memo).requiredAgents();
            }
        }
        return sum;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Intervals in = intervals();
        double[] traffic = in.traffic();
        double[] aht = in.aht();
        double[] patience = in.patience();
        System.out.printf("Erlang C, agents for one interval (5-200 Erlangs): %s ns%n",
                median(rounds, () -> {
                    long sum = 0;
                    for (int i = 0; i < SIZE; i++) sum += ErlangC.agents(traffic[i], aht[i], 20, 0.8, 0.9);
                    sink = sum;
                }, SIZE));
        System.out.printf("Erlang A, agents for one interval (5-200 Erlangs): %s ns%n",
                median(rounds, () -> {
                    long sum = 0;
                    for (int i = 0; i < SIZE; i++) sum += ErlangA.agents(traffic[i], aht[i], patience[i], 20, 0.8, 0.9);
                    sink = sum;
                }, SIZE));
        System.out.printf("Erlang A, metrics for given agents (incl. ASA integral): %s ns%n",
                median(rounds, () -> {
                    double sum = 0;
                    for (int i = 0; i < SIZE; i++) sum += ErlangA.metrics(traffic[i], (int) traffic[i] + 3, aht[i], patience[i], 20).asaSeconds();
                    sink = (long) sum;
                }, SIZE));
        // The same intervals as requirement rows, the way the service plans one interval (agents, expected service
        // level, the memo that never hits here): what the "per requirement" costs.
        System.out.printf("Erlang C, requirement row for one interval: %s ns%n",
                median(rounds, () -> sink = requirementRows(in.volume(), in.erlangC()), SIZE));
        System.out.printf("Erlang A, requirement row for one interval: %s ns%n",
                median(rounds, () -> sink = requirementRows(in.volume(), in.erlangA()), SIZE));
        System.out.printf("Erlang C, 5 000 Erlangs: %s ns%n", median(rounds, () -> sink = ErlangC.agents(5_000, 300, 20, 0.8, 0.95), 1));
        System.out.printf("Erlang A, 5 000 Erlangs: %s ns%n", median(rounds, () -> sink = ErlangA.agents(5_000, 300, 120, 20, 0.8, 0.95), 1));

        double[] profile = weeklyProfile();
        long ns = median(rounds, () -> sink = requirements50x5x8Weeks(profile, false), 1);
        System.out.printf("Requirements, 50 queues x 5 channels x 8 weeks of 15-minute intervals (%d intervals): %.1f ms%n",
                SERIES * WEEKS_OF_QUARTER_HOURS, ns / 1e6);
        long distinct = median(rounds, () -> sink = requirements50x5x8Weeks(profile, true), 1);
        System.out.printf("Requirements, the same with every interval's volume distinct (no memo hits): %.1f ms%n", distinct / 1e6);
    }

    /** One requirement row per interval with a fresh memo (it never hits: every interval differs); sum of agents. */
    static long requirementRows(double[] volume, StaffingSettings[] settings) {
        long sum = 0;
        SolutionMemo memo = new SolutionMemo();
        for (int i = 0; i < volume.length; i++) sum += Requirements.requirement(Instant.EPOCH, volume[i], 900, settings[i], memo).requiredAgents();
        return sum;
    }

    /**
     * Median over rounds of the time per operation, after five warm-up rounds. The time is this thread's CPU time, so
     * the figure holds on a loaded machine (wall-clock JMH figures there mostly measure the other processes).
     */
    private static long median(int rounds, Runnable body, int operations) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) body.run();
        long[] times = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = cpu.getCurrentThreadCpuTime();
            body.run();
            times[r] = (cpu.getCurrentThreadCpuTime() - start) / operations;
        }
        java.util.Arrays.sort(times);
        return times[rounds / 2];
    }
}
