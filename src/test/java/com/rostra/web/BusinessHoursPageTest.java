package com.rostra.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Business hours as a lead sets them: 24-hour times, a Closed box per day, and Monday copied to every open day. */
class BusinessHoursPageTest extends ApiTest {

    @Test
    void closedDaysAndCopyingMondayToEveryOpenDay() {
        TestCompany company = newCompany("Europe/Berlin");
        PageSession admin = PageSession.signIn(port, addUser(company, "admin", "Ada"), USER_PASSWORD);

        Map<String, String> form = new HashMap<>(Map.of("enabled", "true", "monday_open", "08:00", "monday_close", "18:30",
                "saturday_open", "10:00", "saturday_close", "14:00", "sunday_closed", "true", "sunday_open", "09:00",
                "sunday_close", "12:00", "copy_from", "monday"));
        assertThat(admin.post("/settings/business-hours", form).statusCode()).isEqualTo(302);
        assertThat(week(company)).containsExactly("monday 08:00-18:30", "tuesday 08:00-18:30", "wednesday 08:00-18:30",
                "thursday 08:00-18:30", "friday 08:00-18:30", "saturday 08:00-18:30");

        Map<String, String> saturdayClosed = new HashMap<>(Map.of("enabled", "true", "monday_open", "08:00",
                "monday_close", "18:30", "friday_open", "08:00", "friday_close", "16:00", "saturday_open", "08:00",
                "saturday_close", "18:30", "saturday_closed", "true"));
        admin.post("/settings/business-hours", saturdayClosed);
        assertThat(week(company)).containsExactly("monday 08:00-18:30", "friday 08:00-16:00");

        String page = admin.get("/settings/business-hours");
        assertThat(page).contains("value=\"16:00\"", "id=\"saturday_closed\"", "Copy Monday to every open day")
                .doesNotContain("type=\"time\"");
    }

    private List<String> week(TestCompany company) {
        JsonNode hours = http.get("/api/v1/business-hours", company.auth()).json();
        return hours.get("weekly").valueStream()
                .map(d -> d.get("day").asString() + " " + d.get("open").asString() + "-" + d.get("close").asString()).toList();
    }
}
