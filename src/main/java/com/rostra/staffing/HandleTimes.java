package com.rostra.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.rostra.contacts.Contacts;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Handle times as Gladly measures them (its Work Session report): the Gladly sync hands each pulled session to
 * {@link #record}; staffing reads them back per queue and channel as the measured average handle time (handle plus
 * after-contact work), overall and per hour of the week, which is the default handle time of the settings unless one
 * is typed in. A session counts under its contact's queue and channel (looked up by the contact id through
 * {@link Contacts#queuedAt}), so it follows queue rule changes like volume does.
 */
@Service
public class HandleTimes {

    /** One work session: {@code contactId} is Gladly's contact (session) id, the Contact Export's Contact ID. */
    public record Observation(String sessionId, String contactId, String gladlyChannel, String inboxId, Instant endedAt,
                              double handleSeconds, double afterContactSeconds) {}

    /**
     * The measurement: {@code meanSeconds} (handle + after-contact work) null when no session of the queue and channel
     * ended in the window. {@code hourOfWeek}: 168 means, Monday 00:00 first in the company's zone, each shrunk towards
     * the overall mean by {@link #PRIOR_SESSIONS} sessions' weight (an hour with few sessions stays near the mean).
     */
    public record Measured(Double meanSeconds, Double meanHandleSeconds, Double meanAfterContactSeconds, long sessions,
                           Instant since, int weeks, @JsonIgnore double[] hourOfWeek) {

        public Integer wholeSeconds() {
            return meanSeconds == null ? null : (int) Math.max(1, Math.min(StaffingLimits.MAX_AHT_SECONDS, Math.round(meanSeconds)));
        }
    }

    /** How many sessions' weight the overall mean has in each hour of the week's estimate. */
    static final double PRIOR_SESSIONS = 30;
    public static final int DEFAULT_WEEKS = 8;

    private record Session(String contactId, double handle, double afterContact) {}

    private final JdbcTemplate jdbc;
    private final Contacts contacts;
    private final Clock clock;

    HandleTimes(JdbcTemplate jdbc, Contacts contacts, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Sessions Gladly's report gave, stored in the transaction that moves the report's checkpoint. */
    @org.springframework.context.event.EventListener
    void onWorkSessionsPulled(com.rostra.gladly.WorkSessionsPulled pulled) {
        record(pulled.companyId(), pulled.sessions().stream().map(s -> new Observation(s.sessionId(), s.contactId(),
                s.gladlyChannel(), s.inboxId(), s.endedAt(), s.handleSeconds(), s.afterContactSeconds())).toList());
    }

    /** Stores (or replaces, by session id) pulled sessions; runs in the caller's transaction. */
    public void record(CompanyId company, List<Observation> sessions) {
        if (sessions.isEmpty()) return;
        List<Object[]> keys = new ArrayList<>(sessions.size());
        List<Object[]> rows = new ArrayList<>(sessions.size());
        for (Observation o : sessions) {
            keys.add(new Object[] {company.value(), o.sessionId()});
            rows.add(new Object[] {company.value(), Db.fit(o.sessionId(), 64), Db.fit(o.contactId(), 64),
                    Db.fit(o.gladlyChannel(), 32), Db.fit(o.inboxId(), 64), Db.ts(o.endedAt()), o.handleSeconds(),
                    o.afterContactSeconds()});
        }
        jdbc.batchUpdate("delete from handle_times where company_id = ? and session_id = ?", keys);
        jdbc.batchUpdate("""
                insert into handle_times (company_id, session_id, contact_external_id, gladly_channel, inbox_id, ended_at,
                    handle_seconds, after_contact_seconds) values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** {@code queueKey} 0 is every queue together (children included otherwise); sessions that ended in the last weeks. */
    public Measured measure(CompanyId company, long queueKey, String channel, int weeks, ZoneId zone) {
        Instant to = clock.instant();
        Instant since = to.minus(Duration.ofDays(7L * weeks));
        double total = 0;
        double handle = 0;
        double afterContact = 0;
        long n = 0;
        double[] hourSum = new double[168];
        long[] hourN = new long[168];
        // Sessions are staffing's; which queue and channel a session counts under is the contact's, asked of contacts.
        List<Session> ended = jdbc.query("""
                select contact_external_id, handle_seconds, after_contact_seconds from handle_times
                where company_id = ? and ended_at >= ? and ended_at < ?""",
                (rs, i) -> new Session(rs.getString(1), rs.getDouble(2), rs.getDouble(3)),
                company.value(), Db.ts(since), Db.ts(to));
        Map<String, Instant> queuedAt = ended.isEmpty() ? Map.of() : contacts.queuedAt(company,
                ended.stream().map(Session::contactId).filter(java.util.Objects::nonNull).toList(), channel,
                queueKey == 0 ? Contacts.QueueFilter.ANY : Contacts.QueueFilter.under(queueKey));
        for (Session s : ended) {
            Instant queued = s.contactId() == null ? null : queuedAt.get(s.contactId());
            if (queued == null) continue;
            total += s.handle() + s.afterContact();
            handle += s.handle();
            afterContact += s.afterContact();
            n++;
            ZonedDateTime local = queued.atZone(zone);
            int hour = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
            hourSum[hour] += s.handle() + s.afterContact();
            hourN[hour]++;
        }
        if (n == 0) return new Measured(null, null, null, 0, since, weeks, null);
        double mean = total / n;
        double[] profile = new double[168];
        for (int h = 0; h < 168; h++) profile[h] = (hourSum[h] + PRIOR_SESSIONS * mean) / (hourN[h] + PRIOR_SESSIONS);
        return new Measured(round(mean), round(handle / n), round(afterContact / n), n, since, weeks, profile);
    }

    /**
     * Settings whose handle time is "measured" get the measurement when there is one: the overall mean as
     * {@code aht_seconds} and the hour-of-week profile for requirements. Typed-in handle times and queues without
     * sessions keep the settings' value (flat).
     */
    public Profiled resolve(CompanyId company, Long queueId, String channel, ZoneId zone, StaffingSettings s) {
        if (!s.ahtMeasured()) return new Profiled(s, null);
        Measured m = measure(company, queueId == null ? 0 : queueId, channel, DEFAULT_WEEKS, zone);
        if (m.meanSeconds() == null) return new Profiled(s, null);
        return new Profiled(s.withAht(m.wholeSeconds()), new HandleProfile(zone, m.hourOfWeek()));
    }

    /** Settings with the handle time to plan with, and when measured its hour-of-week profile (else null). */
    public record Profiled(StaffingSettings settings, HandleProfile profile) {}

    /** Handle seconds per hour of the week in a zone. */
    public record HandleProfile(ZoneId zone, double[] hourOfWeek) {
        public double at(Instant t) {
            ZonedDateTime local = t.atZone(zone);
            return hourOfWeek[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()];
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
