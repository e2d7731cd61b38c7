package com.rostra.gladly;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sizes Contact Export windows so each report holds close to the target row count: few reports matter, because
 * Gladly allows 10 per minute and caps a report at 100,000 rows (silently: a full report is split and asked
 * again, which wastes one). The density comes from the last week of windows when there is one (a whole week
 * averages out the quiet weekend), and until then the target is lowered and a window grows at most fourfold.
 */
final class WindowPlanner {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final double UNSEEN_WEEK_FACTOR = 0.85;
    private static final int MAX_GROWTH = 4;

    private record Seen(Duration length, int rows) {}

    private final Deque<Seen> seen = new ArrayDeque<>();
    private final int targetRows;
    private final Duration min;
    private final Duration max;
    private Duration next;

    WindowPlanner(Duration first, int targetRows, Duration min, Duration max) {
        this.next = first;
        this.targetRows = targetRows;
        this.min = min;
        this.max = max;
    }

    Duration next() {
        return next;
    }

    /** The report for a window of this length came back full: try half of it. */
    void truncated(Duration length) {
        next = clamp(length.dividedBy(2));
    }

    void fetched(Duration length, int rows) {
        seen.addFirst(new Seen(length, rows));
        Duration span = Duration.ZERO;
        long sampleRows = 0;
        for (Seen s : seen) {
            span = span.plus(s.length());
            sampleRows += s.rows();
            if (span.compareTo(WEEK) >= 0) break;
        }
        while (seen.size() > 64) seen.removeLast();
        if (sampleRows == 0) {
            next = clamp(length.multipliedBy(MAX_GROWTH));
            return;
        }
        boolean wholeWeek = span.compareTo(WEEK) >= 0;
        double target = wholeWeek ? targetRows : targetRows * UNSEEN_WEEK_FACTOR;
        Duration planned = Duration.ofMillis((long) (span.toMillis() * target / sampleRows));
        Duration growthCap = length.multipliedBy(MAX_GROWTH);
        next = clamp(!wholeWeek && planned.compareTo(growthCap) > 0 ? growthCap : planned);
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(min) < 0) return min;
        if (d.compareTo(max) > 0) return max;
        return d;
    }
}
