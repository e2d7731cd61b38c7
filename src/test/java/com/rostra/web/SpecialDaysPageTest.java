package com.rostra.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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
import com.rostra.support.PageSession;
import com.rostra.support.WeeklyChats;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Forecasts › Special days: a detected abnormal day is shown, can be overruled as normal, and days can be marked. */
class SpecialDaysPageTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Autowired
    ContactStore store;

    @Test
    void aDetectedDayCanBeOverruledAndDaysMarkedFromThePage() {
        TestCompany c = newCompany(ZONE.getId());
        List<ContactRecord> contacts = new ArrayList<>(WeeklyChats.sixWeeks(ZONE));
        // A Tuesday three weeks ago with ten times the usual chats: far from every other Tuesday.
        LocalDate spike = today(ZONE).with(TemporalAdjusters.previous(DayOfWeek.TUESDAY)).minusWeeks(3);
        for (int i = 0; i < 240; i++) {
            Instant at = spike.atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(i * 110L);
            contacts.add(new ContactRecord("spike-" + i, "conv-spike-" + i, "cust", Channel.CHAT, "CHAT", "INBOUND", "Customer",
                    null, null, "in", "Chat", "in", "Chat", ContactStatus.SOLVED, "ANSWERED", at, at, at.plusSeconds(30), 30, null,
                    null, 30, at.plusSeconds(600), null));
        }
        store.upsert(new CompanyId(c.id()), contacts);
        JsonNode listed = http.get("/api/v1/special-days", c.auth()).json();
        assertThat(listed).anySatisfy(d -> {
            assertThat(d.get("date").asString()).isEqualTo(spike.toString());
            assertThat(d.get("detected").asBoolean()).isTrue();
        });

        PageSession lead = PageSession.signIn(port, addUser(c, "manager", "Mia Manager"), USER_PASSWORD);
        assertThat(lead.get("/forecasts/special-days").body()).contains("data-date=\"" + spike + "\"").contains("outlier (detected)");
        lead.post("/forecasts/special-days", Map.of("date", spike.toString(), "kind", "normal", "note", "a real busy day"));
        JsonNode overruled = http.get("/api/v1/special-days/" + spike, c.auth()).json();
        assertThat(overruled.get("kind").asString()).isEqualTo("normal");
        assertThat(http.get("/api/v1/special-days", c.auth()).json()).noneSatisfy(d ->
                assertThat(d.get("date").asString() + d.get("detected").asBoolean()).isEqualTo(spike + "true"));

        LocalDate christmas = LocalDate.of(2026, 12, 25);
        lead.post("/forecasts/special-days", Map.of("date", christmas.toString(), "kind", "closed", "note", "Christmas"));
        assertThat(http.get("/api/v1/special-days/" + christmas, c.auth()).json().get("kind").asString()).isEqualTo("closed");
        String page = lead.post("/forecasts/special-days", Map.of("date", "not-a-date", "kind", "party")).statusCode() == 302
                ? lead.get("/forecasts/special-days").body() : "";
        assertThat(page).contains("date: must be a date").contains("kind: must be one of");
        lead.post("/forecasts/special-days/" + christmas + "/delete", Map.of());
        assertThat(http.get("/api/v1/special-days/" + christmas, c.auth()).status()).isEqualTo(404);

        PageSession agent = PageSession.signIn(port, addUser(c, "agent", "Al Agent"), USER_PASSWORD);
        assertThat(agent.post("/forecasts/special-days", Map.of("date", christmas.toString(), "kind", "closed")).statusCode())
                .as("agents read forecasts but do not change them").isEqualTo(403);
        assertThat(http.get("/api/v1/special-days/" + christmas, c.auth()).status()).isEqualTo(404);
    }
}
