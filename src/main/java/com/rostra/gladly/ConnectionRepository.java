package com.rostra.gladly;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/** The gladly_connections table. Every statement is keyed by company. */
@Repository
class ConnectionRepository {

    record Connection(CompanyId companyId, String username, String baseUrl, String tokenCiphertext, String status,
                      int backfillDays, Instant backfillStart, Instant contactsCheckpoint, Instant backfillCompletedAt,
                      Instant lastSyncedAt, Instant agentsSyncedAt, Instant agentStatesSyncedAt, String lastErrorCode,
                      String lastErrorMessage, String lastErrorHint, Integer lastErrorStatus, Instant lastErrorAt,
                      Instant nextRetryAt, int consecutiveFailures, Instant disconnectedAt) {

        boolean active() {
            return disconnectedAt == null;
        }
    }

    private final JdbcClient jdbc;

    ConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Connection> find(CompanyId company) {
        return jdbc.sql("select * from gladly_connections where company_id = ?").param(company.value())
                .query((rs, i) -> new Connection(new CompanyId(rs.getLong("company_id")), rs.getString("username"),
                        rs.getString("base_url"), rs.getString("token_ciphertext"), rs.getString("status"),
                        rs.getInt("backfill_days"), Db.instant(rs, "backfill_start"), Db.instant(rs, "contacts_checkpoint"),
                        Db.instant(rs, "backfill_completed_at"), Db.instant(rs, "last_synced_at"),
                        Db.instant(rs, "agents_synced_at"), Db.instant(rs, "agent_states_synced_at"),
                        rs.getString("last_error_code"), rs.getString("last_error_message"), rs.getString("last_error_hint"),
                        (Integer) rs.getObject("last_error_status"), Db.instant(rs, "last_error_at"),
                        Db.instant(rs, "next_retry_at"), rs.getInt("consecutive_failures"), Db.instant(rs, "disconnected_at")))
                .optional();
    }

    /**
     * A new connection starts its backfill; re-authorizing an existing one keeps its checkpoint (nothing is
     * pulled twice) unless the base URL changed, which means another Gladly organization.
     */
    void save(CompanyId company, String username, String baseUrl, String tokenCiphertext, int backfillDays,
              Instant backfillStart, Instant now) {
        Optional<Connection> existing = find(company);
        if (existing.isEmpty()) {
            jdbc.sql("""
                    insert into gladly_connections (company_id, username, base_url, token_ciphertext, status, backfill_days,
                        backfill_start, contacts_checkpoint, connected_at)
                    values (?, ?, ?, ?, 'sync_in_progress', ?, ?, ?, ?)""")
                    .params(company.value(), username, baseUrl, tokenCiphertext, backfillDays, Db.ts(backfillStart),
                            Db.ts(backfillStart), Db.ts(now)).update();
            return;
        }
        boolean sameOrganization = existing.get().baseUrl().equals(baseUrl);
        jdbc.sql("""
                update gladly_connections set username = ?, base_url = ?, token_ciphertext = ?, backfill_days = ?,
                    status = case when backfill_completed_at is null or ? = false then 'sync_in_progress' else 'healthy' end,
                    backfill_start = case when ? then backfill_start else ? end,
                    contacts_checkpoint = case when ? then contacts_checkpoint else ? end,
                    backfill_completed_at = case when ? then backfill_completed_at else null end,
                    last_error_code = null, last_error_message = null, last_error_hint = null, last_error_status = null,
                    last_error_at = null, next_retry_at = null, consecutive_failures = 0, disconnected_at = null,
                    connected_at = ?
                where company_id = ?""")
                .params(username, baseUrl, tokenCiphertext, backfillDays, sameOrganization, sameOrganization,
                        Db.ts(backfillStart), sameOrganization, Db.ts(backfillStart), sameOrganization, Db.ts(now),
                        company.value())
                .update();
    }

    void disconnect(CompanyId company, Instant now) {
        // The token goes with the connection: nothing to decrypt, or leak, once a company disconnects.
        jdbc.sql("update gladly_connections set disconnected_at = ?, status = 'not_connected', token_ciphertext = '' where company_id = ?")
                .params(Db.ts(now), company.value()).update();
    }

    void advanceCheckpoint(CompanyId company, Instant checkpoint, Instant now) {
        jdbc.sql("""
                update gladly_connections set contacts_checkpoint = ?, last_synced_at = ?
                where company_id = ? and contacts_checkpoint < ?""")
                .params(Db.ts(checkpoint), Db.ts(now), company.value(), Db.ts(checkpoint)).update();
    }

    void markSynced(CompanyId company, Instant now, boolean backfillDone) {
        jdbc.sql("""
                update gladly_connections set last_synced_at = ?, status = case when ? then 'healthy' else status end,
                    backfill_completed_at = case when ? and backfill_completed_at is null then ? else backfill_completed_at end,
                    last_error_code = null, last_error_message = null, last_error_hint = null, last_error_status = null,
                    last_error_at = null, next_retry_at = null, consecutive_failures = 0
                where company_id = ?""")
                .params(Db.ts(now), backfillDone, backfillDone, Db.ts(now), company.value()).update();
    }

    /** Counts a "sync now": a sync running meanwhile sees the count change and runs again when it ends. */
    void requestSync(CompanyId company) {
        jdbc.sql("update gladly_connections set sync_requests = sync_requests + 1 where company_id = ?")
                .param(company.value()).update();
    }

    long syncRequests(CompanyId company) {
        return jdbc.sql("select sync_requests from gladly_connections where company_id = ?").param(company.value())
                .query(Long.class).optional().orElse(0L);
    }

    void markAgentsSynced(CompanyId company, Instant now) {
        jdbc.sql("update gladly_connections set agents_synced_at = ? where company_id = ?")
                .params(Db.ts(now), company.value()).update();
    }

    void recordError(CompanyId company, boolean invalid, String code, String message, String hint, Integer status,
                     Instant now, Instant retryAt) {
        jdbc.sql("""
                update gladly_connections set status = case when ? then 'invalid' else status end,
                    last_error_code = ?, last_error_message = ?, last_error_hint = ?, last_error_status = ?,
                    last_error_at = ?, next_retry_at = ?, consecutive_failures = consecutive_failures + 1
                where company_id = ?""")
                .params(invalid, code, truncate(message), truncate(hint), status, Db.ts(now), Db.ts(retryAt), company.value())
                .update();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
