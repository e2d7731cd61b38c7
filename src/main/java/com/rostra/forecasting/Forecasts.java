package com.rostra.forecasting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import com.rostra.contacts.Channel;
import com.rostra.contacts.Contacts;
import com.rostra.contacts.IntervalLength;
import com.rostra.contacts.QueueScope;
import com.rostra.contacts.VolumeInterval;
import com.rostra.tenancy.CompanyId;

/**
 * Forecasts per queue (or all queues) and channel (or all channels). Each local week is forecast from the eight
 * weeks before it, so past weeks show what the model would have said then (forecast against actual), and the
 * model is the one with the lowest backtest WAPE over the last four complete weeks (cached for an hour, or until
 * a rebuild).
 */
@Service
public class Forecasts {

    static final int HISTORY_WEEKS = 8;
    static final int BACKTEST_WEEKS = 4;
    private static final Duration CHOICE_TTL = Duration.ofHours(1);

    public record Series(CompanyId company, Long queueId, Channel channel) {}

    public record Point(Instant start, double volume, Long actual) {}

    public record Forecast(String model, List<Point> intervals) {}

    public record ModelScore(String model, Double wape, Double mase) {}

    public record Accuracy(String chosenModel, int weeks, List<ModelScore> models) {}

    private record Choice(String model, Instant at) {}

    private final Contacts contacts;
    private final Clock clock;
    private final Map<Series, Choice> choices = new ConcurrentHashMap<>();

