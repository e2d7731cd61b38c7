package com.rostra.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page is sent with a Content-Security-Policy that allows scripts only from Rostra's own files, and no page
 * carries an inline script or inline event handler (which that policy would block anyway).
 */
class PageScriptPolicyTest extends ApiTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTMX_ON = Pattern.compile("\\shx-on", Pattern.CASE_INSENSITIVE);

    private static void assertPolicy(String path, HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
        assertThat(csp).as(path + " sends a Content-Security-Policy").isNotNull();
        assertThat(csp).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline'; script")
                .doesNotContain("'unsafe-eval'");
        String scriptSrc = csp.substring(csp.indexOf("script-src"));
        scriptSrc = scriptSrc.contains(";") ? scriptSrc.substring(0, scriptSrc.indexOf(';')) : scriptSrc;
        assertThat(scriptSrc).as(path + ": scripts from Rostra's own files only").isEqualTo("script-src 'self'");
    }

    private static void assertNoInlineCode(String path, String html) {
        Matcher script = INLINE_SCRIPT.matcher(html);
        assertThat(script.find()).as(path + " has an inline script: " + (script.find(0) ? script.group() : "")).isFalse();
        Matcher handler = INLINE_HANDLER.matcher(html);
        assertThat(handler.find()).as(path + " has an inline event handler: " + (handler.find(0) ? handler.group() : "")).isFalse();
        assertThat(HTMX_ON.matcher(html).find()).as(path + " has an hx-on handler").isFalse();
        assertThat(html).as(path).doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void everyPageSendsTheScriptPolicyAndHasNoInlineCode() {
        TestCompany company = newCompany();
        String email = addUser(company, "admin", "Polly Policy");
        long queueId = http.post("/api/v1/queues", company.auth(), Map.of("name", "Billing")).json().get("id").asLong();

        PageSession session = new PageSession(http, port);
        HttpResponse<String> login = session.fetch("/login");
        assertPolicy("/login", login);
        assertNoInlineCode("/login", login.body());

        session.login(email, USER_PASSWORD);
        for (String path : List.of("/realtime", "/queues", "/forecasts", "/staffing", "/schedules", "/people",
                "/settings/integrations", "/settings/agent-states", "/settings/queues", "/settings/queues/new",
                "/settings/queues/" + queueId, "/settings/business-hours", "/settings/api-keys")) {
            HttpResponse<String> page = session.fetch(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertPolicy(path, page);
            assertNoInlineCode(path, page.body());
        }
        assertPolicy("/api/v1/queues", toResponse(http.get("/api/v1/queues", company.auth()).header("Content-Security-Policy")));
    }

    private static HttpResponse<String> toResponse(String csp) {
        return new HttpResponse<>() {
            public int statusCode() { return 200; }
            public java.net.http.HttpRequest request() { return null; }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() {
                return java.net.http.HttpHeaders.of(csp == null ? Map.of() : Map.of("Content-Security-Policy", List.of(csp)), (a, b) -> true);
            }
            public String body() { return ""; }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
            public java.net.URI uri() { return null; }
            public java.net.http.HttpClient.Version version() { return java.net.http.HttpClient.Version.HTTP_1_1; }
        };
    }
}
