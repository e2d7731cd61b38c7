package com.rostra.schedules;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Activity types and activities: no overlaps, per-row CSV errors, and one company never sees another's. */
class SchedulesApiTest extends ApiTest {

    private long person(TestCompany c, String email) {
        Http.Response r = http.post("/api/v1/people", c.auth(), Map.of("first_name", "P", "email", email));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long type(TestCompany c, String name) {
        for (JsonNode t : http.get("/api/v1/activity-types", c.auth()).json()) {
            if (t.get("name").asString().equals(name)) return t.get("id").asLong();
        }
        throw new AssertionError(name);
    }

    @Test
    void activitiesNeverOverlapAndStayWithTheirCompany() {
        TestCompany c = newCompany("Europe/Paris");
        JsonNode types = http.get("/api/v1/activity-types", c.auth()).json();
        assertThat(types.toString()).contains("\"name\":\"Phone\"", "\"category\":\"break\"", "\"category\":\"time_off\"");
        Http.Response custom = http.post("/api/v1/activity-types", c.auth(), Map.of("name", "Coaching", "productive", false, "category", "meeting"));
        assertThat(custom.status()).as(custom.body()).isEqualTo(201);
        assertThat(http.post("/api/v1/activity-types", c.auth(), Map.of("name", "coaching", "productive", false)).status()).isEqualTo(409);
        assertThat(http.post("/api/v1/activity-types", c.auth(), Map.of("name", "X", "channel", "fax")).body()).contains("productive", "channel");

        long ann = person(c, "ann@example.com");
        long phone = type(c, "Phone");
        Http.Response a = http.post("/api/v1/activities", c.auth(), Map.of("person_id", ann, "activity_type_id", phone,
                "start", "2026-12-07T09:00:00+01:00", "end", "2026-12-07T12:00:00+01:00"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Http.Response clash = http.post("/api/v1/activities", c.auth(), Map.of("person_id", ann, "activity_type_id", type(c, "Break"),
                "start", "2026-12-07T11:45:00+01:00", "end", "2026-12-07T12:00:00+01:00"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body()).contains("overlaps Phone");
        assertThat(http.post("/api/v1/activities", c.auth(), Map.of("person_id", ann, "activity_type_id", phone,
                "start", "2026-12-07T13:00:00+01:00", "end", "2026-12-07T12:00:00+01:00")).body()).contains("must be after start");
        assertThat(http.get("/api/v1/activities?start=2026-12-07T00:00:00Z&end=2026-12-08T00:00:00Z", c.auth()).json()).hasSize(1);

        TestCompany other = newCompany();
        long activity = a.json().get("id").asLong();
        assertThat(http.get("/api/v1/activities?start=2026-12-07T00:00:00Z&end=2026-12-08T00:00:00Z", other.auth()).json()).isEmpty();
        assertThat(http.delete("/api/v1/activities/" + activity, other.auth()).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/activities", other.auth(), Map.of("person_id", ann, "activity_type_id", phone,
                "start", "2026-12-08T09:00:00Z", "end", "2026-12-08T10:00:00Z")).body()).contains("person_id", "activity_type_id");
        assertThat(http.delete("/api/v1/activities/" + activity, c.auth()).status()).isEqualTo(204);
    }

    @Test
    void aScheduleImportReportsEachBadRowAndImportsNothingUnlessPartial() {
        TestCompany c = newCompany();
        person(c, "amy@example.com");
        String csv = """
                person_email,activity_type,start,end
                amy@example.com,Phone,2026-12-07T09:00:00Z,2026-12-07T12:00:00Z
                amy@example.com,Lunch,2026-12-07T12:00:00Z,2026-12-07T12:30:00Z
                nobody@example.com,Phone,2026-12-07T09:00:00Z,2026-12-07T10:00:00Z
                amy@example.com,Juggling,2026-12-07T13:00:00Z,2026-12-07T14:00:00Z
                amy@example.com,Phone,2026-12-07T11:00:00Z,2026-12-07T13:00:00Z
                amy@example.com,Phone,2026-12-07T15:00:00Z,2026-12-07T14:00:00Z
                """;
        Http.Response r = http.postRaw("/api/v1/activities/import", c.auth(), "text/csv", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode errors = r.json().get("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("person_email");
        assertThat(errors.get(1).get("field").asString()).isEqualTo("activity_type");
        assertThat(errors.get(2).get("message").asString()).contains("overlaps row 2");
        assertThat(errors.get(3).get("message").asString()).contains("after start");
        assertThat(http.get("/api/v1/activities?start=2026-12-07T00:00:00Z&end=2026-12-08T00:00:00Z", c.auth()).json()).isEmpty();

        Http.Response partial = http.postRaw("/api/v1/activities/import?partial=true", c.auth(), "text/csv", csv);
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().get("imported").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/activities?start=2026-12-07T00:00:00Z&end=2026-12-08T00:00:00Z", c.auth()).json()).hasSize(2);
        assertThat(http.get("/api/v1/activities/import/template", c.auth()).body()).startsWith("person_email,activity_type,start,end");
    }
}
