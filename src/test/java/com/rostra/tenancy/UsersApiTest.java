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

    /**
     * Whether an address already signs in to another company is none of this company's business: the answer to
     * creating it is the same as for a fresh address, and each account signs in to its own company by its password.
     */
    @Test
    void anotherCompanysEmailIsNotRevealedAndEachAccountSignsInToItsOwnCompany() {
        TestCompany a = newCompany();
        TestCompany b = newCompany();
        String shared = "consultant-" + a.id() + "@example.com";
        String fresh = "fresh-" + a.id() + "@example.com";

        assertThat(http.post("/api/v1/users", a.auth(),
                Map.of("email", shared, "name", "At A", "role", "admin", "password", "password of the A account")).status())
                .isEqualTo(201);
        Http.Response taken = http.post("/api/v1/users", b.auth(),
                Map.of("email", shared, "name", "At B", "role", "admin", "password", "password of the B account"));
        Http.Response free = http.post("/api/v1/users", b.auth(),
                Map.of("email", fresh, "name", "Fresh", "role", "admin", "password", "password of the B account"));
        assertThat(taken.status()).isEqualTo(free.status()).isEqualTo(201);
        assertThat(taken.body().replace(shared, "E").replaceAll("\"id\":\\d+", "").replaceAll("\"created_at\":\"[^\"]+\"", "")
                .replace("At B", "N"))
                .isEqualTo(free.body().replace(fresh, "E").replaceAll("\"id\":\\d+", "").replaceAll("\"created_at\":\"[^\"]+\"", "")
                        .replace("Fresh", "N"));

        assertThat(com.rostra.support.PageSession.signIn(port, shared, "password of the A account").get("/realtime"))
                .contains(a.name()).doesNotContain(b.name());
        assertThat(com.rostra.support.PageSession.signIn(port, shared, "password of the B account").get("/realtime"))
                .contains(b.name()).doesNotContain(a.name());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> com.rostra.support.PageSession.signIn(port, shared, "neither password"))
                .isInstanceOf(AssertionError.class);
    }
}
