package com.rostra.forecasting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.forecasting.model.DayHistory;
import com.rostra.forecasting.model.ForecastEngine;
import com.rostra.forecasting.model.ForecastEngine.SpecialKind;
import com.rostra.contacts.ContactsChanged;
import com.rostra.queues.QueueRulesChanged;
import com.rostra.queues.QueueScope;
import com.rostra.tenancy.CompanyId;
import com.rostra.volume.Volume;
import com.rostra.volume.VolumeImported;
import com.rostra.volume.VolumeInterval;

/**
 * Forecasts per queue (or all queues) and channel (or all channels), from up to {@link #HISTORY_DAYS} days of
 * local quarter-hour history (a day without any contact is absent, not zero). Days before today are forecast from
 * the days before their week (so past weeks show what the model would have said then); today and later from
 * every complete day before today. The {@link ForecastEngine} chooses the model per series and origin by
 * rolling-origin backtest; results are cached for an hour per series and origin, or until the volume under them changes (contacts
 * stored, queue rules changed, volume imported) or a rebuild is asked for.
 */
@Service
public class Forecasts {

    static final int HISTORY_DAYS = 16 * 7;
    static final int SLOTS = 96;
    private static final Duration CACHE_TTL = Duration.ofHours(1);

    public record Series(CompanyId company, Long queueId, Channel channel) {}

    public record Point(Instant start, double volume, Long actual) {}

    public record Forecast(String model, List<Point> intervals) {}

    public record ModelScore(String model, Double wape, Double mase) {}

    public record Accuracy(String chosenModel, int weeks, List<ModelScore> models) {}

    private record Key(Series series, LocalDate origin, int horizon, String zone) {}

    private record Cached<T>(T value, Instant at) {}

    private final Volume volume;
    private final SpecialDays specialDays;
    private final Clock clock;
    private final ForecastEngine engine = new ForecastEngine();
    private final Map<Key, Cached<ForecastEngine.Result>> results = new ConcurrentHashMap<>();
    private final Map<Key, Cached<Accuracy>> accuracies = new ConcurrentHashMap<>();

    Forecasts(Volume volume, SpecialDays specialDays, Clock clock) {
        this.volume = volume;
        this.specialDays = specialDays;
        this.clock = clock;
    }

