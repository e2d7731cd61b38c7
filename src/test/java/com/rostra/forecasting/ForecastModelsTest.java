package com.rostra.forecasting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.forecasting.model.AbnormalDays;
import com.rostra.forecasting.model.CalendarModel;
import com.rostra.forecasting.model.DampedTrendSmoothing;
import com.rostra.forecasting.model.DayHistory;
import com.rostra.forecasting.model.DayModel;
import com.rostra.forecasting.model.DoubleSeasonalModel;
import com.rostra.forecasting.model.ForecastEngine;
import com.rostra.forecasting.model.ForecastEngine.SpecialKind;
import com.rostra.forecasting.model.ForecastErrors;
import com.rostra.forecasting.model.IntradayProfile;
import com.rostra.forecasting.model.IntradayReforecast;
import com.rostra.forecasting.model.TopDownModel;
import com.rostra.forecasting.model.WeekdayAverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Worked examples for the models, the error measures and the engine; fixed dates only, no Spring. */
class ForecastModelsTest {

    /** 2026-01-05 is a Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    /** {@code weeks} weeks from MONDAY; weekdays get {@code weekday(dayIndex)}, weekends are absent. */
    private static DayHistory weekdaysOnly(int days, java.util.function.IntFunction<double[]> weekday) {
        double[][] d = new double[days][];
        for (int i = 0; i < days; i++) if (i % 7 < 5) d[i] = weekday.apply(i);
        return new DayHistory(MONDAY, d, d[0].length);
    }

    /** Weekdays whose level grows by {@code weekly} (1.03 = +3 %) a week, shaped 1:2:1 over three intervals. */
    private static java.util.function.IntFunction<double[]> growing(double weekly) {
        return i -> {
            double level = 100 * Math.pow(weekly, i / 7.0);
            return new double[] {level * .25, level * .5, level * .25};
        };
    }

    /** Weekdays at 1000 × the week's level (Mondays 20 % busier, ±2 % fixed noise), shaped 1:2:1, whole contacts. */
    private static java.util.function.IntFunction<double[]> weekLevels(double[] weekLevel) {
        return i -> {
            double level = 1000 * weekLevel[i / 7] * (i % 7 == 0 ? 1.2 : 1) * (1 + 0.02 * Math.sin(i * 2.1));
            return new double[] {Math.round(level * .25), Math.round(level * .5), Math.round(level * .25)};
        };
    }

    @Test
    void weekAverageTakesTheLastNPresentSameWeekdaysAndSkipsAbsentOnes() {
        // Mondays (2 slots): 10,20 · absent · 30,40 · 50,60; N = 2 → Monday = mean(30,50), mean(40,60) = 40, 50
        double[][] d = new double[22][];
        d[0] = new double[] {10, 20};
        d[14] = new double[] {30, 40};
        d[21] = new double[] {50, 60};
        d[1] = new double[] {1, 1};
        DayHistory h = new DayHistory(MONDAY, d, 2);
        double[][] f = new WeekdayAverage(2).forecast(h, 7); // from Tuesday 2026-01-27 to Monday 2026-02-02
        assertThat(f[0]).containsExactly(1, 1);              // Tuesday: the only Tuesday
        assertThat(f[6]).containsExactly(40, 50);            // Monday: absent 2026-01-12 skipped, not a zero
        assertThat(f[1]).containsExactly(0, 0);              // Wednesday: never seen
    }

    @Test
    void wapeAndMaseOnAHandComputedSeries() {
        // naive scale: one present pair a week apart, |3−1| and |5−1| → mean 3
        double[][] d = new double[8][];
        d[0] = new double[] {1, 1};
        d[7] = new double[] {3, 5};
        assertThat(ForecastErrors.weeklyNaiveScale(new DayHistory(MONDAY, d, 2))).isEqualTo(3.0);
        ForecastErrors e = new ForecastErrors();
        e.add(new double[] {10, 0}, new double[] {8, 1}, 3);   // |2| + |1| = 3 over actual 10
        e.add(new double[] {5, 5}, new double[] {5, 8}, 3);    // + 3 over actual 10
        assertThat(e.wape()).isCloseTo(6.0 / 20, offset(1e-12));
        assertThat(e.mase()).as("MAE 6/4 over scale 3").isCloseTo(1.5 / 3, offset(1e-12));
        ForecastErrors none = new ForecastErrors();
        none.add(new double[] {0, 0}, new double[] {0, 0}, 0);
        assertThat(none.wape()).as("no volume: undefined, not zero").isNull();
        assertThat(none.mase()).isNull();
    }

