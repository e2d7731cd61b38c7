package com.rostra.scheduling;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.ScheduleFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a schedule by hand through the API: moves and resizes are checked like new activities (overlaps refused
 * with the clash named), contract limits come back as warnings on the saved change, and a shift can be locked.
 */
class ScheduleEditingApiTest extends ApiTest {

    private static List<String> rules(Http.Response r) {
        return r.json().get("warnings").valueStream().map(w -> w.get("rule").asString()).toList();
    }

    private Http.Response add(TestCompany c, long person, String type, String start, String end) {
        Http.Response r = http.post("/api/v1/activities", c.auth(), Map.of("person_id", person, "activity_type_id",
                ScheduleFixtures.typeId(http, c, type), "start", start, "end", end));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    @Test
    void changesAreCheckedOverlapsRefusedAndContractLimitsWarned() {
        TestCompany c = newCompany("Europe/Paris");
        long ann = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Ann", "email", "ann@example.com")).json().get("id").asLong();
        Http.Response contract = http.put("/api/v1/people/" + ann + "/contract", c.auth(), Map.of("contract", Map.of(
                "min_hours_per_week", 0, "max_hours_per_week", 10, "max_days_per_week", 1, "min_rest_hours", 11)));
        assertThat(contract.status()).as(contract.body()).isEqualTo(200);

        // Monday 7 Dec 2026: 09-12 phone, 12-13 lunch (unpaid), 13-17 phone: 7 paid hours, one day.
        long morning = add(c, ann, "Phone", "2026-12-07T09:00:00+01:00", "2026-12-07T12:00:00+01:00").json().get("id").asLong();
        add(c, ann, "Lunch", "2026-12-07T12:00:00+01:00", "2026-12-07T13:00:00+01:00");
        Http.Response afternoon = add(c, ann, "Phone", "2026-12-07T13:00:00+01:00", "2026-12-07T17:00:00+01:00");
        assertThat(rules(afternoon)).isEmpty();
        long afternoonId = afternoon.json().get("id").asLong();

        // Tuesday 02:00-06:00: 11 paid hours (> 10), two days (> 1), 9 h rest after Monday 17:00 (< 11): warned, still saved.
        Http.Response night = add(c, ann, "Phone", "2026-12-08T02:00:00+01:00", "2026-12-08T06:00:00+01:00");
        assertThat(rules(night)).containsExactlyInAnyOrder("max_hours_per_week", "max_days_per_week", "min_rest_hours");
        assertThat(night.json().get("warnings").toString()).contains("11 h paid", "9 h rest", "below the minimum 11 h");
        long nightId = night.json().get("id").asLong();

        // Moved to 08:00-09:00 and shortened: the rest and hours warnings go, two days stay above the contract's one.
        Http.Response moved = http.send("PATCH", "/api/v1/activities/" + nightId, c.auth(),
                Map.of("start", "2026-12-08T08:00:00+01:00", "end", "2026-12-08T09:00:00+01:00"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("start").asString()).isEqualTo("2026-12-08T07:00:00Z");
        assertThat(rules(moved)).containsExactly("max_days_per_week");

        // Resizing the afternoon over the lunch is refused with the clash named, and nothing changes.
        Http.Response clash = http.send("PATCH", "/api/v1/activities/" + afternoonId, c.auth(), Map.of("start", "2026-12-07T12:30:00+01:00"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body()).contains("overlaps Lunch");
        Http.Response bad = http.send("PATCH", "/api/v1/activities/" + afternoonId, c.auth(), Map.of("end", "2026-12-07T12:00:00+01:00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"end\"", "must be after start");
        assertThat(http.send("PATCH", "/api/v1/activities/" + afternoonId, c.auth(), Map.of("activity_type_id", 987654)).body())
                .contains("activity_type_id");
        JsonNode monday = http.get("/api/v1/activities?start=2026-12-07T00:00:00Z&end=2026-12-08T00:00:00Z", c.auth()).json();
        assertThat(monday).hasSize(3);
        assertThat(monday.get(2).get("start").asString()).isEqualTo("2026-12-07T12:00:00Z");

        // A shift is locked whole (the three touching blocks), Tuesday's block stays unlocked; unlock undoes it.
        Http.Response lock = http.post("/api/v1/activities/" + morning + "/lock", c.auth(), Map.of());
        assertThat(lock.status()).as(lock.body()).isEqualTo(200);
        assertThat(lock.json()).hasSize(3);
        JsonNode week = http.get("/api/v1/activities?start=2026-12-07T00:00:00Z&end=2026-12-09T00:00:00Z", c.auth()).json();
        assertThat(week.valueStream().filter(a -> a.get("locked").asBoolean()).count()).isEqualTo(3);
        assertThat(week.valueStream().filter(a -> a.get("id").asLong() == nightId).findFirst().orElseThrow().get("locked").asBoolean()).isFalse();
        assertThat(http.post("/api/v1/activities/" + afternoonId + "/unlock", c.auth(), Map.of()).json().get(0).get("locked").asBoolean()).isFalse();

        // Another company's key neither changes nor locks them.
        TestCompany other = newCompany();
        assertThat(http.send("PATCH", "/api/v1/activities/" + nightId, other.auth(), Map.of("start", "2026-12-08T10:00:00Z")).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/activities/" + nightId + "/lock", other.auth(), Map.of()).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/activities/" + nightId + "/unlock", other.auth(), Map.of()).status()).isEqualTo(404);
        assertThat(http.send("PATCH", "/api/v1/activities/987654321", c.auth(), Map.of("start", "2026-12-08T10:00:00Z")).status()).isEqualTo(404);
    }
}
