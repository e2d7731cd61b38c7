package com.rostra.support;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rostra.contacts.ContactStore;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling activities and the demand and people a schedule generation plans, through the public API. */
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

    /**
     * Chat demand a generation can plan, and chat agents for it: six weeks of chat history ({@link WeeklyChats}:
     * weekdays 09-17, three chats an hour), chat staffing settings (80 % in 60 s, 300 s handle time, 30 % shrinkage,
     * one chat at a time), 8-hour shifts starting on the hour, and one chat agent per name. Returns the agents' ids in
     * the order of the names.
     */
    public static List<Long> chatDemandAndAgents(Http http, ContactStore store, ApiTest.TestCompany c, ZoneId zone, String... agents) {
        store.upsert(new CompanyId(c.id()), WeeklyChats.sixWeeks(zone));
        Http.Response settings = http.put("/api/v1/staffing-settings/all/chat", c.auth(), new HashMap<>(Map.of("service_level", 0.8,
                "target_seconds", 60, "aht_seconds", 300, "shrinkage", 0.3, "max_occupancy", 0.85, "concurrency", 1)));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        Http.Response rules = http.put("/api/v1/shift-rules", c.auth(), Map.of("shift_lengths_minutes", List.of(480), "start_grid_minutes", 60));
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (String name : agents) ids.add(chatAgent(http, c, name));
        return ids;
    }

    /** A person who works chat, named {@code name} (also the local part of the email). */
    public static long chatAgent(Http http, ApiTest.TestCompany c, String name) {
        Http.Response r = http.post("/api/v1/people", c.auth(), Map.of("first_name", name, "email", name + "@example.com",
                "channels", List.of("chat")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
