package com.rostra.volume.internal;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.rostra.platform.Db;
import com.rostra.queues.ContactsAssigned;
import com.rostra.volume.AnswerWaits;
import com.rostra.tenancy.CompanyId;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code interval_volume} aggregate: counted contacts per UTC quarter hour, queue path and channel. It is
 * recomputed from the contacts for whole quarter hours around every change (delete and re-insert the range),
 * which keeps it exact without per-row bookkeeping: a window of 100,000 contacts costs one grouped insert.
 */
@Component
class IntervalVolume {

    private static final String QUARTER = "cast(floor(extract(epoch from queued_at) / 900) as bigint)";

    private final JdbcClient jdbc;
    private final Counter refreshes;

    IntervalVolume(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.refreshes = Counter.builder("rostra.volume.refreshes")
                .description("Re-aggregations of interval volume (one per stored batch or re-assigned chunk)")
                .register(registry);
    }

    /** Synchronous, in the transaction that assigned the contacts: the aggregate commits with them. */
    @EventListener
    void onContactsAssigned(ContactsAssigned assigned) {
        refresh(assigned.companyId(), assigned.from(), assigned.to());
    }

    /** Recomputes the quarter hours that hold [from, to]; joins the caller's transaction. */
    void refresh(CompanyId company, Instant from, Instant to) {
        refreshes.increment();
        long first = Math.floorDiv(from.getEpochSecond(), 900);
        long last = Math.floorDiv(to.getEpochSecond(), 900);
        jdbc.sql("delete from interval_volume where company_id = ? and quarter >= ? and quarter <= ?")
                .params(company.value(), first, last).update();
        StringBuilder histogram = new StringBuilder();
        for (int edge : AnswerWaits.EDGES) {
            histogram.append(", sum(case when answer_wait_seconds is not null and answer_wait_seconds <= ").append(edge)
                    .append(" then 1 else 0 end)");
        }
        jdbc.sql("insert into interval_volume (company_id, quarter, queue_path, channel, contacts, answered, "
                        + "frd_sum, frd_n, " + AnswerWaits.columns() + ") "
                        + "select company_id, " + QUARTER + ", coalesce(queue_path, ''), coalesce(channel, 'unknown'), count(*), "
                        + "sum(case when answer_wait_seconds is not null then 1 else 0 end), "
                        + "coalesce(sum(first_response_duration), 0), count(first_response_duration)" + histogram + " "
                        + "from contacts where company_id = ? and queued_at >= ? and queued_at < ? and excluded = false "
                        + "group by company_id, " + QUARTER + ", coalesce(queue_path, ''), coalesce(channel, 'unknown')")
                .params(company.value(), Db.ts(Instant.ofEpochSecond(first * 900)), Db.ts(Instant.ofEpochSecond((last + 1) * 900)))
                .update();
    }
}
