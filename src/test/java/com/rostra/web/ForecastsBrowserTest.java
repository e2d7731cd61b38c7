package com.rostra.web;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Forecasts page draws actual and forecast for four weeks, names the model with its backtest error, lists the
 * backtest (WAPE and MASE) of every candidate and the special days; an adjustment is added and removed with the form.
 */
class ForecastsBrowserTest extends ApiTest {

    @Autowired
    ContactStore store;

    @Test
    void theChartShowsFourWeeksAndTheModelInUse() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        TestCompany company = newCompany(zone.getId());
        String email = addUser(company, "manager", "Fran Forecast");
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(zone));
        java.time.LocalDate today = today(zone);
        java.time.LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        assertThat(http.post("/api/v1/forecast-adjustments", company.auth(), java.util.Map.of("channel", "chat",
                "start", today.plusDays(2).toString(), "end", today.plusDays(3).toString(), "percent", 25,
                "note", "Product launch")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/forecasts/publish", company.auth(), java.util.Map.of("start", monday.minusWeeks(1).toString(),
                "end", monday.plusWeeks(1).toString())).status()).isEqualTo(201);
        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            browser.open("/forecasts");
            assertThat(d.findElements(By.id("forecast-empty"))).isEmpty();
            assertThat(d.findElement(By.id("forecast-title")).getText()).startsWith("All queues · all channels");
            assertThat(d.findElement(By.id("forecast-model")).getText()).contains("backtest WAPE", "over the last 4 weeks");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(Integer.parseInt(d.findElement(By.id("forecast-chart")).getAttribute("data-points")))
                            .as("hourly points for 29 days").isBetween(29 * 24 - 1, 29 * 24 + 1));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> chart = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("""
                    const c = Chart.getChart(document.getElementById('forecast-chart'));
                    const labels = c.data.labels;
                    const forecast = c.data.datasets.find(s => s.label === 'Forecast');
                    const now = Number(c.canvas.dataset.now);
                    const colour = i => forecast.segment.borderColor({ p0DataIndex: i - 1, p1DataIndex: i });
                    return {
                      ticks: c.scales.x.ticks.filter(t => t.label !== null && t.label !== undefined && t.label !== '').map(t => labels[t.value]),
                      nowLine: (c.config.plugins || []).some(p => p.id === 'nowLine'),
                      now: now,
                      past: colour(1), future: colour(labels.length - 1),
                      legendLines: c.options.plugins.legend.labels.usePointStyle === true && c.options.plugins.legend.labels.pointStyle === 'line'
                    };
                    """);
            assertThat((java.util.List<String>) chart.get("ticks")).as("ticks only at midnights, one a day")
                    .hasSizeBetween(28, 30).allSatisfy(label -> assertThat(label).endsWith(" 00:00"));
            assertThat(chart.get("nowLine")).as("a now line").isEqualTo(true);
            assertThat(((Number) chart.get("now")).intValue()).isPositive();
            assertThat(chart.get("past")).as("the past forecast, lighter").isNotEqualTo(chart.get("future"));
            assertThat((String) chart.get("past")).contains("0.4");
            assertThat(chart.get("legendLines")).as("legend samples are lines").isEqualTo(true);
            assertThat(d.findElements(By.cssSelector("#accuracy-table tbody tr td:first-child > span:first-child")))
                    .as("each model's name explained on hover").hasSize(6)
                    .allSatisfy(name -> assertThat(name.getAttribute("title")).hasSizeGreaterThan(20));
            assertThat(d.findElements(By.cssSelector("#accuracy-table thead abbr"))).extracting(e -> e.getAttribute("title"))
                    .as("WAPE and MASE in plain words").anySatisfy(t -> assertThat(t).contains("percentage error"))
                    .anySatisfy(t -> assertThat(t).contains("last week"));
            assertThat(d.findElements(By.cssSelector("#accuracy-table tbody tr"))).as("every candidate model").hasSize(6);
            assertThat(d.findElement(By.id("accuracy-table")).getText()).contains("week_average", "top_down", "double_seasonal", "calendar", "blend", "combination", "MASE");
            assertThat(d.findElement(By.id("special-days")).getText()).contains("None.");
            assertThat(d.findElement(By.id("accuracy-table")).getText()).contains("in use");
            assertThat(Integer.parseInt(d.findElement(By.id("forecast-chart")).getAttribute("data-intraday-points")))
                    .as("the intraday line: today's hours").isEqualTo(24);
            assertThat(d.findElement(By.id("adjustments")).getText()).contains("Product launch", "+25.0 %", "Chat");
            assertThat(Integer.parseInt(d.findElement(By.id("published-chart")).getAttribute("data-points")))
                    .as("weekly WAPE: last week and this one").isEqualTo(2);
            assertThat(d.findElement(By.id("published-table")).getText()).as("weeks in the one date form")
                    .contains(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH).format(monday.minusWeeks(1)));
            browser.screenshot("forecasts");

            // the adjustments form: −10 % on chat tomorrow, then removed again
            new Select(d.findElement(By.id("adjust-channel"))).selectByValue("chat");
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
            js.executeScript("arguments[0].value = arguments[1]", d.findElement(By.id("adjust-start")), today.plusDays(1).toString());
            js.executeScript("arguments[0].value = arguments[1]", d.findElement(By.id("adjust-end")), today.plusDays(2).toString());
            d.findElement(By.id("adjust-amount")).sendKeys("-10");
            d.findElement(By.id("adjust-note")).sendKeys("Storm warning");
            d.findElement(By.id("save-adjustment")).click();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("adjustment-message")).getText()).contains("by -10.0 %"));
            assertThat(d.findElement(By.id("adjustments")).getText()).contains("Storm warning", "-10.0 %", "Fran Forecast");
            assertThat(http.get("/api/v1/forecast-adjustments", company.auth()).json()).hasSize(2);
            d.findElement(By.xpath("//table[@id='adjustments']//tr[td[contains(., 'Storm warning')]]//button")).click();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("adjustment-message")).getText()).contains("removed"));
            assertThat(d.findElement(By.id("adjustments")).getText()).doesNotContain("Storm warning").contains("Product launch");

            new Select(d.findElement(By.id("channel"))).selectByValue("email");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(d.findElement(By.id("forecast-empty")).getText()).contains("nothing to forecast"));
            browser.screenshot("forecasts-empty");
        }
    }
}
