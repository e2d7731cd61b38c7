package com.rostra.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rostra.forecasting.bench.ForecastAccuracyBench;
import com.rostra.forecasting.bench.ForecastAccuracyBench.Result;
import com.rostra.forecasting.model.DayHistory;
import com.rostra.forecasting.model.ForecastEngine;

/**
 * Issue #12's accuracy goal on the shared real data (the bench's rolling origins, ~10 s): every figure is measured
 * here against the N-week same-weekday average of the same origins, none is written down. The data sets live
 * outside the repository ({@code ../shared/data}, or {@code -Drostra.data.dir}); without them the test is skipped.
 */
class ForecastAccuracyGateTest {

    private static final String BASELINE = "week_average";
    private static Result us;
    private static Result il;
    /** The US origins with only the eight weeks before each: the ten earlier origins, the ten later ones. */
    private static final Map<String, Result> usEightWeeks = new java.util.LinkedHashMap<>();
    /** The same with only four and five weeks before each origin (issue #12's shortest history), by half. */
    private static final Map<String, Result> usFewWeeks = new java.util.LinkedHashMap<>();
    /** All twenty US origins with each history length from four weeks to a day short of six (the few-weeks rule). */
    private static final Map<String, Result> usEveryFewWeeksLength = new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeAll
    static void measure() throws Exception {
        Path dir = Path.of(System.getProperty("rostra.data.dir", "../shared/data"));
        assumeTrue(Files.isReadable(dir.resolve("us-bank-2003-calls-5min.csv")), "the shared data sets are needed: " + dir.toAbsolutePath());
        DayHistory usData = ForecastAccuracyBench.usBank(dir.resolve("us-bank-2003-calls-5min.csv"));
        DayHistory ilData = ForecastAccuracyBench.ilBank(dir.resolve("il-bank-1999-01-calls.csv"));
        us = ForecastAccuracyBench.evaluate(usData, ForecastAccuracyBench.usOrigins(usData), ForecastAccuracyBench.US_HISTORY_DAYS,
                ForecastEngine.Config.DEFAULT, ForecastAccuracyBench.US_BUCKETS, ForecastAccuracyBench.US_HOLIDAYS);
        var origins = ForecastAccuracyBench.usOrigins(usData);
        byHalf(usData, origins, 56, "", usEightWeeks);
        for (int days : new int[] {28, 35}) byHalf(usData, origins, days, days / 7 + " weeks, ", usFewWeeks);
        java.util.stream.IntStream.range(28, 42).parallel().forEach(days -> usEveryFewWeeksLength.put(days + " days, all",
                ForecastAccuracyBench.evaluate(usData, origins, days, ForecastEngine.Config.DEFAULT, ForecastAccuracyBench.US_BUCKETS,
                        ForecastAccuracyBench.US_HOLIDAYS)));
        il = ForecastAccuracyBench.evaluate(ilData, ForecastAccuracyBench.ilOrigins(ilData), ForecastAccuracyBench.IL_HISTORY_DAYS,
                ForecastAccuracyBench.IL_CONFIG, ForecastAccuracyBench.IL_BUCKETS, Map.<LocalDate, ForecastEngine.SpecialKind>of());
    }

    /** The earlier ten origins and the later ten, each with only {@code days} of history, into {@code out}. */
    private static void byHalf(DayHistory usData, List<LocalDate> origins, int days, String label, Map<String, Result> out) {
        LocalDate split = LocalDate.of(2003, 7, 1);
        out.put(label + "earlier", ForecastAccuracyBench.evaluate(usData, origins.stream().filter(o -> o.isBefore(split)).toList(), days,
                ForecastEngine.Config.DEFAULT, ForecastAccuracyBench.US_BUCKETS, ForecastAccuracyBench.US_HOLIDAYS));
        out.put(label + "later", ForecastAccuracyBench.evaluate(usData, origins.stream().filter(o -> !o.isBefore(split)).toList(), days,
                ForecastEngine.Config.DEFAULT, ForecastAccuracyBench.US_BUCKETS, ForecastAccuracyBench.US_HOLIDAYS));
    }

    private static void assertNeverWorseAtAnyHorizon(String what, Map<String, Result> results) {
        results.forEach((label, r) -> {
            for (int b = 0; b < ForecastAccuracyBench.US_BUCKETS.size(); b++) {
                assertThat(r.wape("chosen", b)).as("US, " + what + label + " origins, " + ForecastAccuracyBench.US_BUCKETS.get(b).label())
                        .isLessThan(r.wape(BASELINE, b));
            }
        });
    }

