package com.rostra.forecasting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * Five weeks of imported history (08:00–18:00, ten contacts a quarter hour, every day) and today running at twice
 * that so far: today's closed quarter hours carry their actuals in {@code intraday}, the rest of today is re-scaled
 * by 1 + w (r − 1) with r = 2 and w = s / (s + c), other days carry no intraday value, and accuracy reports
 * day-ahead and intraday apart.
 */
class ForecastIntradayApiTest extends ApiTest {

    static String history(LocalDate today, int weeks, int perQuarter, int todayPerQuarter, Instant todayUntil) {
        StringBuilder csv = new StringBuilder("interval_start,queue_id,channel,count\n");
        for (LocalDate d = today.minusWeeks(weeks); !d.isAfter(today); d = d.plusDays(1)) {
            for (int q = 8 * 4; q < 18 * 4; q++) {
                Instant t = d.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(15L * q));
                if (d.equals(today) && !t.isBefore(todayUntil)) break;
                csv.append(t).append(",,phone,").append(d.equals(today) ? todayPerQuarter : perQuarter).append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void todaysRestIsRescaledByTodaySoFarAndAccuracyReportsBothApart() {
        TestCompany company = newCompany("UTC");
        LocalDate today = today(ZoneOffset.UTC);
        Instant closedEnd = Instant.ofEpochSecond(Math.floorDiv(now().getEpochSecond(), 900) * 900);
        Http.Response imported = http.postRaw("/api/v1/volume/import?interval_minutes=15", company.auth(), "text/csv",
                history(today, 5, 10, 20, closedEnd));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        String range = "&start=" + today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "&end="
                + today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Http.Response r = http.get("/api/v1/forecasts?channel=phone&interval=15m" + range, company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        double c = body.get("intraday_shrink").asDouble();
        assertThat(c).as("fitted on past days' day-ahead forecasts").isPositive();
        double forecastClosed = 0;
        double actualClosed = 0;
        double forecastDay = 0;
        for (JsonNode p : body.get("intervals")) {
            Instant t = Instant.parse(p.get("start").asString());
            if (!t.atZone(ZoneOffset.UTC).toLocalDate().equals(today)) {
                assertThat(p.get("intraday").isNull()).as("no intraday value outside today: " + t).isTrue();
                continue;
            }
            forecastDay += p.get("volume").asDouble();
            if (t.isBefore(closedEnd)) {
                forecastClosed += p.get("volume").asDouble();
                actualClosed += p.get("actual").asLong();
                assertThat(p.get("intraday").asDouble()).as("a closed quarter hour is what happened").isEqualTo(p.get("actual").asDouble());
            }
        }
        assertThat(forecastClosed).as("the day-ahead forecast of today's closed quarter hours").isPositive();
        double s = forecastClosed / forecastDay;
        double k = 1 + s / (s + c) * (actualClosed / forecastClosed - 1);
        assertThat(actualClosed / forecastClosed).as("today runs at twice the forecast").isCloseTo(2.0, offset(0.05));
        int open = 0;
        for (JsonNode p : body.get("intervals")) {
            Instant t = Instant.parse(p.get("start").asString());
            if (!t.atZone(ZoneOffset.UTC).toLocalDate().equals(today) || t.isBefore(closedEnd)) continue;
            assertThat(p.get("intraday").asDouble()).as("rest of today at " + t)
                    .isCloseTo(p.get("volume").asDouble() * k, offset(0.02));
            if (p.get("volume").asDouble() > 0) {
                open++;
                assertThat(p.get("intraday").asDouble()).isGreaterThan(p.get("volume").asDouble() * 1.5);
            }
        }
        assertThat(open).as("today has open intervals with forecast volume").isPositive();

        // the day's total: actual so far plus the re-scaled rest
        JsonNode days = http.get("/api/v1/forecasts?channel=phone&interval=1d" + range, company.auth()).json().get("intervals");
        assertThat(days.get(0).get("intraday").isNull()).isTrue();
        assertThat(days.get(1).get("intraday").asDouble()).isGreaterThan(days.get(1).get("volume").asDouble() * 1.5);
        assertThat(days.get(2).get("intraday").isNull()).isTrue();

        JsonNode accuracy = http.get("/api/v1/forecasts/accuracy?channel=phone&weeks=2", company.auth()).json();
        JsonNode intraday = accuracy.get("intraday");
        assertThat(intraday.get("days").asInt()).as("the last 14 days are scored").isEqualTo(14);
        assertThat(intraday.get("day_ahead_wape").asDouble()).as("history repeats exactly").isCloseTo(0.0, offset(1e-4));
        assertThat(intraday.get("intraday_wape").asDouble()).isCloseTo(0.0, offset(1e-4));
        assertThat(intraday.get("shrink").asDouble()).isEqualTo(c);

        TestCompany other = newCompany("UTC");
        JsonNode theirs = http.get("/api/v1/forecasts?channel=phone&interval=1d" + range, other.auth()).json().get("intervals");
        assertThat(theirs.get(1).get("intraday").asDouble()).as("another company's today is not this one's").isZero();
    }
}