    @Test
    void intradayProfileSmoothingKeepsClosedIntervalsClosedAndSumsToOne() {
        // [0, .2, .6, .2, 0] with s = .25: .25·.2+.5·.2+.25·.6 = .3 (closed neighbour counts as itself), .4, .3
        double[] smooth = IntradayProfile.smooth(new double[] {0, .2, .6, .2, 0}, .25);
        assertThat(smooth[0]).isZero();
        assertThat(smooth[1]).isCloseTo(.3, offset(1e-12));
        assertThat(smooth[2]).isCloseTo(.4, offset(1e-12));
        assertThat(smooth[4]).isZero();
        // the profile of the recent Mondays: (1·[0,10,30] + .5·[0,30,10]) / (40 + .5·40) = [0, 25/60, 35/60]
        double[][] d = new double[8][];
        d[0] = new double[] {0, 30, 10};
        d[7] = new double[] {0, 10, 30};
        double[] p = IntradayProfile.of(new DayHistory(MONDAY, d, 3), 0, 8, 0.5, 0);
        assertThat(p[1]).isCloseTo(25.0 / 60, offset(1e-12));
        assertThat(p[2]).isCloseTo(35.0 / 60, offset(1e-12));
    }

    @Test
    void dampedTrendForecastIsLevelPlusDampedTrendTimesSeason() {
        DampedTrendSmoothing.State s = new DampedTrendSmoothing.State(100, 2, new double[] {1.2, 1, 1, 1, 1, 0, 0},
                new boolean[] {true, true, true, true, true, false, false}, new DampedTrendSmoothing.Parameters(.3, .1, .1, .5));
        assertThat(s.forecast(2, 0)).as("(100 + (.5 + .25)·2)·1.2").isCloseTo(121.8, offset(1e-9));
        assertThat(s.forecast(1, 5)).as("a weekday never seen").isZero();
    }

    @Test
    void dampedTrendFollowsGrowthAndSkipsAbsentDays() {
        // totals 100 + 2 per day over four weeks of weekdays (weekends absent): tomorrow ≈ 156, below with damping
        double[] totals = new double[28];
        for (int i = 0; i < 28; i++) totals[i] = i % 7 < 5 ? 100 + 2 * i : Double.NaN;
        DampedTrendSmoothing.State s = DampedTrendSmoothing.fit(totals, 0);
        assertThat(s.forecast(1, 0)).isBetween(146.0, 158.0);
        assertThat(s.forecast(1, 5)).isZero();
    }

    @Test
    void oneOddDayMovesTheSmoothedLevelByABoundedStepALastingShiftGetsThrough() {
        // six weeks of weekdays at 1000 ± 20 (a fixed wobble), the last Wednesday at 1600 (a storm, say)
        double[] totals = new double[42];
        for (int i = 0; i < 42; i++) totals[i] = i % 7 < 5 ? 1000 + (i % 3 - 1) * 20 : Double.NaN;
        totals[37] = 1600;
        DampedTrendSmoothing.State odd = DampedTrendSmoothing.fit(totals, 0);
        // the other weekdays of next week (Wednesday's own factor starts from the weekday means, the odd day in them);
        // without the clipping they were 1031–1038
        for (int k : new int[] {1, 2, 4, 5}) assertThat(odd.forecast(k, k - 1)).as("day " + k).isBetween(985.0, 1020.0);
        // the same weeks with the last two at 1300: the level follows
        double[] shifted = totals.clone();
        for (int i = 28; i < 42; i++) if (i % 7 < 5) shifted[i] = 1300;
        DampedTrendSmoothing.State shift = DampedTrendSmoothing.fit(shifted, 0);
        for (int k = 1; k <= 5; k++) assertThat(shift.forecast(k, (k - 1) % 7)).as("day " + k).isGreaterThan(1200.0);
    }

    @Test
    void everyModelRepeatsAPerfectlyRegularWeekdayPattern() {
        DayHistory h = weekdaysOnly(35, i -> new double[] {0, 10, 10, 0});
        for (DayModel m : List.of(new WeekdayAverage(), new TopDownModel(), new DoubleSeasonalModel(), new CalendarModel())) {
            double[][] f = m.forecast(h, 7);  // Monday 2026-02-09 …
            assertThat(f[0][1]).as(m.name()).isCloseTo(10, offset(1e-6));
            assertThat(f[0][0]).as(m.name()).isCloseTo(0, offset(1e-6));
            assertThat(f[5]).as(m.name() + ": weekday-only, Saturday stays closed").containsOnly(0.0);
        }
    }

