package com.rostra.web;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.Http;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead previews other staffing settings, sees the error next to a bad field, and saves. */
class StaffingBrowserTest extends ApiTest {

    @Autowired
    ContactStore store;

    @Test
    void previewThenSaveSettings() throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        TestCompany company = newCompany(zone.getId());
        String email = addUser(company, "manager", "Sam Staffing");
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(zone));
        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            browser.open("/staffing?channel=chat&day=" + today(zone).plusWeeks(1)
                    .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
            int peak = Integer.parseInt(d.findElement(By.id("peak")).getText());
            assertThat(peak).isPositive();
            assertThat(d.findElement(By.id("staffing-chart")).getAttribute("data-points")).isEqualTo("96");
            assertThat(d.findElements(By.cssSelector("#staffing-table tbody tr"))).as("the summary table under the chart").isNotEmpty();
            assertThat(d.findElement(By.id("staffing-table")).getRect().getY())
                    .isGreaterThan(d.findElement(By.id("staffing-chart")).getRect().getY());
            browser.screenshot("staffing");

            d.findElement(By.id("aht_seconds")).clear();
            d.findElement(By.id("aht_seconds")).sendKeys("3000");
            d.findElement(By.id("preview")).click();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("preview-badge")).isDisplayed()).isTrue());
            assertThat(Integer.parseInt(d.findElement(By.id("peak")).getText())).as("ten times the handle time").isGreaterThan(peak);
            assertThat(http.get("/api/v1/staffing-settings/all/chat", company.auth()).json().get("aht_seconds").asInt())
                    .as("a preview saves nothing").isEqualTo(600);

            assertThat(d.findElement(By.id("shrinkage")).getAttribute("value")).as("shares in percent").isEqualTo("30");
            d.findElement(By.id("shrinkage")).clear();
            d.findElement(By.id("shrinkage")).sendKeys("95");
            d.findElement(By.id("save-settings")).click();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.cssSelector("#settings-form .field-error")).getText()).contains("90 %"));
            d.findElement(By.id("shrinkage")).clear();
            d.findElement(By.id("shrinkage")).sendKeys("25");

            d.findElement(By.id("aht_seconds")).clear();
            d.findElement(By.id("aht_seconds")).sendKeys("420");
            d.findElement(By.id("save-settings")).click();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("staffing-message")).getText()).contains("Saved"));
            Http.Response saved = http.get("/api/v1/staffing-settings/all/chat", company.auth());
            assertThat(saved.json().get("aht_seconds").asInt()).isEqualTo(420);
            assertThat(saved.json().get("shrinkage").asDouble()).as("25 % typed, a fraction kept").isEqualTo(0.25);

            String day = d.findElement(By.id("day")).getAttribute("value");
            d.findElement(By.id("next-day")).click();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("day")).getAttribute("value")).isEqualTo(java.time.LocalDate.parse(day).plusDays(1).toString()));
            d.findElement(By.id("previous-day")).click();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("day")).getAttribute("value")).isEqualTo(day));
        }
    }
}
