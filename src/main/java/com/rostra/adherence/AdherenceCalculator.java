package com.rostra.adherence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adherence arithmetic for one person over [from, to), pure: fed the scheduled blocks, the state timeline and the
 * outage windows, it walks the elementary stretches between their boundaries once (no per-minute expansion).
 *
 * <ul>
 * <li>A stretch of a scheduled block is <em>in adherence</em> when the agent's state satisfies its activity type's
 *     rule ({@link ActivityRules}; by default a productive state available for the block's channel on productive
 *     work, away or logged out on a break, lunch or meeting). Time with no known state counts as logged out.</li>
 * <li>The first and the last {@code grace} of every block count as in adherence whatever the state: an agent a
 *     minute late from lunch is not flagged. Time beyond the grace counts as usual.</li>
 * <li>Time off is not part of schedule adherence. Outage windows (Rostra heard nothing from Gladly) count neither
 *     for nor against anyone: they are reported as excluded.</li>
 * <li>Conformance: productive time worked (anywhere in the range, outside outages) over productive time scheduled.</li>
 * </ul>
 */
final class AdherenceCalculator {

    /**
     * A scheduled activity; blocks of one person never overlap. {@code rule}: which states satisfy it (its activity
     * type's, see {@link ActivityRules}); {@code channel}: the channel its type works, or null.
     */
    record Block(Instant start, Instant end, boolean productive, boolean timeOff, ActivityRules.Rule rule, String channel) {
        /** A block with the default rule of its kind and no channel. */
        Block(Instant start, Instant end, boolean productive, boolean timeOff) {
            this(start, end, productive, timeOff, productive ? ActivityRules.PRODUCTIVE : ActivityRules.AWAY_OR_LOGGED_OUT, null);
        }
    }

    /** One stretch of the timeline with what the agent was doing in it; {@code end} null while it lasts. */
    record StateSpan(Instant start, Instant end, ActivityRules.Rule.Fact fact) {
        /** {@code working}: active on a productive mapping; otherwise away on a non-productive one. */
        StateSpan(Instant start, Instant end, boolean working) {
            this(start, end, working ? new ActivityRules.Rule.Fact(com.rostra.agents.AgentState.ACTIVE, "Productive", true, null)
                    : new ActivityRules.Rule.Fact(com.rostra.agents.AgentState.AWAY, "Away", false, null));
        }

        boolean working() {
            return fact.working();
        }
    }

    record Window(Instant start, Instant end) {
        long seconds() {
            return Duration.between(start, end).getSeconds();
        }
    }

    record Figures(long scheduledSeconds, long inAdherenceSeconds, long productiveScheduledSeconds,
                   long productiveInAdherenceSeconds, long workedSeconds, long excludedSeconds,
                   List<Window> outOfAdherence, List<Window> excluded) {

        Double adherence() {
            return ratio(inAdherenceSeconds, scheduledSeconds);
        }

        Double productiveAdherence() {
            return ratio(productiveInAdherenceSeconds, productiveScheduledSeconds);
        }

        Double conformance() {
            return ratio(workedSeconds, productiveScheduledSeconds);
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : Math.round((double) part / whole * 10_000) / 10_000.0;
        }
    }

    private AdherenceCalculator() {}

    static Figures compute(List<Block> blocks, List<StateSpan> states, List<Window> outages, Instant from, Instant to,
                           Duration grace) {
        List<Instant> cuts = new ArrayList<>(4 * blocks.size() + 2 * states.size() + 2);
        cuts.add(from);
        cuts.add(to);
        for (Block b : blocks) {
            cut(cuts, from, to, b.start(), b.end());
            cut(cuts, from, to, b.start().plus(grace), b.end().minus(grace));
        }
        for (StateSpan s : states) cut(cuts, from, to, s.start(), s.end() == null ? to : s.end());
        for (Window w : outages) cut(cuts, from, to, w.start(), w.end());

        cuts.sort(null); // duplicates stay: the walk skips zero-length stretches

        List<Block> sortedBlocks = blocks.stream().sorted(java.util.Comparator.comparing(Block::start)).toList();
        List<StateSpan> sortedStates = states.stream().sorted(java.util.Comparator.comparing(StateSpan::start)).toList();
        long scheduled = 0, in = 0, productiveScheduled = 0, productiveIn = 0, worked = 0, excludedSeconds = 0;
        List<Window> out = new ArrayList<>();
        List<Window> excluded = new ArrayList<>();
        // Stretches come in time order, so one cursor per list moves forward only: one pass in all.
        int bi = 0;
        int si = -1;
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null && cut.isAfter(previous)) {
                Instant s = previous;
                Instant e = cut;
                long seconds = Duration.between(s, e).getSeconds();
                while (bi < sortedBlocks.size() && !sortedBlocks.get(bi).end().isAfter(s)) bi++;
                Block block = bi < sortedBlocks.size() && !sortedBlocks.get(bi).start().isAfter(s) ? sortedBlocks.get(bi) : null;
                while (si + 1 < sortedStates.size() && !sortedStates.get(si + 1).start().isAfter(s)) si++;
                StateSpan state = si >= 0 ? sortedStates.get(si) : null;
                ActivityRules.Rule.Fact fact = state != null && (state.end() == null || s.isBefore(state.end()))
                        ? state.fact() : ActivityRules.Rule.Fact.UNKNOWN;
                boolean working = fact.working();
                if (covers(outages, s)) {
                    excludedSeconds += seconds;
                    add(excluded, s, e);
                } else {
                    if (working) worked += seconds;
                    if (block != null && !block.timeOff()) {
                        boolean fits = block.rule().fits(fact, block.channel()) || inGrace(block, s, grace);
                        scheduled += seconds;
                        if (fits) in += seconds;
                        else add(out, s, e);
                        if (block.productive()) {
                            productiveScheduled += seconds;
                            if (fits) productiveIn += seconds;
                        }
                    }
                }
            }
            previous = cut;
        }
        return new Figures(scheduled, in, productiveScheduled, productiveIn, worked, excludedSeconds, out, excluded);
    }

    private static void cut(List<Instant> cuts, Instant from, Instant to, Instant a, Instant b) {
        if (a.isAfter(from) && a.isBefore(to)) cuts.add(a);
        if (b.isAfter(from) && b.isBefore(to)) cuts.add(b);
    }

    private static boolean covers(List<Window> windows, Instant at) {
        for (Window w : windows) {
            if (!at.isBefore(w.start()) && at.isBefore(w.end())) return true;
        }
        return false;
    }

    private static boolean inGrace(Block b, Instant at, Duration grace) {
        return at.isBefore(b.start().plus(grace)) || !at.isBefore(b.end().minus(grace));
    }

    /** Appends [s, e), merging with the previous window when they touch. */
    private static void add(List<Window> windows, Instant s, Instant e) {
        if (!windows.isEmpty() && windows.get(windows.size() - 1).end().equals(s)) {
            windows.set(windows.size() - 1, new Window(windows.get(windows.size() - 1).start(), e));
        } else {
            windows.add(new Window(s, e));
        }
    }
}