    @Test
    void doubleSeasonalFollowsALevelShift() {
        // three weeks at 10 an interval, then one week at 20: the forecast follows the new level (level and
        // seasonals both learn from the same errors, so it may overshoot a little, not run away)
        DayHistory h = weekdaysOnly(28, i -> i < 21 ? new double[] {10, 10} : new double[] {20, 20});
        double next = new DoubleSeasonalModel().forecast(h, 1)[0][0];
        assertThat(next).isBetween(15.0, 25.0);
    }

    @Test
    void theCombinationIsTheMeanOfTheTwoBest() {
        DayHistory h = weekdaysOnly(35, i -> new double[] {5 + (i % 7), 10});
        ForecastEngine engine = new ForecastEngine();
        double[][] a = engine.forecastWith("week_average", h, 3);
        double[][] b = engine.forecastWith("top_down", h, 3);
        double[][] c = engine.forecastWith(new ForecastEngine.Choice(ForecastEngine.COMBINATION, List.of("week_average", "top_down"), List.of(.5, .5)), h, 3);
        for (int k = 0; k < 3; k++) for (int j = 0; j < 2; j++) assertThat(c[k][j]).isCloseTo((a[k][j] + b[k][j]) / 2, offset(1e-9));
    }

    @Test
    void theCombinationWeighsByTheGivenWeights() {
        DayHistory h = weekdaysOnly(35, i -> new double[] {5 + (i % 7), 10});
        ForecastEngine engine = new ForecastEngine();
        double[][] a = engine.forecastWith("week_average", h, 3);
        double[][] b = engine.forecastWith("top_down", h, 3);
        // backtest WAPE 10 % and 20 %: weights 1/.1² : 1/.2² = 100 : 25 = .8 : .2
        double[][] c = engine.forecastWith(new ForecastEngine.Choice(ForecastEngine.COMBINATION, List.of("week_average", "top_down"), List.of(.8, .2)), h, 3);
        for (int k = 0; k < 3; k++) for (int j = 0; j < 2; j++) assertThat(c[k][j]).isCloseTo(.8 * a[k][j] + .2 * b[k][j], offset(1e-9));
    }

    @Test
    void calendarTotalsAreTheMeanLevelPlusADecayingDeviation() {
        // log(y + 1) = ln 101 + φ^k · ln 1.2 with φ = .5: one day ahead 101·√1.2 − 1, two days 101·1.2^¼ − 1
        LocalDate wednesday = LocalDate.of(2026, 1, 14); // mid-month, weekday effect 0
        boolean[] all = {true, true, true, true, true, true, true};
        double[] none = new double[9];
        CalendarModel.Fit fit = new CalendarModel.Fit(new double[7], none, Math.log(101), new double[0], all, .3, .5, Math.log(1.2));
        assertThat(fit.total(1, wednesday)).isCloseTo(101 * Math.sqrt(1.2) - 1, offset(1e-9));
        assertThat(fit.total(2, wednesday)).isCloseTo(101 * Math.pow(1.2, .25) - 1, offset(1e-9));
        assertThat(fit.total(60, wednesday)).as("back to the mean").isCloseTo(100, offset(1e-6));
        boolean[] weekdays = {true, true, true, true, true, false, false};
        CalendarModel.Fit closed = new CalendarModel.Fit(new double[7], none, Math.log(101), new double[0], weekdays, .3, .5, 0);
        assertThat(closed.total(1, LocalDate.of(2026, 1, 17))).as("Saturday never seen").isZero();
    }

    @Test
    void calendarModelRepeatsAWeekdayPatternAndRevertsAfterABusyWeek() {
        // Mondays 200, other weekdays 100: repeated exactly
        double[] totals = CalendarModel.totals(weekdaysOnly(35, i -> new double[] {i % 7 == 0 ? 200 : 100}), 7);
        assertThat(totals[0]).isCloseTo(200, offset(1e-6));
        assertThat(totals[1]).isCloseTo(100, offset(1e-6));
        assertThat(totals[5]).isZero();
        // nine weeks at 100, then a week at 130: tomorrow is above the long level, five weeks out is back near it
        double[] busy = CalendarModel.totals(weekdaysOnly(70, i -> new double[] {i >= 63 ? 130 : 100}), 35);
        assertThat(busy[0]).isBetween(103.0, 130.0);
        assertThat(busy[28]).isLessThan(busy[0]).isBetween(99.0, 110.0);
    }

