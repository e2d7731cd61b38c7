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
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.forecasting.model.DayHistory;
import com.rostra.forecasting.model.ForecastEngine;
import com.rostra.forecasting.model.ForecastEngine.SpecialKind;
import com.rostra.forecasting.model.IntradayReforecast;
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

    /**
     * Half a year of history. Was 16 weeks; on the US bench (holidays marked, 20 origins) 26 weeks took weeks 2–5 from
     * −14.9 % to −16.3 % against the 4-week average (later ten origins −16.0 → −18.8 %; every length from 18 to 32
     * weeks measured −16.3 … −16.6 %), week 1 unchanged (−12.3 %), one day −15.5 → −15.0 %; the fit of a series takes
     * about as long (~0.1 s). docs/notes/forecasting.md, "Sixth pass". The bench reads this constant.
     */
    public static final int HISTORY_DAYS = 26 * 7;
    static final int SLOTS = 96;
    /** Volume is read eight weeks at a time (5,376 quarter hours, within one read's limits for every grouping). */
    static final java.time.Duration READ_PIECE = java.time.Duration.ofDays(56);
    /** Days a forecast from today reaches when fitted (and stored): nine weeks, so eight weeks out are always there. */
    static final int STORED_DAYS = 63;
    /** Present days before the origin whose day-ahead forecasts fit the intraday shrinkage. */
    static final int SHRINK_DAYS = 10;
    /** Days scored for day-ahead and intraday accuracy (at most; fewer when fewer weeks are asked for). */
    static final int INTRADAY_SCORED_DAYS = 14;
    private static final Duration CACHE_TTL = Duration.ofHours(1);

    public record Series(CompanyId company, Long queueId, Channel channel) {}

    /**
     * One interval: {@code volume} is the forecast staffing uses (the model's, with adjustments), {@code modelVolume}
     * the model's alone, {@code actual} the volume of a past interval, {@code intraday} (today's intervals only) the
     * intraday reforecast: closed quarter hours as they happened, the rest of the day re-scaled by today so far.
     */
    public record Point(Instant start, double volume, Long actual, Double intraday, double modelVolume) {}

    /** {@code intradayShrink}: the shrinkage c the intraday line used (null when today is not in the range). */
    public record Forecast(String model, List<Point> intervals, Double intradayShrink) {}

    public record ModelScore(String model, Double wape, Double mase) {}

    /**
     * Day-ahead against intraday accuracy over the last {@code days} present days: {@code dayAheadWape} over whole
     * days; over the rest of each day after every closed quarter hour, the day-ahead forecast
     * ({@code dayAheadRestOfDayWape}) and the intraday reforecast ({@code intradayWape}); {@code shrink} the c in use today.
     */
    public record IntradayAccuracy(int days, Double dayAheadWape, Double dayAheadRestOfDayWape, Double intradayWape, double shrink) {}

    public record Accuracy(String chosenModel, int weeks, List<ModelScore> models, IntradayAccuracy intraday) {}

    private record Key(Series series, LocalDate origin, String zone) {}

    private record AccuracyKey(Series series, LocalDate today, int weeks, String zone) {}

    private record Cached<T>(T value, Instant at) {}

    private final Volume volume;
    private final SpecialDays specialDays;
    private final ForecastAdjustments adjustments;
    private final StoredForecasts stored;
    private final Clock clock;
    private final com.rostra.tenancy.Companies companies;
    private final ForecastEngine engine = new ForecastEngine();
    private final Map<Key, Cached<StoredForecasts.Fit>> results = new ConcurrentHashMap<>();
    private final Map<AccuracyKey, Cached<Accuracy>> accuracies = new ConcurrentHashMap<>();
    /** When each company's fits were last forgotten: a fit started before that is not kept. */
    private final Map<CompanyId, Instant> forgotten = new ConcurrentHashMap<>();

    Forecasts(Volume volume, SpecialDays specialDays, ForecastAdjustments adjustments, StoredForecasts stored, Clock clock,
              com.rostra.tenancy.Companies companies) {
        this.companies = companies;
        this.volume = volume;
        this.specialDays = specialDays;
        this.adjustments = adjustments;
        this.stored = stored;
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
        double shrink = IntradayReforecast.DEFAULT_SHRINK;
        for (Map.Entry<LocalDate, LocalDate> e : lastDayPerOrigin.entrySet()) {
            LocalDate origin = e.getKey();
            int horizon = (int) ChronoUnit.DAYS.between(origin, e.getValue()) + 1;
            StoredForecasts.Fit r = fit(series, origin, horizon, zone);
            model = r.model();
            if (origin.equals(today)) shrink = r.shrink();
            for (int k = 0; k < horizon; k++) perDay.put(origin.plusDays(k), r.forecast()[k]);
        }
        // adjustments: after the model, before staffing
        List<ForecastAdjustments.Adjustment> adj = adjustments.list(series.company(), firstDay, lastDay.plusDays(1));
        Map<LocalDate, double[]> adjusted = new HashMap<>();
        perDay.forEach((d, day) -> {
            double[] copy = day.clone();
            ForecastAdjustments.apply(adj, series, d, copy);
            adjusted.put(d, copy);
        });
        Map<Instant, Long> actuals = actuals(series, start, end, zone);
        // intraday: today's closed quarter hours against the (adjusted) day-ahead forecast
        Instant closedEnd = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 900) * 900);
        Double intradayShrink = null;
        double intradayScale = 1;
        if (adjusted.containsKey(today)) {
            intradayShrink = shrink;
            double[] actualToday = new double[SLOTS];
            Instant dayStart = today.atStartOfDay(zone).toInstant();
            Map<Instant, Long> soFar = actuals(series, dayStart, closedEnd, zone);
            soFar.forEach((q, n) -> {
                if (q.isBefore(closedEnd)) actualToday[slot(q.atZone(zone))] += n;
            });
            int closed = closedEnd.isAfter(dayStart) ? slot(closedEnd.atZone(zone)) : 0;
            if (closedEnd.atZone(zone).toLocalDate().isAfter(today)) closed = SLOTS;
            intradayScale = IntradayReforecast.scale(adjusted.get(today), actualToday, closed, shrink);
        }
        // quarter hours of the range; a slot repeated by a DST change shares its value between its quarter hours
        Map<String, Integer> slotUse = new HashMap<>();
        for (Instant q = length.floor(start, zone); q.isBefore(end); q = q.plus(Duration.ofMinutes(15))) {
            slotUse.merge(slotKey(q, zone), 1, Integer::sum);
        }
        Map<Instant, double[]> folded = new LinkedHashMap<>();
        for (Instant t = length.floor(start, zone); t.isBefore(end); t = length.next(t, zone)) folded.put(t, new double[4]);
        for (Instant q = length.floor(start, zone); q.isBefore(end); q = q.plus(Duration.ofMinutes(15))) {
            ZonedDateTime local = q.atZone(zone);
            int use = slotUse.get(slotKey(q, zone));
            double[] day = adjusted.get(local.toLocalDate());
            double[] raw = perDay.get(local.toLocalDate());
            double f = day == null ? 0 : day[slot(local)] / use;
            double m = raw == null ? 0 : raw[slot(local)] / use;
            double[] acc = folded.get(length.floor(q, zone));
            if (acc != null) {
                long a = actuals.getOrDefault(q, 0L);
                acc[0] += f;
                acc[1] += a;
                acc[2] += m;
                if (local.toLocalDate().equals(today)) {
                    acc[3] += q.isBefore(closedEnd) ? a : f * intradayScale;
                } else {
                    acc[3] = Double.NaN;
                }
            }
        }
        List<Point> points = new ArrayList<>();
        boolean withIntraday = intradayShrink != null;
        folded.forEach((t, v) -> points.add(new Point(t, round2(v[0]), t.isBefore(now) ? (long) v[1] : null,
                !withIntraday || Double.isNaN(v[3]) ? null : round2(v[3]), round2(v[2]))));
        return new Forecast(model == null ? engine.modelNames().get(0) : model, points, intradayShrink);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * Rolling-origin backtest over the last {@code weeks} complete weeks (one origin per week, each forecasting
     * up to five weeks from the days before it): WAPE and MASE per model, and the model the engine would choose;
     * and day-ahead against intraday accuracy over the last days.
     */
    public Accuracy accuracy(Series series, int weeks, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        AccuracyKey key = new AccuracyKey(series, today, weeks, zone.getId());
        Cached<Accuracy> cached = accuracies.get(key);
        if (cached != null && !cached.at().isBefore(clock.instant().minus(CACHE_TTL))) return cached.value();
        Instant started = clock.instant();
        DayHistory raw = history(series, today, HISTORY_DAYS + 7 * weeks, zone);
        Map<LocalDate, SpecialKind> special = specialDays.kinds(series.company(), raw.first(), today.plusDays(1));
        ForecastEngine e = new ForecastEngine(new ForecastEngine.Config(ForecastEngine.Config.DEFAULT.baselineWeeks(), weeks,
                ForecastEngine.Config.DEFAULT.backtestHorizonDays(), ForecastEngine.Config.DEFAULT.minTrainingDays()));
        DayHistory clean = e.clean(raw, special, null);
        ForecastEngine.Selection s = e.select(clean);
        List<ModelScore> scores = new ArrayList<>();
        for (ForecastEngine.Score sc : s.scores()) scores.add(new ModelScore(sc.model(), round(sc.wape()), round(sc.mase())));
        IntradayAccuracy intraday = intradayAccuracy(clean, s, fit(series, today, 1, zone), Math.min(INTRADAY_SCORED_DAYS, 7 * weeks));
        Accuracy a = new Accuracy(s.chosen(), weeks, scores, intraday);
        evictExpired(accuracies);
        if (keep(series.company(), started)) accuracies.put(key, new Cached<>(a, clock.instant()));
        return a;
    }

    /**
     * Day-ahead forecasts (the series' current model choice, refitted on the days before each day) of the last
     * {@code days} present days, each re-forecast intraday after every closed quarter hour with a shrinkage fitted
     * only on the days before it (out of sample).
     */
    private IntradayAccuracy intradayAccuracy(DayHistory h, ForecastEngine.Selection selection, StoredForecasts.Fit todays, int days) {
        LocalDate scoredFrom = h.end().minusDays(days);
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> forecasts = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (LocalDate d = h.end().minusDays(days + (long) SHRINK_DAYS); d.isBefore(h.end()); d = d.plusDays(1)) {
            if (d.isBefore(h.first()) || h.day(d) == null) continue;
            DayHistory train = h.until(d);
            if (train.presentDays() < 7) continue;
            dates.add(d);
            forecasts.add(engine.forecast(selection, train, 1)[0]);
            actuals.add(h.day(d));
        }
        double dayAbs = 0, dayAct = 0, restAbsDayAhead = 0, restAbsIntraday = 0, restAct = 0;
        int scored = 0;
        for (int i = 0; i < dates.size(); i++) {
            if (dates.get(i).isBefore(scoredFrom)) continue;
            int from = Math.max(0, i - SHRINK_DAYS);
            double c = i == 0 ? IntradayReforecast.DEFAULT_SHRINK
                    : IntradayReforecast.fit(forecasts.subList(from, i), actuals.subList(from, i));
            double[] f = forecasts.get(i);
            double[] a = actuals.get(i);
            scored++;
            for (int j = 0; j < f.length; j++) {
                dayAbs += Math.abs(a[j] - f[j]);
                dayAct += a[j];
            }
            for (int m = 1; m < f.length; m++) {
                if (f[m - 1] <= 0 && a[m - 1] <= 0) continue;
                double k = IntradayReforecast.scale(f, a, m, c);
                for (int j = m; j < f.length; j++) {
                    restAbsDayAhead += Math.abs(a[j] - f[j]);
                    restAbsIntraday += Math.abs(a[j] - f[j] * k);
                    restAct += a[j];
                }
            }
        }
        return new IntradayAccuracy(scored, dayAct > 0 ? round(dayAbs / dayAct) : null,
                restAct > 0 ? round(restAbsDayAhead / restAct) : null, restAct > 0 ? round(restAbsIntraday / restAct) : null,
                todays.shrink());
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
     * Forgets the company's fits, cached and stored, so the next request (or the store job, within a minute)
     * backtests and fits again. Contact changes before today, queue rule changes, volume imports and special-day
     * changes call it.
     */
    public void forgetFits(CompanyId company) {
        synchronized (forgotten) {
            forgotten.put(company, clock.instant());
            results.keySet().removeIf(k -> k.series().company().equals(company));
            accuracies.keySet().removeIf(k -> k.series().company().equals(company));
            stored.forget(company);
        }
    }

    /** Empties the in-memory caches only (stored fits stay), as a restart would. */
    void clearMemory() {
        results.clear();
        accuracies.clear();
    }

    /** When the company's fits were last forgotten (null: not since this process started). */
    Instant lastForgotten(CompanyId company) {
        return forgotten.get(company);
    }

    /** False when the company's fits were forgotten after {@code started}: what was fitted since is of old data. */
    private boolean keep(CompanyId company, Instant started) {
        Instant at = forgotten.get(company);
        return at == null || at.isBefore(started);
    }

    /*
     * The fits follow the volume under them. After commit (synchronously, in the publishing thread), so a request
     * racing the writer cannot cache a fit of the old data after the eviction; without a transaction, at once.
     * Contacts of today change no fit (every fit trains on the days before its origin, today at the latest): a live
     * integration storing today's contacts keeps the stored forecasts; a backfill of earlier days forgets them.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onContactsChanged(ContactsChanged changed) {
        if (changed.from() != null && !changed.from().isBefore(startOfToday(changed.companyId()))) return;
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

    /** The start of the company's local today: contacts from then on change no fit. */
    private Instant startOfToday(CompanyId company) {
        ZoneId zone = companies.find(company).map(com.rostra.tenancy.Company::timeZone).orElse(java.time.ZoneOffset.UTC);
        return clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /**
     * The fit of the series from the origin reaching at least {@code horizon} days: from memory, else stored,
     * else fitted now (and kept in both). A fit from today reaches {@link #STORED_DAYS} and carries its intraday
     * shrinkage fitted on the last days' day-ahead forecasts.
     */
    StoredForecasts.Fit fit(Series series, LocalDate origin, int horizon, ZoneId zone) {
        Key key = new Key(series, origin, zone.getId());
        Cached<StoredForecasts.Fit> cached = results.get(key);
        if (cached != null && cached.value().forecast().length >= horizon
                && !cached.at().isBefore(clock.instant().minus(CACHE_TTL))) return cached.value();
        Optional<StoredForecasts.Fit> fromStore = stored.find(series, zone, origin, horizon);
        if (fromStore.isPresent()) {
            results.put(key, new Cached<>(fromStore.get(), clock.instant()));
            return fromStore.get();
        }
        Instant started = clock.instant();
        boolean fromToday = !origin.isBefore(clock.instant().atZone(zone).toLocalDate());
        int days = Math.max(horizon, fromToday ? STORED_DAYS : 7);
        DayHistory raw = history(series, origin, HISTORY_DAYS, zone);
        Map<LocalDate, SpecialKind> special = specialDays.kinds(series.company(), raw.first(), origin.plusDays(days));
        StoredForecasts.Fit f = compute(raw, special, days, fromToday);
        evictExpired(results);
        synchronized (forgotten) {
            if (keep(series.company(), started)) {
                results.put(key, new Cached<>(f, clock.instant()));
                stored.save(series, zone, origin, f, historyHash(raw, special), clock.instant());
            }
        }
        return f;
    }

    /** What {@link #refit} did with a series. */
    enum Refit { NO_HISTORY, STORED, KEPT, FITTED }

    /**
     * Fits and stores the series from today (what the store job runs). After a change of the company's data, a
     * series whose history and special days hash as before takes its stale fit back instead of being fitted again:
     * only the series a late import, backfill or rule change touched are refitted.
     */
    Refit refit(Series series, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (stored.find(series, zone, today, STORED_DAYS).isPresent()) return Refit.STORED;
        Instant started = clock.instant();
        DayHistory raw = history(series, today, HISTORY_DAYS, zone);
        if (raw.presentDays() == 0) return Refit.NO_HISTORY;
        Map<LocalDate, SpecialKind> special = specialDays.kinds(series.company(), raw.first(), today.plusDays(STORED_DAYS));
        synchronized (forgotten) {
            if (keep(series.company(), started) && stored.revive(series, zone, today, STORED_DAYS, historyHash(raw, special))) {
                return Refit.KEPT;
            }
        }
        fit(series, today, STORED_DAYS, zone);
        return Refit.FITTED;
    }

    /** A hash of everything a fit depends on besides the code: the history's days and the special days. */
    static long historyHash(DayHistory raw, Map<LocalDate, SpecialKind> special) {
        long h = 1125899906842597L;
        h = 31 * h + raw.first().toEpochDay();
        h = 31 * h + raw.size();
        for (int i = 0; i < raw.size(); i++) {
            double[] d = raw.day(i);
            if (d == null) {
                h = 31 * h + 7;
                continue;
            }
            for (double v : d) h = 31 * h + Double.doubleToLongBits(v);
        }
        for (Map.Entry<LocalDate, SpecialKind> e : new java.util.TreeMap<>(special).entrySet()) {
            h = 31 * h + e.getKey().toEpochDay();
            h = 31 * h + e.getValue().ordinal();
        }
        return h;
    }

    private StoredForecasts.Fit compute(DayHistory raw, Map<LocalDate, SpecialKind> special, int days, boolean withShrink) {
        // Fitting and backtesting a series is the expensive step: timed for operators (rostra_forecast_fit_seconds).
        ForecastEngine.Result r = io.micrometer.core.instrument.Metrics.timer("rostra.forecast.fit")
                .record(() -> engine.run(raw, special, days));
        double shrink = IntradayReforecast.DEFAULT_SHRINK;
        if (withShrink && raw.presentDays() > 0) shrink = fitShrink(engine.clean(raw, special, null), r.selection());
        return new StoredForecasts.Fit(r.chosen(), r.forecast(), shrink);
    }

    /** The intraday shrinkage that best re-forecast the last present days from their day-ahead forecasts. */
    private double fitShrink(DayHistory h, ForecastEngine.Selection selection) {
        List<double[]> forecasts = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (LocalDate d = h.end().minusDays(1); !d.isBefore(h.end().minusDays(21)) && forecasts.size() < SHRINK_DAYS; d = d.minusDays(1)) {
            if (d.isBefore(h.first()) || h.day(d) == null) continue;
            DayHistory train = h.until(d);
            if (train.presentDays() < 7) break;
            forecasts.add(engine.forecast(selection, train, 1)[0]);
            actuals.add(h.day(d));
        }
        return forecasts.isEmpty() ? IntradayReforecast.DEFAULT_SHRINK : IntradayReforecast.fit(forecasts, actuals);
    }

    /** Drops entries older than the TTL, so series nobody asks for again do not stay in memory. */
    private <K, T> void evictExpired(Map<K, Cached<T>> cache) {
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

    Map<Instant, Long> actuals(Series series, Instant from, Instant to, ZoneId zone) {
        Volume.GroupBy groupBy = series.channel() == null ? Volume.GroupBy.NONE : Volume.GroupBy.CHANNEL;
        String key = series.channel() == null ? "all" : series.channel().wireName();
        QueueScope scope = QueueScope.allOr(series.queueId());
        Map<Instant, Long> actuals = new HashMap<>();
        // in pieces: half a year of history plus the accuracy weeks is more than one volume read answers
        for (Instant a = from; a.isBefore(to); a = a.plus(READ_PIECE)) {
            Instant b = a.plus(READ_PIECE).isBefore(to) ? a.plus(READ_PIECE) : to;
            for (VolumeInterval v : volume.volume(series.company(), a, b, IntervalLength.MINUTES_15, groupBy, zone, scope)) {
                if (v.key().equals(key) && v.count() > 0) actuals.put(v.start(), v.count());
            }
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
