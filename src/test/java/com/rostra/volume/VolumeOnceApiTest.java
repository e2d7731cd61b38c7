package com.rostra.volume;

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
import com.rostra.tenancy.CompanyId;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored batch is assigned to queues and then aggregated into interval volume once, not once per step. */
class VolumeOnceApiTest extends ApiTest {

    @Autowired
    ContactStore store;

    @Autowired
    MeterRegistry registry;

    private double refreshes() {
        return registry.counter("rostra.volume.refreshes").count();
    }

    private static ContactRecord chat(String id, Instant queued) {
        return new ContactRecord(id, "conv-" + id, "cust", Channel.CHAT, "CHAT", "INBOUND", "Customer", null, null,
                "in1", "Support", "in1", "Support", ContactStatus.SOLVED, "Answered", queued, queued, queued.plusSeconds(40),
                40, null, null, 40, queued.plusSeconds(300), null);
    }

    @Test
    void aBatchWhoseContactsMatchARuleIsAggregatedOnceAndCountsInItsQueue() {
        TestCompany company = newCompany("UTC");
        long queue = http.post("/api/v1/queues", company.auth(), Map.of("name", "Chat", "channels", List.of("chat")))
                .json().get("id").asLong();
        Instant start = Instant.parse("2026-11-10T09:00:00Z");
        List<ContactRecord> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) batch.add(chat("c" + i, start.plusSeconds(600L * i)));

        double before = refreshes();
        store.upsert(new CompanyId(company.id()), batch);
        assertThat(refreshes() - before).as("one re-aggregation for one stored batch, rules matched or not").isEqualTo(1.0);

        JsonNode intervals = http.get("/api/v1/queues/" + queue + "/volume?start=2026-11-10T09:00:00Z&end=2026-11-10T11:00:00Z"
                + "&interval=60m&group_by=none", company.auth()).json().get("intervals");
        assertThat(intervals.get(0).get("count").asLong()).as("09:00-10:00 holds six chats, all in the queue").isEqualTo(6);
        assertThat(intervals.get(1).get("count").asLong()).isEqualTo(6);
        long inTheQueue = jdbc.sql("select count(*) from contacts where company_id = ? and queue_path = ?")
                .params(company.id(), "," + queue + ",").query(Long.class).single();
        assertThat(inTheQueue).isEqualTo(12);
    }
}