    @Test
    void calendarModelLearnsTheTurnOfTheMonth() {
        // twelve weeks, every day: the 28th to the 6th run 20 % busier
        LocalDate start = LocalDate.of(2026, 1, 5);
        double[][] d = new double[84][];
        for (int i = 0; i < 84; i++) {
            int dom = start.plusDays(i).getDayOfMonth();
            d[i] = new double[] {dom >= 28 || dom <= 6 ? 120 : 100};
        }
        DayHistory h = new DayHistory(start, d, 1); // ends 2026-03-29; forecast from Monday 2026-03-30
        double[] totals = CalendarModel.totals(h, 20);
        // each position's effect is shrunk by n / (n + 0.25) (two to six days each here), so most, not all, of it is
        // seen; what is not stays in the mean level, a few percent above the quiet days' 100
        assertThat(totals[2]).as("April 1st").isGreaterThan(110);
        assertThat(totals[12]).as("April 11th").isBetween(97.0, 106.0);
        assertThat(totals[2] - totals[12]).isGreaterThan(10);
    }

    /** Weekdays from {@code start}; {@code value(date)} gives the day's slots, weekends are absent. */
    private static DayHistory weekdaysFrom(LocalDate start, int days, java.util.function.Function<LocalDate, double[]> value) {
        double[][] d = new double[days][];
        for (int i = 0; i < days; i++) {
            LocalDate date = start.plusDays(i);
            if (date.getDayOfWeek().getValue() <= 5) d[i] = value.apply(date);
        }
        return new DayHistory(start, d, d[0].length);
    }

    /** Whether {@code date} is the first Monday-to-Friday day of its month. */
    private static boolean firstBusinessDay(LocalDate date) {
        LocalDate first = date.withDayOfMonth(1);
        while (first.getDayOfWeek().getValue() > 5) first = first.plusDays(1);
        return first.equals(date);
    }

    @Test
    void theMonthEffectFollowsBusinessDaysNotDatesOfTheMonth() {
        // sixteen weekday-only weeks to Sunday 2026-08-02; the first business day of each month (May 1st, a Friday;
        // June 1st, a Monday; July 1st, a Wednesday) runs at 150, every other day 100. August 1st is a Saturday, so
        // the first business day is Monday the 3rd: by date (the 1st–2nd) it would look like a normal day
        DayHistory h = weekdaysFrom(LocalDate.of(2026, 4, 13), 112, d -> new double[] {firstBusinessDay(d) ? 150 : 100});
        double[] calendar = CalendarModel.totals(h, 3);
        assertThat(calendar[0]).as("calendar, Monday August 3rd").isGreaterThan(115);
        assertThat(calendar[1]).as("calendar, Tuesday August 4th").isBetween(95.0, 106.0);
        double[][] topDown = new TopDownModel().forecast(h, 3);
        assertThat(topDown[0][0]).as("top-down, Monday August 3rd").isGreaterThan(115);
        assertThat(topDown[1][0]).as("top-down, Tuesday August 4th").isBetween(95.0, 106.0);
    }

    @Test
    void aMonthTurnDayGetsItsOwnShapeOfTheDay() {
        // eight intervals; a normal day 10 each (80); the first business day of a month 25, 25 in the first two and 10
        // in the rest (110): its extra volume comes in the morning. Forecast from Monday 2026-08-03, a first business day
        DayHistory h = weekdaysFrom(LocalDate.of(2026, 4, 13), 112, d -> {
            double[] v = new double[8];
            java.util.Arrays.fill(v, 10);
            if (firstBusinessDay(d)) v[0] = v[1] = 25;
            return v;
        });
        for (DayModel m : List.of(new TopDownModel(), new CalendarModel())) {
            double[][] f = m.forecast(h, 2);
            double turnMorning = (f[0][0] + f[0][1]) / java.util.Arrays.stream(f[0]).sum();
            double normalMorning = (f[1][0] + f[1][1]) / java.util.Arrays.stream(f[1]).sum();
            assertThat(turnMorning).as(m.name() + ": morning share of the month-turn day").isGreaterThan(0.33);
            assertThat(normalMorning).as(m.name() + ": morning share of a normal day").isCloseTo(0.25, offset(0.02));
        }
    }

