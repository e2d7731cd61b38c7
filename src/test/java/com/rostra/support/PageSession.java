package com.rostra.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.rostra.tenancy.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in page session over plain HTTP (form login with its CSRF token, cookies kept), for page routes. */
public final class PageSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    public PageSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A new session, signed in (asserting the sign-in worked). */
    public static PageSession signIn(int port, String email, String password) {
        return new PageSession(port).login(email, password);
    }

    /**
     * One new signed-in session per role, in role order: {@code addUser} adds a user of that role (to the company under
     * test) and returns its email; each signs in with {@code password}.
     */
    public static Map<Role, PageSession> signInEachRole(int port, Function<Role, String> addUser, String password) {
        Map<Role, PageSession> sessions = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            sessions.put(role, signIn(port, addUser.apply(role), password));
        }
        return sessions;
    }

    public PageSession login(String email, String password) {
        HttpResponse<String> r = form("/login", Map.of("username", email, "password", password), csrfFrom(fetch("/login").body()));
        assertThat(r.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
        return this;
    }

    /** The page's body, asserting 200. */
    public String get(String path) {
        HttpResponse<String> r = fetch(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    public HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * Any method with this session's cookie and, for methods with a body, an empty JSON object; no CSRF token. For
     * routes that must not take the session at all (the API is key-only).
     */
    public HttpResponse<String> call(String method, String path) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(30));
        if (body) request.header("Content-Type", "application/json");
        return send(request.method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts a form as the page would, with a CSRF token taken from a page of the session. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return form(path, fields, csrfFrom(fetch("/realtime").body()));
    }

    private HttpResponse<String> form(String path, Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String csrfFrom(String html) {
        Matcher m = CSRF_META.matcher(html);
        if (m.find()) return m.group(1);
        m = CSRF_INPUT.matcher(html);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
