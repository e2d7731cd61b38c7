package com.rostra.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forecasts › Adjustments form: a manager adds and removes an adjustment from the page (recorded as them, read back
 * through the API), bad input comes back naming the field, agents may not, and another company cannot remove it.
 */
class ForecastAdjustmentsPageTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Test
    void aManagerAdjustsAndRemovesFromThePage() {
        TestCompany c = newCompany(ZONE.getId());
        LocalDate monday = today(ZONE).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Mia Manager"), USER_PASSWORD);
        assertThat(lead.fetch("/forecasts").body()).contains("id=\"adjust-form\"");

        assertThat(lead.post("/forecasts/adjustments", Map.of("channel", "phone", "start", monday.toString(),
                "end", monday.plusDays(2).toString(), "change", "percent", "amount", "15", "note", "mailing")).statusCode()).isEqualTo(302);
        JsonNode listed = http.get("/api/v1/forecast-adjustments", c.auth()).json();
        assertThat(listed).hasSize(1);
        JsonNode a = listed.get(0);
        assertThat(a.get("channel").asString()).isEqualTo("phone");
        assertThat(a.get("start").asString()).isEqualTo(monday.toString());
        assertThat(a.get("end").asString()).isEqualTo(monday.plusDays(2).toString());
        assertThat(a.get("percent").asDouble()).isEqualTo(15.0);
        assertThat(a.get("absolute").isNull()).isTrue();
        assertThat(a.get("created_by").asString()).contains("Mia Manager");
        String page = lead.fetch("/forecasts?channel=phone").body();
        assertThat(page).contains("data-id=\"" + a.get("id").asLong() + "\"").contains("+15.0 %").contains("mailing");

        lead.post("/forecasts/adjustments", Map.of("start", monday.toString(), "end", monday.plusDays(1).toString(),
                "change", "absolute", "amount", "-40"));
        assertThat(http.get("/api/v1/forecast-adjustments", c.auth()).json()).anySatisfy(x -> {
            assertThat(x.get("absolute").asDouble()).isEqualTo(-40.0);
            assertThat(x.get("channel").isNull()).as("every channel").isTrue();
        });
        assertThat(lead.fetch("/forecasts").body()).contains("by -40.0 contacts a day");

        lead.post("/forecasts/adjustments", Map.of("start", monday.toString(), "end", monday.minusDays(1).toString(),
                "change", "percent", "amount", "10"));
        assertThat(lead.fetch("/forecasts").body()).contains("end: must be after start");
        lead.post("/forecasts/adjustments", Map.of("start", monday.toString(), "end", monday.plusDays(1).toString(),
                "change", "percent", "amount", "lots"));
        assertThat(lead.fetch("/forecasts").body()).contains("amount: must be a number");
        lead.post("/forecasts/adjustments", Map.of("start", monday.toString(), "end", monday.plusDays(1).toString(),
                "channel", "fax", "amount", "10"));
        assertThat(lead.fetch("/forecasts").body()).contains("channel: must be one of");
        assertThat(http.get("/api/v1/forecast-adjustments", c.auth()).json()).as("nothing stored from bad input").hasSize(2);

        PageSession agent = PageSession.signIn(port, addUser(c, "agent", "Al Agent"), USER_PASSWORD);
        assertThat(agent.post("/forecasts/adjustments", Map.of("start", monday.toString(), "end", monday.plusDays(1).toString(),
                "amount", "10")).statusCode()).as("agents do not change forecasts").isEqualTo(403);

        TestCompany other = newCompany(ZONE.getId());
        PageSession stranger = PageSession.signIn(port, addUser(other, "manager", "Ola Other"), USER_PASSWORD);
        stranger.post("/forecasts/adjustments/" + a.get("id").asLong() + "/delete", Map.of());
        assertThat(http.get("/api/v1/forecast-adjustments", c.auth()).json()).as("another company cannot remove it").hasSize(2);

        lead.post("/forecasts/adjustments/" + a.get("id").asLong() + "/delete", Map.of("channel", "phone"));
        assertThat(http.get("/api/v1/forecast-adjustments", c.auth()).json()).hasSize(1)
                .noneSatisfy(x -> assertThat(x.get("id").asLong()).isEqualTo(a.get("id").asLong()));
        assertThat(lead.fetch("/forecasts?channel=phone").body()).as("back on the series the form was sent from").contains("Adjustment removed.");
    }
}
