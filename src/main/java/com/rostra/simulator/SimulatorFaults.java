package com.rostra.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Switchable failures, so tests can stage what real Gladly does on a bad day. Every switch is off by default.
 */
public class SimulatorFaults {

    final AtomicInteger next429 = new AtomicInteger();
    volatile Instant stormUntil = Instant.MIN;
    final AtomicInteger next500 = new AtomicInteger();
    volatile Duration latency = Duration.ZERO;
    /** Reports still answered before the failing ones start; negative = off. */
    final AtomicInteger reportsBeforeFailure = new AtomicInteger(-1);
    volatile boolean truncateCsv;
    volatile boolean malformedRows;
    volatile boolean duplicateRows;
    volatile boolean tokenRevoked;
    volatile boolean apiPermissionRemoved;
    volatile boolean duplicateWebhookDeliveries;
    volatile boolean reverseWebhookOrder;
    volatile boolean oversizedValues;

    /** The next {@code n} API requests get 429, whatever the real rate. */
    public SimulatorFaults throttleNext(int n) {
        next429.set(n);
        return this;
    }

    /** Every request gets 429 until {@code until}: a storm. */
    public SimulatorFaults throttleUntil(Instant until) {
        stormUntil = until;
        return this;
    }

    public SimulatorFaults failNext(int n) {
        next500.set(n);
        return this;
    }

    /** After {@code n} more successful reports every report gets 500, as an outage in the middle of a backfill. */
    public SimulatorFaults failReportsAfter(int n) {
        reportsBeforeFailure.set(n);
        return this;
    }

    /** Delay before answering; longer than the client's timeout is a timeout. */
    public SimulatorFaults latency(Duration delay) {
        latency = delay;
        return this;
    }

    /** Reports stop mid-row, as a dropped connection or a silent cap would leave them. */
    public SimulatorFaults truncateCsv(boolean on) {
        truncateCsv = on;
        return this;
    }

    /** Some report rows get garbage timestamps and unknown enum values. */
    public SimulatorFaults malformedRows(boolean on) {
        malformedRows = on;
        return this;
    }

    public SimulatorFaults duplicateRows(boolean on) {
        duplicateRows = on;
        return this;
    }

    /** The API token is deleted in Gladly: from now on every request is 401. */
    public SimulatorFaults revokeToken(boolean revoked) {
        tokenRevoked = revoked;
        return this;
    }

    /** The API user loses the "API User" permission: every request is 403. */
    public SimulatorFaults removeApiPermission(boolean removed) {
        apiPermissionRemoved = removed;
        return this;
    }

    public SimulatorFaults duplicateWebhookDeliveries(boolean on) {
        duplicateWebhookDeliveries = on;
        return this;
    }

    public SimulatorFaults reverseWebhookOrder(boolean on) {
        reverseWebhookOrder = on;
        return this;
    }

    /**
     * Names and labels longer than any sensible column: team and inbox names of over a thousand characters, and
     * some report rows with an entry point and IVR selection of 400 (Gladly sets no documented limit).
     */
    public SimulatorFaults oversizedValues(boolean on) {
        oversizedValues = on;
        return this;
    }

    public void reset() {
        next429.set(0);
        stormUntil = Instant.MIN;
        next500.set(0);
        reportsBeforeFailure.set(-1);
        latency = Duration.ZERO;
        truncateCsv = malformedRows = duplicateRows = tokenRevoked = apiPermissionRemoved = false;
        duplicateWebhookDeliveries = reverseWebhookOrder = oversizedValues = false;
    }
}