    public Forecast forecast(Series series, Instant start, Instant end, IntervalLength length, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate firstDay = start.atZone(zone).toLocalDate();
        LocalDate lastDay = end.minusNanos(1).atZone(zone).toLocalDate();
        // origin per day: the Monday of its week for past days, today for today and later
        Map<LocalDate, double[]> perDay = new HashMap<>();
        TreeMap<LocalDate, LocalDate> lastDayPerOrigin = new TreeMap<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            LocalDate origin = d.isBefore(today) ? d.minusDays(d.getDayOfWeek().getValue() - 1) : today;
            lastDayPerOrigin.merge(origin, d, (a, b) -> a.isAfter(b) ? a : b);
        }
        String model = null;
        for (Map.Entry<LocalDate, LocalDate> e : lastDayPerOrigin.entrySet()) {
            LocalDate origin = e.getKey();
            int horizon = (int) ChronoUnit.DAYS.between(origin, e.getValue()) + 1;
            ForecastEngine.Result r = result(series, origin, horizon, zone);
            model = r.chosen();
            for (int k = 0; k < horizon; k++) perDay.put(origin.plusDays(k), r.forecast()[k]);
        }
        Map<Instant, Long> actuals = actuals(series, start, end, zone);
        // quarter hours of the range; a slot repeated by a DST change shares its value between its quarter hours
        Map<String, Integer> slotUse = new HashMap<>();
        for (Instant q = length.floor(start, zone); q.isBefore(end); q = q.plus(Duration.ofMinutes(15))) {
            slotUse.merge(slotKey(q, zone), 1, Integer::sum);
        }
        Map<Instant, double[]> folded = new LinkedHashMap<>();
        for (Instant t = length.floor(start, zone); t.isBefore(end); t = length.next(t, zone)) folded.put(t, new double[2]);
        for (Instant q = length.floor(start, zone); q.isBefore(end); q = q.plus(Duration.ofMinutes(15))) {
            ZonedDateTime local = q.atZone(zone);
            double[] day = perDay.get(local.toLocalDate());
            double f = day == null ? 0 : day[slot(local)] / slotUse.get(slotKey(q, zone));
            double[] acc = folded.get(length.floor(q, zone));
            if (acc != null) {
                acc[0] += f;
                acc[1] += actuals.getOrDefault(q, 0L);
            }
        }
        List<Point> points = new ArrayList<>();
        folded.forEach((t, v) -> points.add(new Point(t, Math.round(v[0] * 100) / 100.0, t.isBefore(now) ? (long) v[1] : null)));
        return new Forecast(model == null ? engine.modelNames().get(0) : model, points);
    }

    /**
     * Rolling-origin backtest over the last {@code weeks} complete weeks (one origin per week, each forecasting
     * up to five weeks from the days before it): WAPE and MASE per model, and the model the engine would choose.
     */
    public Accuracy accuracy(Series series, int weeks, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Key key = new Key(series, today, -weeks, zone.getId());
        Cached<Accuracy> cached = accuracies.get(key);
        if (cached != null && !cached.at().isBefore(clock.instant().minus(CACHE_TTL))) return cached.value();
        DayHistory raw = history(series, today, HISTORY_DAYS + 7 * weeks, zone);
        Map<LocalDate, SpecialKind> special = specialDays.kinds(series.company(), raw.first(), today.plusDays(1));
        ForecastEngine e = new ForecastEngine(new ForecastEngine.Config(ForecastEngine.Config.DEFAULT.baselineWeeks(), weeks,
                ForecastEngine.Config.DEFAULT.backtestHorizonDays(), ForecastEngine.Config.DEFAULT.minTrainingDays()));
        ForecastEngine.Selection s = e.select(e.clean(raw, special, null));
        List<ModelScore> scores = new ArrayList<>();
        for (ForecastEngine.Score sc : s.scores()) scores.add(new ModelScore(sc.model(), round(sc.wape()), round(sc.mase())));
        Accuracy a = new Accuracy(s.chosen(), weeks, scores);
        evictExpired(accuracies);
        accuracies.put(key, new Cached<>(a, clock.instant()));
        return a;
    }

    /** A special day as a user sees it: saved by someone, or detected as abnormal (and not overruled). */
    public record MarkedDay(LocalDate date, String kind, String note, boolean detected) {}

    /** Saved special days and detected abnormal days in [from, to); a saved day wins over a detected one. */
    public List<MarkedDay> markedDays(CompanyId company, ZoneId zone, LocalDate from, LocalDate to) {
        java.util.TreeMap<LocalDate, MarkedDay> rows = new java.util.TreeMap<>();
        for (LocalDate d : abnormalDays(company, zone)) {
            if (!d.isBefore(from) && d.isBefore(to)) rows.put(d, new MarkedDay(d, "outlier", "detected: far from the weekday's usual volume", true));
        }
        for (SpecialDays.SpecialDay d : specialDays.list(company, from, to)) {
            rows.put(d.date(), new MarkedDay(d.date(), d.kind(), d.note(), false));
        }
        return new ArrayList<>(rows.values());
    }

    /** Days of the company's total volume (all queues and channels) detected as abnormal in the last 12 weeks. */
    public List<LocalDate> abnormalDays(CompanyId company, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        DayHistory raw = history(new Series(company, null, null), today, HISTORY_DAYS, zone);
        List<LocalDate> abnormal = new ArrayList<>();
        engine.clean(raw, Map.of(), abnormal);
        return abnormal;
    }

    /**
     * Forgets the company's cached fits, so the next request backtests and fits again. Nothing is refitted here;
     * contact changes, queue rule changes and volume imports call it through the listeners below.
     */
    public void forgetFits(CompanyId company) {
        results.keySet().removeIf(k -> k.series().company().equals(company));
        accuracies.keySet().removeIf(k -> k.series().company().equals(company));
    }

    /*
     * The fits follow the volume under them. After commit (synchronously, in the publishing thread), so a request
     * racing the writer cannot cache a fit of the old data after the eviction; without a transaction, at once.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onContactsChanged(ContactsChanged changed) {
        forgetFits(changed.companyId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onQueueRulesChanged(QueueRulesChanged changed) {
        forgetFits(changed.companyId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onVolumeImported(VolumeImported imported) {
        forgetFits(imported.companyId());
    }

    private ForecastEngine.Result result(Series series, LocalDate origin, int horizon, ZoneId zone) {
        Key key = new Key(series, origin, horizon, zone.getId());
        Cached<ForecastEngine.Result> cached = results.get(key);
        if (cached != null && !cached.at().isBefore(clock.instant().minus(CACHE_TTL))) return cached.value();
        DayHistory raw = history(series, origin, HISTORY_DAYS, zone);
        Map<LocalDate, SpecialKind> special = specialDays.kinds(series.company(), raw.first(), origin.plusDays(horizon));
        // Fitting and backtesting a series is the expensive step: timed for operators (rostra_forecast_fit_seconds).
        ForecastEngine.Result r = io.micrometer.core.instrument.Metrics.timer("rostra.forecast.fit")
                .record(() -> engine.run(raw, special, horizon));
        evictExpired(results);
        results.put(key, new Cached<>(r, clock.instant()));
        return r;
    }

    /** Drops entries older than the TTL, so series nobody asks for again do not stay in memory. */
    private <T> void evictExpired(Map<Key, Cached<T>> cache) {
        Instant oldest = clock.instant().minus(CACHE_TTL);
        cache.values().removeIf(c -> c.at().isBefore(oldest));
    }

    /**
     * Up to {@code days} local days before {@code origin}, quarter hours by local time of day; days without any
     * contact are absent, and the history starts at the first day with data (or is empty).
     */
    DayHistory history(Series series, LocalDate origin, int days, ZoneId zone) {
        LocalDate from = origin.minusDays(days);
        return days(actuals(series, from.atStartOfDay(zone).toInstant(), origin.atStartOfDay(zone).toInstant(), zone),
                from, days, zone);
    }

    /**
     * Quarter-hour counts as local days from {@code from}: slot = local hour × 4 + minute / 15, so a 23-hour DST day
     * leaves its skipped hour empty and a 25-hour day adds its repeated hour's quarter hours into one slot. Days
     * without any count are absent; the history starts at the first day with data (or is empty).
     */
    static DayHistory days(Map<Instant, Long> actuals, LocalDate from, int days, ZoneId zone) {
        double[][] arr = new double[days][];
        actuals.forEach((q, n) -> {
            ZonedDateTime local = q.atZone(zone);
            int i = (int) ChronoUnit.DAYS.between(from, local.toLocalDate());
            if (i < 0 || i >= days) return;
            if (arr[i] == null) arr[i] = new double[SLOTS];
            arr[i][slot(local)] += n;
        });
        int first = 0;
        while (first < days && arr[first] == null) first++;
        if (first == days) return new DayHistory(from.plusDays(days), new double[0][], SLOTS);
        double[][] trimmed = new double[days - first][];
        System.arraycopy(arr, first, trimmed, 0, trimmed.length);
        return new DayHistory(from.plusDays(first), trimmed, SLOTS);
    }

    private Map<Instant, Long> actuals(Series series, Instant from, Instant to, ZoneId zone) {
        Volume.GroupBy groupBy = series.channel() == null ? Volume.GroupBy.NONE : Volume.GroupBy.CHANNEL;
        String key = series.channel() == null ? "all" : series.channel().wireName();
        QueueScope scope = QueueScope.allOr(series.queueId());
        Map<Instant, Long> actuals = new HashMap<>();
        for (VolumeInterval v : volume.volume(series.company(), from, to, IntervalLength.MINUTES_15, groupBy, zone, scope)) {
            if (v.key().equals(key) && v.count() > 0) actuals.put(v.start(), v.count());
        }
        return actuals;
    }

    static int slot(ZonedDateTime local) {
        return local.getHour() * 4 + local.getMinute() / 15;
    }

    private static String slotKey(Instant q, ZoneId zone) {
        ZonedDateTime local = q.atZone(zone);
        return local.toLocalDate() + "/" + slot(local);
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10_000) / 10_000.0;
    }
}
