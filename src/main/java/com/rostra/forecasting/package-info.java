/**
 * Forecasts of contact volume per queue and channel at 15-minute resolution, from the volume module's interval
 * volume (cached fits are dropped when contacts, queue rules or imported volume change), and the company's special days. The models live in {@code model}: pure Java
 * over {@code DayHistory} (local days of intervals, an absent day is not a zero day), no Spring and no I/O — the
 * N-week same-weekday average (the baseline), a top-down model, double-seasonal Holt-Winters and the combination
 * of the best two, chosen per series by rolling-origin backtest and never one that lost to the baseline there.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy", "contacts", "queues",
        "volume"})
package com.rostra.forecasting;