    @Test
    void intradayReforecastScalesTheRestOfTheDayByTodaySoFarShrunkEarly() {
        // day-ahead 10, 20, 30, 40 (100); two intervals closed at 15, 25: r = 40/30, s = 30/100, c = .3 → w = .5,
        // scale = 1 + .5 · (4/3 − 1) = 7/6; the closed intervals keep their actuals
        double[] f = {10, 20, 30, 40};
        double[] a = {15, 25, 0, 0};
        assertThat(IntradayReforecast.scale(f, a, 2, .3)).isCloseTo(7.0 / 6, offset(1e-12));
        double[] r = IntradayReforecast.reforecast(f, a, 2, .3);
        assertThat(r[0]).isEqualTo(15);
        assertThat(r[1]).isEqualTo(25);
        assertThat(r[2]).isCloseTo(35, offset(1e-9));
        assertThat(r[3]).isCloseTo(140.0 / 3, offset(1e-9));
        // one interval closed at 15: s = .1, w = .25, scale 1.125 — the same deviation, trusted less early in the day
        assertThat(IntradayReforecast.scale(f, a, 1, .3)).isCloseTo(1.125, offset(1e-12));
        assertThat(IntradayReforecast.scale(f, a, 0, .3)).as("nothing closed yet").isEqualTo(1);
        assertThat(IntradayReforecast.scale(new double[4], a, 2, .3)).as("nothing forecast").isEqualTo(1);
        assertThat(IntradayReforecast.scale(f, new double[] {100, 0, 0, 0}, 1, .25)).as("capped at three times").isEqualTo(3);
    }

    @Test
    void intradayShrinkageIsFittedOnPastDays() {
        double[] f = {10, 20, 30, 40, 30, 20};
        // days that run 20 % above their forecast all day: trust the morning (the smallest shrinkage)
        double[] busy = new double[f.length];
        for (int j = 0; j < f.length; j++) busy[j] = 1.2 * f[j];
        assertThat(IntradayReforecast.fit(List.of(f, f), List.of(busy, busy))).isEqualTo(.02);
        // days whose intervals swing ±30 % around a right total: the morning says nothing (a large shrinkage)
        double[] noisy = new double[f.length];
        for (int j = 0; j < f.length; j++) noisy[j] = f[j] * (j % 2 == 0 ? 1.3 : 0.7);
        assertThat(IntradayReforecast.fit(List.of(f), List.of(noisy))).isGreaterThanOrEqualTo(1.0);
        double[] dayAhead = new double[1];
        double re = IntradayReforecast.restOfDayError(f, busy, .02, dayAhead);
        assertThat(re).isLessThan(dayAhead[0]);
    }

    @Test
    void aGrowingSeriesIsGivenAModelThatBeatsTheBaselineInBacktest() {
        // +3 % a week on weekdays, eight weeks: the 4-week average lags, the damped trend follows
        DayHistory h = weekdaysOnly(56, growing(1.03));
        ForecastEngine.Selection s = new ForecastEngine().select(h);
        assertThat(s.origins()).isGreaterThanOrEqualTo(3);
        double baseline = s.scores().get(0).wape();
        assertThat(s.chosen()).isNotEqualTo("week_average");
        double chosen = s.scores().stream().filter(x -> x.model().equals(s.chosen())).findFirst().orElseThrow().wape();
        assertThat(chosen).isLessThan(baseline);
        assertThat(s.firstDay().weights().stream().mapToDouble(Double::doubleValue).sum()).as("combination weights").isCloseTo(1, offset(1e-9));
        assertThat(s.firstDay().weights().get(0)).as("the better model weighs more").isGreaterThanOrEqualTo(s.firstDay().weights().get(1));
        assertThat(s.firstDay().combined()).doesNotContain("calendar");
    }

    @Test
    void theWeeksAfterTheFirstKeepTheBaselineUntilThreeBacktestOriginsReachThem() {
        // +10 % a week: a trend model beats the lagging 4-week average in every backtest; with four weeks of history
        // only one origin (trained on two weeks) reaches past its first week, too little to leave the baseline for
        java.util.function.IntFunction<double[]> rising = growing(1.10);
        ForecastEngine.Selection four = new ForecastEngine().select(weekdaysOnly(28, rising));
        assertThat(four.laterWeeks().model()).isEqualTo("week_average");
        ForecastEngine.Selection six = new ForecastEngine().select(weekdaysOnly(42, rising));
        assertThat(six.laterWeeks().model()).isNotEqualTo("week_average");
    }

