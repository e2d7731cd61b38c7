package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimContact;
import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A sync never stalls silently: over-long values are stored shortened, and any failure shows with its reason. */
class SyncStallApiTest extends ApiTest {

    private Instant column(TestCompany company, String column) {
        return jdbc.sql("select " + column + " from gladly_connections where company_id = ?").param(company.id())
                .query(OffsetDateTime.class).single().toInstant();
    }

    @Test
    void overLongNamesAndLabelsAreShortenedAndTheSyncCompletes() {
        try (GladlySimulator sim = Simulators.start(71, 800)) {
            TestCompany company = newCompany();
            sim.faults().oversizedValues(true);
            Instant before = now();
            assertThat(connect(company, sim, 2).status()).isEqualTo(200);
            JsonNode status = Simulators.awaitSettled(http, company, before);
            Simulators.assertHealthy(status);
            assertThat(status.get("last_error").isNull()).isTrue();

            Set<String> expected = sim.organization().contactsQueuedBetween(column(company, "backfill_start"),
                    column(company, "contacts_checkpoint"), now()).stream().map(SimContact::id).collect(Collectors.toSet());
            Set<String> stored = new HashSet<>(jdbc.sql("select external_id from contacts where company_id = ?")
                    .param(company.id()).query(String.class).list());
            assertThat(stored).isEqualTo(expected);
            assertThat(jdbc.sql("select max(length(entry_point)) from contacts where company_id = ?").param(company.id())
                    .query(Integer.class).single()).isEqualTo(300);
            assertThat(jdbc.sql("select max(length(inbox_when_queued)) from contacts where company_id = ?").param(company.id())
                    .query(Integer.class).single()).isEqualTo(300);
            assertThat(jdbc.sql("select max(length(team_names)) from gladly_agents where company_id = ?").param(company.id())
                    .query(Integer.class).single()).isEqualTo(1000);
            assertThat(jdbc.sql("select count(*) from gladly_agents where company_id = ?").param(company.id())
                    .query(Long.class).single()).isEqualTo(sim.organization().agents().size());
        }
    }

    /**
     * A database error (staged with a check constraint that refuses this company's inboxes) is recorded with its
     * reason on the status API and the Integrations card, retried, and cleared once the next run succeeds.
     */
    @Test
    void aDatabaseErrorIsRecordedWithItsReasonAndTheSyncRecovers() {
        try (GladlySimulator sim = Simulators.start(72, 200)) {
            TestCompany company = newCompany();
            String email = addUser(company, "admin", "Stella Stall");
            String constraint = "ck_test_stall_" + company.id();
            jdbc.sql("alter table gladly_inboxes add constraint " + constraint + " check (company_id <> " + company.id() + ")").update();
            JsonNode[] failed = new JsonNode[1];
            try {
                assertThat(connect(company, sim, 1).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    failed[0] = http.get("/api/v1/integrations/gladly", company.auth()).json();
                    return !failed[0].get("last_error").isNull();
                });
            } finally {
                jdbc.sql("alter table gladly_inboxes drop constraint " + constraint).update();
            }
            JsonNode error = failed[0].get("last_error");
            assertThat(error.get("code").asString()).isEqualTo("database_error");
            assertThat(error.get("message").asString()).startsWith("Rostra could not store what Gladly sent: ")
                    .containsIgnoringCase(constraint);
            assertThat(error.get("retry_at").isNull()).isFalse();
            assertThat(failed[0].get("status").asString()).isEqualTo("sync_in_progress");

            String card = new PageSession(port).login(email, USER_PASSWORD).get("/settings/integrations");
            assertThat(card).contains("id=\"gladly-error\"").contains("Rostra could not store what Gladly sent");

            Instant resumed = now();
            assertThat(http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of()).status()).isEqualTo(202);
            JsonNode healthy = Simulators.awaitSettled(http, company, resumed);
            Simulators.assertHealthy(healthy);
            assertThat(healthy.get("last_error").isNull()).isTrue();
        }
    }
}
