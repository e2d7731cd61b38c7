package com.rostra.gladly;

import java.time.Instant;
import java.util.List;

import com.rostra.tenancy.CompanyId;

/**
 * Work sessions of one Work Session report window, published in the transaction that moves its checkpoint: whoever
 * keeps handle times (staffing) stores them in the same commit, so a window is never counted twice or lost.
 */
public record WorkSessionsPulled(CompanyId companyId, List<Session> sessions) {

    /** One agent's work on one contact: handle time and after-contact work in seconds. */
    public record Session(String sessionId, String contactId, String gladlyChannel, String inboxId, Instant endedAt,
                          double handleSeconds, double afterContactSeconds) {}
}
