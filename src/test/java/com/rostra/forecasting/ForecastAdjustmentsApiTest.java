package com.rostra.forecasting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * Five weeks of 400 phone contacts a day (ten a quarter hour, 08–18): a +50 % adjustment on next Monday and +100
 * contacts on next Tuesday move the forecast and the requirements read from it; who and when are recorded; a
 * percent adjustment of the phone channel leaves the all-channels series alone while an absolute one adds to it;
 * deleting puts the model's forecast back; another company can neither see nor delete them.
 */
class ForecastAdjustmentsApiTest extends ApiTest {

    private static double day(TestCompany company, Http http, String series, LocalDate date) {
        Http.Response r = http.get("/api/v1/forecasts?interval=1d" + series + "&start=" + date + "&end=" + date.plusDays(1), company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("intervals").get(0).get("volume").asDouble();
    }

    private double requiredVolume(TestCompany company, LocalDate date) {
        String range = "&start=" + date.atTime(10, 0).atZone(ZoneOffset.UTC).toInstant() + "&end=" + date.atTime(10, 15).atZone(ZoneOffset.UTC).toInstant();
        Http.Response r = http.get("/api/v1/requirements?channel=phone" + range, company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(0).get("forecast_volume").asDouble();
    }

    @Test
    void adjustmentsMoveTheForecastAndTheRequirementsAndStayWithTheirCompany() {
        TestCompany company = newCompany("UTC");
        LocalDate today = today(ZoneOffset.UTC);
        Http.Response imported = http.postRaw("/api/v1/volume/import?interval_minutes=15", company.auth(), "text/csv",
                ForecastIntradayApiTest.history(today, 5, 10, 10, today.atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(http.put("/api/v1/staffing-settings/all/phone", company.auth(), Map.of("service_level", 0.8,
                "target_seconds", 60, "aht_seconds", 300)).status()).isEqualTo(200);
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate tuesday = monday.plusDays(1);
        assertThat(day(company, http, "&channel=phone", monday)).isCloseTo(400, offset(0.5));
        assertThat(requiredVolume(company, monday)).isCloseTo(10, offset(0.01));

        Http.Response percent = http.post("/api/v1/forecast-adjustments", company.auth(), Map.of("channel", "phone",
                "start", monday.toString(), "end", tuesday.toString(), "percent", 50, "note", "statement mailing"));
        assertThat(percent.status()).as(percent.body()).isEqualTo(201);
        assertThat(percent.json().get("created_by").asString()).contains("api key");
        assertThat(percent.json().get("created_at").asString()).isNotBlank();
        assertThat(percent.json().get("note").asString()).isEqualTo("statement mailing");
        Http.Response absolute = http.post("/api/v1/forecast-adjustments", company.auth(), Map.of("channel", "phone",
                "start", tuesday.toString(), "end", tuesday.plusDays(1).toString(), "absolute", 100));
        assertThat(absolute.status()).as(absolute.body()).isEqualTo(201);

        JsonNode mon = http.get("/api/v1/forecasts?interval=1d&channel=phone&start=" + monday + "&end=" + tuesday.plusDays(2),
                company.auth()).json().get("intervals");
        assertThat(mon.get(0).get("volume").asDouble()).as("+50 %").isCloseTo(600.0, offset(1.0));
        assertThat(mon.get(0).get("model_volume").asDouble()).as("the model's own").isCloseTo(400, offset(0.5));
        assertThat(mon.get(1).get("volume").asDouble()).as("+100 contacts").isCloseTo(500.0, offset(1.0));
        assertThat(mon.get(2).get("volume").asDouble()).as("Wednesday is not adjusted").isCloseTo(400, offset(0.5));
        assertThat(day(company, http, "", monday)).as("a phone percent does not scale every channel").isCloseTo(400, offset(0.5));
        assertThat(day(company, http, "", tuesday)).as("100 more phone contacts are 100 more contacts").isCloseTo(500.0, offset(1.0));
        assertThat(day(company, http, "&channel=email", tuesday)).isZero();

        assertThat(requiredVolume(company, monday)).as("requirements read the adjusted forecast").isCloseTo(15, offset(0.05));
        assertThat(requiredVolume(company, tuesday)).isCloseTo(12.5, offset(0.05));

        JsonNode list = http.get("/api/v1/forecast-adjustments", company.auth()).json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("percent").asDouble()).isEqualTo(50.0);
        assertThat(list.get(0).get("absolute").isNull()).isTrue();
        assertThat(list.get(1).get("absolute").asDouble()).isEqualTo(100.0);

        // Company B: sees none, deletes none, forecasts untouched.
        TestCompany other = newCompany("UTC");
        assertThat(http.get("/api/v1/forecast-adjustments", other.auth()).json()).isEmpty();
        long id = percent.json().get("id").asLong();
        assertThat(http.delete("/api/v1/forecast-adjustments/" + id, other.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/forecast-adjustments", company.auth()).json()).hasSize(2);
        Http.Response theirs = http.post("/api/v1/forecast-adjustments", other.auth(), Map.of("channel", "phone",
                "start", monday.toString(), "end", tuesday.toString(), "percent", -100));
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(day(company, http, "&channel=phone", monday)).as("B's adjustment is not A's").isCloseTo(600.0, offset(1.0));
        long theirQueue = http.post("/api/v1/queues", other.auth(), Map.of("name", "Theirs")).json().get("id").asLong();
        Http.Response foreignQueue = http.post("/api/v1/forecast-adjustments", company.auth(), Map.of("queue_id", theirQueue,
                "start", monday.toString(), "end", tuesday.toString(), "percent", 10));
        assertThat(foreignQueue.status()).isEqualTo(400);
        assertThat(foreignQueue.json().get("errors").get(0).get("field").asString()).isEqualTo("queue_id");

        assertThat(http.delete("/api/v1/forecast-adjustments/" + id, company.auth()).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/forecast-adjustments/" + id, company.auth()).status()).isEqualTo(404);
        assertThat(day(company, http, "&channel=phone", monday)).as("back to the model").isCloseTo(400, offset(0.5));
        assertThat(requiredVolume(company, monday)).isCloseTo(10, offset(0.01));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        TestCompany company = newCompany();
        Map<String, Object> good = new HashMap<>(Map.of("start", "2026-12-07", "end", "2026-12-08", "percent", 10));
        assertThat(field(company, Map.of("end", "2026-12-08", "percent", 10))).isEqualTo("start");
        assertThat(field(company, with(good, "start", "07/12/2026"))).isEqualTo("start");
        assertThat(field(company, with(good, "end", "2026-12-07"))).isEqualTo("end");
        assertThat(field(company, with(good, "channel", "fax"))).isEqualTo("channel");
        assertThat(field(company, with(good, "percent", -150))).isEqualTo("percent");
        assertThat(field(company, with(good, "absolute", 5))).isEqualTo("absolute");
        assertThat(field(company, Map.of("start", "2026-12-07", "end", "2026-12-08"))).isEqualTo("percent");
        assertThat(field(company, with(good, "note", "x".repeat(501)))).isEqualTo("note");
        assertThat(http.delete("/api/v1/forecast-adjustments/999999999", company.auth()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/forecast-adjustments?start=2026-12-08&end=2026-12-01", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/forecast-adjustments", company.auth()).json()).isEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private String field(TestCompany company, Map<String, Object> body) {
        Http.Response r = http.post("/api/v1/forecast-adjustments", company.auth(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        List<String> fields = new java.util.ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).hasSize(1);
        return fields.get(0);
    }
}
