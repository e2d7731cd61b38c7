package com.rostra.contacts;

import java.util.List;

import com.rostra.tenancy.CompanyId;

/**
 * What contact queries need to know about a company's queues, implemented by the queues module (which builds
 * on contacts, so contacts asks through this interface instead of depending on it).
 */
public interface QueueDirectory {

    /** Every queue id of the company, parents before children. */
    List<Long> queueIds(CompanyId company);

    /** The queue's path from its top-level queue down to itself, or empty when the company has no such queue. */
    java.util.Optional<List<Long>> path(CompanyId company, long queueId);
}
