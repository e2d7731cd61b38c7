package com.rostra.agents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Someone Rostra plans for: usually an agent with a Gladly id. */
public record Person(long id, String firstName, String lastName, String email, String role, boolean staffable,
                     List<String> channels, List<Long> queueIds, String team, String timeZone, String gladlyAgentId,
                     LocalDate startDate, Instant createdAt) {

    public String name() {
        return (firstName + " " + lastName).strip();
    }
}
