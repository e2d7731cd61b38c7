package com.rostra.volume;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer-wait histogram kept per interval: how many contacts were answered within each edge (cumulative). A
 * target is read at the largest edge not above it, so a figure never claims more than was met.
 */
public final class AnswerWaits {

    /** Seconds; from a 5-second phone target to a 3-day email window. */
    public static final List<Integer> EDGES = List.of(5, 10, 15, 20, 25, 30, 45, 60, 90, 120, 180, 240, 300, 600, 900,
            1200, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 172800, 259200);

    private AnswerWaits() {}

    public static String column(int edge) {
        return "answered_le_" + edge;
    }

    /** "answered_le_5, answered_le_10, ..." */
    public static String columns() {
        return EDGES.stream().map(AnswerWaits::column).collect(Collectors.joining(", "));
    }

    /** The index of the edge a target is read at, or -1 when the target is below the first edge. */
    public static int edgeIndex(int targetSeconds) {
        int index = -1;
        for (int i = 0; i < EDGES.size() && EDGES.get(i) <= targetSeconds; i++) {
            index = i;
        }
        return index;
    }
}
