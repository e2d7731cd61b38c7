package com.rostra.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page session cookie is not sent on cross-site requests and not readable by scripts, and is Secure when a
 * TLS-terminating proxy (a trusted, internal address) says the client came over HTTPS.
 */
class SessionCookieTest extends ApiTest {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).as("plain HTTP: a Secure cookie would never come back").doesNotContain("Secure");
    }

    /** Behind a TLS-terminating proxy the request reaches Rostra over HTTP; the proxy's X-Forwarded-Proto says HTTPS. */
    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/login")).header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }
}
