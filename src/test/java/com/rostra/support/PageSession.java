package com.rostra.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in page session over plain HTTP (form login with its CSRF token, cookies kept). */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    public PageSession(Http http, int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public PageSession login(String email, String password) {
        HttpResponse<String> form = fetch("/login");
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).as("login form carries a CSRF token").isTrue();
        String body = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return this;
    }

    /** The page's body, asserting 200. */
    public String get(String path) {
        HttpResponse<String> r = fetch(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    public HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
