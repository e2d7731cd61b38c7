package com.rostra.queues;

import com.rostra.tenancy.CompanyId;

/** A queue is gone: whatever referred to it (people's queues, staffing settings) lets go of it. */
public record QueueDeleted(CompanyId companyId, long queueId) {}
