package com.rostra.forecasting.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.rostra.forecasting.model.AbnormalDays;
import com.rostra.forecasting.model.DayHistory;
import com.rostra.forecasting.model.ForecastEngine;
import com.rostra.forecasting.model.ForecastErrors;
import com.rostra.forecasting.model.IntradayReforecast;

/**
 * Forecast accuracy on the shared real data sets, by rolling origin: from each origin the engine sees only the
 * days before it (at most {@code historyDays}), chooses its model by its own backtest, and forecasts; every model
 * and the chosen one are scored on the held-out days that follow, per horizon bucket, against the N-week
 * same-weekday average. Then the fit time for 50 queues × 5 channels × 8 weeks of 15-minute history.
 * Not a test: run with {@code bench/forecast-accuracy.sh}.
 */
public final class ForecastAccuracyBench {

    public record Bucket(String label, int fromDay, int toDay) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data");
        DayHistory us = usBank(dir.resolve("us-bank-2003-calls-5min.csv"));
        DayHistory il = ilBank(dir.resolve("il-bank-1999-01-calls.csv"));
        System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version"));

        // US bank: origins every Monday from 8 weeks in, horizons 1 day, week 1, weeks 2–5; history up to 26 weeks
        // (as the Forecasts service reads), the engine's default settings
        evaluate("us-bank 2003, 15 min, weekdays", us, usOrigins(us), US_HISTORY_DAYS, ForecastEngine.Config.DEFAULT, US_BUCKETS, US_HOLIDAYS);

        // IL bank: one month; origins each day from day 22 (three weeks of history), next day and next week;
        // baseline N = 3, as in issue #12 (there are only four weeks)
        evaluate("il-bank 1999-01, 30 min, 7 days a week", il, ilOrigins(il), IL_HISTORY_DAYS, IL_CONFIG, IL_BUCKETS, Map.of());

