package com.rostra.contacts;

import java.time.Instant;

import com.rostra.tenancy.CompanyId;

/** Contacts queued in [from, to] were inserted or updated; derived data for that range is stale. */
public record ContactsChanged(CompanyId companyId, Instant from, Instant to, int count) {}
