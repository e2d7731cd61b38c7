package com.rostra.staffing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Staffing for deferred work (email, or any channel with an SLA window): the fewest agents per interval, flat across
 * each stretch of business hours, such that a first-in-first-out backlog answers every contact within its window,
 * the window counted in business time. Pure: fed the intervals in order (volume arriving in each, and how many of its
 * seconds are open), returns agents and the backlog left after each interval.
 *
 * <p>Business time only advances while open, so a contact arriving at night is due {@code window} of open time after
 * the next opening. Stretches are planned in time order: each gets the smallest flat number of agents that answers
 * everything due by its end (what is not yet due may wait for the next stretch). A contact counts as answered in time
 * when it is answered by the end of the interval its deadline falls in.
 */
final class SlaWindowPlanner {

    /** One interval: contacts arriving in it, and how many of its seconds are business time (0 when closed). */
    record Interval(double volume, double openSeconds) {}

    record Plan(int[] agents, double[] backlog, boolean reachable) {}

    private record Waiting(double deadline, double count) {}

    private SlaWindowPlanner() {}

    static Plan plan(Interval[] intervals, double ahtSeconds, double maxOccupancy, double windowSeconds, int maxAgents) {
        int n = intervals.length;
        int[] agents = new int[n];
        double[] backlog = new double[n];
        double[] businessStart = new double[n + 1];
        for (int i = 0; i < n; i++) businessStart[i + 1] = businessStart[i] + intervals[i].openSeconds();
        Deque<Waiting> queue = new ArrayDeque<>();
        boolean reachable = true;
        int i = 0;
        while (i < n) {
            if (intervals[i].openSeconds() <= 0) {
                arrive(queue, intervals[i].volume(), businessStart[i] + windowSeconds);
                backlog[i] = total(queue);
                i++;
                continue;
            }
            int end = i;
            while (end < n && intervals[end].openSeconds() > 0) end++;
            int lo = 0;
            int hi = upperBound(queue, intervals, i, end, ahtSeconds, maxOccupancy, maxAgents);
            if (!meets(copy(queue), intervals, businessStart, i, end, hi, ahtSeconds, maxOccupancy, windowSeconds)) {
                reachable = false;
                lo = hi;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (meets(copy(queue), intervals, businessStart, i, end, mid, ahtSeconds, maxOccupancy, windowSeconds)) hi = mid;
                else lo = mid + 1;
            }
            for (int k = i; k < end; k++) {
                arrive(queue, intervals[k].volume(), businessStart[k] + windowSeconds);
                serve(queue, lo * intervals[k].openSeconds() * maxOccupancy / ahtSeconds);
                agents[k] = lo;
                backlog[k] = total(queue);
            }
            i = end;
        }
        return new Plan(agents, backlog, reachable);
    }

    /** Enough agents to clear everything queued and arriving within the stretch (capped). */
    private static int upperBound(Deque<Waiting> queue, Interval[] intervals, int from, int to, double aht, double occupancy,
                                  int maxAgents) {
        double work = total(queue);
        double open = 0;
        for (int k = from; k < to; k++) {
            work += intervals[k].volume();
            open = Math.min(open == 0 ? intervals[k].openSeconds() : open, intervals[k].openSeconds());
        }
        // Everything answered within the stretch's shortest open interval: a safe bound that the search only lowers.
        double agents = Math.ceil(work * aht / (Math.max(1, open) * occupancy));
        return (int) Math.min(maxAgents, Math.max(0, agents));
    }

    private static boolean meets(Deque<Waiting> queue, Interval[] intervals, double[] businessStart, int from, int to, int agents,
                                 double aht, double occupancy, double window) {
        for (int k = from; k < to; k++) {
            arrive(queue, intervals[k].volume(), businessStart[k] + window);
            serve(queue, agents * intervals[k].openSeconds() * occupancy / aht);
            Waiting oldest = queue.peekFirst();
            if (oldest != null && oldest.deadline() <= businessStart[k + 1] && oldest.count() > 1e-9) return false;
        }
        return true;
    }

    private static void arrive(Deque<Waiting> queue, double count, double deadline) {
        if (count > 0) queue.addLast(new Waiting(deadline, count));
    }

    private static void serve(Deque<Waiting> queue, double capacity) {
        while (capacity > 1e-12 && !queue.isEmpty()) {
            Waiting w = queue.pollFirst();
            if (w.count() > capacity) {
                queue.addFirst(new Waiting(w.deadline(), w.count() - capacity));
                return;
            }
            capacity -= w.count();
        }
    }

    private static double total(Deque<Waiting> queue) {
        double sum = 0;
        for (Waiting w : queue) sum += w.count();
        return sum;
    }

    private static Deque<Waiting> copy(Deque<Waiting> queue) {
        return new ArrayDeque<>(queue);
    }
}
