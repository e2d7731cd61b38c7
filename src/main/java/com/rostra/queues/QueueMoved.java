package com.rostra.queues;

import java.util.List;

import com.rostra.tenancy.CompanyId;

/** A queue's path changed (it or a parent moved); published inside the transaction that moved it. */
public record QueueMoved(CompanyId companyId, long queueId, List<Long> newPath) {}