    @Test
    void withFourWeeksOfHistoryTheFirstWeekIsTheCalendarModelAveragedWithTheBaseline() {
        // four weeks whose level climbs 18 % in the last one: no model is clearly better than the calendar model and
        // the baseline half and half, which is what a short history gets (issue #12: never worse than the baseline)
        DayHistory h = weekdaysOnly(28, weekLevels(new double[] {0.83, 0.86, 0.93, 1.18}));
        ForecastEngine engine = new ForecastEngine();
        ForecastEngine.Selection s = engine.select(h);
        assertThat(s.chosen()).isEqualTo(ForecastEngine.COMBINATION);
        assertThat(s.firstDay().combined()).containsExactly("calendar", "week_average");
        assertThat(s.firstDay().weights()).containsExactly(0.5, 0.5);
        double[][] forecast = engine.forecast(s, h, 7);
        double[][] calendar = new CalendarModel().forecast(h, 7);
        double[][] baseline = new WeekdayAverage(4).forecast(h, 7);
        for (int k = 0; k < 7; k++) {
            for (int j = 0; j < 3; j++) assertThat(forecast[k][j]).isCloseTo((calendar[k][j] + baseline[k][j]) / 2, offset(1e-9));
        }
    }

    @Test
    void withFourWeeksOfHistoryAModelClearlyBetterInBacktestIsAveragedWithTheCalendarModelAndTheBaseline() {
        // +10 % a week: a trend model's backtest error is far below the calendar-and-baseline mean's, so it gets a
        // third of the forecast (two backtest origins cannot tell a trend from a passing bump: the hedge)
        DayHistory h = weekdaysOnly(28, growing(1.10));
        ForecastEngine engine = new ForecastEngine();
        ForecastEngine.Selection s = engine.select(h);
        assertThat(s.chosen()).isEqualTo(ForecastEngine.COMBINATION);
        assertThat(s.firstDay().combined()).hasSize(3).endsWith("calendar", "week_average");
        assertThat(s.firstDay().combined().get(0)).isIn("top_down", "double_seasonal");
        assertThat(s.firstDay().weights()).allSatisfy(w -> assertThat(w).isCloseTo(1.0 / 3, offset(1e-12)));
        double[][] forecast = engine.forecast(s, h, 7);
        double[][] lead = engine.forecastWith(s.firstDay().combined().get(0), h, 7);
        double[][] calendar = new CalendarModel().forecast(h, 7);
        double[][] baseline = new WeekdayAverage(4).forecast(h, 7);
        for (int j = 0; j < 3; j++) {
            assertThat(forecast[0][j]).isCloseTo((lead[0][j] + calendar[0][j] + baseline[0][j]) / 3, offset(1e-9));
        }
        assertThat(forecast[0][1]).as("above the calendar/baseline mean").isGreaterThan((calendar[0][1] + baseline[0][1]) / 2);
    }

    @Test
    void fromTenWeeksTheSecondToSeventhDayDefaultToTheBlendAndTheFirstKeepsTheNearChoice() {
        // twelve weeks whose level swings ±5 % from week to week: the blend beats the baseline on days 2-7 of the
        // backtest, so it forecasts them, while the first day keeps the first week's choice
        DayHistory h = weekdaysOnly(84, weekLevels(new double[] {1.0, 0.93, 1.06, 0.97, 1.08, 0.95, 1.02, 0.9, 1.07, 0.96, 1.04, 0.92}));
        ForecastEngine engine = new ForecastEngine();
        ForecastEngine.Selection s = engine.select(h);
        assertThat(s.restOfWeek().model()).isEqualTo(ForecastEngine.BLEND);
        assertThat(s.chosen()).isNotEqualTo(ForecastEngine.BLEND);
        double[][] forecast = engine.forecast(s, h, 14);
        double[][] first = engine.forecastWith(s.firstDay(), h, 7);
        double[][] blend = engine.forecastWith(ForecastEngine.BLEND, h, 7);
        assertThat(forecast[0]).containsExactly(first[0]);
        for (int k = 1; k < 7; k++) assertThat(forecast[k]).as("day " + (k + 1)).containsExactly(blend[k]);
        // with nine weeks the whole first week is one choice
        ForecastEngine.Selection nine = engine.select(weekdaysOnly(63, i -> h.day(i)));
        assertThat(nine.restOfWeek().model()).isEqualTo(nine.chosen());
    }

