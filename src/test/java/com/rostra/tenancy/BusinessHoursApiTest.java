package com.rostra.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessHoursApiTest extends ApiTest {

    @Test
    void settingsAreValidatedAndStoredPerCompany() {
        TestCompany c = newCompany("Europe/Berlin");
        assertThat(http.get("/api/v1/business-hours", c.auth()).json().get("enabled").asBoolean()).isFalse();
        Http.Response bad = http.put("/api/v1/business-hours", c.auth(), Map.of("enabled", true,
                "weekly", List.of(Map.of("day", "funday", "open", "09:00", "close", "17:00"),
                        Map.of("day", "monday", "open", "18:00", "close", "09:00")),
                "holidays", List.of(Map.of("date", "2026-02-30"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
                .contains("weekly[0].day", "weekly[1].close", "holidays[0].date");

        Http.Response ok = http.put("/api/v1/business-hours", c.auth(), Map.of("enabled", true,
                "weekly", List.of(Map.of("day", "monday", "open", "09:00", "close", "17:00")),
                "holidays", List.of(Map.of("date", "2026-12-25", "name", "Christmas"))));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("weekly").get(0).get("open").asString()).isEqualTo("09:00");
        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/business-hours", other.auth()).json().get("weekly")).isEmpty();
    }

    @Test
    void firstResponseTimesCountOpenHoursOnlyOnceEnabled() {
        TestCompany c = newCompany("America/New_York");
        http.put("/api/v1/business-hours", c.auth(), Map.of("enabled", true, "weekly",
                List.of("monday", "tuesday", "wednesday", "thursday", "friday").stream()
                        .map(d -> Map.of("day", d, "open", "09:00", "close", "17:00")).toList(), "holidays", List.of()));
        try (GladlySimulator sim = Simulators.start(81, 400)) {
            Instant before = now();
            connect(c, sim, 4);
            Simulators.assertHealthy(Simulators.awaitSettled(http, c, before));
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                select queued_at, first_responded_at, first_response_duration, contact_channel, answer_wait_seconds from contacts
                where company_id = ? and first_responded_at is not null""").param(c.id()).query().listOfRows();
        assertThat(rows).hasSizeGreaterThan(100);
        long shorter = 0;
        for (Map<String, Object> r : rows) {
            Instant queued = instant(r.get("queued_at"));
            Instant responded = instant(r.get("first_responded_at"));
            long expected = nineToFiveWeekdaySecondsInNewYork(queued, responded);
            assertThat(((Number) r.get("first_response_duration")).longValue()).isEqualTo(expected);
            if (expected < Duration.between(queued, responded).getSeconds()) shorter++;
        }
        assertThat(shorter).as("contacts outside opening hours wait less business time").isPositive();
    }

    /** The oracle, written out plainly instead of asking BusinessCalendar: open seconds of each local day, summed. */
    private static long nineToFiveWeekdaySecondsInNewYork(Instant from, Instant to) {
        java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
        long seconds = 0;
        for (java.time.LocalDate d = java.time.LocalDate.ofInstant(from, ny); !d.isAfter(java.time.LocalDate.ofInstant(to, ny)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6) continue;
            Instant open = d.atTime(9, 0).atZone(ny).toInstant();
            Instant close = d.atTime(17, 0).atZone(ny).toInstant();
            Instant a = from.isAfter(open) ? from : open;
            Instant b = to.isBefore(close) ? to : close;
            if (b.isAfter(a)) seconds += Duration.between(a, b).getSeconds();
        }
        return seconds;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        return Instant.parse(value.toString());
    }
}
