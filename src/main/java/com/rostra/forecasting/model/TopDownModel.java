package com.rostra.forecasting.model;

/**
 * Top-down: each day's total from {@link DampedTrendSmoothing} (fitted on the daily totals, absent days skipped,
 * after taking out the {@link MonthTurnEffect} estimated from the same history, which is put back on the forecast),
 * spread over the day by the weekday's {@link IntradayProfile} from its recent present days, tilted for the day's
 * position in the month ({@link MonthShape}).
 */
public final class TopDownModel implements DayModel {

    @Override
    public String name() { return "top_down"; }

    @Override
    public double[][] forecast(DayHistory h, int horizon) {
        MonthTurnEffect month = MonthTurnEffect.estimate(h);
        double[] totals = new double[h.size()];
        for (int i = 0; i < h.size(); i++) totals[i] = h.total(i) / month.factor(h.date(i));
        DampedTrendSmoothing.State state = DampedTrendSmoothing.fit(totals, h.first().getDayOfWeek().getValue() - 1);
        double[] forecastTotals = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            int wd = h.end().plusDays(k).getDayOfWeek().getValue() - 1;
            forecastTotals[k] = state.forecast(k + 1, wd) * month.factor(h.end().plusDays(k));
        }
        return MonthShape.spread(h, month, forecastTotals);
    }
}
