package com.rostra.forecasting.model;

/**
 * Top-down: each day's total from {@link DampedTrendSmoothing} (fitted on the daily totals, absent days skipped,
 * after taking out the {@link MonthTurnEffect} estimated from the same history, which is put back on the forecast),
 * spread over the day by the weekday's {@link IntradayProfile} from its recent present days.
 */
public final class TopDownModel implements DayModel {

    private final int profileDays;
    private final double profileDecay;
    private final double profileSmoothing;

    private final boolean monthEffect;

    public TopDownModel(int profileDays, double profileDecay, double profileSmoothing, boolean monthEffect) {
        this.monthEffect = monthEffect;
        this.profileDays = profileDays;
        this.profileDecay = profileDecay;
        this.profileSmoothing = profileSmoothing;
    }

    /** Profile settings fitted per history ({@link IntradayProfile#fit}), turn-of-month effect on. */
    public TopDownModel() { this(0, 0, 0, true); }

    @Override
    public String name() { return "top_down"; }

    @Override
    public double[][] forecast(DayHistory h, int horizon) {
        MonthTurnEffect month = monthEffect ? MonthTurnEffect.estimate(h) : MonthTurnEffect.none();
        double[] totals = new double[h.size()];
        for (int i = 0; i < h.size(); i++) totals[i] = h.total(i) / month.factor(h.date(i));
        DampedTrendSmoothing.State state = DampedTrendSmoothing.fit(totals, h.first().getDayOfWeek().getValue() - 1);
        IntradayProfile.Settings settings = profileDays > 0
                ? new IntradayProfile.Settings(profileDays, profileDecay, profileSmoothing) : IntradayProfile.fit(h, 10);
        double[][] profiles = new double[7][];
        for (int wd = 0; wd < 7; wd++) profiles[wd] = IntradayProfile.of(h, wd, settings);
        double[][] out = new double[horizon][h.slots()];
        for (int k = 0; k < horizon; k++) {
            int wd = h.end().plusDays(k).getDayOfWeek().getValue() - 1;
            double total = state.forecast(k + 1, wd) * month.factor(h.end().plusDays(k));
            for (int j = 0; j < h.slots(); j++) out[k][j] = total * profiles[wd][j];
        }
        return out;
    }
}
