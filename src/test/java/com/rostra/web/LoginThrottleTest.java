package com.rostra.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is throttled per account (after five failures even the right password waits) and per client
 * address (a guesser spreading failures over many accounts is held too), the address being the one a trusted proxy
 * names in X-Forwarded-For.
 */
class LoginThrottleTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Value("${rostra.login.failures-per-account:5}")
    int perAccount;

    @Value("${rostra.login.failures-per-address:50}")
    int perAddress;

    private String attempt(String email, String password) throws Exception {
        return attempt(email, password, null);
    }

    /** One sign-in; with a client address, as a proxy relays it for that client (X-Forwarded-For). */
    private String attempt(String email, String password, String clientAddress) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = client.send(forwarded(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")),
                clientAddress).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).isTrue();
        String body = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(forwarded(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")), clientAddress)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Location").orElse("");
    }

    private static HttpRequest.Builder forwarded(HttpRequest.Builder request, String clientAddress) {
        return clientAddress == null ? request : request.header("X-Forwarded-For", clientAddress);
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

    @Test
    void failuresSpreadOverManyAccountsHoldTheGuessersAddress() throws Exception {
        TestCompany c = newCompany();
        // Buckets live in the node for the suite's whole run: an address of this run's own (documentation range).
        String guesser = "198.51.100." + (1 + ThreadLocalRandom.current().nextInt(254));
        String colleague = "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(254));
        int failures = 0;
        // Each account stays below its own hold, so only the address's bucket can stop the guesser.
        while (failures < perAddress) {
            String account = addUser(c, "agent", "Guessed " + failures);
            for (int i = 0; i < perAccount - 1 && failures < perAddress; i++, failures++) {
                assertThat(attempt(account, "guess " + failures, guesser)).as("failure " + failures).contains("/login?error");
            }
        }
        String untouched = addUser(c, "agent", "Una Untouched");
        assertThat(attempt(untouched, USER_PASSWORD, guesser)).as("an account never guessed, from the guesser's address")
                .contains("/login?throttled");
        assertThat(attempt(untouched, USER_PASSWORD, colleague)).as("the same account from another client address")
                .doesNotContain("/login?");
    }
}
