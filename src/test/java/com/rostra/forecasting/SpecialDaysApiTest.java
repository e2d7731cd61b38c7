package com.rostra.forecasting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Special days: CRUD per company, tenant isolation, and their effect on the forecast (closed is zero, holiday
 * without a past holiday is zero). Dates are fixed where the data does not depend on them. */
class SpecialDaysApiTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Autowired
    ContactStore store;

    @Test
    void putGetListDeleteAndValidation() {
        TestCompany a = newCompany(ZONE.getId());
        Http.Response put = http.put("/api/v1/special-days/2026-12-25", a.auth(), Map.of("kind", "holiday", "note", "Christmas"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("kind").asString()).isEqualTo("holiday");
        JsonNode got = http.get("/api/v1/special-days/2026-12-25", a.auth()).json();
        assertThat(got.get("note").asString()).isEqualTo("Christmas");
        assertThat(got.get("date").asString()).isEqualTo("2026-12-25");

        assertThat(http.put("/api/v1/special-days/2026-12-25", a.auth(), Map.of("kind", "closed")).json().get("kind").asString())
                .as("PUT replaces").isEqualTo("closed");
        http.put("/api/v1/special-days/2026-12-31", a.auth(), Map.of("kind", "outlier"));
        JsonNode list = http.get("/api/v1/special-days?start=2026-12-01&end=2027-01-01", a.auth()).json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("date").asString()).isEqualTo("2026-12-25");
        assertThat(list.get(0).get("detected").asBoolean()).isFalse();

        assertThat(http.put("/api/v1/special-days/2026-12-24", a.auth(), Map.of("kind", "party")).status()).isEqualTo(400);
        assertThat(http.put("/api/v1/special-days/2026-13-01", a.auth(), Map.of("kind", "closed")).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/special-days?start=2027-01-01&end=2026-01-01", a.auth()).status()).isEqualTo(400);

        assertThat(http.delete("/api/v1/special-days/2026-12-31", a.auth()).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/special-days/2026-12-31", a.auth()).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/special-days/2026-12-31", a.auth()).status()).isEqualTo(404);
    }

    @Test
    void anotherCompanysKeyCannotReadOrChangeThem() {
        TestCompany a = newCompany(ZONE.getId());
        TestCompany b = newCompany(ZONE.getId());
        http.put("/api/v1/special-days/2026-11-26", a.auth(), Map.of("kind", "holiday", "note", "Thanksgiving"));

        assertThat(http.get("/api/v1/special-days/2026-11-26", b.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/special-days?start=2026-11-01&end=2026-12-01", b.auth()).json()).isEmpty();
        assertThat(http.delete("/api/v1/special-days/2026-11-26", b.auth()).status()).isEqualTo(404);
        http.put("/api/v1/special-days/2026-11-26", b.auth(), Map.of("kind", "closed", "note", "B's own"));

        JsonNode mine = http.get("/api/v1/special-days/2026-11-26", a.auth()).json();
        assertThat(mine.get("kind").asString()).as("B's write is B's alone").isEqualTo("holiday");
        assertThat(mine.get("note").asString()).isEqualTo("Thanksgiving");
        assertThat(http.get("/api/v1/special-days/2026-11-26", b.auth()).json().get("kind").asString()).isEqualTo("closed");
        assertThat(http.get("/api/v1/special-days/2026-11-26", null).status()).isEqualTo(401);
    }

    @Test
    void closedAndHolidayDaysWithoutPastHolidaysAreForecastAtZero() {
        TestCompany a = newCompany(ZONE.getId());
        store.upsert(new CompanyId(a.id()), WeeklyChats.sixWeeks(ZONE));
        LocalDate nextMonday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        http.put("/api/v1/special-days/" + nextMonday, a.auth(), Map.of("kind", "closed"));
        http.put("/api/v1/special-days/" + nextMonday.plusDays(1), a.auth(), Map.of("kind", "holiday"));
        String start = nextMonday.atStartOfDay(ZONE).toOffsetDateTime().toString();
        String end = nextMonday.plusDays(3).atStartOfDay(ZONE).toOffsetDateTime().toString();
        JsonNode days = http.get("/api/v1/forecasts?channel=chat&interval=1d&start=" + start + "&end=" + end, a.auth())
                .json().get("intervals");
        assertThat(days.get(0).get("volume").asDouble()).as("closed").isZero();
        assertThat(days.get(1).get("volume").asDouble()).as("holiday, no past holiday").isZero();
        assertThat(days.get(2).get("volume").asDouble()).as("an ordinary Wednesday").isCloseTo(24.0, offset(0.01));

        Map<String, Object> outlier = new HashMap<>();
        outlier.put("kind", "outlier");
        LocalDate lastMonday = nextMonday.minusWeeks(1);
        assertThat(http.put("/api/v1/special-days/" + lastMonday, a.auth(), outlier).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/forecasts?channel=chat&interval=1d&start=" + start + "&end=" + end, a.auth())
                .json().get("intervals").get(2).get("volume").asDouble()).as("an outlier only leaves training").isCloseTo(24.0, offset(0.01));
    }
}
