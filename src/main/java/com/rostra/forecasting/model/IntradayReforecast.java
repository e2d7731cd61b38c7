package com.rostra.forecasting.model;

import java.util.List;

/**
 * Intraday reforecast: the rest of today's intervals re-scaled by how today is running against its day-ahead
 * forecast, shrunk toward no change early in the day.
 * <pre>
 *   r = Σ actual[0..m) / Σ forecast[0..m)          (how today runs, over the m intervals already closed)
 *   s = Σ forecast[0..m) / Σ forecast[0..n)          (the share of the day's forecast volume already behind us)
 *   w = s / (s + c)                                   (trust in r: 0 at the start of the day, → 1/(1+c) at its end)
 *   reforecast[j] = forecast[j] · (1 + w (r − 1))    for j ≥ m; closed intervals keep their actuals
 * </pre>
 * The shrinkage {@code c} is in shares of a day: with {@code c = 0.25}, after a quarter of the day's volume half of
 * the deviation so far is carried into the rest of the day. A busy morning is partly noise (a 15-minute interval of
 * a few hundred contacts carries several percent of Poisson noise) and partly a busy day (a statement run, an outage
 * elsewhere), and the early intervals are few, hence the shrinkage. {@link #fit} chooses {@code c} from past days'
 * forecasts and actuals. Pure: no clock; the caller says how many intervals are closed.
 */
public final class IntradayReforecast {

    /** The shrinkage used when there are too few past days to fit it (the value the US bank backtest fitted). */
    public static final double DEFAULT_SHRINK = 0.25;

    static final double[] GRID = {0.02, 0.05, 0.1, 0.15, 0.25, 0.4, 0.6, 1.0, 1.5, 2.5, 5.0};

    /** A scale is kept within these bounds (a day at a tenth of its forecast, or three times it, is an incident). */
    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 3;

    private IntradayReforecast() {}

    /** The factor applied to the rest of the day after {@code closed} intervals. */
    public static double scale(double[] forecast, double[] actual, int closed, double shrink) {
        double f = 0;
        double a = 0;
        double day = 0;
        for (int j = 0; j < forecast.length; j++) {
            day += forecast[j];
            if (j < closed) {
                f += forecast[j];
                a += actual[j];
            }
        }
        if (f <= 0 || day <= 0) return 1;
        double r = a / f;
        double s = f / day;
        double w = s / (s + shrink);
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, 1 + w * (r - 1)));
    }

    /**
     * The day with its first {@code closed} intervals as they happened ({@code actual}) and the rest re-scaled.
     * {@code actual} needs at least {@code closed} values; later values are ignored.
     */
    public static double[] reforecast(double[] forecast, double[] actual, int closed, double shrink) {
        double k = scale(forecast, actual, closed, shrink);
        double[] out = new double[forecast.length];
        for (int j = 0; j < forecast.length; j++) out[j] = j < closed ? actual[j] : forecast[j] * k;
        return out;
    }

    /**
     * The shrinkage from the grid that best re-forecast past days: for each day, each cut after an interval that
     * had forecast volume, the absolute error of the rest of the day. The default when no day has volume.
     */
    public static double fit(List<double[]> forecasts, List<double[]> actuals) {
        double best = DEFAULT_SHRINK;
        double bestError = Double.MAX_VALUE;
        boolean any = false;
        for (double[] f : forecasts) for (double v : f) any |= v > 0;
        if (!any) return DEFAULT_SHRINK;
        for (double c : GRID) {
            double error = 0;
            for (int d = 0; d < forecasts.size(); d++) error += restOfDayError(forecasts.get(d), actuals.get(d), c, null);
            if (error < bestError - 1e-9) {
                bestError = error;
                best = c;
            }
        }
        return best;
    }

    /**
     * Σ over cuts m = 1…n−1 of Σ_{j ≥ m} |actual − reforecast|. With {@code dayAhead} non-null, the same sum for the
     * unchanged forecast is added to {@code dayAhead[0]}.
     */
    public static double restOfDayError(double[] forecast, double[] actual, double shrink, double[] dayAhead) {
        double error = 0;
        for (int m = 1; m < forecast.length; m++) {
            if (forecast[m - 1] <= 0 && actual[m - 1] <= 0) continue;
            double k = scale(forecast, actual, m, shrink);
            for (int j = m; j < forecast.length; j++) {
                error += Math.abs(actual[j] - forecast[j] * k);
                if (dayAhead != null) dayAhead[0] += Math.abs(actual[j] - forecast[j]);
            }
        }
        return error;
    }
}
