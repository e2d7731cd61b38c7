package com.rostra.staffing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalculatorApiTest extends ApiTest {

    @Test
    void erlangCForOneInterval() {
        TestCompany company = newCompany();
        // 180 calls in 30 minutes at 4 minutes each: 24 Erlangs; 80% within 20 s.
        Http.Response r = http.post("/api/v1/staffing/calculate", company.auth(), Map.of("volume", 180, "interval_seconds", 1800,
                "aht_seconds", 240, "service_level", 0.8, "target_seconds", 20, "shrinkage", 0.25, "model", "erlang_c"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        int agents = body.get("agents").asInt();
        // By hand (ErlangCTest): 29 agents, 84.0% within 20 s, ASA 11.6 s; 29 / 0.75 = 38.7, so 39 to schedule.
        assertThat(agents).isEqualTo(29);
        assertThat(body.get("service_level").asDouble()).isCloseTo(0.840, within(5e-4));
        assertThat(body.get("asa_seconds").asDouble()).isCloseTo(11.6, within(0.05));
        assertThat(body.get("agents_with_shrinkage").asInt()).isEqualTo(39);
        // 28 agents would give 76.1 % (P(wait) 0.333): one fewer misses the target. Occupancy 24 / 29.
        assertThat(body.get("occupancy").asDouble()).isCloseTo(0.8276, within(1e-4));
        assertThat(body.get("probability_of_waiting").asDouble()).isCloseTo(0.2423, within(1e-4));
    }

    @Test
    void pyworkforceReadmeCaseThroughTheApi() {
        TestCompany company = newCompany();
        Http.Response r = http.post("/api/v1/staffing/calculate", company.auth(), Map.of("volume", 100, "interval_seconds", 1800,
                "aht_seconds", 180, "service_level", 0.8, "target_seconds", 20, "max_occupancy", 0.85, "shrinkage", 0.3));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("agents").asInt()).isEqualTo(14);
        assertThat(body.get("agents_with_shrinkage").asInt()).isEqualTo(20);
        assertThat(body.get("service_level").asDouble()).isEqualTo(0.8884);
        assertThat(body.get("occupancy").asDouble()).isEqualTo(0.7143);
        assertThat(body.get("model").asString()).isEqualTo("erlang_c");
        assertThat(body.get("abandon_rate").asDouble()).isZero();
    }

    @Test
    void erlangAWithPatience() {
        TestCompany company = newCompany();
        // The same 10 Erlangs; callers hang up after 2 minutes on average. Abandoners count as not answered.
        Http.Response r = http.post("/api/v1/staffing/calculate", company.auth(), Map.of("volume", 100, "interval_seconds", 1800,
                "aht_seconds", 180, "service_level", 0.8, "target_seconds", 20, "max_occupancy", 0.85, "shrinkage", 0.3,
                "model", "erlang_a", "patience_seconds", 120));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("model").asString()).isEqualTo("erlang_a");
        assertThat(body.get("agents").asInt()).as("fewer than Erlang C's 14").isEqualTo(12);
        assertThat(body.get("agents_with_shrinkage").asInt()).isEqualTo(18);
        // 12 agents, summed over the chain's states in ErlangATest: 82.56% answered within 20 s, 6.16% abandon.
        assertThat(body.get("service_level").asDouble()).isCloseTo(0.8256, within(1e-4));
        assertThat(body.get("abandon_rate").asDouble()).isCloseTo(0.0616, within(1e-4));
        assertThat(body.get("occupancy").asDouble()).isCloseTo(10 * (1 - 0.0616) / 12, within(1e-3));
        assertThat(body.get("asa_seconds").asDouble()).isBetween(5.0, 8.0);
    }

    @Test
    void missingOrImpossibleInputsAreNamed() {
        TestCompany company = newCompany();
        Http.Response r = http.post("/api/v1/staffing/calculate", company.auth(), Map.of("volume", -1, "model", "erlang_z"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("volume", "interval_seconds", "aht_seconds", "service_level", "target_seconds", "model");
        Http.Response noPatience = http.post("/api/v1/staffing/calculate", company.auth(), Map.of("volume", 10, "interval_seconds", 900,
                "aht_seconds", 200, "service_level", 0.8, "target_seconds", 20, "model", "erlang_a"));
        assertThat(noPatience.status()).isEqualTo(400);
        assertThat(noPatience.json().get("errors").get(0).get("field").asString()).isEqualTo("patience_seconds");
        assertThat(http.post("/api/v1/staffing/calculate", "Basic bm9wZTo=", Map.of()).status()).isEqualTo(401);
    }
}
