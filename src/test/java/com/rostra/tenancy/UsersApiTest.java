package com.rostra.tenancy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

class UsersApiTest extends ApiTest {

    @Test
    void createsUsersPerCompanyAndRejectsDuplicatesAndBadRoles() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        String email = "lead-" + a.id() + "@example.com";

        Http.Response created = http.post("/api/v1/users", a.auth(),
                Map.of("email", email, "name", "Lead", "role", "manager", "password", "correct horse battery"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");

        assertThat(http.post("/api/v1/users", a.auth(),
                Map.of("email", email, "name", "Again", "role", "agent", "password", "correct horse battery")).status())
                .isEqualTo(409);

        Http.Response badRole = http.post("/api/v1/users", a.auth(),
                Map.of("email", "x" + email, "name", "X", "role", "overlord", "password", "correct horse battery"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");

        assertThat(http.get("/api/v1/users", b.auth()).body()).doesNotContain(email);
        assertThat(http.get("/api/v1/users", a.auth()).body()).contains(email);
    }
}
