package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;
import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support lead defines queues and exclusions in Settings › Queues, then checks the Queues and exclusions page:
 * its tiles and queue table must agree with the contacts in the database, and each number drills down.
 */
class QueuesBrowserTest extends ApiTest {

    @Autowired
    ContactStore store;

    private static ContactRecord contact(String id, Instant queued, Channel channel, String gladlyChannel, String direction,
                                         String inbox) {
        return new ContactRecord(id, "conv-" + id, "cust", channel, gladlyChannel, direction, "Customer", null, null,
                "in-" + inbox, inbox, "in-" + inbox, inbox, ContactStatus.SOLVED, "Answered", queued, queued,
                queued.plusSeconds(20), 20, null, null, 20, queued.plusSeconds(200), null);
    }

    /** After a click the old page may still be there for a moment: wait for the new text. */
    private static void awaitText(WebDriver d, By by, String text) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(d.findElement(by).getText()).contains(text));
    }

    @Test
    void queuesAreDefinedOnTheSettingsPageAndCountedOnTheQueuesPage() throws Exception {
        TestCompany company = newCompany("Europe/Berlin");
        String email = addUser(company, "admin", "Quinn Queue");
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        List<ContactRecord> contacts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = now.minus(Duration.ofMinutes(5 + i * 4));
            contacts.add(switch (i % 4) {
                case 0 -> contact("p" + i, at, Channel.PHONE, "PHONE_CALL", "INBOUND", "Billing");
                case 1 -> contact("e" + i, at, Channel.EMAIL, "EMAIL", "INBOUND", "Returns");
                case 2 -> contact("s" + i, at, Channel.SMS, "SMS", "INBOUND", "Spam <b>trap</b>");
                default -> contact("o" + i, at, Channel.PHONE, "PHONE_CALL", "OUTBOUND", "Billing");
            });
        }
        store.upsert(new CompanyId(company.id()), contacts);

        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(email, USER_PASSWORD);
            browser.open("/settings/queues");
            assertThat(d.findElement(By.cssSelector(".empty-state")).getText()).contains("No queues yet");

            d.findElement(By.id("new-queue")).click();
            d.findElement(By.id("name")).sendKeys("Support");
            new Select(d.findElement(By.id("rule-attribute-0"))).selectByValue("direction");
            new Select(d.findElement(By.id("rule-operator-0"))).selectByValue("is");
            d.findElement(By.id("rule-value-0")).sendKeys("inbound");
            new Select(d.findElement(By.id("rule-attribute-1"))).selectByValue("channel");
            d.findElement(By.id("rule-value-1")).sendKeys("fax");
            new Select(d.findElement(By.id("exclusion-attribute-0"))).selectByValue("inbox_when_queued");
            new Select(d.findElement(By.id("exclusion-operator-0"))).selectByValue("contains");
            d.findElement(By.id("exclusion-value-0")).sendKeys("spam");
            d.findElement(By.id("save-queue")).click();
            assertThat(d.findElement(By.id("form-errors")).isDisplayed()).isTrue();
            assertThat(d.findElement(By.cssSelector("tr.has-error .field-error")).getText()).contains("channel is one of");
            browser.screenshot("settings-queues-error");

            d.findElement(By.id("rule-value-1")).clear();
            d.findElement(By.id("save-queue")).click();
            awaitText(d, By.id("queue-message"), "Saved queue 'Support'");
            long support = jdbc.sql("select id from queues where company_id = ? and name = 'Support'").param(company.id())
                    .query(Long.class).single();

            d.findElement(By.cssSelector("#queue-" + support + " a[href*='parent_id']")).click();
            d.findElement(By.id("name")).sendKeys("Billing");
            new Select(d.findElement(By.id("rule-attribute-0"))).selectByValue("inbox_when_queued");
            new Select(d.findElement(By.id("rule-operator-0"))).selectByValue("starts_with");
            d.findElement(By.id("rule-value-0")).sendKeys("Bill");
            assertThat(d.findElement(By.id("rule-value-0")).getAttribute("list")).isEqualTo("values-inbox_when_queued");
            assertThat(d.findElements(By.cssSelector("#values-inbox_when_queued option"))).as("values seen in the contacts")
                    .extracting(o -> o.getAttribute("value")).contains("Billing", "Returns");
            d.findElement(By.id("save-queue")).click();
            awaitText(d, By.id("queue-message"), "Saved queue 'Billing'");
            long billing = jdbc.sql("select id from queues where company_id = ? and name = 'Billing'").param(company.id())
                    .query(Long.class).single();
            assertThat(d.findElement(By.cssSelector("#queue-" + billing + " td")).getText()).isEqualTo("Billing");

            new Select(d.findElement(By.id("exclusion-attribute-0"))).selectByValue("direction");
            d.findElement(By.id("exclusion-value-0")).sendKeys("outbound");
            d.findElement(By.id("save-exclusions")).click();
            awaitText(d, By.id("queue-message"), "exclusions");
            browser.screenshot("settings-queues");

            browser.open("/queues?range=hour");
            for (Channel c : Channel.values()) {
                long inDb = jdbc.sql("""
                        select count(*) from contacts where company_id = ? and channel = ? and excluded = false
                          and queued_at >= ?""").params(company.id(), c.wireName(), now.minus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.UTC))
                        .query(Long.class).single();
                assertThat(d.findElement(By.cssSelector("#tile-" + c.wireName() + " .tile-count")).getText())
                        .as(c + " tile").isEqualTo(String.valueOf(inDb));
                long inSupport = jdbc.sql("""
                        select count(*) from contacts where company_id = ? and channel = ? and excluded = false
                          and queue_path like ?""").params(company.id(), c.wireName(), "%," + support + ",%")
                        .query(Long.class).single();
                assertThat(d.findElement(By.id("count-" + support + "-" + c.wireName())).getText()).isEqualTo(String.valueOf(inSupport));
            }
            assertThat(d.findElement(By.id("count-" + support + "-total")).getText()).isEqualTo("6");
            assertThat(d.findElement(By.id("count-" + billing + "-phone")).getText()).isEqualTo("3");
            assertThat(d.findElement(By.id("excluded-" + support)).getText()).as("the spam inbox").isEqualTo("3");
            assertThat(d.findElement(By.id("excluded-company")).getText()).as("outbound calls").isEqualTo("3");
            assertThat(d.findElement(By.id("count-no_queue-total")).getText()).isEqualTo("0");
            assertThat(d.findElement(By.id("count-no_queue-total")).getTagName()).as("a zero is not a link").isEqualTo("span");
            assertThat(d.findElement(By.id("count-" + billing + "-phone")).getTagName()).isEqualTo("a");
            assertThat(d.findElement(By.cssSelector("#tile-phone .tile-foot")).getText()).isEqualTo("last hour, per 15 minutes");
            assertThat(d.findElement(By.id("last-phone")).getText()).startsWith("last contact");
            long social = jdbc.sql("select count(*) from contacts where company_id = ? and channel = 'social'")
                    .param(company.id()).query(Long.class).single();
            assertThat(d.findElement(By.id("last-social")).getText()).startsWith(social == 0 ? "no contact in 30 days" : "last contact");
            browser.screenshot("queues-with-queues");

            d.findElement(By.id("excluded-" + support)).click();
            awaitText(d, By.id("contacts-title"), "Excluded contacts in Support");
            assertThat(d.findElements(By.cssSelector("#contacts-table tbody tr"))).hasSize(3);
            assertThat(d.findElement(By.id("contacts-table")).getText()).contains("Spam <b>trap</b>");
            browser.screenshot("queues-drill-down");

            d.findElement(By.id("count-" + billing + "-phone")).click();
            awaitText(d, By.id("contacts-title"), "Latest Phone contacts in Billing");
            assertThat(d.findElements(By.cssSelector("#contacts-table tbody tr"))).hasSize(3)
                    .allSatisfy(row -> assertThat(row.getText()).contains("PHONE_CALL", "Billing"));
        }
    }
}
