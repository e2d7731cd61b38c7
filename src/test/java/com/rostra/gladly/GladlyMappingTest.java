package com.rostra.gladly;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GladlyMappingTest {

    @ParameterizedTest
    @CsvSource({"PHONE_CALL,PHONE", "VOICEMAIL,PHONE", "ABANDONED_CALL,PHONE", "EMAIL,EMAIL", "CHAT,CHAT", "SMS,SMS",
            "FB_MESSENGER,SOCIAL", "WHATSAPP,SOCIAL", "INSTAGRAM_DIRECT,SOCIAL", "FACEBOOK_MESSAGE,SOCIAL", "phone_call,PHONE"})
    void channels(String gladly, Channel expected) {
        assertThat(GladlyMapping.channel(gladly)).contains(expected);
    }

    @Test
    void unknownChannelIsKeptWithoutARostraChannel() {
        assertThat(GladlyMapping.channel("CARRIER_PIGEON")).isEmpty();
        ContactRecord r = GladlyMapping.toContact(row(Map.of("Channel", "CARRIER_PIGEON")), Map.of());
        assertThat(r.channel()).isNull();
        assertThat(r.gladlyChannel()).isEqualTo("CARRIER_PIGEON");
    }

    @ParameterizedTest
    @CsvSource({"ANSWERED,SOLVED", "UNANSWERED,OPEN", "ABANDONED,OPEN", "UNKNOWN,OPEN", "answered,SOLVED", "SOMETHING_NEW,OPEN"})
    void statuses(String gladly, ContactStatus expected) {
        assertThat(GladlyMapping.status(gladly)).isEqualTo(expected);
    }

    @Test
    void notEndedYetIsOpen() {
        assertThat(GladlyMapping.status(null)).isEqualTo(ContactStatus.OPEN);
    }

    @Test
    void firstResponseIsFulfilledMinusQueued() {
        ContactRecord r = GladlyMapping.toContact(row(Map.of("Channel", "EMAIL", "Fulfilled At", "2026-03-02T10:07:30Z")), Map.of());
        assertThat(r.firstRespondedAt()).isEqualTo(Instant.parse("2026-03-02T10:07:30Z"));
        assertThat(r.firstResponseDuration()).isEqualTo(450);
        assertThat(r.answerWaitSeconds()).as("email SLA = first_responded_at - external_created_at").isEqualTo(450);
        assertThat(r.externalCreatedAt()).isEqualTo(r.queuedAt());
    }

    @Test
    void callSlaIsAnsweredMinusStartedOnceTheCallItemIsRead() {
        assertThat(GladlyMapping.slaSeconds(Channel.PHONE, "PHONE_CALL", Instant.parse("2026-03-02T10:00:30Z"),
                Instant.parse("2026-03-02T10:01:00Z"), Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T10:01:00Z")))
                .isEqualTo(60);
        assertThat(GladlyMapping.slaSeconds(Channel.PHONE, "PHONE_CALL", Instant.parse("2026-03-02T10:00:30Z"),
                Instant.parse("2026-03-02T10:01:00Z"), null, null))
                .as("before the item is read, the queue wait stands in").isEqualTo(30);
        assertThat(GladlyMapping.slaSeconds(Channel.CHAT, "CHAT", Instant.parse("2026-03-02T10:00:00Z"),
                Instant.parse("2026-03-02T10:00:45Z"), null, null)).isEqualTo(45);
        assertThat(GladlyMapping.slaSeconds(Channel.SMS, "SMS", Instant.parse("2026-03-02T10:00:00Z"), null, null, null)).isNull();
    }

    @Test
    void inboxIdsResolveToNamesAndQueueAttributesAreKept() {
        ContactRecord r = GladlyMapping.toContact(row(Map.of("Inbox When Queued", "in1", "Inbox When Ended", "in2",
                "Direction", "outbound", "Entry Point", "+18005550100")), Map.of("in1", "Support", "in2", "Billing"));
        assertThat(r.inboxWhenQueued()).isEqualTo("Support");
        assertThat(r.inboxWhenEnded()).isEqualTo("Billing");
        assertThat(r.inboxWhenQueuedId()).isEqualTo("in1");
        assertThat(r.direction()).isEqualTo("OUTBOUND");
        assertThat(r.entryPoint()).isEqualTo("+18005550100");
    }

    @Test
    void rowsWithoutIdOrWithBadTimesAreRejectedWithAReason() {
        Map<String, String> noId = new HashMap<>(base());
        noId.remove("Contact ID");
        assertThatThrownBy(() -> GladlyMapping.toContact(ContactExportRow.of(2, noId), Map.of()))
                .hasMessageContaining("Contact ID");
        assertThatThrownBy(() -> GladlyMapping.toContact(row(Map.of("Queued At", "yesterday")), Map.of()))
                .hasMessageContaining("Queued At");
    }

    @Test
    void zoneLessTimesAreUtc() {
        assertThat(GladlyMapping.time("2026-03-02 10:00:00", "x")).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    private static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("Contact ID", "c1");
        m.put("Conversation ID", "v1");
        m.put("Queued At", "2026-03-02T10:00:00Z");
        m.put("Channel", "CHAT");
        m.put("Status", "ANSWERED");
        return m;
    }

    private static ContactExportRow row(Map<String, String> overrides) {
        Map<String, String> m = base();
        m.putAll(overrides);
        return ContactExportRow.of(2, m);
    }

    @Test
    void availabilityChannelsBecomeRostraChannels() {
        assertThat(GladlyMapping.channelsAvailableFor(List.of("VOICE"))).containsExactly("phone");
        assertThat(GladlyMapping.channelsAvailableFor(List.of("MESSAGING", "MAIL", "TASK")))
                .containsExactly("email", "chat", "sms", "social");
        assertThat(GladlyMapping.channelsAvailableFor(List.of())).isEmpty();
        assertThat(GladlyMapping.channelsAvailableFor(List.of("TASK", "SOMETHING_NEW"))).isEmpty();
    }
}
