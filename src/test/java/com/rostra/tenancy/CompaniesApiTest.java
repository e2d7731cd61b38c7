package com.rostra.tenancy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

class CompaniesApiTest extends ApiTest {

    @Test
    void operatorCreatesCompanyWithFirstKeyShownOnce() {
        Http.Response r = http.post("/api/v1/companies", OPERATOR, Map.of("name", "Acme Support", "time_zone", "Europe/Berlin"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("name").asString()).isEqualTo("Acme Support");
        assertThat(r.json().get("time_zone").asString()).isEqualTo("Europe/Berlin");
        String key = r.json().get("api_key").asString();
        assertThat(key).startsWith("rk_");

        // The key works, and the database holds only its hash.
        assertThat(http.get("/api/v1/api-keys", Http.key(key)).status()).isEqualTo(200);
        long companyId = r.json().get("id").asLong();
        String stored = jdbc.sql("select key_hash from api_keys where company_id = ?").param(companyId)
                .query(String.class).single();
        assertThat(stored).doesNotContain(key).hasSize(64);
    }

    @Test
    void timeZoneDefaultsToUtc() {
        Http.Response r = http.post("/api/v1/companies", OPERATOR, Map.of("name", "No Zone Inc"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("time_zone").asString()).isEqualTo("UTC");
    }

    @Test
    void wrongOrMissingOperatorTokenIsRejected() {
        Http.Response wrong = http.post("/api/v1/companies", "Bearer not-the-token", Map.of("name", "Evil"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrong.json().get("status").asInt()).isEqualTo(401);

        assertThat(http.post("/api/v1/companies", null, Map.of("name", "Evil")).status()).isEqualTo(401);

        TestCompany company = newCompany();
        assertThat(http.post("/api/v1/companies", company.auth(), Map.of("name", "Evil")).status())
                .as("a company key is not the operator token").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from companies where name = 'Evil'").query(Long.class).single()).isZero();
    }

    @Test
    void validationErrorsNameTheField() {
        Http.Response blank = http.post("/api/v1/companies", OPERATOR, Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Http.Response zone = http.post("/api/v1/companies", OPERATOR, Map.of("name", "Zoned", "time_zone", "Mars/Olympus"));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("errors").get(0).get("field").asString()).isEqualTo("time_zone");
        assertThat(zone.json().get("detail").asString()).contains("Mars/Olympus");
    }

    @Test
    void malformedJsonIsA400WithoutInternals() {
        Http.Response r = http.postRaw("/api/v1/companies", OPERATOR, "application/json", "{\"name\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("title").asString()).isEqualTo("Malformed request body");
        assertThat(r.body()).doesNotContain("at com.").doesNotContain("Exception");
    }
}
