package com.rostra.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Browser;
import com.rostra.support.Simulators;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page at the two screens support leads use, 1366×768 and 1920×1080, with a company that has data: a
 * screenshot of each (target/screenshots/&lt;width&gt;x&lt;height&gt;/, kept as build artifacts) and no horizontal
 * scrolling at 1366 wide. The pages are read from the application's own routes, so a new page is covered unasked.
 */
class PageLayoutBrowserTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** GET routes of whole pages: no path variables, no fragments polled by htmx, no downloads. */
    private List<String> pages() {
        TreeSet<String> pages = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().equals("com.rostra.web")) return;
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) return;
            for (String p : info.getPatternValues()) {
                if (p.contains("{") || p.endsWith(".csv") || p.endsWith("/card") || p.endsWith("/table")
                        || p.endsWith("/status") || p.endsWith("/stream") || p.contains("template") || p.equals("/")) continue;
                pages.add(p);
            }
        });
        return new ArrayList<>(pages);
    }

    /**
     * Consecutive blocks of the content column (and of regions swapped in by htmx, .flow) whose vertical distance is
     * not the one gap; inline, hidden, empty and out-of-flow elements take no part.
     */
    private static final String GAPS = """
            const out = [];
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '');
            for (const parent of document.querySelectorAll('.content, .flow')) {
              let prev = null;
              for (const el of parent.children) {
                const cs = getComputedStyle(el), r = el.getBoundingClientRect();
                if (cs.display === 'none' || cs.display.startsWith('inline') || cs.position === 'absolute' || cs.position === 'fixed' || r.height === 0) continue;
                if (prev) {
                  const gap = Math.round(r.top - prev.getBoundingClientRect().bottom);
                  if (gap !== 16) out.push(name(prev) + ' -> ' + name(el) + ': ' + gap + ' px');
                }
                prev = el;
              }
            }
            return out;
            """;

    /** Time elements that are not relative times written by the browser from an ISO instant. */
    private static final String SERVER_TIMES = """
            return [...document.querySelectorAll('time')]
              .filter(t => !(t.dataset.relative !== undefined && t.dataset.rendered === 'browser' && !isNaN(Date.parse(t.getAttribute('datetime')))))
              .map(t => t.outerHTML);
            """;

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    @Test
    void everyPageFitsA1366WideScreenAndIsPhotographedAtBothSizes() throws Exception {
        assertThat(Browser.available()).as("chromium and chromedriver must be installed (.ci/run installs them)").isTrue();
        List<String> pages = pages();
        assertThat(pages).contains("/realtime", "/queues", "/forecasts", "/staffing", "/schedules", "/people",
                "/settings/integrations", "/login");
        TestCompany company = newCompany("America/New_York");
        String email = addUser(company, "admin", "Lena Layout");
        try (GladlySimulator sim = Simulators.start(57, 600); Browser browser = new Browser("http://127.0.0.1:" + port)) {
            Instant before = now();
            connect(company, sim, 2);
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
            http.post("/api/v1/queues", company.auth(), Map.of("name", "Phone support with a rather long queue name",
                    "channels", List.of("phone")));

            browser.login(email, USER_PASSWORD);
            List<String> overflowing = new ArrayList<>();
            List<String> uneven = new ArrayList<>();
            List<String> serverTimes = new ArrayList<>();
            int relativeTimes = 0;
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
                browser.driver().manage().window().setSize(size);
                Path dir = Path.of("target", "screenshots", size.getWidth() + "x" + size.getHeight());
                Files.createDirectories(dir);
                for (String page : pages) {
                    browser.open(page);
                    if (browser.driver().findElements(By.tagName("h1")).isEmpty()) continue;
                    Files.write(dir.resolve(page.substring(1).replace('/', '-') + ".png"),
                            ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                    if (size.getWidth() == 1366) {
                        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                                "const e = document.documentElement; return e.scrollWidth - e.clientWidth;");
                        if (((Number) overflow).longValue() > 1) overflowing.add(page + " by " + overflow + " px");
                        for (Object gap : (List<?>) js(browser, GAPS)) uneven.add(page + ": " + gap);
                        for (Object t : (List<?>) js(browser, SERVER_TIMES)) serverTimes.add(page + ": " + t);
                        relativeTimes += ((Number) js(browser, "return document.querySelectorAll('time[data-rendered=browser]').length;")).intValue();
                    }
                }
            }
            assertThat(overflowing).as("pages that scroll sideways at 1366 px").isEmpty();
            assertThat(uneven).as("blocks not one gap (16 px) apart").isEmpty();
            assertThat(serverTimes).as("times not carrying an ISO instant, or not written by the browser").isEmpty();
            assertThat(relativeTimes).as("relative times seen (last synced, last contact, key created...)").isPositive();

            // Numbers with thousands separators: two days of history at 600 contacts a day.
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.open("/settings/integrations");
            String pulled = browser.driver().findElement(By.id("contacts-pulled")).getText();
            assertThat(pulled).matches("\\d{1,3}(,\\d{3})+ pulled");
        }
    }
}
