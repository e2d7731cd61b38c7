package com.rostra.queues;

import java.time.Instant;

import com.rostra.tenancy.CompanyId;

/**
 * The queue assignment of the company's contacts queued in [from, to] is settled: after every stored batch (whether
 * or not a rule matched) and after each chunk of a re-assignment that changed something. Published inside the
 * transaction that wrote the assignment, so what aggregates contacts per queue (volume) reads it there, once.
 */
public record ContactsAssigned(CompanyId companyId, Instant from, Instant to) {}