    Forecasts(Contacts contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public Forecast forecast(Series series, Instant start, Instant end, IntervalLength length, ZoneId zone) {
        Instant now = clock.instant();
        ForecastModel model = chosenModel(series, zone);
        Instant firstWeek = WeekSlots.weekStart(start, zone);
        Instant historyStart = back(firstWeek, HISTORY_WEEKS, zone);
        Map<Instant, Long> actuals = actuals(series, historyStart, end, zone);
        Instant dataStart = firstData(actuals);
        Map<Instant, double[]> quarters = new TreeMap<>(); // quarter → {forecast, actual}
        for (Instant week = firstWeek; week.isBefore(end); week = WeekSlots.nextWeek(week, zone)) {
            double[] slots = model.forecast(weeksBefore(actuals, week, dataStart, zone));
            for (Instant q = week; q.isBefore(WeekSlots.nextWeek(week, zone)); q = q.plus(Duration.ofMinutes(15))) {
                quarters.put(q, new double[] {slots[WeekSlots.slot(q, zone)], actuals.getOrDefault(q, 0L)});
            }
        }
        Map<Instant, double[]> folded = new LinkedHashMap<>();
        for (Instant t = length.floor(start, zone); t.isBefore(end); t = length.next(t, zone)) {
            folded.put(t, new double[2]);
        }
        quarters.forEach((q, v) -> {
            double[] acc = folded.get(length.floor(q, zone));
            if (acc != null) {
                acc[0] += v[0];
                acc[1] += v[1];
            }
        });
        List<Point> points = new ArrayList<>();
        folded.forEach((t, v) -> points.add(new Point(t, Math.round(v[0] * 100) / 100.0,
                t.isBefore(now) ? (long) v[1] : null)));
        return new Forecast(model.name(), points);
    }

    /** Backtest: each of the last {@code weeks} complete weeks forecast from the weeks before it, per model. */
    public Accuracy accuracy(Series series, int weeks, ZoneId zone) {
        Instant thisWeek = WeekSlots.weekStart(clock.instant(), zone);
        Instant from = back(thisWeek, weeks + HISTORY_WEEKS, zone);
        Map<Instant, Long> actuals = actuals(series, from, thisWeek, zone);
        Instant dataStart = firstData(actuals);
        List<ModelScore> scores = new ArrayList<>();
        for (ForecastModel model : ForecastModel.ALL) {
            double absError = 0;
            double actualSum = 0;
            double naiveError = 0;
            int naiveSlots = 0;
            int modelSlots = 0;
            for (int w = weeks; w >= 1; w--) {
                Instant week = back(thisWeek, w, zone);
                if (dataStart == null || week.isBefore(WeekSlots.weekStart(dataStart, zone))) continue;
                List<double[]> history = weeksBefore(actuals, week, dataStart, zone);
                if (history.isEmpty()) continue;
                double[] forecast = model.forecast(history);
                double[] actual = week(actuals, week, zone);
                for (int i = 0; i < actual.length; i++) {
                    absError += Math.abs(actual[i] - forecast[i]);
                    actualSum += actual[i];
                    modelSlots++;
                }
                if (history.size() >= 2) {
                    double[] last = history.get(history.size() - 1);
                    double[] before = history.get(history.size() - 2);
                    for (int i = 0; i < last.length; i++) naiveError += Math.abs(last[i] - before[i]);
                    naiveSlots += last.length;
                }
            }
            Double wape = actualSum > 0 ? round(absError / actualSum) : null;
            Double mase = naiveSlots > 0 && naiveError > 0 && modelSlots > 0
                    ? round((absError / modelSlots) / (naiveError / naiveSlots)) : null;
            scores.add(new ModelScore(model.name(), wape, mase));
        }
        String chosen = scores.stream().filter(s -> s.wape() != null)
                .min(java.util.Comparator.comparingDouble(ModelScore::wape)).map(ModelScore::model)
                .orElse(ForecastModel.MEAN_4_WEEKS.name());
        choices.put(series, new Choice(chosen, clock.instant()));
        return new Accuracy(chosen, weeks, scores);
    }

    /** Forget chosen models so the next request backtests again (after an import or a rule change). */
    public void rebuild(CompanyId company) {
        choices.keySet().removeIf(s -> s.company().equals(company));
    }

    private ForecastModel chosenModel(Series series, ZoneId zone) {
        Choice choice = choices.get(series);
        if (choice == null || choice.at().isBefore(clock.instant().minus(CHOICE_TTL))) {
            accuracy(series, BACKTEST_WEEKS, zone);
            choice = choices.get(series);
        }
        String name = choice.model();
        return ForecastModel.ALL.stream().filter(m -> m.name().equals(name)).findFirst().orElse(ForecastModel.MEAN_4_WEEKS);
    }

    private Map<Instant, Long> actuals(Series series, Instant from, Instant to, ZoneId zone) {
        Contacts.GroupBy groupBy = series.channel() == null ? Contacts.GroupBy.NONE : Contacts.GroupBy.CHANNEL;
        String key = series.channel() == null ? "all" : series.channel().wireName();
        QueueScope scope = series.queueId() == null ? null : new QueueScope(series.queueId());
        Map<Instant, Long> actuals = new HashMap<>();
        for (VolumeInterval v : contacts.volume(series.company(), from, to, IntervalLength.MINUTES_15, groupBy, zone, scope)) {
            if (v.key().equals(key) && v.count() > 0) actuals.put(v.start(), v.count());
        }
        return actuals;
    }

    private static Instant firstData(Map<Instant, Long> actuals) {
        return actuals.keySet().stream().min(Instant::compareTo).orElse(null);
    }

    /**
     * Up to eight complete weeks before {@code week}, oldest first: none from before the first contact's week,
     * and none still in progress (the current week would read as a quiet one).
     */
    private List<double[]> weeksBefore(Map<Instant, Long> actuals, Instant week, Instant dataStart, ZoneId zone) {
        List<double[]> weeks = new ArrayList<>();
        if (dataStart == null) return weeks;
        Instant firstDataWeek = WeekSlots.weekStart(dataStart, zone);
        Instant now = clock.instant();
        for (int k = HISTORY_WEEKS; k >= 1; k--) {
            Instant w = back(week, k, zone);
            if (!w.isBefore(firstDataWeek) && !WeekSlots.nextWeek(w, zone).isAfter(now)) weeks.add(week(actuals, w, zone));
        }
        return weeks;
    }

    private static double[] week(Map<Instant, Long> actuals, Instant weekStart, ZoneId zone) {
        double[] slots = new double[WeekSlots.SLOTS];
        for (Instant q = weekStart; q.isBefore(WeekSlots.nextWeek(weekStart, zone)); q = q.plus(Duration.ofMinutes(15))) {
            Long n = actuals.get(q);
            if (n != null) slots[WeekSlots.slot(q, zone)] += n;
        }
        return slots;
    }

    private static Instant back(Instant weekStart, int weeks, ZoneId zone) {
        Instant w = weekStart;
        for (int i = 0; i < weeks; i++) w = WeekSlots.previousWeek(w, zone);
        return w;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
