package com.rostra.staffing;

/**
 * The service level a number of scheduled agents would reach in one interval with the settings' model (Erlang C, or
 * Erlang A with a patience), for other modules (scheduling shows it before a schedule is published). Live channels only: null for a deferred channel (an SLA window) or an interval
 * with nothing forecast.
 */
public final class ServiceLevels {

    private ServiceLevels() {}

    /** {@code scheduledAgents} are people scheduled to work; shrinkage turns them into agents on the channel. */
    public static Double expected(StaffingSettings s, double forecastVolume, double intervalSeconds, int scheduledAgents) {
        return expected(s, forecastVolume, intervalSeconds, (double) scheduledAgents);
    }

    /** With a share of people (someone who serves several queues counts in part for each). */
    static Double expected(StaffingSettings s, double forecastVolume, double intervalSeconds, double scheduledAgents) {
        if (s.slaWindowHours() != null || forecastVolume <= 0) return null;
        int onChannel = (int) Math.floor(scheduledAgents * (1 - s.shrinkage()) + 1e-9);
        double handle = (double) s.ahtSeconds() / s.concurrency();
        double traffic = forecastVolume * handle / intervalSeconds;
        // The settings' model, as requirements use it: Erlang A needs a patience, else Erlang C.
        StaffingModel model = s.patienceSeconds() == null ? StaffingModel.ERLANG_C : s.staffingModel();
        double level = model == StaffingModel.ERLANG_A
                ? ErlangA.metrics(traffic, onChannel, handle, s.patienceSeconds(), s.targetSeconds()).serviceLevel()
                : ErlangC.serviceLevel(traffic, onChannel, handle, s.targetSeconds());
        return Math.round(level * 10_000) / 10_000.0;
    }
}
