package com.rostra.simulator;

import java.time.Instant;
import java.util.Map;

/** A Gladly event in the webhook/Events API envelope: {@code {id, type, timestamp, initiator, content}}. */
public record SimEvent(String id, String type, Instant timestamp, Map<String, Object> initiator,
                       Map<String, Object> content) {

    public String entity() {
        return type.substring(0, type.indexOf('/'));
    }
}
