package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.ScheduleFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The day view on New York's daylight-saving days: 1 November 2026 has 25 hours (01:00 twice), 8 March 2026 has 23
 * (no 02:00). The ruler shows the real local hours and a 03:00–05:00 shift sits under its 03 mark.
 */
class ScheduleDstBrowserTest extends ApiTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static double x(WebElement e, WebElement track) {
        return (e.getRect().getX() - track.getRect().getX()) / (double) track.getRect().getWidth();
    }

    private static List<String> labels(WebDriver d) {
        return d.findElements(By.cssSelector("#day-view .ruler span")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theRulerAndTheBlocksFollowTheRealHoursOfADaylightSavingDay() throws Exception {
        TestCompany company = newCompany(NEW_YORK.getId());
        String email = addUser(company, "manager", "Dee Ess");
        long ann = http.post("/api/v1/people", company.auth(), Map.of("first_name", "Ann", "last_name", "Agent",
                "email", "ann@example.com")).json().get("id").asLong();
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        // 03:00-05:00 local: four real hours after midnight in November (00 EDT, 01 EDT, 01 EST, 02 EST), two in March.
        Instant novemberStart = Instant.parse("2026-11-01T08:00:00Z");
        long november = ScheduleFixtures.schedule(http, company, ann, "Phone", novemberStart, Instant.parse("2026-11-01T10:00:00Z"));
        long march = ScheduleFixtures.schedule(http, company, ann, "Phone", Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-03-08T09:00:00Z"));
        assertThat(novemberStart.atZone(NEW_YORK).getHour()).isEqualTo(3);
        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);

            browser.open("/schedules?day=" + fallBack);
            List<String> hours = labels(d);
            assertThat(hours).hasSize(25).startsWith("00", "01", "01", "02", "03").endsWith("22", "23");
            List<WebElement> ticks = d.findElements(By.cssSelector("#day-view .ruler span"));
            assertThat(ticks.get(1).getAttribute("title")).contains("EDT");
            assertThat(ticks.get(2).getAttribute("title")).contains("EST");
            WebElement block = d.findElement(By.cssSelector("#person-" + ann + " .block[data-id='" + november + "']"));
            WebElement track = block.findElement(By.xpath(".."));
            WebElement ruler = d.findElement(By.cssSelector("#day-view .ruler"));
            assertThat(x(block, track)).isCloseTo(4 / 25.0, within(0.003));
            assertThat(block.getRect().getWidth() / (double) track.getRect().getWidth()).isCloseTo(2 / 25.0, within(0.003));
            assertThat(x(ticks.get(4), ruler)).as("the 03 mark over the shift's start").isCloseTo(x(block, track), within(0.006));

            // Dragging an hour later moves it to 04:00-06:00 local, a real hour.
            double perMinute = track.getRect().getWidth() / 1500.0;
            new Actions(d).clickAndHold(block.findElement(By.cssSelector(".block-label"))).moveByOffset((int) Math.round(60 * perMinute), 0)
                    .release().perform();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(d.findElement(By.id("schedule-message")).getText()).contains("Saved Phone 04:00–06:00"));
            var moved = http.get("/api/v1/activities?start=2026-11-01T00:00:00Z&end=2026-11-02T12:00:00Z", company.auth()).json()
                    .valueStream().filter(a -> a.get("id").asLong() == november).findFirst().orElseThrow();
            assertThat(Instant.parse(moved.get("start").asString())).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));

            browser.open("/schedules?day=" + springForward);
            hours = labels(d);
            assertThat(hours).hasSize(23).startsWith("00", "01", "03", "04").doesNotContain("02").endsWith("23");
            block = d.findElement(By.cssSelector("#person-" + ann + " .block[data-id='" + march + "']"));
            track = block.findElement(By.xpath(".."));
            ruler = d.findElement(By.cssSelector("#day-view .ruler"));
            ticks = d.findElements(By.cssSelector("#day-view .ruler span"));
            assertThat(x(block, track)).isCloseTo(2 / 23.0, within(0.003));
            assertThat(x(ticks.get(2), ruler)).as("the 03 mark").isCloseTo(x(block, track), within(0.006));

            browser.open("/schedules?day=" + LocalDate.of(2026, 11, 2));
            assertThat(labels(d)).hasSize(24).as("an ordinary day").startsWith("00", "01", "02", "03");
        }
    }
}
