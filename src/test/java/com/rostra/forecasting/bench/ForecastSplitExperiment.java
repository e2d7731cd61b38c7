package com.rostra.forecasting.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rostra.forecasting.bench.ForecastAccuracyBench.Result;
import com.rostra.forecasting.model.DayHistory;
import com.rostra.forecasting.model.ForecastEngine;
import com.rostra.forecasting.model.ForecastErrors;

/**
 * The bench's protocol on a split of the US origins: settings are chosen on the earlier ten origins (2003-04-28 …
 * 06-30) and confirmed on the later ten (07-07 … 09-08); IL is the out-of-sample check. Not a test; run by hand
 * (arguments: labels for the lines; -DhistoryDays=56 for a short history; the fifth pass's experiments switched
 * model settings between runs, docs/notes/forecasting.md).
 */
public final class ForecastSplitExperiment {

    /** The bench's buckets and weeks 1–5 together (what a customer asking for five weeks sees). */
    static final List<ForecastAccuracyBench.Bucket> BUCKETS = List.of(new ForecastAccuracyBench.Bucket("1 day", 0, 1),
            new ForecastAccuracyBench.Bucket("week 1", 0, 7), new ForecastAccuracyBench.Bucket("weeks 2-5", 7, 35),
            new ForecastAccuracyBench.Bucket("weeks 1-5", 0, 35), new ForecastAccuracyBench.Bucket("weeks 6-8", 35, 56));

    static final LocalDate SPLIT = LocalDate.of(2003, 7, 1);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("rostra.data.dir", "/work/shared/data"));
        DayHistory us = ForecastAccuracyBench.usBank(dir.resolve("us-bank-2003-calls-5min.csv"));
        DayHistory il = ForecastAccuracyBench.ilBank(dir.resolve("il-bank-1999-01-calls.csv"));
        List<LocalDate> early = new ArrayList<>();
        List<LocalDate> late = new ArrayList<>();
        for (LocalDate o : ForecastAccuracyBench.usOrigins(us)) (o.isBefore(SPLIT) ? early : late).add(o);
        boolean withIl = Boolean.getBoolean("withIl");
        boolean lateToo = !Boolean.getBoolean("earlyOnly");
        for (String spec : args.length > 0 ? args : new String[] {"current"}) {
            long t0 = System.nanoTime();
            Result e = run(us, early);
            print(spec, "early", e, BUCKETS.size());
            if (lateToo) {
                Result l = run(us, late);
                print(spec, "late", l, BUCKETS.size());
                print(spec, "all", merge(e, l), BUCKETS.size());
            }
            if (withIl) {
                Result r = ForecastAccuracyBench.evaluate(il, ForecastAccuracyBench.ilOrigins(il), ForecastAccuracyBench.IL_HISTORY_DAYS,
                        ForecastAccuracyBench.IL_CONFIG, ForecastAccuracyBench.IL_BUCKETS, Map.of());
                print(spec, "IL", r, 2);
            }
            System.out.printf("   (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    static Result run(DayHistory us, List<LocalDate> origins) {
        return ForecastAccuracyBench.evaluate(us, origins, Integer.getInteger("historyDays", ForecastAccuracyBench.US_HISTORY_DAYS), ForecastEngine.Config.DEFAULT,
                BUCKETS, Boolean.getBoolean("noHolidays") ? Map.of() : ForecastAccuracyBench.US_HOLIDAYS);
    }

    static Result merge(Result a, Result b) {
        Map<String, ForecastErrors[]> errors = new java.util.LinkedHashMap<>();
        Map<String, ForecastErrors[]> totals = new java.util.LinkedHashMap<>();
        for (var pair : List.of(Map.entry(a.errors(), errors), Map.entry(a.totals(), totals))) {
            pair.getKey().forEach((n, arr) -> {
                ForecastErrors[] out = ForecastAccuracyBench.newErrors(arr.length);
                for (int i = 0; i < arr.length; i++) out[i].add(arr[i]);
                pair.getValue().put(n, out);
            });
        }
        b.errors().forEach((n, arr) -> { for (int i = 0; i < arr.length; i++) errors.get(n)[i].add(arr[i]); });
        b.totals().forEach((n, arr) -> { for (int i = 0; i < arr.length; i++) totals.get(n)[i].add(arr[i]); });
        return new Result(errors, Map.of(), totals, List.of(), a.afterHolidayWith(), a.afterHolidayWithout());
    }

    static void print(String spec, String split, Result r, int buckets) {
        StringBuilder sb = new StringBuilder(String.format("%-10s %-5s", spec, split));
        for (String m : List.of("chosen", "week_average", "top_down", "calendar", "blend", "combination")) {
            sb.append(" | ").append(m.substring(0, Math.min(6, m.length())));
            for (int b = 0; b < buckets; b++) {
                double w = r.wape(m, b);
                double base = r.wape("week_average", b);
                sb.append(m.equals("week_average") ? String.format(" %.2f", 100 * w) : String.format(" %.2f(%+.1f)", 100 * w, 100 * (w / base - 1)));
            }
        }
        sb.append(" | totals chosen/base");
        for (int b = 0; b < buckets; b++) sb.append(String.format(" %.2f/%.2f", 100 * r.totals().get("chosen")[b].wape(), 100 * r.totals().get("week_average")[b].wape()));
        if (!r.chosenCount().isEmpty()) sb.append(" ").append(r.chosenCount());
        System.out.println(sb);
    }
}
