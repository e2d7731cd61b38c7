package com.rostra.staffing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rostra.platform.Db;
import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimContact;
import com.rostra.simulator.SimulatorConfig;
import com.rostra.simulator.WorkSessionReport;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;
import com.rostra.support.TestClocks;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 13's recovery test: a simulated week with known handle times and patience is pulled through the public API
 * (Contact Export and Work Session report, on the shared budget), and the measured AHT and patience come out within
 * 5 % of the simulator's truth. The truth is the simulator's own: its work sessions (handle time plus after-contact
 * work) and its contacts' waits, re-counted here by a plain implementation of the estimators over the same contacts
 * (queued since the backfill started). Chat's handle time is also checked against the simulator's generating model:
 * 120 s + Exp(480 s) handling plus Exp(30 s) after-contact work, 630 s on average; and the measured patience against
 * the patience the simulator is configured with (a mean that is not its default), within three standard errors of
 * the exponential estimate (mean / √abandons).
 */
class MeasuredRecoveryApiTest extends ApiTest {

    private static final Set<String> PHONE = Set.of("PHONE_CALL", "VOICEMAIL", "ABANDONED_CALL");
    /** Live calls only: a voicemail's caller is not waiting on the line, so Rostra leaves it out of patience. */
    private static final Set<String> LIVE_PHONE = Set.of("PHONE_CALL", "ABANDONED_CALL");
    private static final double CONFIGURED_PATIENCE_SECONDS = 360;

    GladlySimulator sim;

