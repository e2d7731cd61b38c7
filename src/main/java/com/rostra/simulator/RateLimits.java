package com.rostra.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/** Gladly's documented limits: 10 requests/second per organization; Reports 10/minute and 2 concurrent. */
class RateLimits {

    static final int PER_SECOND = 10;
    static final int REPORTS_PER_MINUTE = 10;
    static final int REPORTS_CONCURRENT = 2;

    private final Deque<Instant> lastSecond = new ArrayDeque<>();
    private final Deque<Instant> reportsLastMinute = new ArrayDeque<>();
    final Semaphore reportSlots = new Semaphore(REPORTS_CONCURRENT);

    /** Takes one request permit; returns the remaining count, or -1 when over the limit. */
    synchronized int acquire(Instant now) {
        prune(lastSecond, now.minusSeconds(1));
        if (lastSecond.size() >= PER_SECOND) {
            return -1;
        }
        lastSecond.addLast(now);
        return PER_SECOND - lastSecond.size();
    }

    synchronized int remaining(Instant now) {
        prune(lastSecond, now.minusSeconds(1));
        return Math.max(0, PER_SECOND - lastSecond.size());
    }

    synchronized boolean acquireReport(Instant now) {
        prune(reportsLastMinute, now.minusSeconds(60));
        if (reportsLastMinute.size() >= REPORTS_PER_MINUTE) {
            return false;
        }
        reportsLastMinute.addLast(now);
        return true;
    }

    private static void prune(Deque<Instant> window, Instant horizon) {
        while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
            window.removeFirst();
        }
    }
}
