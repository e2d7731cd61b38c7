package com.rostra.forecasting.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import com.rostra.forecasting.model.*;

/**
 * Equal-weight combinations (up to three) of candidate models on the bench's US and IL origins, and a trimmed-mean
 * same-weekday model: how the blend and the rejected robust profile were measured. Not a test; run by hand.
 */
public final class ForecastExperiments {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("/work/shared/data");
        DayHistory us = ForecastAccuracyBench.usBank(dir.resolve("us-bank-2003-calls-5min.csv"));
        DayHistory il = ForecastAccuracyBench.ilBank(dir.resolve("il-bank-1999-01-calls.csv"));
        List<LocalDate> usO = new ArrayList<>();
        for (LocalDate o = us.first().plusWeeks(8); !o.plusDays(7).isAfter(us.end()); o = o.plusWeeks(1)) usO.add(o);
        run("US", us, usO, 112, 4, new int[][] {{0, 1}, {0, 7}, {7, 35}});
        List<LocalDate> ilO = new ArrayList<>();
        for (LocalDate o = il.first().plusDays(21); o.isBefore(il.end()); o = o.plusDays(1)) ilO.add(o);
        run("IL", il, ilO, 84, 3, new int[][] {{0, 1}, {0, 7}});
    }

    static void run(String title, DayHistory data, List<LocalDate> origins, int historyDays, int n, int[][] buckets) {
        ForecastEngine engine = new ForecastEngine(new ForecastEngine.Config(n, 6, 35, 14));
        DayHistory scored = data.without(AbnormalDays.detect(data));
        Map<String, DayModel> models = new LinkedHashMap<>();
        models.put("avg", new WeekdayAverage(n));
        models.put("td", new TopDownModel());
        models.put("cal", new CalendarModel());
        models.put("rob", new Robust(6));
        models.put("rob10", new Robust(10));
        List<String> names = new ArrayList<>(models.keySet());
        List<List<String>> combos = new ArrayList<>();
        for (int mask = 1; mask < (1 << names.size()); mask++) {
            List<String> c = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) if ((mask & (1 << i)) != 0) c.add(names.get(i));
            if (c.size() <= 3) combos.add(c);
        }
        Map<List<String>, ForecastErrors[]> err = new LinkedHashMap<>();
        for (List<String> c : combos) {
            ForecastErrors[] e = new ForecastErrors[buckets.length];
            for (int b = 0; b < e.length; b++) e[b] = new ForecastErrors();
            err.put(c, e);
        }
        for (LocalDate origin : origins) {
            DayHistory clean = engine.clean(data.until(origin).last(historyDays), Map.of(), null);
            double scale = ForecastErrors.weeklyNaiveScale(clean);
            Map<String, double[][]> f = new HashMap<>();
            models.forEach((k, m) -> f.put(k, m.forecast(clean, 35)));
            for (List<String> c : combos) {
                for (int b = 0; b < buckets.length; b++) {
                    for (int k = buckets[b][0]; k < buckets[b][1]; k++) {
                        double[] a = scored.day(origin.plusDays(k));
                        if (a == null) continue;
                        double[] p = new double[a.length];
                        for (String m : c) for (int j = 0; j < a.length; j++) p[j] += f.get(m)[k][j] / c.size();
                        err.get(c)[b].add(a, p, scale);
                    }
                }
            }
        }
        ForecastErrors[] base = err.get(List.of("avg"));
        System.out.println("== " + title);
        err.entrySet().stream().sorted(Comparator.comparingDouble(e -> e.getValue()[buckets.length - 1].wape())).forEach(e -> {
            StringBuilder sb = new StringBuilder(String.format("%-22s", String.join("+", e.getKey())));
            for (int b = 0; b < buckets.length; b++) sb.append(String.format(" %6.2f%% %+6.1f%%", 100 * e.getValue()[b].wape(), 100 * (e.getValue()[b].wape() / base[b].wape() - 1)));
            System.out.println(sb);
        });
    }

    /** Trimmed mean of the last k same-weekday totals × the fitted intraday profile. */
    record Robust(int k) implements DayModel {
        public String name() { return "robust"; }
        public double[][] forecast(DayHistory h, int horizon) {
            IntradayProfile.Settings s = IntradayProfile.fit(h, 10);
            double[][] out = new double[horizon][h.slots()];
            for (int d = 0; d < horizon; d++) {
                int wd = h.end().plusDays(d).getDayOfWeek().getValue() - 1;
                List<Double> t = new ArrayList<>();
                for (int i = h.size() - 1; i >= 0 && t.size() < k; i--) if (h.present(i) && h.weekday(i) == wd) t.add(h.total(i));
                if (t.isEmpty()) continue;
                Collections.sort(t);
                int trim = t.size() >= 5 ? 1 : 0;
                double sum = 0; int c = 0;
                for (int i = trim; i < t.size() - trim; i++) { sum += t.get(i); c++; }
                double total = sum / c;
                double[] p = IntradayProfile.of(h, wd, s);
                for (int j = 0; j < p.length; j++) out[d][j] = total * p[j];
            }
            return out;
        }
    }
}
