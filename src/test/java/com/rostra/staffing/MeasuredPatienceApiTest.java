package com.rostra.staffing;

import java.time.Duration;
import java.time.Instant;
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
import com.rostra.support.Http;
import com.rostra.tenancy.CompanyId;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patience measured from the company's own contacts: abandoned waits are observations, answered waits censored ones;
 * the exponential maximum-likelihood mean is all the waiting divided by the abandons. Worked by hand: abandoned after
 * 30, 60 and 90 s, answered after 10, 20, 30, 40 and 50 s: (180 + 150) / 3 = 110 s.
 */
class MeasuredPatienceApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    private static ContactRecord contact(String id, Channel channel, String direction, String gladlyStatus, Instant queued,
                                         int waitSeconds) {
        boolean answered = gladlyStatus.equals("ANSWERED");
        Instant end = queued.plusSeconds(waitSeconds);
        return new ContactRecord(id, "conv-" + id, "cust-" + id, channel, channel == Channel.PHONE ? "PHONE_CALL" : "CHAT", direction,
                "Customer", null, null, "in", "Support", "in", "Support", answered ? ContactStatus.SOLVED : ContactStatus.OPEN,
                gladlyStatus, queued, queued, answered ? end : null, answered ? waitSeconds : null, null, null, null,
                answered ? end.plusSeconds(300) : end, null);
    }

    @Test
    void patienceIsAllWaitingOverTheAbandonsAndErlangAUsesItUnlessOverridden() {
        TestCompany c = newCompany();
        Instant base = now().minus(Duration.ofDays(3));
        List<ContactRecord> contacts = new ArrayList<>();
        int k = 0;
        for (int wait : new int[] {30, 60, 90}) contacts.add(contact("ab" + k++, Channel.PHONE, "INBOUND", "ABANDONED", base.plusSeconds(k * 600), wait));
        for (int wait : new int[] {10, 20, 30, 40, 50}) contacts.add(contact("an" + k++, Channel.PHONE, "INBOUND", "ANSWERED", base.plusSeconds(k * 600), wait));
        // Not observations: an outbound call, a chat, an abandon nine weeks ago, an unanswered voicemail-like contact.
        contacts.add(contact("out", Channel.PHONE, "OUTBOUND", "ABANDONED", base, 999));
        contacts.add(contact("chat", Channel.CHAT, "INBOUND", "ABANDONED", base, 999));
        contacts.add(contact("old", Channel.PHONE, "INBOUND", "ABANDONED", now().minus(Duration.ofDays(63)), 999));
        contacts.add(contact("unanswered", Channel.PHONE, "INBOUND", "UNANSWERED", base, 999));
        // Enough answered-at-once calls (waits of 0 s change nothing) that requirements depend on the patience: 40 an
        // hour, 09-17 UTC, every day of the last five weeks.
        Instant firstDay = now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(35));
        int busy = 0;
        for (int d = 0; d < 35; d++) {
            for (int h = 9; h < 17; h++) {
                for (int i = 0; i < 40; i++) {
                    contacts.add(contact("busy" + busy++, Channel.PHONE, "INBOUND", "ANSWERED",
                            firstDay.plus(Duration.ofDays(d)).plus(Duration.ofHours(h)).plusSeconds(i * 90L), 0));
                }
            }
        }
        store.upsert(new CompanyId(c.id()), contacts);

        JsonNode measured = http.get("/api/v1/staffing-settings/all/phone/measured-patience", c.auth()).json();
        assertThat(measured.get("mean_seconds").asDouble()).isEqualTo(110.0);
        assertThat(measured.get("abandoned").asLong()).isEqualTo(3);
        assertThat(measured.get("answered").asLong()).isEqualTo(5 + busy);
        assertThat(measured.get("weeks").asInt()).isEqualTo(8);
        assertThat(http.get("/api/v1/staffing-settings/all/phone/measured-patience?weeks=0", c.auth()).status()).isEqualTo(400);

        // Erlang A with no patience of its own uses the measured 110 s: the same as asking with 110 explicitly.
        Http.Response saved = http.put("/api/v1/staffing-settings/all/phone", c.auth(), Map.of("model", "erlang_a"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("patience_seconds").isNull()).as("not frozen into the settings").isTrue();
        Instant yesterday = now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(1));
        String day = "&start=" + yesterday.plus(Duration.ofHours(9)) + "&end=" + yesterday.plus(Duration.ofHours(17));
        JsonNode usingMeasured = http.get("/api/v1/requirements?channel=phone" + day, c.auth()).json();
        JsonNode explicit110 = http.get("/api/v1/requirements?channel=phone&patience_seconds=110" + day, c.auth()).json();
        JsonNode explicit5 = http.get("/api/v1/requirements?channel=phone&patience_seconds=5" + day, c.auth()).json();
        assertThat(usingMeasured).isEqualTo(explicit110);
        assertThat(usingMeasured).as("the patience matters at this volume").isNotEqualTo(explicit5);

        // A company whose customers never abandoned has no measurement: Erlang A then needs a patience.
        TestCompany patient = newCompany();
        assertThat(http.get("/api/v1/staffing-settings/all/phone/measured-patience", patient.auth()).json().get("mean_seconds").isNull()).isTrue();
        Http.Response refused = http.put("/api/v1/staffing-settings/all/phone", patient.auth(), Map.of("model", "erlang_a"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("patience_seconds");
    }
}
