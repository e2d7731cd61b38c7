package com.rostra.adherence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adherence at scale, the arithmetic alone: 1,000 agents × 30 days, each day a shift of seven blocks (work, break,
 * work, lunch, work, break, work) and about thirty state changes drifting around it. Prints the time for the whole
 * range. Run by {@code bench/adherence-bench.sh}; not a test.
 */
public final class AdherenceBench {

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(days));
        List<List<AdherenceCalculator.Block>> blocks = new ArrayList<>();
        List<List<AdherenceCalculator.StateSpan>> states = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(42);
        long stateCount = 0;
        for (int a = 0; a < agents; a++) {
            List<AdherenceCalculator.Block> b = new ArrayList<>();
            List<AdherenceCalculator.StateSpan> s = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                Instant start = from.plus(Duration.ofDays(d)).plus(Duration.ofHours(7 + a % 8));
                int[] minutes = {0, 120, 135, 240, 270, 390, 405, 480};
                for (int i = 0; i + 1 < minutes.length; i++) {
                    b.add(new AdherenceCalculator.Block(start.plus(Duration.ofMinutes(minutes[i])),
                            start.plus(Duration.ofMinutes(minutes[i + 1])), i % 2 == 0, false));
                }
                Instant t = start.minus(Duration.ofMinutes(r.nextInt(10)));
                for (int k = 0; k < 30; k++) {
                    Instant next = t.plus(Duration.ofSeconds(600 + r.nextInt(900)));
                    s.add(new AdherenceCalculator.StateSpan(t, next, r.nextInt(10) < 7));
                    t = next;
                    stateCount++;
                }
            }
            blocks.add(b);
            states.add(s);
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long in = 0;
            for (int a = 0; a < agents; a++) {
                in += AdherenceCalculator.compute(blocks.get(a), states.get(a), List.of(), from, to, Duration.ofMinutes(2))
                        .inAdherenceSeconds();
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("round %d: %d agents x %d days (%d blocks, %d states): %.0f ms (checksum %d)%n",
                    round + 1, agents, days, (long) agents * days * 7, stateCount, ms, in);
        }
    }
}