        if (!Boolean.getBoolean("bench.skipIntraday")) {
            // intraday reforecast: day-ahead forecasts from every day's own origin; the shrinkage is fitted on the
            // US days before 2003-06-16 and scored on the days from then on, and on the IL days (out of sample)
            Map<LocalDate, double[]> usDayAhead = dayAhead(us, us.first().plusWeeks(8), us.end(), 112, ForecastEngine.Config.DEFAULT);
            Map<LocalDate, double[]> ilDayAhead = dayAhead(il, il.first().plusDays(14), il.end(), 84, new ForecastEngine.Config(3, 6, 35, 14));
            LocalDate split = LocalDate.of(2003, 6, 16);
            List<double[]> fitF = new ArrayList<>();
            List<double[]> fitA = new ArrayList<>();
            DayHistory usScored = us.without(AbnormalDays.detect(us));
            usDayAhead.forEach((d, f) -> {
                if (d.isBefore(split) && usScored.day(d) != null) {
                    fitF.add(f);
                    fitA.add(usScored.day(d));
                }
            });
            double shrink = IntradayReforecast.fit(fitF, fitA);
            System.out.printf("%n== intraday reforecast: shrinkage c fitted on %d US days before %s: %.2f%n", fitF.size(), split, shrink);
            intraday("us-bank, days from " + split, usScored, usDayAhead, split, shrink, 4, new int[] {9, 11, 13, 15, 17});
            intraday("il-bank, days from 1999-01-15", il.without(AbnormalDays.detect(il)), ilDayAhead, il.first(), shrink, 2,
                    new int[] {9, 11, 13, 15, 17});
        }
        if (!Boolean.getBoolean("bench.skipFitTime")) fitTime(us);
    }

    /** What the Forecasts service reads. */
    public static final int US_HISTORY_DAYS = com.rostra.forecasting.Forecasts.HISTORY_DAYS;
    /** Up to eight weeks ahead, as far as forecasts reach; origins after 2003-08-18 have no weeks 6–8 in the data. */
    public static final List<Bucket> US_BUCKETS = List.of(new Bucket("1 day", 0, 1), new Bucket("week 1", 0, 7), new Bucket("weeks 2-5", 7, 35),
            new Bucket("weeks 6-8", 35, 56));
    public static final int IL_HISTORY_DAYS = 84;
    public static final ForecastEngine.Config IL_CONFIG = new ForecastEngine.Config(3, 6, 35, 14);
    public static final List<Bucket> IL_BUCKETS = List.of(new Bucket("1 day", 0, 1), new Bucket("week 1", 0, 7));

    /** Every Monday from 8 weeks in while a whole week follows. */
    public static List<LocalDate> usOrigins(DayHistory us) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate o = us.first().plusWeeks(8); !o.plusDays(7).isAfter(us.end()); o = o.plusWeeks(1)) out.add(o);
        return out;
    }

    /** Every day from day 22 (three weeks of history) to the end of the month. */
    public static List<LocalDate> ilOrigins(DayHistory il) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate o = il.first().plusDays(21); o.isBefore(il.end()); o = o.plusDays(1)) out.add(o);
        return out;
    }

    /**
     * The US series' holidays as a customer would mark them (the missing weekdays that are US bank holidays:
     * Memorial Day, Independence Day, Labor Day; 2003-04-04 and 04-07 are gaps in the source, not holidays).
     */
    public static final Map<LocalDate, ForecastEngine.SpecialKind> US_HOLIDAYS = Map.of(
            LocalDate.of(2003, 5, 26), ForecastEngine.SpecialKind.HOLIDAY,
            LocalDate.of(2003, 7, 4), ForecastEngine.SpecialKind.HOLIDAY,
            LocalDate.of(2003, 9, 1), ForecastEngine.SpecialKind.HOLIDAY);

    static void evaluate(String title, DayHistory data, List<LocalDate> origins, int historyDays, ForecastEngine.Config config,
                         List<Bucket> buckets, Map<LocalDate, ForecastEngine.SpecialKind> special) {
        Result r = evaluate(data, origins, historyDays, config, buckets, special);
        print(title, r, origins, config, buckets);
    }

    /**
     * Per model (and "chosen") and per bucket, the errors on the held-out days; {@code afterHoliday}: the chosen
     * model's errors on the days after a holiday (scored on the raw days, abnormal or not) with and without the
     * after-holiday multiplier.
     */
    public record Result(Map<String, ForecastErrors[]> errors, Map<String, Integer> chosenCount,
                         Map<String, ForecastErrors[]> totals, List<LocalDate> abnormal,
                         ForecastErrors afterHolidayWith, ForecastErrors afterHolidayWithout) {

        public double wape(String model, int bucket) { return errors.get(model)[bucket].wape(); }
    }

    public static Result evaluate(DayHistory data, List<LocalDate> origins, int historyDays, ForecastEngine.Config config,
                                  List<Bucket> buckets, Map<LocalDate, ForecastEngine.SpecialKind> special) {
        ForecastEngine engine = new ForecastEngine(config);
        List<LocalDate> abnormalAll = AbnormalDays.detect(data);
        DayHistory scored = data.without(abnormalAll);
        List<String> names = new ArrayList<>(engine.modelNames());
        names.add("chosen");
        Map<String, ForecastErrors[]> errors = new LinkedHashMap<>();
        for (String n : names) {
            ForecastErrors[] e = new ForecastErrors[buckets.size()];
            for (int b = 0; b < e.length; b++) e[b] = new ForecastErrors();
            errors.put(n, e);
        }
        Map<String, Integer> chosenCount = new TreeMap<>();
        ForecastErrors afterWith = new ForecastErrors();
        ForecastErrors afterWithout = new ForecastErrors();
        Map<String, ForecastErrors[]> totals = new LinkedHashMap<>();
        int maxDay = buckets.stream().mapToInt(Bucket::toDay).max().orElse(7);
        for (LocalDate origin : origins) {
            DayHistory train = data.until(origin).last(historyDays);
            DayHistory clean = engine.clean(train, special, null);
            ForecastEngine.Selection sel = engine.select(clean);
            chosenCount.merge(sel.chosen() + "/" + sel.laterWeeks().model(), 1, Integer::sum);
            double scale = ForecastErrors.weeklyNaiveScale(clean);
            for (String n : names) {
                double[][] f = n.equals("chosen") ? engine.forecast(sel, clean, maxDay)
                        : engine.forecastWith(sel.laterWeeks().withModel(n), clean, maxDay);
                if (n.equals("chosen") && !special.isEmpty()) {
                    double[][] plain = new double[f.length][];
                    for (int k = 0; k < f.length; k++) plain[k] = f[k].clone();
                    ForecastEngine.applySpecialDays(f, train, clean, special);
                    for (int k = 0; k < maxDay; k++) {
                        LocalDate d = origin.plusDays(k);
                        double[] actual = data.day(d);
                        if (actual == null || ForecastEngine.afterHolidayPosition(d, clean, special) == 0) continue;
                        afterWith.add(actual, f[k], scale);
                        afterWithout.add(actual, plain[k], scale);
                    }
                }
                for (int b = 0; b < buckets.size(); b++) {
                    for (int k = buckets.get(b).fromDay(); k < buckets.get(b).toDay(); k++) {
                        double[] actual = scored.day(origin.plusDays(k));
                        if (actual != null) errors.get(n)[b].add(actual, f[k], scale);
                        if (actual != null) totals.computeIfAbsent(n, x -> newErrors(buckets.size()))[b]
                                .add(new double[] {sum(actual)}, new double[] {sum(f[k])}, 1);
                    }
                }
            }
        }
        return new Result(errors, chosenCount, totals, abnormalAll, afterWith, afterWithout);
    }

    static void print(String title, Result r, List<LocalDate> origins, ForecastEngine.Config config, List<Bucket> buckets) {
        Map<String, ForecastErrors[]> errors = r.errors();
        List<String> names = new ArrayList<>(errors.keySet());
        System.out.printf("%n== %s: %d origins %s … %s; baseline = %d-week same-weekday average; abnormal days left out of scoring: %s%n",
                title, origins.size(), origins.get(0), origins.get(origins.size() - 1), config.baselineWeeks(), r.abnormal());
        StringBuilder head = new StringBuilder(String.format("%-16s", "model"));
        for (Bucket b : buckets) head.append(String.format(" | %-9s WAPE   MASE  vs base", b.label()));
        System.out.println(head);
        ForecastErrors[] base = errors.get("week_average");
        for (String n : names) {
            StringBuilder row = new StringBuilder(String.format("%-16s", n));
            for (int b = 0; b < buckets.size(); b++) {
                ForecastErrors e = errors.get(n)[b];
                row.append(String.format(" | %9s %5.2f%% %5.3f %+6.1f%%", "", 100 * e.wape(), e.mase(),
                        100 * (e.wape() / base[b].wape() - 1)));
            }
            System.out.println(row);
        }
        System.out.println("chosen per origin (week 1/later): " + r.chosenCount());
        for (int b = 0; b < buckets.size(); b++) {
            int bucket = b;
            StringBuilder t = new StringBuilder("daily-total WAPE, " + buckets.get(b).label() + ":");
            r.totals().forEach((n, e) -> t.append(String.format(" %s %.2f%%", n, 100 * e[bucket].wape())));
            System.out.println(t);
        }
        if (r.afterHolidayWith().wape() != null) {
            System.out.printf("days after a holiday (chosen, every forecast of them up to %d days ahead, raw days): with the after-holiday factor %.2f%%, without %.2f%%%n",
                    buckets.get(buckets.size() - 1).toDay(), 100 * r.afterHolidayWith().wape(), 100 * r.afterHolidayWithout().wape());
        }
    }

    /** The chosen model's forecast for each present day from {@code from} to {@code to}, made the evening before. */
    static Map<LocalDate, double[]> dayAhead(DayHistory data, LocalDate from, LocalDate to, int historyDays, ForecastEngine.Config config) {
        ForecastEngine engine = new ForecastEngine(config);
        Map<LocalDate, double[]> out = new TreeMap<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (data.day(d) == null) continue;
            DayHistory clean = engine.clean(data.until(d).last(historyDays), Map.of(), null);
            out.put(d, engine.forecast(engine.select(clean), clean, 1)[0]);
        }
        return out;
    }

    /** WAPE of the rest of the day after each cut hour: the day-ahead forecast and the intraday reforecast. */
    static void intraday(String title, DayHistory scored, Map<LocalDate, double[]> dayAhead, LocalDate from, double shrink,
                         int slotsPerHour, int[] cutHours) {
        System.out.printf("%s (rest of the day after the cut; c = %.2f):%n", title, shrink);
        System.out.printf("%-8s %6s %12s %12s %8s%n", "cut", "days", "day-ahead", "intraday", "change");
        double[] allDa = new double[1];
        double allRe = 0;
        double allAct = 0;
        for (int hour : cutHours) {
            int m = hour * slotsPerHour;
            double da = 0, re = 0, act = 0;
            int days = 0;
            for (Map.Entry<LocalDate, double[]> e : dayAhead.entrySet()) {
                double[] a = scored.day(e.getKey());
                if (e.getKey().isBefore(from) || a == null) continue;
                double[] f = e.getValue();
                double[] r = IntradayReforecast.reforecast(f, a, m, shrink);
                for (int j = m; j < f.length; j++) {
                    da += Math.abs(a[j] - f[j]);
                    re += Math.abs(a[j] - r[j]);
                    act += a[j];
                }
                days++;
            }
            System.out.printf("%02d:00    %6d %11.2f%% %11.2f%% %+7.1f%%%n", hour, days, 100 * da / act, 100 * re / act, 100 * (re / da - 1));
        }
        for (Map.Entry<LocalDate, double[]> e : dayAhead.entrySet()) {
            double[] a = scored.day(e.getKey());
            if (e.getKey().isBefore(from) || a == null) continue;
            allRe += IntradayReforecast.restOfDayError(e.getValue(), a, shrink, allDa);
        }
        System.out.printf("every cut of the day: reforecast error %+.2f %% against the day-ahead forecast%n", 100 * (allRe / allDa[0] - 1));
    }

    static ForecastErrors[] newErrors(int n) {
        ForecastErrors[] e = new ForecastErrors[n];
        for (int i = 0; i < n; i++) e[i] = new ForecastErrors();
        return e;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    static void fitTime(DayHistory us) {
        // 250 series: 8-week windows of the US data at different offsets and scales, as 15-minute history
        ForecastEngine engine = new ForecastEngine();
        int series = 50 * 5;
        List<DayHistory> histories = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            int offset = (s * 3) % (us.size() - 8 * 7 - 1);
            double scale = 0.05 + (s % 17) / 8.0;
            double[][] days = new double[56][];
            for (int i = 0; i < 56; i++) {
                double[] d = us.day(offset + i);
                if (d == null) continue;
                days[i] = new double[d.length];
                for (int j = 0; j < d.length; j++) days[i][j] = Math.round(d[j] * scale);
            }
            histories.add(new DayHistory(us.date(offset), days, us.slots()));
        }
        for (int i = 0; i < 10; i++) engine.run(histories.get(i), Map.of(), 56); // warm-up
        for (com.rostra.forecasting.model.DayModel m : List.of(new com.rostra.forecasting.model.WeekdayAverage(),
                new com.rostra.forecasting.model.TopDownModel(), new com.rostra.forecasting.model.DoubleSeasonalModel(),
                new com.rostra.forecasting.model.CalendarModel())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) m.forecast(histories.get(i), 35);
            System.out.printf("one fit+forecast of %s: %.1f ms%n", m.name(), (System.nanoTime() - t0) / 1e6 / 50);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.printf("load average before timing: %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            if (threads == 1) histories.forEach(h -> engine.run(h, Map.of(), 56));
            else new java.util.concurrent.ForkJoinPool(threads).submit(() ->
                    IntStream.range(0, series).parallel().forEach(i -> engine.run(histories.get(i), Map.of(), 56))).join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (threads == 1) System.out.printf("%nCPU time of the single-threaded run: %.2f s%n", (mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
            System.out.printf("%nfit time, %d series × 8 weeks of 15-minute history (clean, backtest %d origins, choose, forecast 8 weeks), %d thread(s): %.2f s (%.1f ms a series)%n",
                    series, ForecastEngine.Config.DEFAULT.backtestOrigins(), threads, seconds, 1000 * seconds / series);
        }
    }

    /** 5-minute weekday counts folded into local quarter hours (96 a day); days not in the file are absent. */
    public static DayHistory usBank(Path file) throws IOException {
        TreeMap<LocalDate, double[]> days = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                LocalDateTime t = LocalDateTime.parse(row.get("timestamp"));
                days.computeIfAbsent(t.toLocalDate(), d -> new double[96])[t.getHour() * 4 + t.getMinute() / 15]
                        += Double.parseDouble(row.get("calls"));
            }
        }
        return history(days, 96);
    }

    /** One row per call: arrivals per local half hour (48 a day). */
    public static DayHistory ilBank(Path file) throws IOException {
        TreeMap<LocalDate, double[]> days = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                LocalDateTime t = LocalDateTime.parse(row.get("arrival_ts"));
                days.computeIfAbsent(t.toLocalDate(), d -> new double[48])[t.getHour() * 2 + t.getMinute() / 30] += 1;
            }
        }
        return history(days, 48);
    }

    static DayHistory history(TreeMap<LocalDate, double[]> days, int slots) {
        LocalDate first = days.firstKey();
        int n = (int) ChronoUnit.DAYS.between(first, days.lastKey()) + 1;
        double[][] arr = new double[n][];
        days.forEach((d, v) -> arr[(int) ChronoUnit.DAYS.between(first, d)] = v);
        return new DayHistory(first, arr, slots);
    }
}
