package com.rostra.forecasting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * Five weeks of 400 phone contacts a day (ten a quarter hour, 08–18, today up to now). The forecast of last week,
 * this week and next is published; then last week turns out 20 % busier and yesterday twice as busy. The published
 * forecast stays as it was (the current one moves), and the weekly WAPE is measured against what was published.
 */
class PublishedForecastsApiTest extends ApiTest {

    private static String rows(LocalDate from, LocalDate to, int perQuarter, Instant until) {
        StringBuilder csv = new StringBuilder("interval_start,queue_id,channel,count\n");
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            for (int q = 8 * 4; q < 18 * 4; q++) {
                Instant t = d.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(15L * q));
                if (!t.isBefore(until)) break;
                csv.append(t).append(",,phone,").append(perQuarter).append('\n');
            }
        }
        return csv.toString();
    }

    private void importCsv(TestCompany company, String csv) {
        Http.Response r = http.postRaw("/api/v1/volume/import?interval_minutes=15", company.auth(), "text/csv", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void accuracyIsMeasuredAgainstWhatWasPublished() {
        TestCompany company = newCompany("UTC");
        LocalDate today = today(ZoneOffset.UTC);
        Instant closedEnd = Instant.ofEpochSecond(Math.floorDiv(now().getEpochSecond(), 900) * 900);
        importCsv(company, ForecastIntradayApiTest.history(today, 5, 10, 10, closedEnd));
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = thisMonday.minusWeeks(1);

        Http.Response published = http.post("/api/v1/forecasts/publish", company.auth(),
                Map.of("start", lastMonday.toString(), "end", thisMonday.plusWeeks(2).toString()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("published_by").asString()).contains("api key");
        assertThat(published.json().get("series").asInt()).as("phone, all queues").isEqualTo(1);
        assertThat(published.json().has("published_at")).isTrue();

        // Later: last week was 20 % busier than it looked, and yesterday twice as busy.
        importCsv(company, rows(lastMonday, thisMonday, 12, closedEnd));
        LocalDate yesterday = today.minusDays(1);
        importCsv(company, rows(yesterday, today, 20, closedEnd));

        String nextWeek = "&channel=phone&interval=1d&start=" + thisMonday.plusWeeks(1) + "&end=" + thisMonday.plusWeeks(1).plusDays(1);
        JsonNode asPublished = http.get("/api/v1/forecasts?version=published" + nextWeek, company.auth()).json();
        assertThat(asPublished.get("model").asString()).isEqualTo("published");
        assertThat(asPublished.get("intervals").get(0).get("volume").asDouble()).as("as it was published").isCloseTo(400.0, offset(0.5));
        double current = http.get("/api/v1/forecasts?" + nextWeek.substring(1), company.auth()).json().get("intervals").get(0).get("volume").asDouble();
        assertThat(current).as("the current forecast learned from the busier week").isGreaterThan(401.0);

        JsonNode report = http.get("/api/v1/forecasts/published?channel=phone&start=" + lastMonday + "&end=" + today.plusDays(1),
                company.auth()).json();
        assertThat(report.get("publications")).hasSize(1);
        JsonNode weeks = report.get("weeks");
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).get("week_start").asString()).isEqualTo(lastMonday.toString());
        assertThat(weeks.get(0).get("days").asInt()).isEqualTo(7);
        assertThat(weeks.get(0).get("published_volume").asDouble()).isCloseTo(7 * 400.0, offset(2.0));
        assertThat(weeks.get(0).get("actual_volume").asLong()).isEqualTo(7 * 480L);
        assertThat(weeks.get(0).get("wape").asDouble()).as("80 of 480 a day").isCloseTo(1.0 / 6, offset(0.001));

        // This week up to now: days before yesterday as published, yesterday 800 against 400, today's closed quarters as published.
        long todayClosed = 0;
        for (int q = 8 * 4; q < 18 * 4; q++) {
            if (today.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(15L * q)).isBefore(closedEnd)) todayClosed += 10;
        }
        long before = 400L * java.time.temporal.ChronoUnit.DAYS.between(thisMonday, yesterday);
        long actual = before + 800 + todayClosed;
        assertThat(weeks.get(1).get("actual_volume").asLong()).isEqualTo(actual);
        assertThat(weeks.get(1).get("wape").asDouble()).isCloseTo(400.0 / actual, offset(0.002));

        // Another company sees none of it.
        TestCompany other = newCompany("UTC");
        JsonNode theirs = http.get("/api/v1/forecasts/published?channel=phone&start=" + lastMonday + "&end=" + today.plusDays(1), other.auth()).json();
        assertThat(theirs.get("publications")).isEmpty();
        assertThat(theirs.get("weeks")).isEmpty();
        assertThat(http.get("/api/v1/forecasts?version=published" + nextWeek, other.auth()).json().get("intervals").get(0)
                .get("volume").asDouble()).isZero();
        Http.Response theirPublish = http.post("/api/v1/forecasts/publish", other.auth(), Map.of("start", lastMonday.toString(), "end", today.toString()));
        assertThat(theirPublish.status()).isEqualTo(201);
        assertThat(theirPublish.json().get("series").asInt()).as("B has no volume to publish").isZero();
        assertThat(http.get("/api/v1/forecasts/published?channel=phone&start=" + lastMonday + "&end=" + today.plusDays(1),
                company.auth()).json().get("publications")).as("B's publication is not A's").hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        TestCompany company = newCompany();
        assertThat(field(http.post("/api/v1/forecasts/publish", company.auth(), Map.of("end", "2026-12-01")))).isEqualTo("start");
        assertThat(field(http.post("/api/v1/forecasts/publish", company.auth(), Map.of("start", "2026-12-01", "end", "soon")))).isEqualTo("end");
        assertThat(field(http.post("/api/v1/forecasts/publish", company.auth(), Map.of("start", "2026-12-01", "end", "2026-11-01")))).isEqualTo("end");
        assertThat(field(http.post("/api/v1/forecasts/publish", company.auth(), Map.of("start", "2026-01-01", "end", "2026-12-01")))).isEqualTo("end");
        assertThat(field(http.get("/api/v1/forecasts/published?start=yesterday", company.auth()))).isEqualTo("start");
        assertThat(field(http.get("/api/v1/forecasts/published?channel=fax", company.auth()))).isEqualTo("channel");
        assertThat(field(http.get("/api/v1/forecasts?version=old", company.auth()))).isEqualTo("version");
    }

    private static String field(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
