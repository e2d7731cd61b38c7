package com.rostra.forecasting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.contacts.Channel;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyId;

/**
 * Planner adjustments applied after the model and before staffing, every query filtered by company. An adjustment
 * names a queue (null: every queue) and a channel (null: every channel) and local dates [start, end) (end exclusive):
 * <ul>
 *   <li>{@code percent}: the forecast × (1 + percent / 100), on the series named and every series inside it
 *       (a queue's forecast, a channel of it, the queue with all channels when no channel was named);</li>
 *   <li>{@code absolute}: that many contacts a day added (negative: taken off), spread over the day by the forecast's
 *       own shape (a day forecast at zero stays zero), on the series named and the wider series holding it
 *       (all queues, all channels).</li>
 * </ul>
 * Percent adjustments apply first, then absolute ones.
 */
@Service
public class ForecastAdjustments {

    /** {@code percent} or {@code absolute} is set (the other null); {@code note} says why. */
    public record Adjustment(long id, Long queueId, String channel, LocalDate start, LocalDate end, Double percent,
                             Double absolute, String note, String createdBy, Instant createdAt) {

        boolean covers(LocalDate date) {
            return !date.isBefore(start) && date.isBefore(end);
        }
    }

    public record Input(Long queueId, String channel, String start, String end, Double percent, Double absolute, String note) {}

    private final JdbcClient jdbc;
    private final Queues queues;
    private final Clock clock;

    ForecastAdjustments(JdbcClient jdbc, Queues queues, Clock clock) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.clock = clock;
    }

    /** Adjustments overlapping local dates [from, to). */
    public List<Adjustment> list(CompanyId company, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select id, queue_id, channel, start_date, end_date, kind, amount, note, created_by, created_at
                from forecast_adjustments where company_id = ? and end_date > ? and start_date < ? order by start_date, id""")
                .params(company.value(), from, to).query((rs, i) -> new Adjustment(rs.getLong("id"),
                        rs.getObject("queue_id") == null ? null : rs.getLong("queue_id"), rs.getString("channel"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getString("kind").equals("percent") ? rs.getDouble("amount") : null,
                        rs.getString("kind").equals("absolute") ? rs.getDouble("amount") : null, rs.getString("note"), rs.getString("created_by"),
                        Db.instant(rs, "created_at")))
                .list();
    }

    /** Checks the input (a 400 naming each bad field) and stores it, by whoever is acting now. */
    @Transactional
    public Adjustment create(CompanyId company, Input in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) throw new InvalidRequestException("start", "is required");
        if (in.queueId() != null) queues.queueIdParam(company, Long.toString(in.queueId()), errors);
        String channel = null;
        if (in.channel() != null && !in.channel().isBlank()) {
            channel = Channel.fromWire(in.channel()).map(Channel::wireName).orElse(null);
            if (channel == null) errors.add(new FieldError("channel", "must be one of phone, email, chat, sms, social"));
        }
        LocalDate start = date("start", in.start(), errors);
        LocalDate end = date("end", in.end(), errors);
        if (start != null && end != null) {
            if (!end.isAfter(start)) errors.add(new FieldError("end", "must be after start (end is exclusive)"));
            else if (end.isAfter(start.plusDays(366))) errors.add(new FieldError("end", "at most 366 days after start"));
        }
        String kind = null;
        Double amount = null;
        if (in.percent() != null && in.absolute() != null) {
            errors.add(new FieldError("absolute", "give either percent or absolute, not both"));
        } else if (in.percent() != null) {
            kind = "percent";
            amount = in.percent();
            if (amount.isNaN() || amount < -100 || amount > 1000) errors.add(new FieldError("percent", "must be between -100 and 1000"));
        } else if (in.absolute() != null) {
            kind = "absolute";
            amount = in.absolute();
            if (amount.isNaN() || Math.abs(amount) > 10_000_000) errors.add(new FieldError("absolute", "at most 10000000 contacts a day either way"));
        } else {
            errors.add(new FieldError("percent", "give percent (e.g. 10 for +10 %) or absolute (contacts a day)"));
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (note != null && note.length() > 500) errors.add(new FieldError("note", "at most 500 characters"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Instant now = clock.instant();
        String who = Db.fit(Actors.current(), 200);
        long id = Db.insert(jdbc.sql("""
                insert into forecast_adjustments (company_id, queue_id, channel, start_date, end_date, kind, amount, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), in.queueId(), channel, start, end, kind, amount, note, who, Db.ts(now)));
        return new Adjustment(id, in.queueId(), channel, start, end, in.percent(), in.absolute(), note, who, now);
    }

    @Transactional
    public boolean delete(CompanyId company, long id) {
        return jdbc.sql("delete from forecast_adjustments where company_id = ? and id = ?")
                .params(company.value(), id).update() > 0;
    }

    /** Applies the adjustments that concern the series to the model's forecast for the day (in place). */
    static void apply(List<Adjustment> adjustments, Forecasts.Series series, LocalDate date, double[] day) {
        String ch = series.channel() == null ? null : series.channel().wireName();
        for (Adjustment a : adjustments) {
            if (a.percent() == null || !a.covers(date)) continue;
            // the series is the adjustment's or inside it
            boolean inside = (a.queueId() == null || a.queueId().equals(series.queueId()))
                    && (a.channel() == null || a.channel().equals(ch));
            if (!inside) continue;
            for (int j = 0; j < day.length; j++) day[j] *= 1 + a.percent() / 100;
        }
        double total = 0;
        for (double v : day) total += v;
        double add = 0;
        for (Adjustment a : adjustments) {
            if (a.absolute() == null || !a.covers(date)) continue;
            // the series is the adjustment's or holds it
            boolean holds = (series.queueId() == null || series.queueId().equals(a.queueId()))
                    && (ch == null || ch.equals(a.channel()));
            if (holds) add += a.absolute();
        }
        if (add == 0 || total <= 0) return;
        double factor = Math.max(0, (total + add) / total);
        for (int j = 0; j < day.length; j++) day[j] *= factor;
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (a date like 2026-12-24)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-12-24"));
            return null;
        }
    }
}
