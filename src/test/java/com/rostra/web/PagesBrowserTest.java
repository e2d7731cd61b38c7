package com.rostra.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.rostra.support.ApiTest;
import com.rostra.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visits every page as a signed-in admin in headless Chromium and saves a screenshot of each
 * (target/screenshots), then creates a key through the page. Chromium is installed by .ci/run.
 */
class PagesBrowserTest extends ApiTest {

    private static final List<String> PAGES = List.of("/realtime", "/queues", "/forecasts", "/staffing", "/schedules",
            "/people", "/settings/integrations", "/settings/agent-states", "/settings/queues",
            "/settings/business-hours", "/settings/api-keys");

    @Test
    void everyPageRendersAndKeysCanBeCreatedOnce() throws Exception {
        assertThat(Browser.available()).as("chromium and chromedriver must be installed (.ci/run installs them)").isTrue();
        TestCompany company = newCompany("America/Chicago");
        String email = addUser(company, "admin", "Bea Browser");

        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            browser.open("/login");
            browser.screenshot("login");
            browser.login(email, USER_PASSWORD);
            for (String page : PAGES) {
                browser.open(page);
                assertThat(browser.driver().findElement(By.cssSelector(".topbar .company")).getText())
                        .isEqualTo(company.name());
                assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isNotBlank();
                browser.screenshot(page.substring(1).replace('/', '-'));
            }

            browser.open("/settings/api-keys");
            browser.driver().findElement(By.id("key-name")).sendKeys("Browser key");
            browser.driver().findElement(By.id("create-key")).click();
            String shown = browser.driver().findElement(By.id("new-key-value")).getText();
            assertThat(shown).startsWith("rk_");
            browser.screenshot("settings-api-keys-created");
            assertThat(http.get("/api/v1/api-keys", com.rostra.support.Http.key(shown)).status()).isEqualTo(200);

            browser.open("/settings/api-keys");
            assertThat(browser.driver().findElements(By.id("new-key-value"))).as("shown only once").isEmpty();
            assertThat(browser.driver().getPageSource()).contains("Browser key").doesNotContain(shown);
        }
    }
}
