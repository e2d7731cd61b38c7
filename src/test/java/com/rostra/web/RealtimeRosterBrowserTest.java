package com.rostra.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.ScheduleFixtures;

import static com.rostra.support.GladlyEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Realtime lists every staffable person, not only the agents Gladly has reported: a person with no state yet shows as
 * such; people logged out (or never reported) with nothing scheduled now are folded under a toggle. Times in state are
 * written by the browser from the instant in the page, not by the server.
 *
 * <p>People: "Working" (logged in, scheduled now), "Ghost" (scheduled now, never reported by Gladly), "Sleeper" (logged
 * out, not scheduled), "Newbie" (no Gladly id, not scheduled), "Boss" (not staffable, never listed).
 */
class RealtimeRosterBrowserTest extends ApiTest {

    @Test
    void everyStaffablePersonIsListedAndTheRestingOnesAreFolded() throws Exception {
        TestCompany c = newCompany("Europe/Berlin");
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        String webhook = Http.basic(c.apiKey(), c.apiKey());
        long working = person(c, "Working", "g-working", true);
        long ghost = person(c, "Ghost", "g-ghost", true);
        long sleeper = person(c, "Sleeper", "g-sleeper", true);
        long newbie = person(c, "Newbie", null, true);
        person(c, "Boss", "g-boss", false);
        ScheduleFixtures.schedule(http, c, working, "Phone", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        ScheduleFixtures.schedule(http, c, ghost, "Phone", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        Instant loggedIn = now.minus(Duration.ofMinutes(42));
        http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/LOGGED_IN", "g-working", loggedIn, Map.of()));
        http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/LOGGED_IN", "g-sleeper", now.minus(Duration.ofHours(5)), Map.of()));
        http.post("/webhooks/gladly", webhook, event("AGENT_STATUS/LOGGED_OUT", "g-sleeper", now.minus(Duration.ofHours(3)), Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String body = http.get("/api/v1/agent-states/current", c.auth()).body();
            return body.contains("g-working") && body.contains("logged_out");
        });
        assertThat(http.get("/api/v1/agent-states/current", c.auth()).json().size()).as("the API still lists agents seen only")
                .isEqualTo(2);

        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Lee Lead"), USER_PASSWORD);
        String table = lead.get("/realtime/table");
        String atWork = between(table, "id=\"agents-table\"", "</table>");
        String folded = between(table, "<details id=\"resting\"", "</details>");
        assertThat(atWork).contains("data-person=\"" + working + "\"").contains("data-person=\"" + ghost + "\"")
                .doesNotContain("data-person=\"" + sleeper + "\"").doesNotContain("data-person=\"" + newbie + "\"");
        assertThat(row(atWork, ghost)).contains("No state yet").contains("Phone");
        assertThat(folded).as("closed until the lead opens it").startsWith("<details id=\"resting\">")
                .contains("Logged out and not scheduled now (2)")
                .contains("data-person=\"" + sleeper + "\"").contains("data-person=\"" + newbie + "\"");
        assertThat(row(folded, sleeper)).contains("Logged out");
        assertThat(row(folded, newbie)).contains("No state yet");
        assertThat(table).doesNotContain("Boss").contains("id=\"count-no_state\">2<");
        // The time in state travels as an instant; the text the server writes is the exact time, not a duration.
        assertThat(row(atWork, working)).contains("datetime=\"" + loggedIn + "\"").contains("data-relative=\"duration\"");

        assertThat(Browser.available()).isTrue();
        try (Browser browser = new Browser("http://127.0.0.1:" + port)) {
            WebDriver d = browser.driver();
            browser.login(addUser(c, "manager", "Rita Realtime"), USER_PASSWORD);
            browser.open("/realtime");
            // The stream's first message swaps the table in again: look once it is open.
            await().atMost(Duration.ofSeconds(20)).until(() -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-stream")));
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                assertThat(d.findElement(By.id("resting")).getAttribute("open")).isNull();
                assertThat(d.findElement(By.cssSelector("#resting tr[data-person='" + sleeper + "']")).isDisplayed()).as("folded away").isFalse();
                assertThat(d.findElement(By.cssSelector("#agents-table tr[data-person='" + ghost + "']")).isDisplayed()).isTrue();
            });
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                d.findElement(By.cssSelector("#resting > summary")).click();
                assertThat(d.findElement(By.cssSelector("#resting tr[data-person='" + sleeper + "']")).isDisplayed()).isTrue();
            });
            // A swap of the live table (as each state change triggers) keeps the list open.
            WebElement before = d.findElement(By.id("resting"));
            ((JavascriptExecutor) d).executeScript("document.body.dispatchEvent(new CustomEvent('rostra-state'));");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                WebElement after = d.findElement(By.id("resting"));
                return !after.equals(before) && after.getAttribute("open") != null
                        && after.findElement(By.cssSelector("tr[data-person='" + sleeper + "']")).isDisplayed();
            });

            WebElement inState = d.findElement(By.cssSelector("#agents-table tr[data-person='" + working + "'] time"));
            assertThat(inState.getAttribute("datetime")).isEqualTo(loggedIn.toString());
            assertThat(inState.getAttribute("data-rendered")).isEqualTo("browser");
            long browserNow = ((Number) ((JavascriptExecutor) d).executeScript("return Date.now();")).longValue();
            long seconds = (browserNow - loggedIn.toEpochMilli()) / 1000;
            // The browser's clock, not the server's (pinned for the tests): what it wrote within the last 20 s.
            List<String> expected = java.util.stream.LongStream.rangeClosed(seconds - 20, seconds + 1).mapToObj(RealtimeRosterBrowserTest::lasted).toList();
            assertThat(inState.getText()).isIn(expected);
            browser.screenshot("realtime-roster");
        }
    }

    private long person(TestCompany c, String name, String gladlyId, boolean staffable) {
        Map<String, Object> body = new HashMap<>(Map.of("first_name", name, "email", name.toLowerCase() + "-" + c.id() + "@example.com",
                "staffable", staffable));
        if (gladlyId != null) body.put("gladly_agent_id", gladlyId);
        Http.Response r = http.post("/api/v1/people", c.auth(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** As a lead reads a duration: "12d 3h", "1h 5m", "4m 10s", "9s". */
    private static String lasted(long s) {
        long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
        if (d > 0) return d + "d " + h + "h";
        if (h > 0) return h + "h " + m + "m";
        return m > 0 ? m + "m " + (s % 60) + "s" : s + "s";
    }

    private static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as(from + " in " + html).isNotNegative();
        return html.substring(start, html.indexOf(to, start) + to.length());
    }

    private static String row(String html, long person) {
        return between(html, "data-person=\"" + person + "\"", "</tr>");
    }
}
