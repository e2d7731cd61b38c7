package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.Simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A support lead connects Gladly from the Integrations page and checks on Queues and exclusions that data flows. */
class IntegrationBrowserTest extends ApiTest {

    @Test
    void connectFromTheCardThenSeeContactsArrive() throws Exception {
        assertThat(Browser.available()).isTrue();
        TestCompany company = newCompany("America/New_York");
        String email = addUser(company, "admin", "Lena Lead");
        try (GladlySimulator sim = Simulators.start(41, 900); Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            browser.open("/settings/integrations");
            assertThat(d.findElement(By.id("gladly-status")).getText()).contains("Not connected");

            d.findElement(By.id("username")).sendKeys(sim.config().apiUserEmail());
            d.findElement(By.id("api_token")).sendKeys("not-the-token");
            d.findElement(By.id("base_url")).sendKeys(sim.baseUrl());
            d.findElement(By.id("backfill_days")).clear();
            d.findElement(By.id("backfill_days")).sendKeys("3");
            d.findElement(By.id("connect-gladly")).click();
            assertThat(d.findElement(By.id("connect-error")).getText()).contains("rejected the username or API token");
            assertThat(d.getPageSource()).doesNotContain("not-the-token");
            browser.screenshot("integrations-rejected");

            d.findElement(By.id("api_token")).sendKeys(sim.config().apiToken());
            d.findElement(By.id("connect-gladly")).click();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.open("/settings/integrations");
                return d.findElement(By.id("gladly-status")).getText().contains("Healthy");
            });
            assertThat(d.getPageSource()).doesNotContain(sim.config().apiToken());
            assertThat(d.findElement(By.id("webhook-url")).getText()).endsWith("/webhooks/gladly");
            browser.screenshot("integrations-healthy");

            // Healthy: the webhook steps come first, the re-authorize form waits folded, and a blank token keeps the
            // token Rostra has.
            String source = d.getPageSource();
            assertThat(source.indexOf("id=\"webhook-steps\"")).isLessThan(source.indexOf("id=\"connect\""));
            assertThat(d.findElement(By.id("username")).isDisplayed()).as("re-authorize folded away").isFalse();
            // Disconnect sits at the far end of the card's actions, away from Sync now (not one mis-click apart).
            org.openqa.selenium.WebElement syncNow = d.findElement(By.xpath("//button[normalize-space(.)='Sync now']"));
            org.openqa.selenium.WebElement disconnect = d.findElement(By.xpath("//button[normalize-space(.)='Disconnect']"));
            assertThat(disconnect.getRect().getX() - (syncNow.getRect().getX() + syncNow.getRect().getWidth()))
                    .as("pixels between Sync now and Disconnect").isGreaterThan(200);
            long events = jdbc.sql("select count(*) from gladly_events where company_id = ?").param(company.id()).query(Long.class).single();
            String agentStates = d.findElement(By.id("agent-states-check")).getText();
            if (events > 0) {
                assertThat(agentStates).doesNotContain("waiting for the first webhook event").contains("Events API");
            } else {
                assertThat(agentStates).contains("waiting for the first webhook event");
            }
            d.findElement(By.cssSelector("#connect summary")).click();
            assertThat(d.findElement(By.id("api_token")).getAttribute("placeholder")).contains("keep the current token");
            d.findElement(By.id("backfill_days")).clear();
            d.findElement(By.id("backfill_days")).sendKeys("2");
            d.findElement(By.id("connect-gladly")).click();
            assertThat(d.findElement(By.cssSelector(".alert.success")).getText()).contains("Gladly connected");
            assertThat(jdbc.sql("select backfill_days from gladly_connections where company_id = ?").param(company.id())
                    .query(Integer.class).single()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.open("/settings/integrations");
                return d.findElement(By.id("gladly-status")).getText().contains("Healthy");
            });

            browser.open("/queues?range=week");
            long phone = Long.parseLong(d.findElement(By.cssSelector("#tile-phone .tile-count")).getText().replace(",", ""));
            long expected = jdbc.sql("select count(*) from contacts where company_id = ? and channel = 'phone' and queued_at >= ?")
                    .params(company.id(), now().minus(Duration.ofDays(7)).atOffset(java.time.ZoneOffset.UTC))
                    .query(Long.class).single();
            assertThat(phone).isPositive().isEqualTo(expected);
            assertThat(d.findElements(By.cssSelector("#contacts-table tbody tr"))).isNotEmpty();
            browser.screenshot("queues-week");

            sim.faults().revokeToken(true);
            http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.open("/settings/integrations");
                return d.findElement(By.id("gladly-status")).getText().contains("Sync invalid");
            });
            assertThat(d.findElement(By.id("gladly-status")).getAttribute("title")).contains("no longer has API access");
            assertThat(d.findElement(By.id("reauthorize")).isDisplayed()).isTrue();
            browser.screenshot("integrations-invalid");
        }
    }
}
