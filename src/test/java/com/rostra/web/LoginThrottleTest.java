package com.rostra.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing is throttled per account: after five failures even the right password waits. */
class LoginThrottleTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private String attempt(String email, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).isTrue();
        String body = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void fiveFailuresHoldTheAccountEvenAgainstTheRightPassword() throws Exception {
        TestCompany c = newCompany();
        String target = addUser(c, "admin", "Tara Target");
        String bystander = addUser(c, "admin", "Bea Bystander");
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(target, "guess number " + i)).as("failure " + i).contains("/login?error");
        }
        assertThat(attempt(target, USER_PASSWORD)).as("held even with the right password").contains("/login?throttled");
        assertThat(PageSession.signIn(port, bystander, USER_PASSWORD).get("/realtime")).as("other accounts unaffected").contains("Realtime");
    }
}
