/**
 * Forecasting math, fed arrays and returning arrays: {@link com.rostra.forecasting.model.DayHistory},
 * the models ({@link com.rostra.forecasting.model.DayModel}), error measures, abnormal-day detection, and the
 * {@link com.rostra.forecasting.model.ForecastEngine} that backtests, chooses and applies special days. Internal
 * to the forecasting module.
 */
package com.rostra.forecasting.model;
