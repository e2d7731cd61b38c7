package com.rostra.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.rostra.simulator.GladlySimulator;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every HTTP test: one shared Spring context on a random port (same configuration everywhere, so
 * Spring caches it), each test making its own company so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "test-operator-token";
    public static final String OPERATOR = "Bearer " + ADMIN_TOKEN;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** The application's clock: the test profile starts it at a fixed instant, so no test depends on when it runs. */
    @Autowired
    protected Clock clock;

    protected Http http;

    private final List<TestCompany> connected = new ArrayList<>();

    @BeforeEach
    void setUpHttp() {
        http = new Http("http://127.0.0.1:" + port);
    }

    /** Companies connected to a simulator stop syncing when their test ends: no retries against a closed port. */
    @AfterEach
    void disconnectSimulators() {
        for (TestCompany company : connected) {
            http.delete("/api/v1/integrations/gladly", company.auth());
        }
        connected.clear();
    }

    protected Instant now() {
        return clock.instant();
    }

    protected LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Connects the company to the simulator through the public API; it is disconnected when the test ends. */
    protected Http.Response connect(TestCompany company, GladlySimulator sim, int backfillDays) {
        connected.add(company);
        return Simulators.connect(http, company, sim, backfillDays);
    }

    public record TestCompany(long id, String name, String apiKey) {
        public String auth() {
            return Http.key(apiKey);
        }
    }

    protected TestCompany newCompany() {
        return newCompany("UTC");
    }

    public static final String USER_PASSWORD = "a long enough password";

    /** A company with one signed-in-able user of the given role; returns the user's email. */
    protected String addUser(TestCompany company, String role, String name) {
        String email = role + "-" + company.id() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response r = http.post("/api/v1/users", company.auth(), Map.of("email", email, "name", name, "role", role,
                "password", USER_PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return email;
    }

    protected TestCompany newCompany(String timeZone) {
        String name = "Company " + UUID.randomUUID();
        Http.Response r = http.post("/api/v1/companies", OPERATOR, Map.of("name", name, "time_zone", timeZone));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        return new TestCompany(body.get("id").asLong(), name, body.get("api_key").asString());
    }
}
