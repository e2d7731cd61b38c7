package com.rostra.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Shift rules, contracts with availability, and time off, through the HTTP API. */
class SchedulingInputsApiTest extends ApiTest {

    private static long person(Http http, TestCompany c, String name) {
        Http.Response r = http.post("/api/v1/people", c.auth(), Map.of("first_name", name, "email", name + "-" + c.id() + "@example.com",
                "channels", List.of("chat")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static List<String> fields(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void shiftRulesStartAtDefaultsAreValidatedFieldByFieldAndKeepWhatIsLeftOut() {
        TestCompany c = newCompany();
        JsonNode defaults = http.get("/api/v1/shift-rules", c.auth()).json();
        assertThat(defaults.get("shift_lengths_minutes").get(0).asInt()).isEqualTo(480);
        assertThat(defaults.get("start_grid_minutes").asInt()).isEqualTo(30);
        assertThat(defaults.get("break_minutes_per_hours").get("every_hours").asInt()).isEqualTo(4);
        assertThat(defaults.get("lunch").get("earliest_after_minutes").asInt()).isEqualTo(180);
        assertThat(defaults.get("min_rest_hours").asInt()).isEqualTo(11);

        Http.Response bad = http.put("/api/v1/shift-rules", c.auth(), Map.of("shift_lengths_minutes", List.of(50), "start_grid_minutes", 7,
                "break_minutes_per_hours", Map.of("minutes", 90), "lunch", Map.of("earliest_after_minutes", 400, "latest_after_minutes", 300),
                "min_rest_hours", 30, "latest_end", "25:00"));
        assertThat(fields(bad)).contains("shift_lengths_minutes", "start_grid_minutes", "break_minutes_per_hours.minutes",
                "lunch.latest_after_minutes", "min_rest_hours", "latest_end");
        assertThat(http.get("/api/v1/shift-rules", c.auth()).json().get("start_grid_minutes").asInt()).as("nothing saved").isEqualTo(30);

        Http.Response ok = http.put("/api/v1/shift-rules", c.auth(), Map.of("shift_lengths_minutes", List.of(360, 480), "start_grid_minutes", 60,
                "latest_end", "20:00"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode saved = http.get("/api/v1/shift-rules", c.auth()).json();
        assertThat(saved.get("shift_lengths_minutes").size()).isEqualTo(2);
        assertThat(saved.get("latest_end").asString()).isEqualTo("20:00");
        assertThat(saved.get("lunch").get("minutes").asInt()).as("left out: kept").isEqualTo(30);
        assertThat(http.get("/api/v1/shift-rules", newCompany().auth()).json().get("start_grid_minutes").asInt())
                .as("another company keeps its own").isEqualTo(30);
    }

    @Test
    void contractsAndAvailabilityArePerPersonValidatedAndInvisibleToOtherCompanies() {
        TestCompany c = newCompany();
        long ann = person(http, c, "ann");
        JsonNode none = http.get("/api/v1/people/" + ann + "/contract", c.auth()).json();
        assertThat(none.get("contract").get("max_hours_per_week").asInt()).isEqualTo(40);
        assertThat(none.get("availability").size()).isZero();

        Http.Response put = http.put("/api/v1/people/" + ann + "/contract", c.auth(), Map.of(
                "contract", Map.of("min_hours_per_week", 20, "max_hours_per_week", 32, "max_days_per_week", 4),
                "availability", List.of(Map.of("day_of_week", "monday", "start", "08:00", "end", "18:00"),
                        Map.of("day_of_week", 5, "start", "22:00", "end", "06:00"),
                        Map.of("day_of_week", "mon", "start", "08:00", "end", "12:00", "preferred", true))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode terms = http.get("/api/v1/people/" + ann + "/contract", c.auth()).json();
        assertThat(terms.get("contract").get("max_days_per_week").asInt()).isEqualTo(4);
        JsonNode friday = terms.get("availability").get(2);
        assertThat(friday.get("day_of_week").asString()).as("sorted by day").isEqualTo("friday");
        assertThat(friday.get("end").asString()).as("overnight").isEqualTo("06:00");
        assertThat(terms.get("availability").valueStream().filter(w -> w.get("preferred").asBoolean()).toList()).singleElement()
                .satisfies(w -> assertThat(w.get("start").asString()).isEqualTo("08:00"));

        assertThat(fields(http.put("/api/v1/people/" + ann + "/contract", c.auth(), Map.of(
                "contract", Map.of("min_hours_per_week", 50, "max_hours_per_week", 90, "max_days_per_week", 8),
                "availability", List.of(Map.of("day_of_week", "someday", "start", "8am", "end", "18:00"))))))
                .contains("contract.max_hours_per_week", "contract.max_days_per_week", "availability[0].day_of_week", "availability[0].start");
        assertThat(fields(http.put("/api/v1/people/" + ann + "/contract", c.auth(), Map.of(
                "contract", Map.of("min_hours_per_week", 40, "max_hours_per_week", 30))))).containsExactly("contract.max_hours_per_week");

        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/people/" + ann + "/contract", other.auth()).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/people/" + ann + "/contract", other.auth(), Map.of("contract", Map.of("max_days_per_week", 1))).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/people/" + ann + "/contract", c.auth()).json().get("contract").get("max_days_per_week").asInt())
                .isEqualTo(4);
    }

    @Test
    void peoplePostAndPatchCarryContractAndAvailability() {
        TestCompany c = newCompany();
        Http.Response created = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Zoe", "email", "zoe-" + c.id() + "@example.com",
                "channels", List.of("phone"), "contract", Map.of("min_hours_per_week", 10, "max_hours_per_week", 20, "max_days_per_week", 3),
                "availability", List.of(Map.of("day_of_week", "tuesday", "start", "09:00", "end", "13:00"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long zoe = created.json().get("id").asLong();
        JsonNode terms = http.get("/api/v1/people/" + zoe + "/contract", c.auth()).json();
        assertThat(terms.get("contract").get("max_hours_per_week").asInt()).isEqualTo(20);
        assertThat(terms.get("availability").get(0).get("day_of_week").asString()).isEqualTo("tuesday");

        Http.Response bad = http.post("/api/v1/people", c.auth(), Map.of("first_name", "Yan", "email", "yan-" + c.id() + "@example.com",
                "contract", Map.of("max_days_per_week", 9)));
        assertThat(fields(bad)).containsExactly("contract.max_days_per_week");
        assertThat(http.get("/api/v1/people", c.auth()).json().size()).as("nothing written").isEqualTo(1);

        Http.Response patched = http.send("PATCH", "/api/v1/people/" + zoe, c.auth(), Map.of("team", "Blue", "contract", Map.of("max_days_per_week", 4)));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("team").asString()).isEqualTo("Blue");
        JsonNode after = http.get("/api/v1/people/" + zoe + "/contract", c.auth()).json();
        assertThat(after.get("contract").get("max_days_per_week").asInt()).isEqualTo(4);
        assertThat(after.get("contract").get("max_hours_per_week").asInt()).as("left out: kept").isEqualTo(20);
        assertThat(after.get("availability").size()).as("left out: kept").isEqualTo(1);
        assertThat(fields(http.send("PATCH", "/api/v1/people/" + zoe, c.auth(), Map.of("availability", List.of(Map.of("day_of_week", "x"))))))
                .contains("availability[0].day_of_week");
        assertThat(http.send("PATCH", "/api/v1/people/" + zoe, newCompany().auth(), Map.of("contract", Map.of("max_days_per_week", 1))).status())
                .isEqualTo(404);
    }

    @Test
    void timeOffIsRequestedThenApprovedOrDeniedOnceAndListedByRangeAndPerson() {
        ZoneId zone = ZoneId.of("America/New_York");
        TestCompany c = newCompany(zone.getId());
        long ann = person(http, c, "ann");
        long bob = person(http, c, "bob");
        LocalDate monday = today(zone).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        String start = monday.atStartOfDay(zone).toOffsetDateTime().toString();
        String end = monday.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString();

        Http.Response created = http.post("/api/v1/time-off", c.auth(), Map.of("person_id", ann, "start", start, "end", end, "note", "dentist"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("requested");
        long id = created.json().get("id").asLong();
        long bobs = http.post("/api/v1/time-off", c.auth(), Map.of("person_id", bob, "start", start, "end", end)).json().get("id").asLong();

        TestCompany other = newCompany();
        assertThat(http.post("/api/v1/time-off/" + id + "/approve", other.auth(), Map.of()).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/time-off/" + id + "/deny", other.auth(), Map.of()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/time-off/" + id, other.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/time-off", other.auth()).json().size()).isZero();
        assertThat(fields(http.post("/api/v1/time-off", other.auth(), Map.of("person_id", ann, "start", start, "end", end))))
                .containsExactly("person_id");

        Http.Response approved = http.post("/api/v1/time-off/" + id + "/approve", c.auth(), Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");
        assertThat(http.post("/api/v1/time-off/" + id + "/deny", c.auth(), Map.of()).status()).as("decided once").isEqualTo(409);
        assertThat(http.post("/api/v1/time-off/" + bobs + "/deny", c.auth(), Map.of()).json().get("status").asString()).isEqualTo("denied");

        assertThat(http.get("/api/v1/time-off?person_id=" + ann, c.auth()).json().size()).isEqualTo(1);
        assertThat(http.get("/api/v1/time-off?start=" + end.replace("+", "%2B"), c.auth()).json().size()).as("ends before the range").isZero();
        assertThat(http.get("/api/v1/time-off?start=" + start.replace("+", "%2B") + "&end=" + end.replace("+", "%2B"), c.auth()).json().size())
                .isEqualTo(2);

        assertThat(fields(http.post("/api/v1/time-off", c.auth(), Map.of("person_id", ann, "start", end, "end", start)))).containsExactly("end");
        assertThat(fields(http.post("/api/v1/time-off", c.auth(), Map.of("start", "soon")))).contains("person_id", "start", "end");
    }
}