    @Test
    void aPerfectBaselineIsKept() {
        DayHistory h = weekdaysOnly(56, i -> new double[] {3, 7});
        ForecastEngine.Result r = new ForecastEngine().run(h, Map.of(), 14);
        assertThat(r.chosen()).isEqualTo("week_average");
        assertThat(r.selection().laterWeeks().model()).isEqualTo("week_average");
        assertThat(r.forecast()[0]).containsExactly(3, 7);
    }

    @Test
    void anAllZeroSeriesForecastsZeroAndHasNoWape() {
        DayHistory h = new DayHistory(MONDAY, zeros(42, 4), 4);
        ForecastEngine.Result r = new ForecastEngine().run(h, Map.of(), 7);
        assertThat(r.chosen()).isEqualTo("week_average");
        assertThat(r.selection().scores()).allSatisfy(s -> assertThat(s.wape()).isNull());
        for (double[] day : r.forecast()) assertThat(day).containsOnly(0.0);
        assertThat(r.abnormal()).isEmpty();
    }

    @Test
    void oneWeekAndThreeDaysOfHistoryIsEnoughForAForecast() {
        double[][] d = new double[10][];
        for (int i = 0; i < 10; i++) d[i] = new double[] {i % 7 == 0 ? 20 : 10, 5};
        ForecastEngine.Result r = new ForecastEngine().run(new DayHistory(MONDAY, d, 2), Map.of(), 7); // from Thursday
        assertThat(r.selection().origins()).as("too short to backtest").isZero();
        assertThat(r.chosen()).isEqualTo("week_average");
        assertThat(r.forecast()[4]).as("Monday").containsExactly(20, 5);
        assertThat(r.forecast()[0]).as("Thursday").containsExactly(10, 5);
    }

    @Test
    void anAbnormalDayIsDetectedAndLeftOut() {
        DayHistory h = weekdaysOnly(42, i -> new double[] {i == 16 ? 40 : 100 + (i % 3)}); // Wednesday 2026-01-21 at 40
        assertThat(AbnormalDays.detect(h)).containsExactly(LocalDate.of(2026, 1, 21));
        assertThat(AbnormalDays.detect(weekdaysOnly(42, i -> new double[] {100}))).isEmpty();
        ForecastEngine.Result r = new ForecastEngine().run(h, Map.of(), 7);
        assertThat(r.abnormal()).containsExactly(LocalDate.of(2026, 1, 21));
    }

    @Test
    void closedIsZeroHolidayTakesPastHolidaysShareOutlierOnlyLeavesTraining() {
        // six weeks of weekdays at 100 (two slots of 50); a past holiday Monday 2026-01-19 ran at 30 % of normal
        DayHistory h = weekdaysOnly(42, i -> i == 14 ? new double[] {15, 15} : new double[] {50, 50});
        Map<LocalDate, SpecialKind> special = new HashMap<>();
        special.put(LocalDate.of(2026, 1, 19), SpecialKind.HOLIDAY);
        special.put(LocalDate.of(2026, 2, 16), SpecialKind.HOLIDAY);   // Monday of the forecast week
        special.put(LocalDate.of(2026, 2, 17), SpecialKind.CLOSED);
        special.put(LocalDate.of(2026, 2, 18), SpecialKind.OUTLIER);
        double[][] f = new ForecastEngine().run(h, special, 7).forecast();
        assertThat(f[0][0]).as("holiday: 30 % of a normal Monday").isCloseTo(15, offset(1e-6));
        assertThat(f[1]).containsOnly(0.0);
        assertThat(f[2][0]).as("an outlier date in the future is forecast as usual").isCloseTo(50, offset(1e-6));
        special.remove(LocalDate.of(2026, 1, 19));
        assertThat(new ForecastEngine().run(h.without(List.of(LocalDate.of(2026, 1, 19))), special, 7).forecast()[0])
                .as("no past holiday with data: like closed").containsOnly(0.0);
    }

