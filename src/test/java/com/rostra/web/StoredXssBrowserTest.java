package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.Http;
import com.rostra.support.PageSession;

import static com.rostra.support.GladlyEventFixtures.event;
import static com.rostra.support.GladlyEventFixtures.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Names are data, never code: queues, people, Gladly agents, inboxes, teams and state reasons named like script
 * show as text on every page, no dialog opens on its own, the delete confirmation still asks (with the name as
 * text), and the browser refuses inline script. The pages walked are every whole page of the handler mapping, so a
 * new page is walked the day it is added.
 */
class StoredXssBrowserTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private static final String QUOTE_BREAK = "'); alert(1); //";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT = "<script>alert(1)</script>";

    private static void assertNoDialog(WebDriver d, String where) {
        try {
            Alert alert = d.switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            fail(where + " opened a dialog by itself: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void hostileNamesShowAsTextAndNeverRun() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "needs chromium and chromedriver");
        TestCompany company = newCompany();
        String email = addUser(company, "admin", IMG);
        long quoteQueue = http.post("/api/v1/queues", company.auth(), Map.of("name", QUOTE_BREAK)).json().get("id").asLong();
        long imgQueue = http.post("/api/v1/queues", company.auth(), Map.of("name", IMG)).json().get("id").asLong();
        String agentId = "agent-" + UUID.randomUUID();
        Http.Response person = http.post("/api/v1/people", company.auth(), Map.of("first_name", IMG, "last_name", QUOTE_BREAK,
                "email", "x-" + company.id() + "@example.com", "role", "agent", "staffable", true, "channels", List.of("phone"),
                "team", SCRIPT, "gladly_agent_id", agentId));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        jdbc.sql("insert into gladly_agents (company_id, agent_id, name, email, team_names, seen_at) values (?, ?, ?, ?, ?, current_timestamp)")
                .params(company.id(), "other-" + UUID.randomUUID(), QUOTE_BREAK + " " + IMG, "agent@example.com", SCRIPT).update();
        jdbc.sql("insert into gladly_inboxes (company_id, inbox_id, name) values (?, ?, ?)")
                .params(company.id(), "inbox-x", IMG).update();
        String webhook = Http.basic(company.apiKey(), company.apiKey());
        Instant t = now().minus(Duration.ofMinutes(10));
        assertThat(http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/LOGGED_IN", agentId, t, Map.of())).status()).isEqualTo(200);
        assertThat(http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/WENT_AWAY", agentId, t.plusSeconds(5),
                Map.of("awayReason", reason(IMG + QUOTE_BREAK)))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/agent-states/current", company.auth()).json().size() == 1
                && "away".equals(http.get("/api/v1/agent-states/current", company.auth()).json().get(0).get("state").asString()));

        // Every whole page the application has (from the handler mapping), the hostile person's timeline among them.
        Http.Response generation = http.post("/api/v1/schedule-generations", company.auth(), Map.of(
                "start", "2026-11-30", "end", "2026-12-01", "time_limit_seconds", 1));
        assertThat(generation.status()).as(generation.body()).isBetween(200, 202);
        PageRoutes.Bindings ids = new PageRoutes.Bindings(quoteQueue, person.json().get("id").asLong(),
                generation.json().get("id").asLong(), "2026-11-30");
        PageSession reader = PageSession.signIn(port, email, USER_PASSWORD);
        List<String> pages = new ArrayList<>();
        for (String pattern : PageRoutes.getPatterns(mapping)) {
            String path = PageRoutes.bind(pattern, ids);
            java.net.http.HttpResponse<String> r = reader.fetch(path);
            assertThat(r.statusCode()).as(path).isIn(200, 302); // "/" redirects to Realtime
            if (r.statusCode() == 200 && PageRoutes.wholePage(r)) pages.add(path);
        }
        pages.add("/settings/queues/" + imgQueue);
        assertThat(pages).as("whole pages to walk").hasSizeGreaterThanOrEqualTo(18)
                .contains("/adherence", "/forecasts/special-days", "/schedules/generate", "/people/" + ids.personId() + "/timeline");

        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            for (String path : pages) {
                browser.open(path);
                assertThat(d.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
                Thread.sleep(300); // let deferred scripts and a first htmx poll run
                assertNoDialog(d, path);
                // Absence is checked without the driver's implicit wait (5 s per page otherwise: most of this test's time).
                d.manage().timeouts().implicitlyWait(Duration.ZERO);
                try {
                    assertThat(d.findElements(By.cssSelector("img[src='x']"))).as(path + ": no injected element").isEmpty();
                } finally {
                    d.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
                }
                assertThat(d.findElement(By.cssSelector(".topbar .user")).getText()).as(path).contains(IMG);
            }

            browser.open("/people");
            assertThat(d.findElement(By.tagName("main")).getText()).contains(IMG).contains(QUOTE_BREAK).contains(SCRIPT);
            browser.open("/realtime");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("live")).getText()).contains(IMG + QUOTE_BREAK));
            assertNoDialog(d, "/realtime after a poll");

            // The browser enforces the policy: inline script does not run, even when injected at runtime.
            Object ran = ((JavascriptExecutor) d).executeScript(
                    "const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true';"
                            + "document.body.appendChild(s); return window.__inlineRan === true;");
            assertThat(ran).as("inline script blocked by the Content-Security-Policy").isEqualTo(false);

            // The delete confirmation still asks, naming the queue as text; cancelling keeps it.
            browser.open("/settings/queues");
            assertThat(d.findElement(By.tagName("main")).getText()).contains(QUOTE_BREAK).contains(IMG);
            d.findElement(By.id("delete-" + quoteQueue)).click();
            Alert confirm = new WebDriverWait(d, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
            assertThat(confirm.getText()).isEqualTo("Delete queue " + QUOTE_BREAK + "? Its contacts are re-assigned.");
            confirm.dismiss();
            Thread.sleep(500);
            assertThat(http.get("/api/v1/queues/" + quoteQueue, company.auth()).status()).as("cancelled: kept").isEqualTo(200);

            d.findElement(By.id("delete-" + quoteQueue)).click();
            new WebDriverWait(d, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/queues/" + quoteQueue, company.auth()).status() == 404);
            assertThat(http.get("/api/v1/queues/" + imgQueue, company.auth()).status()).isEqualTo(200);
            assertNoDialog(d, "/settings/queues after delete");
        }
    }
}
