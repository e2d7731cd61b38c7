package com.rostra.staffing;

/**
 * Live-channel solutions of one series by (traffic, handle seconds), for the intervals of a range that share their
 * inputs (a weekly profile repeats; a flat forecast repeats the previous interval). Keyed by the doubles' bits in open
 * addressing, so a look-up boxes nothing; the previous interval's key is checked first. Not thread-safe: one per
 * computation.
 */
final class SolutionMemo {

    private long[] traffics = new long[64];
    private long[] handles = new long[64];
    private StaffingModel.Solution[] values = new StaffingModel.Solution[64];
    private int size;
    private long lastTraffic;
    private long lastHandle;
    private StaffingModel.Solution last;

    /** The solution stored for these inputs, or null. */
    StaffingModel.Solution get(double traffic, double handle) {
        long t = Double.doubleToLongBits(traffic);
        long h = Double.doubleToLongBits(handle);
        if (last != null && t == lastTraffic && h == lastHandle) return last;
        int mask = values.length - 1;
        for (int i = slot(t, h, mask); values[i] != null; i = (i + 1) & mask) {
            if (traffics[i] == t && handles[i] == h) return remember(t, h, values[i]);
        }
        return null;
    }

    void put(double traffic, double handle, StaffingModel.Solution solution) {
        if (2 * (size + 1) > values.length) grow();
        long t = Double.doubleToLongBits(traffic);
        long h = Double.doubleToLongBits(handle);
        insert(t, h, solution);
        remember(t, h, solution);
    }

    private StaffingModel.Solution remember(long t, long h, StaffingModel.Solution solution) {
        lastTraffic = t;
        lastHandle = h;
        last = solution;
        return solution;
    }

    private void insert(long t, long h, StaffingModel.Solution solution) {
        int mask = values.length - 1;
        int i = slot(t, h, mask);
        while (values[i] != null) {
            if (traffics[i] == t && handles[i] == h) {
                values[i] = solution;
                return;
            }
            i = (i + 1) & mask;
        }
        traffics[i] = t;
        handles[i] = h;
        values[i] = solution;
        size++;
    }

    private void grow() {
        long[] oldTraffics = traffics;
        long[] oldHandles = handles;
        StaffingModel.Solution[] oldValues = values;
        traffics = new long[oldValues.length * 2];
        handles = new long[oldValues.length * 2];
        values = new StaffingModel.Solution[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) insert(oldTraffics[i], oldHandles[i], oldValues[i]);
        }
    }

    private static int slot(long t, long h, int mask) {
        long v = (t * 0x9E3779B97F4A7C15L) ^ (h * 0xC2B2AE3D27D4EB4FL);
        return (int) (v ^ (v >>> 29)) & mask;
    }
}
