package com.rostra.gladly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStore;
import com.rostra.platform.Db;
import com.rostra.tenancy.BusinessCalendar;
import com.rostra.tenancy.BusinessHours;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

/**
 * One sync run for one company: directory, agent events of the last 24 hours (gap repair), then Contact Export windows from the stored checkpoint (oldest first,
 * each window's contacts and the advanced checkpoint committed together, so a crash resumes exactly there), then
 * call ring times for the newest answered calls as far as the run's budget allows.
 */
@Component
class ContactSync {

    private static final Logger log = LoggerFactory.getLogger(ContactSync.class);
    /** Gladly caps report rows silently; a window that comes back this full is split and asked again. */
    static final int REPORT_ROW_CAP = 100_000;
    private static final Duration MIN_WINDOW = Duration.ofMinutes(15);
    private static final Duration FIRST_WINDOW = Duration.ofDays(2);
    /** Contacts are asked for up to this close to now: Gladly's reporting lags a little. */
    private static final Duration REPORT_LAG = Duration.ofMinutes(1);

    private final ConnectionRepository connections;
    private final GladlyDirectory directory;
    private final ContactStore contactStore;
    private final TokenCipher cipher;
    private final RequestBudget budget;
    private final GladlyProperties properties;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgentStateReconciliation reconciliation;
    private final BusinessHours businessHours;
    private final WorkSessionSync workSessions;

