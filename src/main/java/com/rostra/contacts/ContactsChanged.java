package com.rostra.contacts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.rostra.tenancy.CompanyId;

/**
 * Contacts queued in [from, to] were inserted or updated; derived data for that range is stale. The range is widened
 * to the database's microseconds: a time with nanoseconds is stored rounded, and a range drawn at the exact instant
 * would leave the stored contact just outside it (never assigned to a queue).
 */
public record ContactsChanged(CompanyId companyId, Instant from, Instant to, int count) {

    public ContactsChanged {
        if (from != null) from = from.truncatedTo(ChronoUnit.MICROS);
        if (to != null) to = to.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    }
}
