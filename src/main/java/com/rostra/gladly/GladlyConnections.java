package com.rostra.gladly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.rostra.contacts.Contacts;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;

/** Connecting a company's Gladly account and reading its health: the module's public API. */
@Service
public class GladlyConnections {

    public record ConnectRequest(String username, String apiToken, String subdomain, String baseUrl, Integer backfillDays) {}

    /** Gladly refused the credentials while we checked them: nothing was saved. */
    public static class CredentialsRejected extends RuntimeException {
        private final int gladlyStatus;

        CredentialsRejected(int gladlyStatus, String message) {
            super(message);
            this.gladlyStatus = gladlyStatus;
        }

        public int gladlyStatus() {
            return gladlyStatus;
        }
    }

    private final ConnectionRepository connections;
    private final TokenCipher cipher;
    private final RequestBudget budget;
    private final GladlyProperties properties;
    private final SyncScheduling.SyncScheduler scheduler;
    private final Contacts contacts;
    private final JdbcClient jdbc;
    private final Clock clock;

    GladlyConnections(ConnectionRepository connections, TokenCipher cipher, RequestBudget budget, GladlyProperties properties,
                      SyncScheduling.SyncScheduler scheduler, Contacts contacts, JdbcClient jdbc, Clock clock) {
        this.connections = connections;
        this.cipher = cipher;
        this.budget = budget;
        this.properties = properties;
        this.scheduler = scheduler;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Verifies the credentials against Gladly, then saves them (token encrypted) and starts syncing. */
    public IntegrationStatus connect(CompanyId company, ConnectRequest request) {
        if (request.username() == null || request.username().isBlank()) {
            throw new InvalidRequestException("username", "the Gladly login email of the API user is required");
        }
        String token = request.apiToken() == null ? "" : request.apiToken().strip();
        if (token.isEmpty()) {
            // Re-authorizing a connection (another user, address or history length) keeps the token it has.
            ConnectionRepository.Connection current = connections.find(company).filter(ConnectionRepository.Connection::active)
                    .orElseThrow(() -> new InvalidRequestException("api_token", "a Gladly API token is required"));
            token = cipher.decrypt(company, current.tokenCiphertext());
        }
        int backfillDays = request.backfillDays() == null ? properties.defaultBackfillDays() : request.backfillDays();
        if (backfillDays < 0 || backfillDays > 730) {
            throw new InvalidRequestException("backfill_days", "must be between 0 and 730");
        }
        String baseUrl = GladlyEndpoint.resolve(request.subdomain(), request.baseUrl(), properties);
        GladlyClient client = new GladlyClient(company, baseUrl, request.username().strip(), token,
                budget, verifyProperties());
        try {
            client.agents();
        } catch (GladlyApiException e) {
            throw new CredentialsRejected(e.status(), explain(e));
        }
        Instant now = clock.instant();
        Instant backfillStart = now.minus(Duration.ofDays(backfillDays)).truncatedTo(ChronoUnit.HOURS);
        connections.save(company, request.username().strip(), baseUrl, cipher.encrypt(company, token),
                backfillDays, backfillStart, now);
        scheduler.syncNow(company);
        return status(company);
    }

    private GladlyProperties verifyProperties() {
        return properties.forVerification();
    }

    private static String explain(GladlyApiException e) {
        return switch (e.status()) {
            case 401 -> "Gladly rejected the username or API token (401). Check the login email and create a new token in Gladly.";
            case 403 -> "The Gladly user lacks the API User permission (403). An admin must grant it in Gladly's Settings > Users.";
            case 404 -> "Gladly has no organization at this address (404). Check the subdomain or base URL.";
            case 0 -> "Rostra could not reach Gladly at this address: " + e.getMessage();
            default -> "Gladly answered " + e.getMessage();
        };
    }

    public IntegrationStatus status(CompanyId company) {
        ConnectionRepository.Connection c = connections.find(company).orElse(null);
        if (c == null || !c.active()) {
            return IntegrationStatus.notConnected(webhook(company), quarantinedEvents(company), lastQuarantinedEvent(company));
        }
        Instant now = clock.instant();
        Integer percent = null;
        if (c.backfillCompletedAt() == null) {
            long total = Math.max(1, Duration.between(c.backfillStart(), now).toSeconds());
            long done = Math.max(0, Duration.between(c.backfillStart(), c.contactsCheckpoint()).toSeconds());
            percent = (int) Math.min(99, done * 100 / total);
        } else {
            percent = 100;
        }
        long rejected = jdbc.sql("select count(*) from gladly_rejected_rows where company_id = ?").param(company.value())
                .query(Long.class).single();
        IntegrationStatus.LastError error = c.lastErrorCode() == null ? null
                : new IntegrationStatus.LastError(c.lastErrorCode(), c.lastErrorMessage(), c.lastErrorHint(),
                        c.lastErrorStatus(), c.lastErrorAt(), c.nextRetryAt());
        return new IntegrationStatus(c.status(), c.username(), c.baseUrl(), c.lastSyncedAt(), contacts.count(company),
                percent, c.contactsCheckpoint(), handleTimesSyncedUntil(company), c.agentsSyncedAt(), c.agentStatesSyncedAt(), rejected, error,
                webhook(company), quarantinedEvents(company), lastQuarantinedEvent(company));
    }

    private Instant handleTimesSyncedUntil(CompanyId company) {
        return jdbc.sql("select checkpoint from gladly_work_session_sync where company_id = ?").param(company.value())
                .query((rs, i) -> com.rostra.platform.Db.instant(rs, 1)).optional().orElse(null);
    }

    private long quarantinedEvents(CompanyId company) {
        return jdbc.sql("select count(*) from gladly_events where company_id = ? and quarantined_at is not null")
                .param(company.value()).query(Long.class).single();
    }

    private IntegrationStatus.QuarantinedEvent lastQuarantinedEvent(CompanyId company) {
        return jdbc.sql("""
                select event_id, type, quarantine_reason, quarantined_at from gladly_events
                where company_id = ? and quarantined_at is not null order by quarantined_at desc, id desc limit 1""")
                .param(company.value())
                .query((rs, i) -> new IntegrationStatus.QuarantinedEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        com.rostra.platform.Db.instant(rs, 4)))
                .optional().orElse(null);
    }

    /** Events by the way they came: Gladly's webhook, or the Events API repair that fills gaps in it. */
    private IntegrationStatus.Webhook webhook(CompanyId company) {
        Instant[] last = new Instant[2];
        long[] counts = new long[2];
        jdbc.sql("select source, max(received_at) as last_at, count(*) as n from gladly_events where company_id = ? group by source")
                .param(company.value())
                .query(rs -> {
                    int i = "webhook".equals(rs.getString("source")) ? 0 : 1;
                    last[i] = com.rostra.platform.Db.instant(rs, "last_at");
                    counts[i] += rs.getLong("n");
                });
        return new IntegrationStatus.Webhook(last[0], counts[0], last[1], counts[1]);
    }

    public void syncNow(CompanyId company) {
        ConnectionRepository.Connection c = connections.find(company).orElse(null);
        if (c == null || !c.active()) {
            throw new InvalidRequestException("integration", "Gladly is not connected");
        }
        connections.requestSync(company);
        scheduler.syncNow(company);
    }

    public void disconnect(CompanyId company) {
        connections.disconnect(company, clock.instant());
        scheduler.stop(company);
    }
}
