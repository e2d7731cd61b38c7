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

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // Inputs of a typical quarter hour: 5 to 200 Erlangs, 3 to 8 minute calls, 80% in 20 s, patience 1 to 3 min.
        Random random = new Random(1);
        int size = 2_000;
        double[] traffic = new double[size];
        double[] aht = new double[size];
        double[] patience = new double[size];
        for (int i = 0; i < size; i++) {
            traffic[i] = 5 + random.nextDouble() * 195;
            aht[i] = 180 + random.nextInt(300);
            patience[i] = 60 + random.nextInt(120);
        }
        System.out.printf("Erlang C, agents for one interval (5-200 Erlangs): %s ns%n",
                median(rounds, () -> {
                    long sum = 0;
                    for (int i = 0; i < size; i++) sum += ErlangC.agents(traffic[i], aht[i], 20, 0.8, 0.9);
                    sink = sum;
                }, size));
        System.out.printf("Erlang A, agents for one interval (5-200 Erlangs): %s ns%n",
                median(rounds, () -> {
                    long sum = 0;
                    for (int i = 0; i < size; i++) sum += ErlangA.agents(traffic[i], aht[i], patience[i], 20, 0.8, 0.9);
                    sink = sum;
                }, size));
        System.out.printf("Erlang A, metrics for given agents (incl. ASA integral): %s ns%n",
                median(rounds, () -> {
                    double sum = 0;
                    for (int i = 0; i < size; i++) sum += ErlangA.metrics(traffic[i], (int) traffic[i] + 3, aht[i], patience[i], 20).asaSeconds();
                    sink = (long) sum;
                }, size));
        // The same intervals as requirement rows, the way the service plans one interval (agents, expected service
        // level, the memo that never hits here): what the "per requirement" costs.
        double[] volume = new double[size];
        StaffingSettings[] cRows = new StaffingSettings[size];
        StaffingSettings[] aRows = new StaffingSettings[size];
        for (int i = 0; i < size; i++) {
            volume[i] = traffic[i] * 900 / aht[i];
            cRows[i] = new StaffingSettings(0.8, 20, (int) aht[i], 0.3, 0.9, 1, null, null);
            aRows[i] = new StaffingSettings(0.8, 20, (int) aht[i], 0.3, 0.9, 1, (int) patience[i], null, "erlang_a");
        }
        System.out.printf("Erlang C, requirement row for one interval: %s ns%n",
                median(rounds, () -> {
                    long sum = 0;
                    SolutionMemo memo = new SolutionMemo();
                    for (int i = 0; i < size; i++) sum += Requirements.requirement(Instant.EPOCH, volume[i], 900, cRows[i], memo).requiredAgents();
                    sink = sum;
                }, size));
        System.out.printf("Erlang A, requirement row for one interval: %s ns%n",
                median(rounds, () -> {
                    long sum = 0;
                    SolutionMemo memo = new SolutionMemo();
                    for (int i = 0; i < size; i++) sum += Requirements.requirement(Instant.EPOCH, volume[i], 900, aRows[i], memo).requiredAgents();
                    sink = sum;
                }, size));
        System.out.printf("Erlang C, 5 000 Erlangs: %s ns%n", median(rounds, () -> sink = ErlangC.agents(5_000, 300, 20, 0.8, 0.95), 1));
        System.out.printf("Erlang A, 5 000 Erlangs: %s ns%n", median(rounds, () -> sink = ErlangA.agents(5_000, 300, 120, 20, 0.8, 0.95), 1));

        // 50 queues × 5 channels × 8 weeks × 96 quarter hours, half of them Erlang A, volume by a daily profile.
        int intervals = 8 * 7 * 96;
        StaffingSettings c = new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, null, null);
        StaffingSettings a = new StaffingSettings(0.8, 20, 300, 0.3, 0.85, 1, 120, null, "erlang_a");
        double[] profile = new double[intervals];
        for (int i = 0; i < intervals; i++) {
            int q = i % 96;
            profile[i] = q < 32 || q > 84 ? 0 : 20 + 80 * Math.sin(Math.PI * (q - 32) / 52.0);
        }
        long ns = median(rounds, () -> {
            long sum = 0;
            for (int series = 0; series < 250; series++) {
                StaffingSettings s = series % 2 == 0 ? c : a;
                double scale = 0.5 + (series % 10) / 5.0;
                SolutionMemo memo = new SolutionMemo();
                for (int i = 0; i < intervals; i++) {
                    // A forecast is fractional; vary it a little so the memo does not hide the math.
                    double v = profile[i] == 0 ? 0 : profile[i] * scale + (i % 7) * 0.1;
                    sum += Requirements.requirement(Instant.EPOCH, v, 900, s, memo).requiredAgents();
                }
            }
            sink = sum;
        }, 1);
        System.out.printf("Requirements, 50 queues x 5 channels x 8 weeks of 15-minute intervals (%d intervals): %.1f ms%n",
                250 * intervals, ns / 1e6);
        long distinct = median(rounds, () -> {
            long sum = 0;
            for (int series = 0; series < 250; series++) {
                StaffingSettings s = series % 2 == 0 ? c : a;
                double scale = 0.5 + (series % 10) / 5.0;
                SolutionMemo memo = new SolutionMemo();
                for (int i = 0; i < intervals; i++) {
                    double volume2 = profile[i] == 0 ? 0 : profile[i] * scale + (i * 0.000_37 + series * 0.013) % 1;
                    sum += Requirements.requirement(Instant.EPOCH, volume2, 900, s, memo).requiredAgents();
                }
            }
            sink = sum;
        }, 1);
        System.out.printf("Requirements, the same with every interval's volume distinct (no memo hits): %.1f ms%n", distinct / 1e6);
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
