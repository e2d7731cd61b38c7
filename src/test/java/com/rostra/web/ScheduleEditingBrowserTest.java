package com.rostra.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.ScheduleFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead opens a day of the schedule at 15-minute precision, drags a block an hour later, widens it by its edge,
 * edits one in place, and sees an overlap refused and a contract limit warned.
 */
class ScheduleEditingBrowserTest extends ApiTest {

    private static void awaitText(WebDriver d, By by, String text) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(d.findElement(by).getText()).contains(text));
    }

    private JsonNode activities(TestCompany c, LocalDate day) {
        return http.get("/api/v1/activities?start=" + day + "T00:00:00Z&end=" + day.plusDays(1) + "T12:00:00Z", c.auth()).json();
    }

    @Test
    void dragToMoveAndResizeThenEditInPlace() throws Exception {
        ZoneId zone = ZoneId.of("UTC");
        TestCompany company = newCompany(zone.getId());
        String email = addUser(company, "manager", "Skye Scheduler");
        long ann = http.post("/api/v1/people", company.auth(), Map.of("first_name", "Ann", "last_name", "Agent",
                "email", "ann@example.com")).json().get("id").asLong();
        http.put("/api/v1/people/" + ann + "/contract", company.auth(), Map.of("contract", Map.of(
                "min_hours_per_week", 0, "max_hours_per_week", 3, "max_days_per_week", 5)));
        LocalDate monday = today(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long phone = ScheduleFixtures.schedule(http, company, ann, "Phone", monday.atTime(9, 0).atZone(zone).toInstant(),
                monday.atTime(12, 0).atZone(zone).toInstant());
        ScheduleFixtures.schedule(http, company, ann, "Meeting", monday.atTime(14, 0).atZone(zone).toInstant(),
                monday.atTime(15, 0).atZone(zone).toInstant());
        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            browser.open("/schedules?week=" + monday);
            d.findElement(By.id("day-" + monday)).click();
            awaitText(d, By.id("day-view"), "Ann Agent");

            WebElement block = d.findElement(By.cssSelector("#person-" + ann + " .block[data-id='" + phone + "']"));
            WebElement track = block.findElement(By.xpath(".."));
            double perMinute = track.getRect().getWidth() / 1440.0;
            // Drag the body one hour later: 10:00-13:00.
            new Actions(d).clickAndHold(block.findElement(By.cssSelector(".block-label"))).moveByOffset((int) Math.round(60 * perMinute), 0)
                    .release().perform();
            awaitText(d, By.id("schedule-message"), "Saved Phone 10:00–13:00");
            // 4 h of Phone and Meeting against a 3 h contract: saved, with the warning shown.
            assertThat(d.findElement(By.id("schedule-warnings")).getText()).contains("4 h paid", "above the contract's 3 h");
            JsonNode moved = activities(company, monday).valueStream().filter(a -> a.get("id").asLong() == phone).findFirst().orElseThrow();
            assertThat(moved.get("start").asString()).isEqualTo(monday + "T10:00:00Z");
            assertThat(moved.get("end").asString()).isEqualTo(monday + "T13:00:00Z");

            // Drag the right edge 45 minutes further: 10:00-13:45.
            block = d.findElement(By.cssSelector("#person-" + ann + " .block[data-id='" + phone + "']"));
            new Actions(d).clickAndHold(block.findElement(By.cssSelector(".resize.end"))).moveByOffset((int) Math.round(45 * perMinute), 0)
                    .release().perform();
            awaitText(d, By.id("schedule-message"), "Saved Phone 10:00–13:45");

            // A click without moving opens the in-place editor; an overlap with the meeting is refused and named.
            block = d.findElement(By.cssSelector("#person-" + ann + " .block[data-id='" + phone + "']"));
            new Actions(d).click(block.findElement(By.cssSelector(".block-label"))).perform();
            awaitText(d, By.id("edit-panel"), "Edit Phone of Ann Agent");
            JavascriptExecutor js = (JavascriptExecutor) d;
            js.executeScript("document.getElementById('edit-to').value = '14:30'");
            d.findElement(By.id("save-activity")).click();
            awaitText(d, By.id("edit-error"), "overlaps Meeting");
            js.executeScript("document.getElementById('edit-from').value = '08:00'; document.getElementById('edit-to').value = '11:15'");
            d.findElement(By.id("save-activity")).click();
            awaitText(d, By.id("schedule-message"), "Saved Phone 08:00–11:15");
            browser.screenshot("schedule-day-view");
            moved = activities(company, monday).valueStream().filter(a -> a.get("id").asLong() == phone).findFirst().orElseThrow();
            assertThat(moved.get("start").asString()).isEqualTo(monday + "T08:00:00Z");
            assertThat(moved.get("end").asString()).isEqualTo(monday + "T11:15:00Z");
        }
    }
}
