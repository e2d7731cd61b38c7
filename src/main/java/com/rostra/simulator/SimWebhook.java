package com.rostra.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook as configured in Gladly; credentials and headers are write-only through the API. */
class SimWebhook {
    final String id;
    String name;
    String url;
    List<String> events;
    String username;
    String password;
    Map<String, String> headers = Map.of();
    boolean enabled;
    Instant createdAt;
    Instant updatedAt;
    Instant disabledAtDueToRetryLimit;

    SimWebhook(String id) {
        this.id = id;
    }

    boolean subscribes(String type) {
        return events.contains(type);
    }

    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("url", url);
        m.put("events", events);
        m.put("enabled", enabled);
        m.put("hasCredentials", username != null);
        m.put("headerKeys", List.copyOf(headers.keySet()));
        m.put("createdAt", createdAt.toString());
        m.put("updatedAt", updatedAt.toString());
        if (disabledAtDueToRetryLimit != null) {
            m.put("disabledAtDueToRetryLimit", disabledAtDueToRetryLimit.toString());
        }
        return m;
    }
}
