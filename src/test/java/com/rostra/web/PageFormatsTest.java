package com.rostra.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to write dates, numbers and relative times: the pages go through {@link Formats} ({@code fmt}) and the time
 * fragments, never through Thymeleaf's own number and date utilities or a hand-made {@code <time>} element, and no
 * template sets its own margins (the spacing between blocks is one CSS rule).
 */
class PageFormatsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void templatesFormatThroughTheOneHelper() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern ownUtility = Pattern.compile("#(numbers|temporals|dates|calendars)\\.");
        Pattern time = Pattern.compile("<time\\b[^>]*>");
        Pattern margin = Pattern.compile("style=\"[^\"]*margin|th:style=\"[^\"]*margin");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                String name = TEMPLATES.relativize(f).toString();
                Matcher m = ownUtility.matcher(html);
                while (m.find()) offenders.add(name + ": " + m.group());
                if (!name.equals("fragments/format.html")) {
                    Matcher t = time.matcher(html);
                    while (t.find()) if (!t.group().contains("~{fragments/format :: ")) offenders.add(name + ": " + t.group());
                }
                Matcher s = margin.matcher(html);
                while (s.find()) offenders.add(name + ": " + s.group());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void numbersHaveThousandsSeparatorsAndDatesOneFormInTheCompanysZone() {
        Formats berlin = new Formats(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.number(1234567)).isEqualTo("1,234,567");
        assertThat(berlin.number(999.5)).isEqualTo("1,000");
        assertThat(berlin.decimal(12345.678, 1)).isEqualTo("12,345.7");
        assertThat(berlin.percent(0.92345, 1)).isEqualTo("92.3%");
        assertThat(berlin.number(null)).isEqualTo("—");
        assertThat(berlin.percent(Double.NaN, 1)).isEqualTo("—");
        // 23:30 UTC on the 18th is already the 19th in Berlin.
        Instant late = Instant.parse("2026-11-18T23:30:00Z");
        assertThat(berlin.dateTime(late)).isEqualTo("Thu 19 Nov 2026, 00:30");
        assertThat(berlin.date(late)).isEqualTo(berlin.date(LocalDate.of(2026, 11, 19))).isEqualTo("Thu 19 Nov 2026");
        assertThat(new Formats(ZoneId.of("America/Chicago")).time(late)).isEqualTo("17:30");
    }

    @Test
    void channelsReadTheSameWhicheverCodeTheyArriveAs() {
        Formats f = new Formats(ZoneId.of("UTC"));
        assertThat(List.of("phone", "email", "chat", "sms", "social").stream().map(f::channel).toList())
                .containsExactly("Phone", "Email", "Chat", "SMS", "Social");
        assertThat(f.channel("VOICE")).as("Gladly's availability codes").isEqualTo("Phone");
        assertThat(f.channel("MAIL")).isEqualTo("Email");
        assertThat(f.channel("MESSAGING")).isEqualTo("Chat, SMS, Social");
        assertThat(f.channel(null)).isEqualTo("—");
        assertThat(f.channel("fax")).as("an unknown code is shown as it came").isEqualTo("fax");
        assertThat(f.channels(List.of("phone", "sms"))).isEqualTo("Phone, SMS");
        assertThat(f.channels(List.of())).isEqualTo("—");
    }

    /** Every chart starts from the shared options (thousands separators), and every page with charts loads them first. */
    @Test
    void everyChartGoesThroughTheSharedOptions() throws IOException {
        Path js = Path.of("src/main/resources/static/js");
        List<String> offenders = new ArrayList<>();
        Pattern chart = Pattern.compile("new Chart\\([^,]+,\\s*\\{");
        try (Stream<Path> files = Files.list(js)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String src = Files.readString(f);
                Matcher m = chart.matcher(src);
                while (m.find()) {
                    int options = src.indexOf("options:", m.end());
                    if (options < 0 || !src.startsWith("options: RostraCharts.options(", options)) offenders.add(f.getFileName() + " at " + m.start());
                }
            }
        }
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                int charts = html.indexOf("/js/charts.js");
                int shared = html.indexOf("/js/chart-options.js");
                if (charts >= 0 && (shared < 0 || shared > charts)) offenders.add(f.getFileName() + ": chart-options.js not loaded before charts.js");
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(Files.readString(js.resolve("charts.js"))).contains("new Chart(");
    }
}
