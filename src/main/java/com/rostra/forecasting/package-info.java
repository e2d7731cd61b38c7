/**
 * Forecasts of contact volume per queue and channel at 15-minute resolution, from the interval volume the
 * contacts and queues modules keep, and the company's special days. The models live in {@code model}: pure Java
 * over {@code DayHistory} (local days of intervals, an absent day is not a zero day), no Spring and no I/O — the
 * N-week same-weekday average (the baseline), a top-down model, double-seasonal Holt-Winters and the combination
 * of the best two, chosen per series by rolling-origin backtest and never one that lost to the baseline there.
 */
package com.rostra.forecasting;
