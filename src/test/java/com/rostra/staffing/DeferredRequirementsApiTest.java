package com.rostra.staffing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;
import com.rostra.contacts.ContactStore;
import com.rostra.support.ApiTest;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email against its SLA window in business hours: emails arrive day and night, the team works 09-17 on weekdays;
 * requirements are flat through opening hours, zero outside, and the backlog the night leaves is in the plan.
 */
class DeferredRequirementsApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    @Test
    void emailIsStaffedFlatThroughOpeningHoursToAnswerEveryoneWithinTheWindow() {
        TestCompany c = newCompany("UTC");
        http.put("/api/v1/business-hours", c.auth(), Map.of("enabled", true, "weekly",
                List.of("monday", "tuesday", "wednesday", "thursday", "friday").stream()
                        .map(d -> Map.of("day", d, "open", "09:00", "close", "17:00")).toList(), "holidays", List.of()));
        List<ContactRecord> emails = new ArrayList<>();
        Instant first = now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(35));
        for (int q = 0; q < 35 * 96; q++) {
            Instant at = first.plus(Duration.ofMinutes(15L * q + 7));
            emails.add(new ContactRecord("mail-" + q, "conv-mail-" + q, "cust", Channel.EMAIL, "EMAIL", "INBOUND", "Customer", null,
                    null, "in", "Email", "in", "Email", ContactStatus.SOLVED, "ANSWERED", at, at, at.plusSeconds(3600), 3600, null,
                    null, null, at.plusSeconds(4000), null));
        }
        store.upsert(new CompanyId(c.id()), emails);
        assertThat(http.put("/api/v1/staffing-settings/all/email", c.auth(), Map.of("sla_window_hours", 4, "aht_seconds", 900,
                "max_occupancy", 1, "shrinkage", 0)).status()).isEqualTo(200);

        LocalDate monday = LocalDate.of(2026, 11, 23);
        Instant start = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonNode rows = http.get("/api/v1/requirements?channel=email&start=" + start + "&end=" + start.plus(Duration.ofDays(1)),
                c.auth()).json();
        assertThat(rows).hasSize(96);
        int open = rows.get(36).get("required_agents").asInt(); // 09:00
        assertThat(open).isPositive();
        for (int q = 0; q < 96; q++) {
            int required = rows.get(q).get("required_agents").asInt();
            if (q >= 36 && q < 68) assertThat(required).as("flat through opening hours, quarter " + q).isEqualTo(open);
            else assertThat(required).as("closed, quarter " + q).isZero();
        }
        // About one email a quarter hour: the weekend and Monday night leave ~2.6 days of mail waiting at 08:45.
        assertThat(rows.get(35).get("backlog").asDouble()).isGreaterThan(200);
        // 4 business hours to answer: what waited since Friday 17:00 is due by 13:00, so the day ends close to empty.
        assertThat(rows.get(67).get("backlog").asDouble()).isLessThan(rows.get(35).get("backlog").asDouble() / 4);
        double volume = 0;
        for (JsonNode r : rows) volume += r.get("forecast_volume").asDouble();
        assertThat(volume).as("the forecast sees the steady mail").isBetween(80.0, 110.0);
        assertThat(rows.get(40).get("expected_service_level").isNull()).isTrue();
    }
}
