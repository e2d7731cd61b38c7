package com.rostra.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page is sent with a Content-Security-Policy that allows scripts only from Rostra's own files, and no page
 * carries an inline script or inline event handler (which that policy would block anyway). Every GET route of the
 * pages is checked, read from the handler mapping, so a new page is covered the day it is added.
 */
class PageScriptPolicyTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

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
        PageRoutes.Bindings ids = resources(http, company, "Billing", Map.of("first_name", "Tia", "last_name", "Timeline"));

        PageSession session = new PageSession(port);
        HttpResponse<String> login = session.fetch("/login");
        assertPolicy("/login", login);
        assertNoInlineCode("/login", login.body());

        session.login(email, USER_PASSWORD);
        // Every GET route of the pages (whole pages, htmx fragments and downloads), from the handler mapping.
        for (String pattern : PageRoutes.getPatterns(mapping)) {
            String path = PageRoutes.bind(pattern, ids);
            HttpResponse<String> page = session.fetch(path);
            // "/" only redirects to Realtime; a redirect to the sign-in page would mean the route was never seen.
            assertThat(page.statusCode()).as(path).isIn(200, 302);
            assertThat(page.headers().firstValue("Location").orElse("")).as(path).doesNotContain("/login");
            assertPolicy(path, page);
            if (page.statusCode() == 200 && page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                assertNoInlineCode(path, page.body());
            }
        }
        assertPolicy("/api/v1/queues", toResponse(http.get("/api/v1/queues", company.auth()).header("Content-Security-Policy")));
    }

    /** A queue, a person and a schedule generation of the company, for the routes that show one. */
    static PageRoutes.Bindings resources(com.rostra.support.Http http, TestCompany company, String queueName,
                                         Map<String, Object> person) {
        long queueId = http.post("/api/v1/queues", company.auth(), Map.of("name", queueName)).json().get("id").asLong();
        Map<String, Object> personBody = new java.util.HashMap<>(Map.of("email", "timeline-" + company.id() + "@example.com",
                "role", "agent", "staffable", true, "channels", List.of("phone")));
        personBody.putAll(person);
        com.rostra.support.Http.Response created = http.post("/api/v1/people", company.auth(), personBody);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long personId = created.json().get("id").asLong();
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 11, 30);
        com.rostra.support.Http.Response generation = http.post("/api/v1/schedule-generations", company.auth(), Map.of(
                "start", monday.toString(), "end", monday.plusDays(1).toString(), "time_limit_seconds", 1));
        assertThat(generation.status()).as(generation.body()).isBetween(200, 202);
        return new PageRoutes.Bindings(queueId, personId, generation.json().get("id").asLong(), monday.toString());
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
