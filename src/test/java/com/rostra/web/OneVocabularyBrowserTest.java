package com.rostra.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17, "the channel written one way" and "numbers with thousands separators", in the browser: every channel a
 * person reads is "Phone", "Email", "Chat", "SMS" or "Social" (Gladly's availability codes read the same), while the
 * values sent back stay the codes; every chart writes its axis and tooltip numbers "12,345".
 */
class OneVocabularyBrowserTest extends ApiTest {

    private static final List<String> NAMES = List.of("Phone", "Email", "Chat", "SMS", "Social");
    private static final List<String> CODES = List.of("phone", "email", "chat", "sms", "social");

    @Autowired
    ContactStore store;

    @Test
    void channelsReadAsNamesAndChartsWriteSeparators() throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        TestCompany company = newCompany(zone.getId());
        String email = addUser(company, "admin", "Vera Vocabulary");
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(zone));
        assertThat(http.post("/api/v1/people", company.auth(), Map.of("first_name", "Pia", "last_name", "Phones",
                "email", "pia-" + company.id() + "@example.com", "staffable", true, "channels", List.of("phone", "sms"))).status())
                .isEqualTo(201);
        java.time.LocalDate monday = today(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(http.post("/api/v1/forecasts/publish", company.auth(), Map.of("start", monday.minusWeeks(1).toString(),
                "end", monday.plusWeeks(1).toString())).status()).as("published, so the WAPE chart is drawn too").isEqualTo(201);
        assertThat(http.post("/api/v1/queues", company.auth(), Map.of("name", "Messages",
                "channels", List.of("sms", "social"))).status()).isEqualTo(201);

        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);

            browser.open("/forecasts");
            assertThat(texts(d, "#channel option")).containsExactly(concat("All channels", NAMES));
            assertThat(values(d, "#channel option")).containsExactly(concat("", CODES));
            assertChartsWriteSeparators(d, "forecast-chart", "published-chart");

            browser.open("/staffing?channel=sms&day=" + today(zone).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            assertThat(texts(d, "#channel option")).containsExactlyElementsOf(NAMES);
            assertThat(values(d, "#channel option")).containsExactlyElementsOf(CODES);
            assertThat(d.findElement(By.cssSelector("#channel option[selected]")).getText()).isEqualTo("SMS");
            assertThat(d.findElement(By.xpath("//h2[starts-with(normalize-space(.), 'Settings for')]")).getText())
                    .isEqualTo("Settings for SMS");
            assertChartsWriteSeparators(d, "staffing-chart");

            browser.open("/people");
            WebElement pia = d.findElement(By.xpath("//table[@id='people-table']//tr[td/a[contains(., 'Pia')]]"));
            assertThat(pia.findElements(By.tagName("td")).get(3).getText()).isEqualTo("Phone, SMS");

            browser.open("/settings/queues");
            WebElement messages = d.findElement(By.xpath("//tr[td[contains(., 'Messages')]]"));
            assertThat(messages.getText()).contains("SMS, Social").doesNotContain("sms");

            browser.open("/settings/queues/new");
            assertThat(texts(d, "label.check span")).containsExactlyElementsOf(NAMES);
            assertThat(values(d, "input[name=channels]")).containsExactlyElementsOf(CODES);

            browser.open("/settings/agent-states");
            assertThat(texts(d, "select#channel option")).containsExactly(concat("—", NAMES));

            browser.open("/realtime");
            assertThat(texts(d, "select[name=channel] option"))
                    .as("Gladly's availability codes in the same names").containsExactly("Any channel", "Phone", "Chat, SMS, Social", "Email", "Tasks");
            assertThat(values(d, "select[name=channel] option")).containsExactly("", "VOICE", "MESSAGING", "MAIL", "TASK");

            browser.open("/queues?range=week&channel=chat");
            assertThat(d.findElement(By.id("contacts-title")).getText()).startsWith("Latest Chat contacts");
            assertThat(texts(d, "#contacts-table tbody td:nth-child(2)")).isNotEmpty().containsOnly("Chat");
            // Issue #17, Queues and exclusions: the sparkline covers the selected range, and says so.
            assertThat(d.findElement(By.cssSelector("#tile-chat .tile-foot")).getText()).isEqualTo("last 7 days, hourly");
            String[] spark = d.findElement(By.cssSelector("#tile-chat svg.spark")).getAttribute("data-values").split(",");
            assertThat(spark.length).as("one point an hour for 7 days").isBetween(7 * 24, 7 * 24 + 1);
            assertThat(java.util.Arrays.stream(spark).mapToLong(Long::parseLong).sum()).isPositive();
        }
    }

    /** Asks each chart itself for its axis label and tooltip line of 12,345.4, as Chart.js would when drawing. */
    @SuppressWarnings("unchecked")
    private static void assertChartsWriteSeparators(WebDriver d, String... canvasIds) {
        for (String id : canvasIds) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                List<Object> out = (List<Object>) ((JavascriptExecutor) d).executeScript("""
                        const chart = Chart.getChart(document.getElementById(arguments[0]));
                        // Asked as by a German browser: Chart.js's own formatter would write "12.345".
                        const german = { chart: { options: { locale: 'de-DE' } }, options: { ticks: {} } };
                        const tick = chart.options.scales.y.ticks.callback.call(german, 12345, 0, [{ value: 12345 }]);
                        const dataset = chart.data.datasets[0];
                        const line = chart.options.plugins.tooltip.callbacks.label.call(chart.tooltip,
                            { chart, dataset, datasetIndex: 0, dataIndex: 0, parsed: { x: 0, y: 12345.4 }, raw: 12345.4,
                              formattedValue: '12345.4', label: '' });
                        return [tick, line, dataset.label];
                        """, id);
                assertThat(out.get(0)).as(id + " axis").isEqualTo("12,345");
                assertThat(out.get(1)).as(id + " tooltip").isEqualTo(out.get(2) + ": 12,345.4");
            });
        }
    }

    private static List<String> texts(WebDriver d, String css) {
        return d.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("textContent").trim()).toList();
    }

    private static List<String> values(WebDriver d, String css) {
        return d.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("value")).toList();
    }

    private static String[] concat(String first, List<String> rest) {
        String[] out = new String[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) out[i + 1] = rest.get(i);
        return out;
    }
}
