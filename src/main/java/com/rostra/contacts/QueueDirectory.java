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
}
