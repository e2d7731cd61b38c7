package com.rostra.gladly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Pulls Gladly's Work Session report into staffing's handle times, checkpointed like the Contact Export: windows from
 * the stored checkpoint (the connection's backfill start at first) up to a minute before now, oldest first, each
 * window's sessions and the advanced checkpoint committed together, so a crash resumes exactly there. Gladly anchors a
 * session where it ends, so a past window never changes and nothing is pulled twice. A window that comes back at the
 * report row cap is halved and asked again. Requests go through the same {@link GladlyClient} (shared request budget,
 * Reports pacing) as every other report.
 */
@Component
class WorkSessionSync {

    private static final Logger log = LoggerFactory.getLogger(WorkSessionSync.class);
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Duration MIN_WINDOW = Duration.ofMinutes(15);
    private static final Duration REPORT_LAG = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    WorkSessionSync(JdbcClient jdbc, TransactionTemplate tx, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Pulls every window from the checkpoint to now. A Gladly error other than authorization ends this pass quietly
     * (logged; the checkpoint stays, the next sync run resumes): handle times must never hold up the contacts.
     */
    void pull(ConnectionRepository.Connection c, GladlyClient client) {
        CompanyId company = c.companyId();
        Instant horizon = clock.instant().minus(REPORT_LAG).truncatedTo(ChronoUnit.MINUTES);
        Instant start = checkpoint(company).orElse(c.backfillStart().truncatedTo(ChronoUnit.MINUTES));
        Duration window = WINDOW;
        try {
            while (start.isBefore(horizon)) {
                Instant end = start.plus(window).isAfter(horizon) ? horizon : start.plus(window);
                List<ContactExportRow> rows = fetch(client, start, end);
                if (rows.size() >= ContactSync.REPORT_ROW_CAP && window.compareTo(MIN_WINDOW) > 0) {
                    window = window.dividedBy(2);
                    continue;
                }
                store(company, end, rows);
                start = end;
                window = WINDOW;
            }
        } catch (GladlyApiException e) {
            if (e.isAuthorization()) throw e;
            log.warn("Work Session report failed ({}); handle times resume from {} on the next run", e.getMessage(), start);
        } catch (ContactExportParser.TruncatedReportException e) {
            log.warn("Work Session report came back truncated twice; handle times resume from {} on the next run", start);
        }
    }

    private static List<ContactExportRow> fetch(GladlyClient client, Instant start, Instant end) {
        try {
            return ContactExportParser.parse(client.workSessions(start, end));
        } catch (ContactExportParser.TruncatedReportException e) {
            return ContactExportParser.parse(client.workSessions(start, end));
        }
    }

    private void store(CompanyId company, Instant end, List<ContactExportRow> rows) {
        List<WorkSessionsPulled.Session> sessions = new ArrayList<>(rows.size());
        int skipped = 0;
        for (ContactExportRow row : rows) {
            WorkSessionsPulled.Session o = observation(row);
            if (o == null) skipped++;
            else sessions.add(o);
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            events.publishEvent(new WorkSessionsPulled(company, sessions));
            int updated = jdbc.sql("update gladly_work_session_sync set checkpoint = ?, updated_at = ? where company_id = ?")
                    .params(Db.ts(end), Db.ts(now), company.value()).update();
            if (updated == 0) {
                jdbc.sql("insert into gladly_work_session_sync (company_id, checkpoint, updated_at) values (?, ?, ?)")
                        .params(company.value(), Db.ts(end), Db.ts(now)).update();
            }
        });
        if (skipped > 0) log.warn("{} Work Session rows up to {} had no session, contact, end or handle time; skipped", skipped, end);
    }

    /** A row as a handle-time observation, or null when it lacks what one needs. */
    static WorkSessionsPulled.Session observation(ContactExportRow row) {
        try {
            String id = row.get("id");
            String contact = row.get("contact_session_id");
            Instant ended = GladlyMapping.time(row.get("contact_session_ended_at"), "contact_session_ended_at");
            Double handle = seconds(row.get("work_session_handle_time_sec"));
            Double acw = seconds(row.get("work_session_after_contact_time_sec"));
            if (id == null || contact == null || ended == null || handle == null) return null;
            return new WorkSessionsPulled.Session(id, contact, row.get("channel"), row.get("inbox_id"), ended, handle,
                    acw == null ? 0 : acw);
        } catch (GladlyMapping.RejectedRow e) {
            return null;
        }
    }

    private static Double seconds(String v) {
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) && d >= 0 && d <= 7 * 86_400 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private java.util.Optional<Instant> checkpoint(CompanyId company) {
        return jdbc.sql("select checkpoint from gladly_work_session_sync where company_id = ?").param(company.value())
                .query((rs, i) -> Db.instant(rs, 1)).optional();
    }
}
