package com.rostra.forecasting;

import java.util.List;

/**
 * Predicts one week of 15-minute slots from the weeks before it. Weeks are lists of slot values keyed by local
 * slot of the week (so a DST week's 23- or 25-hour day still lines up with ordinary ones), newest week last.
 */
interface ForecastModel {

    String name();

    /** @param weeks complete past weeks, oldest first, each {@link WeekSlots#SLOTS} long */
    double[] forecast(List<double[]> weeks);

    /** Same slot last week. */
    ForecastModel SEASONAL_NAIVE = new ForecastModel() {
        public String name() { return "seasonal_naive"; }

        public double[] forecast(List<double[]> weeks) {
            return weeks.isEmpty() ? new double[WeekSlots.SLOTS] : weeks.get(weeks.size() - 1).clone();
        }
    };

    /** The mean of the same slot over the last four weeks: steady, smooths one-off spikes. */
    ForecastModel MEAN_4_WEEKS = new ForecastModel() {
        public String name() { return "mean_4_weeks"; }

        public double[] forecast(List<double[]> weeks) {
            List<double[]> last = weeks.subList(Math.max(0, weeks.size() - 4), weeks.size());
            double[] f = new double[WeekSlots.SLOTS];
            for (double[] w : last) for (int i = 0; i < f.length; i++) f[i] += w[i] / last.size();
            return f;
        }
    };

    /**
     * Exponentially weighted weeks (newest weighs 0.35, each older one 0.65 times the next) for the slot shape,
     * scaled to the weighted weekly total: follows growth or decline faster than a plain mean.
     */
    ForecastModel WEIGHTED_WEEKS = new ForecastModel() {
        public String name() { return "weighted_weeks"; }

        public double[] forecast(List<double[]> weeks) {
            double[] f = new double[WeekSlots.SLOTS];
            double weight = 0.35;
            double totalWeight = 0;
            for (int k = weeks.size() - 1; k >= 0 && k >= weeks.size() - 8; k--) {
                double[] w = weeks.get(k);
                for (int i = 0; i < f.length; i++) f[i] += weight * w[i];
                totalWeight += weight;
                weight *= 0.65;
            }
            if (totalWeight > 0) for (int i = 0; i < f.length; i++) f[i] /= totalWeight;
            return f;
        }
    };

    List<ForecastModel> ALL = List.of(SEASONAL_NAIVE, MEAN_4_WEEKS, WEIGHTED_WEEKS);
}
