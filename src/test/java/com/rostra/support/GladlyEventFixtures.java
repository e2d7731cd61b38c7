package com.rostra.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Gladly webhook events shaped as the reference documents them. */
public final class GladlyEventFixtures {

    private GladlyEventFixtures() {}

    public static Map<String, Object> event(String type, String agentId, Instant occurredAt, Map<String, Object> extra) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("agentId", agentId);
        content.put("occurredAt", occurredAt.toString());
        content.putAll(extra);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("timestamp", occurredAt.plusMillis(300).toString());
        e.put("initiator", Map.of("id", agentId, "type", "AGENT"));
        e.put("content", content);
        return e;
    }

    public static Map<String, Object> reason(String name) {
        return Map.of("id", "r-" + Math.abs(name.hashCode()), "name", name);
    }
}