    @Test
    void theChosenModelIsNeverWorseThanTheBaselineAtAnyHorizon() {
        for (int b = 0; b < ForecastAccuracyBench.US_BUCKETS.size(); b++) {
            assertThat(us.wape("chosen", b)).as("US " + ForecastAccuracyBench.US_BUCKETS.get(b).label()).isLessThan(us.wape(BASELINE, b));
        }
        for (int b = 0; b < ForecastAccuracyBench.IL_BUCKETS.size(); b++) {
            assertThat(il.wape("chosen", b)).as("IL " + ForecastAccuracyBench.IL_BUCKETS.get(b).label()).isLessThan(il.wape(BASELINE, b));
        }
    }

    /**
     * Issue #12: never worse than the baseline on a series with a short history. The US origins with only the eight
     * weeks before each, each half of them on its own (measured: earlier −10.1 / −3.3 / −9.3 %, later −12.7 / −10.9 /
     * −7.6 %; before the short-history default the earlier half was 2.7 % worse than the baseline in week 1).
     */
    @Test
    void withEightWeeksOfHistoryTheChosenModelIsNeverWorseThanTheBaseline() {
        assertNeverWorseAtAnyHorizon("8 weeks, ", usEightWeeks);
    }

    /**
     * Issue #12: "never worse … on any series with four or more weeks of history". The US origins with only four and
     * five weeks before each, by half (measured: 4 weeks earlier −3.1 / −1.4 / −1.3 %, later −2.6 / −2.0 / −0.4 %;
     * 5 weeks earlier −3.4 / −0.8 / −2.3 %, later −3.3 / −2.0 / −0.7 %; before the few-weeks default week 1 was
     * +5.5 / +8.1 % and +8.5 / +1.4 % worse than the baseline).
     */
    @Test
    void withFourOrFiveWeeksOfHistoryTheChosenModelIsNeverWorseThanTheBaseline() {
        assertNeverWorseAtAnyHorizon("", usFewWeeks);
    }

    /**
     * The same at every history length from 28 to 41 days, over all twenty origins. At 33 days one origin's backtest
     * found top-down 15.1 % better than the calendar/baseline mean and took it alone: week 1 was 1.9 % worse than the
     * baseline (the last history week was a month-turn peak, read as a trend). Now a clearly better model is averaged
     * with the calendar model and the baseline in thirds (measured: 33 days −2.6 / −1.1 / −1.1 %).
     */
    @Test
    void atEveryHistoryLengthFromFourToSixWeeksTheChosenModelIsNeverWorseThanTheBaseline() {
        assertNeverWorseAtAnyHorizon("", usEveryFewWeeksLength);
    }

    /**
     * The 15 % goal, on the IL series at both horizons and on the US series at every horizon (measured with 26 weeks
     * of history and the robust smoothing of the seventh pass: 1 day −16.4 %, week 1 −15.6 %, weeks 2–5 −16.6 %,
     * weeks 6–8 −19.0 %;
     * before it week 1 was −14.6 %, before the blend from the second day −12.3 %, before the fifth pass −10.5 %).
     */
    @Test
    void fifteenPercentBetterAtEveryHorizon() {
        for (int b = 0; b < ForecastAccuracyBench.IL_BUCKETS.size(); b++) {
            assertThat(il.wape("chosen", b)).as("IL " + ForecastAccuracyBench.IL_BUCKETS.get(b).label()).isLessThan(0.85 * il.wape(BASELINE, b));
        }
        for (int b = 0; b < ForecastAccuracyBench.US_BUCKETS.size(); b++) {
            assertThat(us.wape("chosen", b)).as("US " + ForecastAccuracyBench.US_BUCKETS.get(b).label()).isLessThan(0.85 * us.wape(BASELINE, b));
        }
    }

    /** Averaging top-down and calendar beats each of them, and choosing among them, for the weeks after the first. */
    @Test
    void theBlendBeatsItsMembersAndTheCombinationForLaterWeeks() {
        double blend = us.wape(ForecastEngine.BLEND, 2);
        assertThat(blend).isLessThan(us.wape("top_down", 2)).isLessThan(us.wape("calendar", 2)).isLessThan(us.wape("combination", 2));
    }

    /** The days after a holiday are forecast better with the after-holiday factor than as normal days. */
    @Test
    void theAfterHolidayFactorHelpsOnTheDaysAfterAHoliday() {
        assertThat(us.afterHolidayWith().wape()).as("forecasts of days after a holiday scored").isNotNull();
        assertThat(us.afterHolidayWith().wape()).isLessThan(us.afterHolidayWithout().wape());
    }
}
