package com.rostra.gladly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/**
 * Gladly gives up on a webhook after four retries within an hour; its Events API keeps the last 24 hours.
 * Reading it into the same event store repairs any gap: what was already delivered is a duplicate, what is
 * new was missed, and the span it covers is recorded as an outage window (once the webhook had been working).
 */
@Component
class AgentStateReconciliation {

    private static final Logger log = LoggerFactory.getLogger(AgentStateReconciliation.class);
    static final List<String> ENTITIES = List.of("AGENT_STATUS", "AGENT_AVAILABILITY");

    private final GladlyEvents events;
    private final EventProcessor processor;
    private final JdbcClient jdbc;
    private final Clock clock;

    AgentStateReconciliation(GladlyEvents events, EventProcessor processor, JdbcClient jdbc, Clock clock) {
        this.events = events;
        this.processor = processor;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns how many events the webhook had missed. */
    int reconcile(CompanyId company, GladlyClient client) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(1));
        List<String> lines = client.events(from, now, ENTITIES);
        Instant firstWebhook = jdbc.sql("select min(occurred_at) from gladly_events where company_id = ? and source = 'webhook'")
                .param(company.value()).query((rs, i) -> Db.instant(rs, 1)).optional().orElse(null);
        int recovered = 0;
        Instant gapStart = null;
        Instant gapEnd = null;
        for (String line : lines) {
            try {
                if (events.store(company, line, "events_api") == GladlyEvents.Outcome.STORED) {
                    recovered++;
                    Instant at = GladlyEvents.time(GladlyClient.text(GladlyEvents.parse(line).path("content"), "occurredAt"));
                    if (at != null && firstWebhook != null && at.isAfter(firstWebhook)) {
                        gapStart = gapStart == null || at.isBefore(gapStart) ? at : gapStart;
                        gapEnd = gapEnd == null || at.isAfter(gapEnd) ? at : gapEnd;
                    }
                }
            } catch (GladlyEvents.MalformedEvent e) {
                events.recordRejected(company, "Events API line: " + e.getMessage(), line);
            }
        }
        if (gapStart != null) {
            int inGap = recovered;
            jdbc.sql("""
                    insert into agent_state_outages (company_id, started_at, ended_at, recovered_events, recorded_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(company.value(), Db.ts(gapStart), Db.ts(gapEnd), inGap, Db.ts(now)).update();
            log.info("Recovered {} agent events the webhook missed between {} and {}", inGap, gapStart, gapEnd);
        }
        jdbc.sql("update gladly_connections set agent_states_synced_at = ? where company_id = ?")
                .params(Db.ts(now), company.value()).update();
        if (recovered > 0) {
            processor.signal();
        }
        return recovered;
    }
}