    @Test
    void theDaysAfterAHolidayCarryPastCatchUpShrunkTowardNormal() {
        // six weeks of weekdays at 100; holiday Monday 2026-01-19 without data, the Tuesday after ran 160, the
        // Wednesday 120. Factors shrunk by n/(n+1), n = 1: 1 + 0.6/2 = 1.3 and 1 + 0.2/2 = 1.1
        DayHistory h = weekdaysOnly(42, i -> i == 14 ? null : i == 15 ? new double[] {80, 80} : i == 16 ? new double[] {60, 60}
                : new double[] {50, 50});
        Map<LocalDate, SpecialKind> special = new HashMap<>();
        special.put(LocalDate.of(2026, 1, 19), SpecialKind.HOLIDAY);
        special.put(LocalDate.of(2026, 2, 16), SpecialKind.HOLIDAY);   // Monday of the forecast week
        ForecastEngine engine = new ForecastEngine();
        assertThat(engine.clean(h, special, null).day(LocalDate.of(2026, 1, 21)))
                .as("the second day after is not abnormal (+20 %) but is left out of training").isNull();
        double[][] f = engine.run(h, special, 7).forecast();
        assertThat(f[1][0]).as("Tuesday after: 50 × 1.3").isCloseTo(65, offset(1e-6));
        assertThat(f[2][0]).as("Wednesday: 50 × 1.1").isCloseTo(55, offset(1e-6));
        assertThat(f[3][0]).as("Thursday as usual").isCloseTo(50, offset(1e-6));
        special.put(LocalDate.of(2026, 2, 17), SpecialKind.CLOSED);
        double[][] closedTuesday = engine.run(h, special, 7).forecast();
        assertThat(closedTuesday[1]).containsOnly(0.0);
        assertThat(closedTuesday[2][0]).as("a closed day is skipped: Wednesday is the first open day after").isCloseTo(65, offset(1e-6));
        assertThat(closedTuesday[3][0]).isCloseTo(55, offset(1e-6));
    }

    @Test
    void theBlendIsTheMeanOfItsMembers() {
        // Mondays 10 then 30: the 1-week average says 30, the 2-week average 20, the blend 25
        double[][] d = new double[8][];
        d[0] = new double[] {10};
        d[7] = new double[] {30};
        DayHistory h = new DayHistory(MONDAY, d, 1);
        double[][] f = new com.rostra.forecasting.model.BlendModel(List.of(new WeekdayAverage(1), new WeekdayAverage(2))).forecast(h, 7);
        assertThat(f[6][0]).as("Monday").isCloseTo(25, offset(1e-9));
        assertThat(f[0][0]).as("Tuesday never seen").isZero();
    }

    @Test
    void aSpringForwardDayInBerlinLeavesItsSkippedHourEmpty() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate day = LocalDate.of(2026, 3, 29);
        Map<Instant, Long> counts = everyQuarterHour(day, berlin);
        assertThat(counts).hasSize(92);
        DayHistory h = Forecasts.days(counts, day, 1, berlin);
        double[] d = h.day(day);
        assertThat(d[8]).as("02:00 does not exist").isZero();
        assertThat(d[11]).isZero();
        assertThat(d[12]).as("03:00").isEqualTo(1);
        assertThat(h.total(0)).isEqualTo(92);
    }

    @Test
    void aFallBackDayInNewYorkAddsItsRepeatedHourIntoOneSlot() {
        ZoneId ny = ZoneId.of("America/New_York");
        LocalDate day = LocalDate.of(2026, 11, 1);
        Map<Instant, Long> counts = everyQuarterHour(day, ny);
        assertThat(counts).hasSize(100);
        DayHistory h = Forecasts.days(counts, day.minusDays(7), 8, ny);
        assertThat(h.first()).as("starts at the first day with data").isEqualTo(day);
        assertThat(h.day(day)[4]).as("01:00 twice").isEqualTo(2);
        assertThat(h.day(day)[8]).isEqualTo(1);
        assertThat(h.total(0)).isEqualTo(100);
    }

    private static Map<Instant, Long> everyQuarterHour(LocalDate day, ZoneId zone) {
        Map<Instant, Long> counts = new HashMap<>();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        for (Instant q = day.atStartOfDay(zone).toInstant(); q.isBefore(end); q = q.plus(Duration.ofMinutes(15))) counts.put(q, 1L);
        return counts;
    }

    private static double[][] zeros(int days, int slots) {
        double[][] d = new double[days][];
        for (int i = 0; i < days; i++) d[i] = new double[slots];
        return d;
    }
}
