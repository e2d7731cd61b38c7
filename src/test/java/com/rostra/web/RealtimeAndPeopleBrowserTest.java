package com.rostra.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.rostra.support.GladlyEventFixtures;
import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The realtime table follows a webhook within a second, without reloading; People adds agents from Gladly. */
class RealtimeAndPeopleBrowserTest extends ApiTest {

    @Test
    void realtimeFollowsTheWebhookAndPeopleComeFromGladly() throws Exception {
        assertThat(Browser.available()).isTrue();
        TestCompany company = newCompany("Europe/Berlin");
        String email = addUser(company, "admin", "Ola Ops");
        try (GladlySimulator sim = Simulators.start(71, 300); Browser browser = new Browser("http://127.0.0.1:" + port)) {
            Instant before = now();
            connect(company, sim, 1);
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
            String agentId = sim.organization().agents().get(0).id();
            String agentName = sim.organization().agents().get(0).name();

            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            browser.open("/realtime");
            assertThat(d.findElements(By.cssSelector("#agents-table tbody tr"))).isNotEmpty();

            await().atMost(Duration.ofSeconds(20)).until(() -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-stream")));
            // A mark on this page's window: it survives only if the row changes without a reload. With the stream open
            // the table polls only every 30 s, so a change within the next 20 s came through the stream.
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("window.rostraNoReload = true;");
            Instant t = now();
            http.post("/webhooks/gladly", Http.basic(company.apiKey(), company.apiKey()),
                    GladlyEventFixtures.event("AGENT_STATUS/WENT_AWAY", agentId, t, Map.of("awayReason", Map.of("id", "x", "name", "Coffee"))));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() ->
                    d.findElement(By.cssSelector("tr[data-agent='" + agentId + "']")).getText().contains("Coffee"));
            assertThat(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.rostraNoReload === true;"))
                    .as("live without reloading").isEqualTo(true);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.cssSelector("tr[data-agent='" + agentId + "']")).getText()).contains(agentName));
            browser.screenshot("realtime");

            browser.open("/people");
            assertThat(d.findElement(By.id("go-add-from-gladly")).getText()).as("at the top of the page")
                    .isEqualTo("Add from Gladly (20 new)");
            assertThat(d.findElements(By.cssSelector("#people-actions a"))).extracting(org.openqa.selenium.WebElement::getText)
                    .as("Add from Gladly and CSV upload at the top").contains("Add from Gladly (20 new)", "Upload a CSV");
            assertThat(d.findElement(By.id("people-actions")).getRect().getY()).as("above the list")
                    .isLessThan(d.findElement(By.cssSelector("form.filters")).getRect().getY());
            d.findElement(By.id("select-all")).click();
            d.findElement(By.id("add-selected")).click();
            assertThat(d.findElement(By.id("people-message")).getText()).contains("20 added from Gladly");
            assertThat(d.findElements(By.cssSelector("#people-table tbody tr"))).hasSize(20);
            assertThat(d.findElement(By.id("go-add-from-gladly")).getText()).isEqualTo("Add from Gladly");
            browser.screenshot("people");

            Path csv = Files.createTempFile("people", ".csv");
            Files.writeString(csv, "first_name,last_name,email\nZed,Zulu,zed@example.com\nBad,Row,not-an-email\n");
            d.findElement(By.id("csv-file")).sendKeys(csv.toAbsolutePath().toString());
            d.findElement(By.id("upload-csv")).click();
            assertThat(d.findElement(By.id("import-errors")).getText()).contains("3").contains("email");
            browser.screenshot("people-import-errors");

            browser.open("/realtime");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.cssSelector("tr[data-agent='" + agentId + "']")).getText()).doesNotContain("not in People"));
            browser.open("/settings/agent-states");
            assertThat(d.findElement(By.id("seen-states")).getText()).contains("Coffee");
            browser.screenshot("settings-agent-states");
        }
    }
}