    ContactSync(ConnectionRepository connections, GladlyDirectory directory, ContactStore contactStore, TokenCipher cipher,
                RequestBudget budget, GladlyProperties properties, TransactionTemplate tx, JdbcClient jdbc, Clock clock,
                AgentStateReconciliation reconciliation, BusinessHours businessHours, WorkSessionSync workSessions) {
        this.workSessions = workSessions;
        this.reconciliation = reconciliation;
        this.businessHours = businessHours;
        this.connections = connections;
        this.directory = directory;
        this.contactStore = contactStore;
        this.cipher = cipher;
        this.budget = budget;
        this.properties = properties;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    GladlyClient client(ConnectionRepository.Connection c) {
        return new GladlyClient(c.companyId(), c.baseUrl(), c.username(), cipher.decrypt(c.companyId(), c.tokenCiphertext()), budget, properties);
    }

    /**
     * Someone re-authorized (another user, token or address) while this run used the old credentials: the scheduler
     * could not move a running execution, so the next run starts right away instead of after the interval.
     */
    private boolean reauthorizedMeanwhile(ConnectionRepository.Connection before) {
        return connections.find(before.companyId())
                .map(now -> !now.tokenCiphertext().equals(before.tokenCiphertext()) || !now.username().equals(before.username())
                        || !now.baseUrl().equals(before.baseUrl()))
                .orElse(false);
    }

    /** Runs one sync; returns when to run again, or null when the connection needs a person first. */
    Duration run(CompanyId company) {
        ConnectionRepository.Connection c = connections.find(company).orElse(null);
        if (c == null || !c.active()) {
            return null;
        }
        if ("invalid".equals(c.status()) && ("permissions".equals(c.lastErrorCode()) || "base_url_not_allowed".equals(c.lastErrorCode()))) {
            return null;
        }
        long requestsBefore = connections.syncRequests(company);
        MDC.put("company_id", company.toString());
        try {
            // The stored address is checked again at every use: a row saved under a looser allow-list (or edited in
            // the database) never makes Rostra call an address it would refuse today.
            try {
                GladlyEndpoint.resolve(null, c.baseUrl(), properties);
            } catch (com.rostra.platform.InvalidRequestException refused) {
                connections.recordError(company, true, "base_url_not_allowed",
                        "The stored Gladly address " + c.baseUrl() + " is not allowed: " + refused.getMessage(),
                        "An admin must connect again with the organization's Gladly address (https://<org>.gladly.com/api/v1).",
                        null, clock.instant(), null);
                log.warn("Stored Gladly base URL is not allowed; sync stopped until connected again");
                return null;
            }
            GladlyClient client = client(c);
            refreshDirectory(company, client);
            reconciliation.reconcile(company, client);
            boolean backfillDone = pullContacts(c, client);
            lookUpCallTimes(company, client);
            connections.markSynced(company, clock.instant(), backfillDone);
            // After the contacts are marked synced: a new connection is healthy once its contacts are in, not once
            // the whole Work Session history (one more report per week of backfill) has been pulled too.
            workSessions.pull(c, client);
            // "Sync now" during this run could not move it (it was executing): honour it by running again at once.
            boolean askedAgain = connections.syncRequests(company) != requestsBefore;
            return reauthorizedMeanwhile(c) || askedAgain ? Duration.ZERO : properties.syncInterval();
        } catch (GladlyApiException e) {
            return recordFailure(c, e.status(), e.getMessage(), e.isAuthorization());
        } catch (ContactExportParser.TruncatedReportException e) {
            return recordFailure(c, 200, "Gladly's report ended mid-row (truncated); the window will be asked again", false);
        } catch (RuntimeException e) {
            // Anything else (a database error above all) is recorded with its reason too: never a silent retry loop.
            log.error("Gladly sync failed inside Rostra", e);
            try {
                return recordInternalFailure(c, e);
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
                throw e; // the database is away altogether: the scheduler retries the run
            }
        } finally {
            MDC.remove("company_id");
        }
    }

    private Duration recordFailure(ConnectionRepository.Connection c, int status, String message, boolean authorization) {
        Instant now = clock.instant();
        if (authorization) {
            connections.recordError(c.companyId(), true, "permissions",
                    "Permissions: the authorizing Gladly user no longer has API access (Gladly answered " + status + ").",
                    "An admin must re-authorize: check the user still has the API User permission and enter a current API token.",
                    status, now, null);
            log.warn("Gladly rejected the credentials ({}); sync stopped until re-authorized", status);
            return null;
        }
        Duration delay = retryDelay(c);
        String code = status == 0 ? "unreachable" : status == 429 ? "rate_limited" : status >= 500 ? "gladly_error" : "sync_error";
        connections.recordError(c.companyId(), false, code, message,
                "Nothing to do: Rostra retries automatically and resumes where it stopped.", status == 0 ? null : status,
                now, now.plus(delay));
        log.warn("Gladly sync failed ({}); retrying in {}", message, delay);
        return delay;
    }

    /** 1, 2, 4 … 32 × the configured base (a minute in production) after 0, 1, 2 … 5 failures in a row. */
    private Duration retryDelay(ConnectionRepository.Connection c) {
        return properties.syncRetryBase().multipliedBy(1L << Math.min(5, c.consecutiveFailures()));
    }

    private Duration recordInternalFailure(ConnectionRepository.Connection c, RuntimeException e) {
        Instant now = clock.instant();
        Duration delay = retryDelay(c);
        boolean database = e instanceof DataAccessException;
        String reason = EventProcessor.reason(e);
        connections.recordError(c.companyId(), false, database ? "database_error" : "internal_error",
                (database ? "Rostra could not store what Gladly sent: " : "The sync failed inside Rostra: ") + reason,
                "Rostra retries automatically and resumes where it stopped; if this error stays, report it to your Rostra operator.",
                null, now, now.plus(delay));
        return delay;
    }

    private void refreshDirectory(CompanyId company, GladlyClient client) {
        directory.replaceInboxes(company, client.inboxes());
        directory.replaceAgents(company, client.agents(), client.teams(), clock.instant());
        connections.markAgentsSynced(company, clock.instant());
    }

    /** One report window as fetched: its rows and how long the download and the parsing took. */
    private record Fetched(Instant start, Instant end, List<ContactExportRow> rows, Map<Long, Integer> rowsPerHour,
                           long downloadNanos, long parseNanos) {}

    /**
     * Pulls every window from the checkpoint to now; returns whether the backfill is complete. While one window
     * is mapped and stored, the next is already being fetched (Gladly allows two reports at once), so the
     * download hides behind the database work; the checkpoint still advances strictly in order.
     */
    private boolean pullContacts(ConnectionRepository.Connection c, GladlyClient client) {
        CompanyId company = c.companyId();
        Map<String, String> inboxNames = directory.inboxNames(company);
        BusinessCalendar calendar = businessHours.calendar(company).orElse(null);
        // Gladly takes report times to the minute, so every window edge sits on a whole minute: no gaps between them.
        Instant horizon = clock.instant().minus(REPORT_LAG).truncatedTo(ChronoUnit.MINUTES);
        boolean backfilling = c.backfillCompletedAt() == null;
        Instant start = backfilling ? c.contactsCheckpoint()
                : earliest(c.contactsCheckpoint(), horizon.minus(properties.trailingWindow()));
        WindowPlanner planner = new WindowPlanner(backfilling ? FIRST_WINDOW : Duration.between(start, horizon),
                properties.targetRowsPerReport(), MIN_WINDOW, properties.maxWindow());
        Future<Fetched> prefetch = null;
        try {
            while (start.isBefore(horizon)) {
                Instant end = windowEnd(start, planner.next(), horizon);
                Fetched fetched = prefetch != null ? await(prefetch) : null;
                prefetch = null;
                if (fetched == null || !fetched.start().equals(start) || !fetched.end().equals(end)) {
                    fetched = fetch(client, start, end);
                }
                if (fetched.rows().size() >= REPORT_ROW_CAP && Duration.between(start, end).compareTo(MIN_WINDOW) > 0) {
                    planner.truncated(Duration.between(start, end));
                    continue;
                }
                planner.fetched(start, end, Duration.between(start, end), fetched.rows().size(), fetched.rowsPerHour());
                if (end.isBefore(horizon)) {
                    Instant nextStart = end;
                    Instant nextEnd = windowEnd(end, planner.next(), horizon);
                    String mdc = MDC.get("company_id");
                    prefetch = PREFETCH.submit(() -> {
                        MDC.put("company_id", mdc);
                        try {
                            return fetch(client, nextStart, nextEnd);
                        } finally {
                            MDC.remove("company_id");
                        }
                    });
                }
                long storeStarted = System.nanoTime();
                store(company, start, end, fetched.rows(), inboxNames, calendar);
                log.info("Contact window {}..{}: {} rows, waited+downloaded {} ms, parse+map+upsert {} ms", start, end,
                        fetched.rows().size(), fetched.downloadNanos() / 1_000_000,
                        (System.nanoTime() - storeStarted + fetched.parseNanos()) / 1_000_000);
                start = end;
            }
        } finally {
            if (prefetch != null) {
                prefetch.cancel(true);
            }
        }
        return true;
    }

    /** A daemon pool for the one-ahead window fetch; the fetch itself holds no database connection. */
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gladly-prefetch");
        t.setDaemon(true);
        return t;
    });

    private static Instant windowEnd(Instant start, Duration window, Instant horizon) {
        Instant end = earliest(start.plus(window).truncatedTo(ChronoUnit.MINUTES), horizon);
        return end.isAfter(start) ? end : earliest(start.plus(MIN_WINDOW), horizon);
    }

    private static Fetched await(Future<Fetched> prefetch) {
        try {
            return prefetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a contact window", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Fetched fetch(GladlyClient client, Instant start, Instant end) {
        long started = System.nanoTime();
        long[] parseNanos = new long[1];
        List<ContactExportRow> rows = fetchWindow(client, start, end, parseNanos);
        return new Fetched(start, end, rows, rowsPerHour(rows), System.nanoTime() - started - parseNanos[0], parseNanos[0]);
    }

    /** When the window's contacts were queued, by epoch hour: what the next windows are planned from. */
    private static Map<Long, Integer> rowsPerHour(List<ContactExportRow> rows) {
        Map<Long, Integer> perHour = new java.util.HashMap<>();
        for (ContactExportRow row : rows) {
            try {
                Instant queued = GladlyMapping.time(row.get("Queued At"), "Queued At");
                if (queued != null) perHour.merge(queued.getEpochSecond() / 3600, 1, Integer::sum);
            } catch (GladlyMapping.RejectedRow e) {
                // counted where the mapping reports it
            }
        }
        return perHour;
    }

    private List<ContactExportRow> fetchWindow(GladlyClient client, Instant start, Instant end, long[] parseNanos) {
        for (int attempt = 1; ; attempt++) {
            try {
                String body = client.contactExport(start, end);
                long parseStarted = System.nanoTime();
                List<ContactExportRow> rows = ContactExportParser.parse(body);
                parseNanos[0] = System.nanoTime() - parseStarted;
                return rows;
            } catch (ContactExportParser.TruncatedReportException e) {
                if (attempt >= 3) {
                    throw e;
                }
                log.info("Report for {}..{} came back truncated; asking again", start, end);
            }
        }
    }

    private void store(CompanyId company, Instant start, Instant end, List<ContactExportRow> rows,
                       Map<String, String> inboxNames, BusinessCalendar calendar) {
        List<ContactRecord> records = new ArrayList<>(rows.size());
        List<Object[]> rejected = new ArrayList<>();
        for (ContactExportRow row : rows) {
            try {
                records.add(GladlyMapping.toContact(row, inboxNames, calendar));
            } catch (GladlyMapping.RejectedRow e) {
                rejected.add(new Object[] {row.rowNumber(), e.getMessage(), abbreviate(row.values().toString())});
            }
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            contactStore.upsert(company, records);
            for (Object[] r : rejected) {
                jdbc.sql("""
                        insert into gladly_rejected_rows (company_id, window_start, row_number, reason, raw, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(company.value(), Db.ts(start), r[0], r[1], r[2], Db.ts(now)).update();
            }
            connections.advanceCheckpoint(company, end, now);
        });
        if (!rejected.isEmpty()) {
            log.warn("{} report rows for {}..{} could not be mapped; kept in gladly_rejected_rows", rejected.size(), start, end);
        }
    }

    /** Reads ring times of the newest answered calls from their conversation items (call SLA = answered − started). */
    private void lookUpCallTimes(CompanyId company, GladlyClient client) {
        for (ContactStore.CallToCheck call : contactStore.callsToCheck(company, properties.callLookupsPerRun())) {
            Instant startedAt = null;
            Instant answeredAt = null;
            try {
                JsonNode items = client.conversationItems(call.conversationId());
                long best = Long.MAX_VALUE;
                for (JsonNode item : items) {
                    JsonNode content = item.get("content");
                    if (content == null || !"PHONE_CALL".equals(GladlyClient.text(content, "type"))) continue;
                    Instant started = parse(GladlyClient.text(content, "startedAt"));
                    Instant answered = parse(GladlyClient.text(content, "answeredAt"));
                    if (started == null || answered == null) continue;
                    long distance = Math.abs(Duration.between(answered, call.answeredAt()).toMillis());
                    if (distance < best) {
                        best = distance;
                        startedAt = started;
                        answeredAt = answered;
                    }
                }
            } catch (GladlyApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            contactStore.recordCallTimes(company, call.externalId(), startedAt, answeredAt);
        }
    }

    private static Instant parse(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String abbreviate(String s) {
        return s.length() > 3900 ? s.substring(0, 3900) : s;
    }
}
