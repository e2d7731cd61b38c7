package com.rostra.forecasting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.platform.Db;
import com.rostra.queues.Queue;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyId;

/**
 * Published forecasts: the forecast as it stood (adjustments included) when someone published it, per queue ×
 * channel × quarter hour, and accuracy measured against it rather than against a forecast recomputed afterwards.
 * A day is judged by the last publication made before the day began that covers it, or, when every publication
 * covering it came later (a range published after the fact), by the first of those. Every query is filtered by company.
 */
@Service
public class PublishedForecasts {

    public record Publication(long id, Instant start, Instant end, Instant publishedAt, String publishedBy, int series) {}

    /** One local week (from its Monday): published and actual volume of its closed quarter hours, and their WAPE. */
    public record WeekAccuracy(LocalDate weekStart, int days, double publishedVolume, long actualVolume, Double wape) {}

    private static final Duration QUARTER = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Forecasts forecasts;
    private final Queues queues;
    private final Clock clock;

    PublishedForecasts(JdbcClient jdbc, JdbcTemplate batch, Forecasts forecasts, Queues queues, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.forecasts = forecasts;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * Stores the current forecast of [start, end) for every channel with volume (all queues) and every queue × those
     * channels, quarter hour by quarter hour.
     */
    @Transactional
    public Publication publish(CompanyId company, Instant start, Instant end, ZoneId zone) {
        Instant now = clock.instant();
        String who = Db.fit(Actors.current(), 200);
        long id = Db.insert(jdbc.sql("""
                insert into forecast_publications (company_id, start_at, end_at, published_by, published_at, series)
                values (?, ?, ?, ?, ?, 0)""").params(company.value(), Db.ts(start), Db.ts(end), who, Db.ts(now)));
        List<Channel> channels = new ArrayList<>();
        Map<Forecasts.Series, Forecasts.Forecast> byChannel = new LinkedHashMap<>();
        for (Channel ch : Channel.values()) {
            Forecasts.Series s = new Forecasts.Series(company, null, ch);
            Forecasts.Forecast f = forecasts.forecast(s, start, end, IntervalLength.MINUTES_15, zone);
            if (f.intervals().stream().anyMatch(p -> p.volume() > 0)) {
                channels.add(ch);
                byChannel.put(s, f);
            }
        }
        int stored = 0;
        for (Map.Entry<Forecasts.Series, Forecasts.Forecast> e : byChannel.entrySet()) stored += insert(id, e.getKey(), e.getValue());
        for (Queue q : queues.list(company)) {
            for (Channel ch : channels) {
                Forecasts.Series s = new Forecasts.Series(company, q.id(), ch);
                stored += insert(id, s, forecasts.forecast(s, start, end, IntervalLength.MINUTES_15, zone));
            }
        }
        jdbc.sql("update forecast_publications set series = ? where id = ? and company_id = ?").params(stored, id, company.value()).update();
        return new Publication(id, start, end, now, who, stored);
    }

    /** 1 when the forecast had any volume (and its non-zero quarter hours were stored), else 0. */
    private int insert(long publication, Forecasts.Series s, Forecasts.Forecast f) {
        List<Object[]> rows = new ArrayList<>();
        for (Forecasts.Point p : f.intervals()) {
            if (p.volume() > 0) rows.add(new Object[] {publication, s.company().value(), StoredForecasts.queueKey(s),
                    StoredForecasts.channelKey(s), p.start().getEpochSecond() / 900, p.volume()});
        }
        if (rows.isEmpty()) return 0;
        batch.batchUpdate("insert into published_forecast (publication_id, company_id, queue_key, channel, quarter, volume) values (?, ?, ?, ?, ?, ?)", rows);
        return 1;
    }

    /** Publications overlapping [from, to), oldest first. */
    public List<Publication> publications(CompanyId company, Instant from, Instant to) {
        return jdbc.sql("""
                select id, start_at, end_at, published_at, published_by, series from forecast_publications
                where company_id = ? and end_at > ? and start_at < ? order by published_at, id""")
                .params(company.value(), Db.ts(from), Db.ts(to))
                .query((rs, i) -> new Publication(rs.getLong("id"), Db.instant(rs, "start_at"), Db.instant(rs, "end_at"),
                        Db.instant(rs, "published_at"), rs.getString("published_by"), rs.getInt("series")))
                .list();
    }

    /**
     * The published volume of the series per quarter hour in [from, to); quarter hours of days no publication
     * covers are absent. A series of all queues or all channels sums the stored parts.
     */
    public Map<Instant, Double> published(Forecasts.Series series, Instant from, Instant to, ZoneId zone) {
        List<Publication> pubs = publications(series.company(), from, to);
        Map<LocalDate, Long> chosen = new HashMap<>();
        for (LocalDate d = from.atZone(zone).toLocalDate(); d.atStartOfDay(zone).toInstant().isBefore(to); d = d.plusDays(1)) {
            Instant dayStart = d.atStartOfDay(zone).toInstant();
            Publication pick = null;
            for (Publication p : pubs) {
                if (p.start().isAfter(dayStart) || !p.end().isAfter(dayStart)) continue;
                if (!p.publishedAt().isAfter(dayStart)) pick = p;          // the last one made before the day
                else if (pick == null) pick = p;                           // else the first one after
            }
            if (pick != null) chosen.put(d, pick.id());
        }
        Map<Instant, Double> out = new TreeMap<>();
        if (chosen.isEmpty()) return out;
        Map<Long, Map<Long, Double>> rows = new HashMap<>();
        String channelCondition = series.channel() == null ? "" : " and channel = :channel";
        jdbc.sql("select publication_id, quarter, sum(volume) as v from published_forecast where company_id = :company"
                        + " and publication_id in (:ids) and queue_key = :queue" + channelCondition
                        + " and quarter >= :from and quarter < :to group by publication_id, quarter")
                .param("company", series.company().value()).param("ids", new ArrayList<>(new LinkedHashSet<>(chosen.values())))
                .param("queue", StoredForecasts.queueKey(series)).param("channel", StoredForecasts.channelKey(series))
                .param("from", Math.floorDiv(from.getEpochSecond(), 900)).param("to", Math.floorDiv(to.getEpochSecond() + 899, 900))
                .query(rs -> {
                    rows.computeIfAbsent(rs.getLong("publication_id"), k -> new HashMap<>()).put(rs.getLong("quarter"), rs.getDouble("v"));
                });
        for (Instant q = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), 900) * 900); q.isBefore(to); q = q.plus(QUARTER)) {
            Long pub = chosen.get(q.atZone(zone).toLocalDate());
            if (pub == null) continue;
            out.put(q, rows.getOrDefault(pub, Map.of()).getOrDefault(q.getEpochSecond() / 900, 0.0));
        }
        return out;
    }

    /** Published against actual volume per interval ({@code GET /api/v1/forecasts?version=published}). */
    public List<Forecasts.Point> intervals(Forecasts.Series series, Instant start, Instant end, IntervalLength length, ZoneId zone) {
        Instant now = clock.instant();
        Map<Instant, Double> published = published(series, length.floor(start, zone), end, zone);
        Map<Instant, Long> actual = forecasts.actuals(series, length.floor(start, zone), end, zone);
        Map<Instant, double[]> folded = new LinkedHashMap<>();
        for (Instant t = length.floor(start, zone); t.isBefore(end); t = length.next(t, zone)) folded.put(t, new double[2]);
        for (Instant q = length.floor(start, zone); q.isBefore(end); q = q.plus(QUARTER)) {
            double[] acc = folded.get(length.floor(q, zone));
            if (acc == null) continue;
            acc[0] += published.getOrDefault(q, 0.0);
            acc[1] += actual.getOrDefault(q, 0L);
        }
        List<Forecasts.Point> points = new ArrayList<>();
        folded.forEach((t, v) -> points.add(new Forecasts.Point(t, Math.round(v[0] * 100) / 100.0,
                t.isBefore(now) ? (long) v[1] : null, null, Math.round(v[0] * 100) / 100.0)));
        return points;
    }

    /** Weekly WAPE of what was published against what happened, over the closed quarter hours of [from, to). */
    public List<WeekAccuracy> weekly(Forecasts.Series series, LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant closed = Instant.ofEpochSecond(Math.floorDiv(clock.instant().getEpochSecond(), 900) * 900);
        Instant end = to.atStartOfDay(zone).toInstant().isAfter(closed) ? closed : to.atStartOfDay(zone).toInstant();
        Map<LocalDate, double[]> weeks = new TreeMap<>();
        Map<LocalDate, Set<LocalDate>> days = new HashMap<>();
        if (!end.isAfter(start)) return List.of();
        Map<Instant, Double> published = published(series, start, end, zone);
        Map<Instant, Long> actual = forecasts.actuals(series, start, end, zone);
        published.forEach((q, p) -> {
            if (!q.isBefore(end)) return;
            ZonedDateTime local = q.atZone(zone);
            LocalDate week = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            double a = actual.getOrDefault(q, 0L);
            double[] w = weeks.computeIfAbsent(week, k -> new double[3]);
            w[0] += p;
            w[1] += a;
            w[2] += Math.abs(p - a);
            days.computeIfAbsent(week, k -> new LinkedHashSet<>()).add(local.toLocalDate());
        });
        List<WeekAccuracy> out = new ArrayList<>();
        weeks.forEach((week, w) -> out.add(new WeekAccuracy(week, days.get(week).size(), Math.round(w[0] * 100) / 100.0,
                Math.round(w[1]), w[1] > 0 ? Math.round(w[2] / w[1] * 10_000) / 10_000.0 : null)));
        return out;
    }
}