    @BeforeEach
    void start() {
        assertThat(CONFIGURED_PATIENCE_SECONDS).isNotEqualTo(SimulatorConfig.DEFAULT_PHONE_PATIENCE_SECONDS);
        sim = new GladlySimulator(SimulatorConfig.defaults(1313).withContactsPerDay(2000)
                .withPhonePatienceSeconds(CONFIGURED_PATIENCE_SECONDS), TestClocks.clock()).start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aWeekPulledFromGladlyGivesPatienceAndHandleTimeWithinFivePercentOfTheTruth() {
        TestCompany c = newCompany("America/New_York");
        Instant before = now();
        Http.Response connected = connect(c, sim, 7);
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        JsonNode settled = Simulators.awaitSettled(http, c, before);
        Simulators.assertHealthy(settled);
        Simulators.awaitHandleTimes(http, c, settled);
        Instant backfillStart = jdbc.sql("select backfill_start from gladly_connections where company_id = ?").param(c.id())
                .query((rs, i) -> Db.instant(rs, 1)).single();
        Instant at = now();

        // The simulator's truth over the contacts Rostra was asked for.
        List<WorkSessionReport.WorkSession> sessions = WorkSessionReport.sessionsEndedBetween(sim.organization(), backfillStart, at, at)
                .stream().filter(s -> !s.contact().queuedAt().isBefore(backfillStart)).toList();
        double phoneAht = sessions.stream().filter(s -> PHONE.contains(s.contact().channel()))
                .mapToDouble(WorkSessionReport.WorkSession::totalSeconds).average().orElseThrow();
        double chatAht = sessions.stream().filter(s -> s.contact().channel().equals("CHAT"))
                .mapToDouble(WorkSessionReport.WorkSession::totalSeconds).average().orElseThrow();
        long phoneSessions = sessions.stream().filter(s -> PHONE.contains(s.contact().channel())).count();
        double waited = 0;
        long abandoned = 0;
        for (SimContact k : sim.organization().contactsQueuedBetween(backfillStart, at, at)) {
            if (!LIVE_PHONE.contains(k.channel()) || !k.direction().equals("INBOUND") || !k.endedBy(at)) continue;
            if (k.status().equals("ABANDONED")) {
                abandoned++;
                waited += (k.endedAt().toEpochMilli() - k.queuedAt().toEpochMilli()) / 1000.0;
            } else if (k.status().equals("ANSWERED")) {
                waited += (k.fulfilledAt().toEpochMilli() - k.queuedAt().toEpochMilli()) / 1000.0;
            }
        }
        double patience = waited / abandoned;
        assertThat(phoneSessions).as("a week of phone work").isGreaterThan(3000);
        assertThat(abandoned).as("enough abandons to estimate patience").isGreaterThan(300);

        JsonNode phone = http.get("/api/v1/staffing-settings/all/phone/measured-handle-time", c.auth()).json();
        JsonNode chat = http.get("/api/v1/staffing-settings/all/chat/measured-handle-time", c.auth()).json();
        JsonNode measuredPatience = http.get("/api/v1/staffing-settings/all/phone/measured-patience", c.auth()).json();
        System.out.printf("recovery: phone AHT %.1f s (truth %.1f, %d sessions), chat AHT %.1f s (truth %.1f), patience %.1f s (re-counted %.1f, configured %.0f, %d abandoned)%n",
                phone.get("mean_seconds").asDouble(), phoneAht, phoneSessions, chat.get("mean_seconds").asDouble(), chatAht,
                measuredPatience.get("mean_seconds").asDouble(), patience, CONFIGURED_PATIENCE_SECONDS, abandoned);
        assertThat(phone.get("mean_seconds").asDouble()).as(phone.toString()).isCloseTo(phoneAht, within(0.05 * phoneAht));
        assertThat(chat.get("mean_seconds").asDouble()).as(chat.toString()).isCloseTo(chatAht, within(0.05 * chatAht));
        assertThat(chat.get("mean_seconds").asDouble()).as("the generating model's mean").isCloseTo(630.0, within(0.05 * 630));
        assertThat(measuredPatience.get("mean_seconds").asDouble()).as(measuredPatience.toString())
                .isCloseTo(patience, within(0.05 * patience));
        double standardError = CONFIGURED_PATIENCE_SECONDS / Math.sqrt(abandoned);
        assertThat(measuredPatience.get("mean_seconds").asDouble()).as("the configured patience, ± 3 standard errors")
                .isCloseTo(CONFIGURED_PATIENCE_SECONDS, within(3 * standardError));
        assertThat(phone.get("mean_after_contact_seconds").asDouble()).as("after-contact work is part of it").isGreaterThan(30);

        // The measured handle time is the default: requirements plan each interval with it (per hour of the week),
        // and a typed-in one overrides it.
        String day = "&start=" + at.minusSeconds(86_400) + "&end=" + at;
        JsonNode measuredRows = http.get("/api/v1/requirements?channel=chat" + day, c.auth()).json();
        JsonNode typedRows = http.get("/api/v1/requirements?channel=chat&aht_seconds=200" + day, c.auth()).json();
        double mean = chat.get("mean_seconds").asDouble();
        for (JsonNode r : measuredRows) {
            assertThat(r.get("aht_seconds").asDouble()).isCloseTo(mean, within(0.25 * mean));
        }
        for (JsonNode r : typedRows) assertThat(r.get("aht_seconds").asInt()).isEqualTo(200);
        JsonNode settings = http.get("/api/v1/staffing-settings/all/chat", c.auth()).json();
        assertThat(settings.get("aht_measured").asBoolean()).isTrue();
        Http.Response typed = http.put("/api/v1/staffing-settings/all/chat", c.auth(), java.util.Map.of("aht_seconds", 200));
        assertThat(typed.json().get("aht_measured").asBoolean()).isFalse();
        for (JsonNode r : http.get("/api/v1/requirements?channel=chat" + day, c.auth()).json()) {
            assertThat(r.get("aht_seconds").asInt()).as("the typed-in handle time is used").isEqualTo(200);
        }
        Http.Response back = http.put("/api/v1/staffing-settings/all/chat", c.auth(), java.util.Map.of("aht_measured", true));
        assertThat(back.json().get("aht_measured").asBoolean()).isTrue();
        for (JsonNode r : http.get("/api/v1/requirements?channel=chat" + day, c.auth()).json()) {
            assertThat(r.get("aht_seconds").asDouble()).as("measured again").isCloseTo(mean, within(0.25 * mean));
        }

        // Another company's key reads nothing of this one's handle times.
        TestCompany other = newCompany();
        assertThat(http.get("/api/v1/staffing-settings/all/chat/measured-handle-time", other.auth()).json().get("mean_seconds").isNull()).isTrue();
        assertThat(http.get("/api/v1/staffing-settings/all/chat/measured-handle-time?weeks=27", c.auth()).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("weeks");
    }
}
