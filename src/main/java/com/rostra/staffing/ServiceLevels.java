package com.rostra.staffing;

/**
 * The service level a number of scheduled agents would reach in one interval, for other modules (scheduling shows
 * it before a schedule is published). Live channels only: null for a deferred channel (an SLA window) or an interval
 * with nothing forecast.
 */
public final class ServiceLevels {

    private ServiceLevels() {}

    /** {@code scheduledAgents} are people scheduled to work; shrinkage turns them into agents on the channel. */
    public static Double expected(StaffingSettings s, double forecastVolume, double intervalSeconds, int scheduledAgents) {
        if (s.slaWindowHours() != null || forecastVolume <= 0) return null;
        int onChannel = (int) Math.floor(scheduledAgents * (1 - s.shrinkage()) + 1e-9);
        double handle = (double) s.ahtSeconds() / s.concurrency();
        double traffic = forecastVolume * handle / intervalSeconds;
        return Math.round(ErlangC.serviceLevel(traffic, onChannel, handle, s.targetSeconds()) * 10_000) / 10_000.0;
    }
}
