package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sizes Contact Export windows so each report holds close to the target row count: few reports matter, because
 * Gladly allows 10 per minute and caps a report at 100,000 rows (silently: a full report is split and asked
 * again, which wastes one).
 *
 * <p>Contact volume repeats by week far more than it stays flat (a window of 8.5 days holds one weekend or two),
 * so once a whole week has been fetched, the next window is the longest whose hours, matched to the same hours
 * of the last fetched week, add up to no more than the target. Before that, the plan uses the average density
 * with a lowered target, and a window grows at most fourfold.
 */
final class WindowPlanner {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final double UNSEEN_WEEK_FACTOR = 0.85;
    private static final int MAX_GROWTH = 4;

    private record Seen(Duration length, int rows) {}

    private final Deque<Seen> seen = new ArrayDeque<>();
    /** Rows fetched per epoch hour (of Queued At), over the windows of this run. */
    private final TreeMap<Long, Integer> perHour = new TreeMap<>();
    private final int targetRows;
    private final Duration min;
    private final Duration max;
    private Instant coveredFrom;
    private Instant coveredTo;
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

    /** Density only (no hours known): used for incremental runs and in tests. */
    void fetched(Duration length, int rows) {
        fetched(null, null, length, rows, Map.of());
    }

    /**
     * A window [start, end) came back with {@code rows} rows, {@code rowsPerHour} of them by epoch hour;
     * plans the window that starts at {@code end}.
     */
    void fetched(Instant start, Instant end, Duration length, int rows, Map<Long, Integer> rowsPerHour) {
        seen.addFirst(new Seen(length, rows));
        while (seen.size() > 64) seen.removeLast();
        if (start != null) {
            rowsPerHour.forEach((hour, n) -> perHour.merge(hour, n, Integer::sum));
            if (coveredTo == null || !coveredTo.equals(start)) {
                perHour.headMap(start.getEpochSecond() / 3600).clear();
                coveredFrom = start;
            }
            coveredTo = end;
            if (Duration.between(coveredFrom, coveredTo).compareTo(WEEK) >= 0) {
                next = byWeekOfHistory(end);
                return;
            }
        }
        next = byDensity(length);
    }

    private Duration byDensity(Duration length) {
        Duration span = Duration.ZERO;
        long sampleRows = 0;
        for (Seen s : seen) {
            span = span.plus(s.length());
            sampleRows += s.rows();
            if (span.compareTo(WEEK) >= 0) break;
        }
        if (sampleRows == 0) {
            return clamp(length.multipliedBy(MAX_GROWTH));
        }
        boolean wholeWeek = span.compareTo(WEEK) >= 0;
        double target = wholeWeek ? targetRows : targetRows * UNSEEN_WEEK_FACTOR;
        Duration planned = Duration.ofMillis((long) (span.toMillis() * target / sampleRows));
        Duration growthCap = length.multipliedBy(MAX_GROWTH);
        return clamp(!wholeWeek && planned.compareTo(growthCap) > 0 ? growthCap : planned);
    }

    /**
     * The longest window from {@code start}, in whole hours, predicted under the target when the last fetched
     * week repeats: hour i of the window is expected to hold what hour (i mod 168) of that week held.
     */
    private Duration byWeekOfHistory(Instant start) {
        long startHour = start.getEpochSecond() / 3600;
        int[] lastWeek = new int[168];
        for (int h = 0; h < 168; h++) {
            lastWeek[h] = perHour.getOrDefault(startHour - 168 + h, 0);
        }
        long rows = 0;
        long hours = 0;
        while (hours < max.toHours() && rows + lastWeek[(int) (hours % 168)] <= targetRows) {
            rows += lastWeek[(int) (hours % 168)];
            hours++;
        }
        return clamp(Duration.ofHours(hours));
    }

    private Duration clamp(Duration d) {
        if (d.compareTo(min) < 0) return min;
        if (d.compareTo(max) > 0) return max;
        return d;
    }
}
