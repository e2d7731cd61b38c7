package com.rostra.forecasting.model;

import java.util.List;

/**
 * The equal-weight mean of fixed member models ({@code blend}: top-down and calendar). Both members spread their
 * daily totals by the same intraday profile, so the blend is a mean of two daily-total models built on different
 * ideas (a smoothed level that follows the latest weeks; a level that reverts to the history's mean). Averaging
 * forecasts made on different assumptions usually beats choosing one of them by a short backtest, whose choice is
 * noisy (US bank rolling-origin backtest, weeks 2–5: the blend 6.35 % interval WAPE against the backtest-chosen
 * model's 6.69 %; docs/notes/forecasting.md).
 */
public final class BlendModel implements DayModel {

    private final List<DayModel> members;

    public BlendModel(List<DayModel> members) {
        if (members.isEmpty()) throw new IllegalArgumentException("a blend needs members");
        this.members = List.copyOf(members);
    }

    public BlendModel() { this(List.of(new TopDownModel(), new CalendarModel())); }

    public List<String> memberNames() { return members.stream().map(DayModel::name).toList(); }

    @Override
    public String name() { return ForecastEngine.BLEND; }

    /** For the weeks after the first, as the calendar model it holds (week 1: top-down alone or the combination win). */
    @Override
    public boolean nearTerm() { return false; }

    @Override
    public double[][] forecast(DayHistory history, int horizon) {
        return mean(members.stream().map(m -> m.forecast(history, horizon)).toList());
    }

    /** The element-wise mean of the members' forecasts (already computed, e.g. in a backtest). */
    public static double[][] mean(List<double[][]> parts) {
        double[] w = new double[parts.size()];
        java.util.Arrays.fill(w, 1.0 / parts.size());
        return ForecastEngine.weighted(parts, w);
    }
}
