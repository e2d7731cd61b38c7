package com.rostra.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Form login through plain HTTP, CSRF included: what a browser does, without the browser. */
class PageLoginTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void userSignsInAndSeesTheFrame() throws Exception {
        TestCompany company = newCompany("Europe/Paris");
        String email = "admin-" + company.id() + "@example.com";
        http.post("/api/v1/users", company.auth(), Map.of("email", email, "name", "Ada Admin", "role", "admin",
                "password", "a long enough password"));

        HttpResponse<String> before = get("/realtime");
        assertThat(before.statusCode()).isEqualTo(302);
        assertThat(before.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> afterLogin = login(email, "a long enough password");
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        assertThat(afterLogin.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> page = get("/realtime");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(company.name()).contains("Europe/Paris").contains("Ada Admin")
                .contains("Queues and exclusions").contains("Forecasts").contains("Schedules").contains("People");
        assertThat(page.body()).as("the two queue pages named apart in the navigation")
                .contains(">Queues and exclusions</a>").contains(">Queue rules</a>").doesNotContain(">Queues</a>");

        HttpResponse<String> keys = get("/settings/api-keys");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).contains("Default key").doesNotContain(company.apiKey());
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> r = login("nobody@example.com", "wrong password!");
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(get("/realtime").statusCode()).isEqualTo(302);
    }

    @Test
    void agentsCannotManageApiKeys() throws Exception {
        TestCompany company = newCompany();
        String email = "agent-" + company.id() + "@example.com";
        http.post("/api/v1/users", company.auth(), Map.of("email", email, "name", "Al Agent", "role", "agent",
                "password", "a long enough password"));
        login(email, "a long enough password");
        assertThat(get("/realtime").statusCode()).isEqualTo(200);
        assertThat(get("/settings/api-keys").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> login(String email, String password) throws Exception {
        HttpResponse<String> form = get("/login");
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).as("login form carries a CSRF token").isTrue();
        String body = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        return client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
