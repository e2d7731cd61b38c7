package com.rostra.forecasting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
 * names a queue (null: every queue) and a channel (null: every channel) and local dates [start, end]:
 * <ul>
 *   <li>{@code percent}: the forecast × (1 + amount / 100), on the series named and every series inside it
 *       (a queue's forecast, a channel of it, the queue with all channels when no channel was named);</li>
 *   <li>{@code absolute}: amount contacts a day added (negative: taken off), spread over the day by the forecast's
 *       own shape (a day forecast at zero stays zero), on the series named and the wider series holding it
 *       (all queues, all channels).</li>
 * </ul>
 * Percent adjustments apply first, then absolute ones.
 */
@Service
public class ForecastAdjustments {

    public record Adjustment(long id, Long queueId, String channel, LocalDate start, LocalDate end, String kind,
                             double amount, String reason, String createdBy, Instant createdAt) {}

    public record Input(Long queueId, String channel, String start, String end, String kind, Double amount, String reason) {}

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
                select id, queue_id, channel, start_date, end_date, kind, amount, reason, created_by, created_at
                from forecast_adjustments where company_id = ? and end_date >= ? and start_date < ? order by start_date, id""")
                .params(company.value(), from, to).query((rs, i) -> new Adjustment(rs.getLong("id"),
                        rs.getObject("queue_id") == null ? null : rs.getLong("queue_id"), rs.getString("channel"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getString("kind"), rs.getDouble("amount"), rs.getString("reason"), rs.getString("created_by"),
                        Db.instant(rs, "created_at")))
                .list();
    }

    public Optional<Adjustment> get(CompanyId company, long id) {
        return list(company, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 1, 1)).stream().filter(a -> a.id() == id).findFirst();
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
            if (end.isBefore(start)) errors.add(new FieldError("end", "must not be before start"));
            else if (end.isAfter(start.plusDays(366))) errors.add(new FieldError("end", "at most 366 days after start"));
        }
        String kind = in.kind() == null ? null : in.kind().strip().toLowerCase(Locale.ROOT);
        if (!"percent".equals(kind) && !"absolute".equals(kind)) errors.add(new FieldError("kind", "must be percent or absolute"));
        if (in.amount() == null || in.amount().isNaN() || in.amount().isInfinite()) {
            errors.add(new FieldError("amount", "is required (a number)"));
        } else if ("percent".equals(kind) && (in.amount() < -100 || in.amount() > 1000)) {
            errors.add(new FieldError("amount", "a percent must be between -100 and 1000"));
        } else if ("absolute".equals(kind) && Math.abs(in.amount()) > 10_000_000) {
            errors.add(new FieldError("amount", "at most 10000000 contacts a day"));
        }
        if (in.reason() == null || in.reason().isBlank()) errors.add(new FieldError("reason", "is required: say why"));
        else if (in.reason().length() > 500) errors.add(new FieldError("reason", "at most 500 characters"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Instant now = clock.instant();
        String who = Db.fit(Actors.current(), 200);
        long id = Db.insert(jdbc.sql("""
                insert into forecast_adjustments (company_id, queue_id, channel, start_date, end_date, kind, amount, reason, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(company.value(), in.queueId(), channel, start, end, kind, in.amount(), in.reason().strip(), who, Db.ts(now)));
        return new Adjustment(id, in.queueId(), channel, start, end, kind, in.amount(), in.reason().strip(), who, now);
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
            if (!a.kind().equals("percent") || date.isBefore(a.start()) || date.isAfter(a.end())) continue;
            // the series is the adjustment's or inside it
            boolean inside = (a.queueId() == null || a.queueId().equals(series.queueId()))
                    && (a.channel() == null || a.channel().equals(ch));
            if (!inside) continue;
            for (int j = 0; j < day.length; j++) day[j] *= 1 + a.amount() / 100;
        }
        double total = 0;
        for (double v : day) total += v;
        double add = 0;
        for (Adjustment a : adjustments) {
            if (!a.kind().equals("absolute") || date.isBefore(a.start()) || date.isAfter(a.end())) continue;
            // the series is the adjustment's or holds it
            boolean holds = (series.queueId() == null || series.queueId().equals(a.queueId()))
                    && (ch == null || ch.equals(a.channel()));
            if (holds) add += a.amount();
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
