package com.rostra.staffing;

import java.util.Optional;

/**
 * How a live channel's agents are computed: Erlang C (nobody abandons) or Erlang A (exponential patience).
 * Pure: fed numbers, returns numbers.
 */
public enum StaffingModel {
    ERLANG_C("erlang_c"),
    ERLANG_A("erlang_a");

    private final String wireName;

    StaffingModel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    private static final StaffingModel[] VALUES = values();

    public static Optional<StaffingModel> fromWire(String value) {
        return Optional.ofNullable(byWire(value));
    }

    /** The model of that wire name, or null; no stream or Optional, as planning asks it for every interval. */
    static StaffingModel byWire(String value) {
        for (StaffingModel m : VALUES) if (m.wireName.equals(value)) return m;
        return null;
    }

    /**
     * One interval's answer. {@code agents} is {@link ErlangC#UNREACHABLE} when more than {@link ErlangC#MAX_AGENTS}
     * would be needed; the other figures are then those of {@link ErlangC#MAX_AGENTS} agents.
     */
    public record Solution(int agents, double serviceLevel, double asaSeconds, double occupancy, double abandonRate,
                           double probabilityOfWaiting) {
        public boolean reachable() {
            return agents != ErlangC.UNREACHABLE;
        }
    }

    /**
     * @param traffic       Erlangs: arrivals in the interval × handle seconds / interval seconds
     * @param handleSeconds handle time per contact as one agent sees it (AHT divided by concurrency)
     * @param patienceSeconds mean patience; used by Erlang A only
     */
    public Solution solve(double traffic, double handleSeconds, double targetSeconds, double serviceLevel,
                          double maxOccupancy, double patienceSeconds) {
        return solve(traffic, handleSeconds, targetSeconds, serviceLevel, maxOccupancy, patienceSeconds, true);
    }

    /**
     * As {@link #solve(double, double, double, double, double, double)}; without {@code withAsa} Erlang A's ASA is
     * left out ({@code asaSeconds} NaN): it is an integral that costs several times the agent search, and planning reads
     * only the agents and the service level.
     */
    Solution solve(double traffic, double handleSeconds, double targetSeconds, double serviceLevel,
                   double maxOccupancy, double patienceSeconds, boolean withAsa) {
        if (traffic <= 0) return new Solution(0, 1, 0, 0, 0, 0);
        if (this == ERLANG_C) {
            ErlangC.Answer answer = ErlangC.answer(traffic, handleSeconds, targetSeconds, serviceLevel, maxOccupancy);
            if (answer.agents() > traffic) {
                double pWait = answer.probabilityOfWaiting();
                return new Solution(answer.agents(), answer.serviceLevel(), pWait * handleSeconds / (answer.agents() - traffic),
                        traffic / answer.agents(), 0, pWait);
            }
        }
        int agents;
        if (this == ERLANG_A && !withAsa) {
            // Planning: the figures come from the search's last probe, not worked out again.
            ErlangA.Answer answer = ErlangA.answer(traffic, handleSeconds, patienceSeconds, targetSeconds, serviceLevel,
                    maxOccupancy);
            if (answer.agents() > 0) {
                return new Solution(answer.agents(), answer.serviceLevel(), Double.NaN, answer.occupancy(),
                        answer.abandonRate(), answer.probabilityOfWaiting());
            }
            agents = answer.agents(); // unreachable: the figures of MAX_AGENTS below, without a second search
        } else {
            agents = this == ERLANG_A
                    ? ErlangA.agents(traffic, handleSeconds, patienceSeconds, targetSeconds, serviceLevel, maxOccupancy)
                    : ErlangC.agents(traffic, handleSeconds, targetSeconds, serviceLevel, maxOccupancy);
        }
        int n = agents == ErlangC.UNREACHABLE ? ErlangC.MAX_AGENTS : agents;
        if (this == ERLANG_A) {
            ErlangA.Metrics m = withAsa ? ErlangA.metrics(traffic, n, handleSeconds, patienceSeconds, targetSeconds)
                    : ErlangA.metricsWithoutAsa(traffic, n, handleSeconds, patienceSeconds, targetSeconds);
            return new Solution(agents, m.serviceLevel(), m.asaSeconds(), m.occupancy(), m.abandonRate(), m.probabilityOfWaiting());
        }
        if (n <= traffic) return new Solution(agents, 0, Double.POSITIVE_INFINITY, 1, 0, 1);
        double pWait = ErlangC.probabilityOfWaiting(traffic, n);
        return new Solution(agents, ErlangC.serviceLevel(traffic, n, handleSeconds, targetSeconds),
                pWait * handleSeconds / (n - traffic), traffic / n, 0, pWait);
    }
}
