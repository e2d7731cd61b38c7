package com.rostra.queues;

import com.rostra.tenancy.CompanyId;

/** Published inside the transaction that changed a company's queues or exclusions. */
public record QueueRulesChanged(CompanyId companyId) {}
