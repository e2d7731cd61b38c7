package com.rostra.forecasting;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Fitted forecasts in the database, per series, time zone and origin: what the nightly job and the refits after
 * imports and rule changes write, and what requests read before fitting anything themselves. Values travel as
 * 4-byte floats (a hundredth of a contact is far below forecast error).
 */
@Repository
class StoredForecasts {

    /** A fit: the chosen model, {@code forecast[day][slot]} from the origin, and the intraday shrinkage. */
    record Fit(String model, double[][] forecast, double shrink) {}

    private final JdbcClient jdbc;

    StoredForecasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Fit> find(Forecasts.Series series, ZoneId zone, LocalDate origin, int minDays) {
        return jdbc.sql("""
                select model, shrink, days, forecast from stored_forecasts
                where company_id = ? and queue_key = ? and channel = ? and zone = ? and origin = ? and days >= ? and stale = false""")
                .params(series.company().value(), queueKey(series), channelKey(series), zone.getId(), origin, minDays)
                .query((rs, i) -> new Fit(rs.getString("model"), decode(rs.getBytes("forecast"), rs.getInt("days")),
                        rs.getDouble("shrink")))
                .optional();
    }

    /**
     * Takes back a stale fit of the series when the history under it is unchanged ({@code historyHash} equal): the
     * company's data changed, but not this series'. False when there is none to take back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW) // under the fit lock too: see save
    boolean revive(Forecasts.Series series, ZoneId zone, LocalDate origin, int minDays, long historyHash) {
        return jdbc.sql("""
                update stored_forecasts set stale = false
                where company_id = ? and queue_key = ? and channel = ? and zone = ? and origin = ? and days >= ?
                  and stale = true and history_hash = ?""")
                .params(series.company().value(), queueKey(series), channelKey(series), zone.getId(), origin, minDays, historyHash)
                .update() > 0;
    }

    /**
     * Committed on its own, never as part of a caller's transaction: a fit is shared by every request and job, and
     * {@link Forecasts} writes it while holding its fit lock. Joined to a caller's long transaction (publishing a
     * forecast fits series after series), the rows stayed locked until that transaction ended, while another thread
     * holding the fit lock waited for them and the caller waited for the fit lock: both hung (seen in CI).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void save(Forecasts.Series series, ZoneId zone, LocalDate origin, Fit fit, long historyHash, Instant at) {
        jdbc.sql("delete from stored_forecasts where company_id = ? and queue_key = ? and channel = ? and zone = ? and origin = ?")
                .params(series.company().value(), queueKey(series), channelKey(series), zone.getId(), origin).update();
        jdbc.sql("""
                insert into stored_forecasts (company_id, queue_key, channel, zone, origin, days, model, shrink, forecast, fitted_at,
                                              history_hash, stale)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""")
                .params(series.company().value(), queueKey(series), channelKey(series), zone.getId(), origin,
                        fit.forecast().length, fit.model(), fit.shrink(), encode(fit.forecast()), Db.ts(at), historyHash)
                .update();
    }

    /**
     * The company's volume, rules or special days changed: its fits are no longer read, but kept stale so the store
     * pass can take back those whose series did not change ({@link #revive}).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW) // under the fit lock too: see save
    void forget(CompanyId company) {
        jdbc.sql("update stored_forecasts set stale = true where company_id = ?").params(company.value()).update();
    }

    /** Drops fits whose origin is before the date (yesterday's nightly forecasts once today's exist). */
    int forgetBefore(CompanyId company, LocalDate origin) {
        return jdbc.sql("delete from stored_forecasts where company_id = ? and origin < ?").params(company.value(), origin).update();
    }

    /** How many series the company has stored for the origin. */
    int count(CompanyId company, LocalDate origin) {
        return jdbc.sql("select count(*) from stored_forecasts where company_id = ? and origin = ? and stale = false")
                .params(company.value(), origin).query(Integer.class).single();
    }

    static long queueKey(Forecasts.Series s) {
        return s.queueId() == null ? 0 : s.queueId();
    }

    static String channelKey(Forecasts.Series s) {
        return s.channel() == null ? "all" : s.channel().wireName();
    }

    static byte[] encode(double[][] forecast) {
        int slots = forecast.length == 0 ? 0 : forecast[0].length;
        ByteBuffer b = ByteBuffer.allocate(4 * forecast.length * slots);
        for (double[] day : forecast) for (double v : day) b.putFloat((float) v);
        return b.array();
    }

    static double[][] decode(byte[] bytes, int days) {
        if (days == 0) return new double[0][];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int slots = bytes.length / 4 / days;
        double[][] out = new double[days][slots];
        for (int d = 0; d < days; d++) for (int j = 0; j < slots; j++) out[d][j] = b.getFloat();
        return out;
    }
}
