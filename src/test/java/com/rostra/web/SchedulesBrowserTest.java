package com.rostra.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import com.rostra.support.ApiTest;
import com.rostra.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead imports a week's schedule from CSV, sees the grid, adds an activity by form and removes one. */
class SchedulesBrowserTest extends ApiTest {

    private static void awaitText(WebDriver d, By by, String text) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(d.findElement(by).getText()).contains(text));
    }

    private static void setValue(WebDriver d, String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    @Test
    void importAddAndRemoveActivities() throws Exception {
        ZoneId zone = ZoneId.of("America/Denver");
        TestCompany company = newCompany(zone.getId());
        String email = addUser(company, "manager", "Skye Scheduler");
        long ann = http.post("/api/v1/people", company.auth(), Map.of("first_name", "Ann", "last_name", "Agent",
                "email", "ann@example.com", "team", "Phones")).json().get("id").asLong();
        http.post("/api/v1/people", company.auth(), Map.of("first_name", "Bob", "email", "bob@example.com"));
        LocalDate monday = today(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String offset = monday.atStartOfDay(zone).getOffset().getId();
        String csv = "person_email,activity_type,start,end\n"
                + "ann@example.com,Phone," + monday + "T08:00:00" + offset + "," + monday + "T12:00:00" + offset + "\n"
                + "ann@example.com,Lunch," + monday + "T12:00:00" + offset + "," + monday + "T12:30:00" + offset + "\n"
                + "ann@example.com,Dancing," + monday + "T13:00:00" + offset + "," + monday + "T14:00:00" + offset + "\n";
        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            browser.open("/schedules?week=" + monday);
            d.findElement(By.id("csv")).sendKeys(csv);
            d.findElement(By.id("import-schedule")).click();
            awaitText(d, By.id("import-errors"), "Dancing");
            assertThat(d.findElement(By.id("import-result")).getText()).contains("0 activities imported");

            d.findElement(By.id("csv")).sendKeys(csv);
            d.findElement(By.id("partial")).click();
            d.findElement(By.id("import-schedule")).click();
            awaitText(d, By.id("import-result"), "2 activities imported");
            assertThat(d.findElements(By.cssSelector("#person-" + ann + " .block"))).hasSize(2);
            assertThat(d.findElement(By.cssSelector("#person-" + ann + " .block.productive")).getAttribute("title"))
                    .isEqualTo("Phone 08:00–12:00");

            new Select(d.findElement(By.id("person_id"))).selectByVisibleText("Ann Agent");
            new Select(d.findElement(By.id("activity_type_id"))).selectByVisibleText("Meeting");
            // Time inputs type differently per locale; set their values the way a picker does.
            setValue(d, "from", "11:00");
            setValue(d, "to", "12:00");
            d.findElement(By.id("add-activity")).click();
            awaitText(d, By.id("activity-error"), "overlaps Phone");

            new Select(d.findElement(By.id("person_id"))).selectByVisibleText("Ann Agent");
            new Select(d.findElement(By.id("activity_type_id"))).selectByVisibleText("Meeting");
            setValue(d, "from", "14:00");
            setValue(d, "to", "15:00");
            d.findElement(By.id("add-activity")).click();
            awaitText(d, By.id("schedule-message"), "Added the activity");
            assertThat(d.findElements(By.cssSelector("#person-" + ann + " .block.meeting"))).hasSize(1);
            browser.screenshot("schedules");

            // A half-hour block is a few pixels wide in a week grid: press its remove button directly.
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].click()",
                    d.findElement(By.cssSelector("#person-" + ann + " .block.break .block-delete")));
            awaitText(d, By.id("schedule-message"), "Removed the activity");
            assertThat(d.findElements(By.cssSelector("#person-" + ann + " .block"))).hasSize(2);
            assertThat(http.get("/api/v1/activities?start=" + monday + "&end=" + monday.plusDays(2), company.auth()).json()).hasSize(2);
        }
    }
}
