package com.rostra.gladly;

import java.time.Instant;

/**
 * What the Gladly card and {@code GET /api/v1/integrations/gladly} show. {@code handleTimesSyncedUntil} is how far
 * Gladly's Work Session report (measured handle times) has been pulled: it follows the contacts, after the
 * connection is already healthy, because handle times must never hold up the contacts.
 */
public record IntegrationStatus(
        String status,
        String username,
        String baseUrl,
        Instant lastSyncedAt,
        long contactsSynced,
        Integer backfillPercent,
        Instant contactsSyncedUntil,
        Instant handleTimesSyncedUntil,
        Instant agentsSyncedAt,
        Instant agentStatesSyncedAt,
        long rejectedRows,
        LastError lastError,
        Webhook webhook,
        long quarantinedEvents,
        QuarantinedEvent lastQuarantinedEvent) {

    public record LastError(String code, String message, String hint, Integer gladlyStatus, Instant at, Instant retryAt) {}

    /**
     * Agent-state events by the way they came: {@code lastEventAt}/{@code eventsReceived} from the webhook,
     * {@code lastRepairedAt}/{@code eventsRepaired} recovered through Gladly's Events API.
     */
    public record Webhook(Instant lastEventAt, long eventsReceived, Instant lastRepairedAt, long eventsRepaired) {}

    /** A stored event that could not be applied, with the error that stopped it. */
    public record QuarantinedEvent(String eventId, String type, String error, Instant at) {}

    public static IntegrationStatus notConnected() {
        return notConnected(new Webhook(null, 0, null, 0), 0, null);
    }

    /** Webhook deliveries arrive whether or not the sync is connected, so their health shows either way. */
    public static IntegrationStatus notConnected(Webhook webhook, long quarantinedEvents, QuarantinedEvent lastQuarantinedEvent) {
        return new IntegrationStatus("not_connected", null, null, null, 0, null, null, null, null, null, 0, null,
                webhook, quarantinedEvents, lastQuarantinedEvent);
    }
}
