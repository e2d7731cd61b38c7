package com.rostra.queues;

import java.util.List;

import com.rostra.tenancy.CompanyId;

/**
 * A queue is gone: whatever referred to it (people's queues, staffing settings) lets go of it; what counted under
 * it (imported volume) moves to its parent, whose path is {@code parentPath} (empty: no queue).
 */
public record QueueDeleted(CompanyId companyId, long queueId, List<Long> parentPath) {}
