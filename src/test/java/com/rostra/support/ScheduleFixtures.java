package com.rostra.support;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling activities through the public API, for tests that need a schedule to compare against. */
public final class ScheduleFixtures {

    private ScheduleFixtures() {}

    public static long typeId(Http http, ApiTest.TestCompany c, String name) {
        for (JsonNode t : http.get("/api/v1/activity-types", c.auth()).json()) {
            if (t.get("name").asString().equals(name)) return t.get("id").asLong();
        }
        throw new AssertionError("no activity type " + name);
    }

    public static long schedule(Http http, ApiTest.TestCompany c, long person, String type, Instant from, Instant to) {
        Http.Response r = http.post("/api/v1/activities", c.auth(), Map.of("person_id", person, "activity_type_id",
                typeId(http, c, type), "start", from.toString(), "end", to.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
