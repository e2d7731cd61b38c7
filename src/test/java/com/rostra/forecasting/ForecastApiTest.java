package com.rostra.forecasting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.LocalDayFixtures;
import com.rostra.support.LocalDayFixtures.LocalMonday;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Six weeks of a steady weekly pattern (weekdays 09–17 three chats an hour, weekends 10–15 one an hour, across the
 * November DST change): the forecast repeats it, past intervals carry their actuals, the backtest finds no error.
 */
class ForecastApiTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Autowired
    ContactStore store;

    private TestCompany companyWithSixWeeks() {
        TestCompany company = newCompany(ZONE.getId());
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(ZONE));
        return company;
    }

    @Test
    void aSteadyWeekIsForecastAsItWasAndPastIntervalsCarryTheirActuals() {
        TestCompany company = companyWithSixWeeks();
        LocalDate nextMonday = today(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String start = nextMonday.atStartOfDay(ZONE).toOffsetDateTime().toString();
        String end = nextMonday.plusDays(7).atStartOfDay(ZONE).toOffsetDateTime().toString();
        Http.Response r = http.get("/api/v1/forecasts?channel=chat&interval=1d&start=" + start + "&end=" + end, company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("model").asString()).as("nothing beats a perfect baseline").isEqualTo("week_average");
        assertThat(body.get("time_zone").asString()).isEqualTo(ZONE.getId());
        JsonNode days = body.get("intervals");
        assertThat(days).hasSize(7);
        for (int i = 0; i < 7; i++) {
            double expected = i < 5 ? 24 : 5;
            assertThat(days.get(i).get("volume").asDouble()).as("day " + i).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
            assertThat(days.get(i).get("actual").isNull()).as("the future has no actual").isTrue();
        }

        LocalDate lastMonday = today(ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        JsonNode lastWeek = http.get("/api/v1/forecasts?channel=chat&interval=60m&start="
                + lastMonday.atStartOfDay(ZONE).toOffsetDateTime() + "&end=" + lastMonday.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime(),
                company.auth()).json().get("intervals");
        assertThat(lastWeek).hasSize(24);
        assertThat(lastWeek.get(10).get("actual").asLong()).as("Monday 10:00 last week").isEqualTo(3);
        assertThat(lastWeek.get(10).get("volume").asDouble()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(lastWeek.get(3).get("actual").asLong()).isZero();

        JsonNode accuracy = http.get("/api/v1/forecasts/accuracy?channel=chat&weeks=4", company.auth()).json();
        assertThat(accuracy.get("models")).hasSize(6); // week_average, top_down, double_seasonal, calendar, blend, combination
        assertThat(accuracy.get("models").get(0).get("model").asString()).isEqualTo("week_average");
        assertThat(accuracy.get("models").get(0).get("wape").asDouble()).as("the pattern repeats exactly").isZero();
        assertThat(accuracy.get("models")).allSatisfy(m -> assertThat(m.has("mase")).isTrue());
        assertThat(accuracy.get("chosen_model").asString()).as("nothing beats a perfect baseline").isEqualTo("week_average");

        JsonNode email = http.get("/api/v1/forecasts?channel=email&interval=1d&start=" + start + "&end=" + end, company.auth()).json();
        assertThat(email.get("intervals")).allSatisfy(d -> assertThat(d.get("volume").asDouble()).isZero());

        long queue = http.post("/api/v1/queues", company.auth(), Map.of("name", "Chat", "channels", List.of("chat"))).json().get("id").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/queues/assignment", company.auth()).json().get("status").asString().equals("up_to_date"));
        JsonNode perQueue = http.get("/api/v1/forecasts?queue_id=" + queue + "&interval=1d&start=" + start + "&end=" + end,
                company.auth()).json().get("intervals");
        assertThat(perQueue.get(0).get("volume").asDouble()).isCloseTo(24.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(http.post("/api/v1/forecasts/rebuild", company.auth(), Map.of()).status()).isEqualTo(202);
    }

    @Test
    void impossibleParametersAndOtherCompaniesQueuesAreRejected() {
        TestCompany company = newCompany();
        TestCompany other = newCompany();
        long theirs = http.post("/api/v1/queues", other.auth(), Map.of("name", "Theirs")).json().get("id").asLong();
        assertThat(http.get("/api/v1/forecasts?queue_id=" + theirs, company.auth()).json().get("errors").get(0).get("field").asString())
                .isEqualTo("queue_id");
        assertThat(http.get("/api/v1/forecasts?channel=fax", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/forecasts?interval=7m", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/forecasts?start=2026-12-01T00:00:00Z&end=2026-11-01T00:00:00Z", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/forecasts?start=2026-01-01T00:00:00Z&end=2026-12-01T00:00:00Z", company.auth()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/forecasts/accuracy?weeks=0", company.auth()).status()).isEqualTo(400);
        JsonNode empty = http.get("/api/v1/forecasts", company.auth()).json();
        assertThat(empty.get("intervals")).hasSize(14 * 96).allSatisfy(i -> assertThat(i.get("volume").asDouble()).isZero());
    }

    @Test
    void aBareDateIsTheCompanysLocalDayNotUtcs() {
        LocalMonday auckland = LocalDayFixtures.aucklandWithSixWeeksOfChats(this, store);
        TestCompany company = auckland.company();
        LocalDate monday = auckland.monday();
        Instant midnight = auckland.midnight();

        Http.Response r = http.get("/api/v1/forecasts?channel=chat&start=" + monday + "&end=" + monday.plusDays(1), company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode intervals = r.json().get("intervals");
        assertThat(intervals).as("that local day's quarter hours").hasSize(96);
        assertThat(Instant.parse(intervals.get(0).get("start").asString())).isEqualTo(midnight);
        assertThat(Instant.parse(intervals.get(95).get("start").asString()))
                .as("end is the start of the next local day").isEqualTo(midnight.plus(Duration.ofHours(23).plusMinutes(45)));
        // Weekdays 09-17 local, three chats an hour: 09:00 local is the 36th quarter hour of the local day.
        assertThat(intervals.get(36).get("volume").asDouble() + intervals.get(37).get("volume").asDouble()
                + intervals.get(38).get("volume").asDouble() + intervals.get(39).get("volume").asDouble())
                .as("09:00-10:00 Auckland").isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.01));

        JsonNode days = http.get("/api/v1/forecasts?channel=chat&interval=1d&start=" + monday + "&end=" + monday.plusDays(7),
                company.auth()).json().get("intervals");
        assertThat(days).hasSize(7);
        assertThat(Instant.parse(days.get(0).get("start").asString())).isEqualTo(midnight);

        // An instant with an offset is read as before.
        Instant utcMidnight = monday.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        JsonNode fromInstant = http.get("/api/v1/forecasts?channel=chat&start=" + utcMidnight + "&end=" + utcMidnight.plus(Duration.ofDays(1)),
                company.auth()).json().get("intervals");
        assertThat(Instant.parse(fromInstant.get(0).get("start").asString())).isEqualTo(utcMidnight);
    }
}
