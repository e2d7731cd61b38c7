package com.rostra.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a time reads it with one vocabulary (RFC 3339, or a bare date) and refuses what is not a
 * time with one message naming the field; the company-day endpoints say so when the time is missing.
 */
class RequestTimesApiTest extends ApiTest {

    private static final String NOT_A_TIME = "'soon' is not an RFC 3339 time such as 2026-03-01T00:00:00Z";

    @Test
    void everyEndpointRefusesWhatIsNotATimeWithOneMessageNamingTheField() {
        TestCompany c = newCompany();
        List<Refusal> refusals = List.of(
                new Refusal("start", http.get("/api/v1/requirements?channel=phone&start=soon", c.auth())),
                new Refusal("end", http.get("/api/v1/forecasts?end=soon", c.auth())),
                new Refusal("start", http.get("/api/v1/agent-states?start=soon", c.auth())),
                new Refusal("end", http.get("/api/v1/agent-states?start=2026-11-01T00:00:00Z&end=soon", c.auth())),
                new Refusal("start", http.post("/api/v1/forecasts/publish", c.auth(), Map.of("start", "soon", "end", "2026-12-07"))),
                new Refusal("end", http.post("/api/v1/schedule-generations", c.auth(), Map.of("start", "2026-12-07", "end", "soon"))),
                new Refusal("start", http.get("/api/v1/volume?start=soon&end=2026-12-07", c.auth())));
        for (Refusal r : refusals) {
            assertThat(r.answer().status()).as(r.answer().body()).isEqualTo(400);
            JsonNode error = r.answer().json().get("errors").get(0);
            assertThat(error.get("field").asString()).as(r.answer().body()).isEqualTo(r.field());
            assertThat(error.get("message").asString()).as(r.answer().body()).isEqualTo(NOT_A_TIME);
        }
    }

    private record Refusal(String field, Http.Response answer) {}

    @Test
    void aBareDateIsATimeEverywhere() {
        TestCompany c = newCompany();
        for (String path : List.of("/api/v1/requirements?channel=phone&start=2026-11-18&end=2026-11-19",
                "/api/v1/forecasts?start=2026-11-16&end=2026-11-23",
                "/api/v1/agent-states?start=2026-11-17&end=2026-11-18")) {
            Http.Response r = http.get(path, c.auth());
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void companyDayEndpointsSayAMissingTimeIsRequired() {
        TestCompany c = newCompany();
        Http.Response publish = http.post("/api/v1/forecasts/publish", c.auth(), Map.of("end", "2026-12-07"));
        Http.Response generate = http.post("/api/v1/schedule-generations", c.auth(), Map.of("end", "2026-12-07"));
        for (Http.Response r : List.of(publish, generate)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("start");
            assertThat(error.get("message").asString()).isEqualTo("is required (a date like 2026-12-07 or an RFC 3339 time)");
        }
    }
}
