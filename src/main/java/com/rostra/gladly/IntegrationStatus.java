package com.rostra.gladly;

import java.time.Instant;

/** What the Gladly card and {@code GET /api/v1/integrations/gladly} show. */
public record IntegrationStatus(
        String status,
        String username,
        String baseUrl,
        Instant lastSyncedAt,
        long contactsSynced,
        Integer backfillPercent,
        Instant contactsSyncedUntil,
        Instant agentsSyncedAt,
        Instant agentStatesSyncedAt,
        long rejectedRows,
        LastError lastError,
        Webhook webhook) {

    public record LastError(String code, String message, String hint, Integer gladlyStatus, Instant at, Instant retryAt) {}

    public record Webhook(Instant lastEventAt, long eventsReceived) {}

    public static IntegrationStatus notConnected() {
        return new IntegrationStatus("not_connected", null, null, null, 0, null, null, null, null, 0, null,
                new Webhook(null, 0));
    }
}
