package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.rostra.simulator.GladlySimulator;
import com.rostra.simulator.SimContact;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.support.Simulators;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Gladly on a bad day: 429 storms, an outage mid-backfill, truncated and malformed reports. One simulator each. */
class SyncResilienceApiTest extends ApiTest {

    private Set<String> storedIds(TestCompany company) {
        return new HashSet<>(jdbc.sql("select external_id from contacts where company_id = ?").param(company.id())
                .query(String.class).list());
    }

    private Instant column(TestCompany company, String column) {
        return jdbc.sql("select " + column + " from gladly_connections where company_id = ?").param(company.id())
                .query(OffsetDateTime.class).single().toInstant();
    }

    private Set<String> expectedIds(GladlySimulator sim, TestCompany company) {
        return sim.organization().contactsQueuedBetween(column(company, "backfill_start"), column(company, "contacts_checkpoint"),
                now()).stream().map(SimContact::id).collect(Collectors.toSet());
    }

    @Test
    void a429StormNeverPushesRostraOverTheRequestBudget() {
        try (GladlySimulator sim = Simulators.start(31, 2000)) {
            TestCompany company = newCompany();
            Instant before = now();
            assertThat(connect(company, sim, 3).status()).isEqualTo(200);
            sim.faults().throttleNext(25);
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
            assertThat(storedIds(company)).isEqualTo(expectedIds(sim, company));

            List<GladlySimulator.RecordedRequest> log = sim.requests();
            assertThat(log).filteredOn(r -> r.status() == 429).hasSize(25);
            // Retrying 25 throttled calls at once would burst past 10/s; the per-minute limits are driven to
            // their edge in GladlyLimitsApiTest.
            assertThat(maxInWindow(log, Duration.ofSeconds(1))).as("Gladly: 10 per second").isLessThanOrEqualTo(10);
        }
    }

    static int maxInWindow(List<GladlySimulator.RecordedRequest> log, Duration window) {
        List<Instant> times = log.stream().map(GladlySimulator.RecordedRequest::at).sorted().toList();
        int max = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (!times.get(from).isAfter(times.get(to).minus(window))) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    @Test
    void anOutageMidBackfillResumesFromTheCheckpointWithoutGapsOrDuplicates() {
        try (GladlySimulator sim = Simulators.start(32, 3000)) {
            TestCompany company = newCompany();
            sim.faults().failReportsAfter(1);
            Instant before = now();
            assertThat(connect(company, sim, 10).status()).isEqualTo(200);
            JsonNode failed = Simulators.awaitSettled(http, company, before);
            assertThat(failed.get("status").asString()).isEqualTo("sync_in_progress");
            assertThat(failed.get("last_error").get("code").asString()).isEqualTo("gladly_error");
            JsonNode lastError = failed.get("last_error");
            assertThat(Duration.between(Instant.parse(lastError.get("at").asString()), Instant.parse(lastError.get("retry_at").asString())))
                    .as("the first failure in a row waits the configured base, a minute").isEqualTo(Duration.ofMinutes(1));
            int stored = storedIds(company).size();
            Instant checkpoint = column(company, "contacts_checkpoint");
            assertThat(checkpoint).isAfter(column(company, "backfill_start")).isBefore(now().minus(Duration.ofDays(1)));
            assertThat(stored).isPositive();
            assertThat(failed.get("backfill_percent").asInt()).isBetween(1, 99);

            sim.faults().reset();
            Instant resumed = now();
            assertThat(http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of()).status()).isEqualTo(202);
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, resumed));
            assertThat(storedIds(company)).isEqualTo(expectedIds(sim, company));
            long rows = jdbc.sql("select count(*) from contacts where company_id = ?").param(company.id()).query(Long.class).single();
            assertThat(rows).isEqualTo(storedIds(company).size());
            List<String> reportsAfterResume = sim.requests().stream()
                    .filter(r -> r.at().isAfter(resumed) && r.path().endsWith("/reports") && r.status() == 200)
                    .map(r -> r.path()).toList();
            assertThat(reportsAfterResume).as("resumed from the checkpoint, not from the start").hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void truncatedReportsAreAskedAgainAndNeverHalfImported() {
        try (GladlySimulator sim = Simulators.start(33, 800)) {
            TestCompany company = newCompany();
            sim.faults().truncateCsv(true);
            Instant before = now();
            assertThat(connect(company, sim, 2).status()).isEqualTo(200);
            JsonNode failed = Simulators.awaitSettled(http, company, before);
            assertThat(failed.get("last_error").get("message").asString()).contains("truncated");
            assertThat(storedIds(company)).isEmpty();

            sim.faults().reset();
            Instant resumed = now();
            http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of());
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, resumed));
            assertThat(storedIds(company)).isEqualTo(expectedIds(sim, company));
        }
    }

    @Test
    void malformedRowsAreKeptAsRejectsAndDuplicateRowsCollapse() {
        try (GladlySimulator sim = Simulators.start(34, 1500)) {
            TestCompany company = newCompany();
            sim.faults().malformedRows(true).duplicateRows(true);
            Instant before = now();
            assertThat(connect(company, sim, 2).status()).isEqualTo(200);
            JsonNode status = Simulators.awaitSettled(http, company, before);
            Simulators.assertHealthy(status);
            long rejected = status.get("rejected_rows").asLong();
            assertThat(rejected).isPositive();
            assertThat(jdbc.sql("select reason from gladly_rejected_rows where company_id = ?").param(company.id())
                    .query(String.class).list()).allSatisfy(reason -> assertThat(reason).contains("Queued At"));
            Set<String> expected = expectedIds(sim, company);
            Set<String> stored = storedIds(company);
            assertThat(stored.size() + rejected).isEqualTo(expected.size());
            assertThat(expected).containsAll(stored);
            long rows = jdbc.sql("select count(*) from contacts where company_id = ?").param(company.id()).query(Long.class).single();
            assertThat(rows).isEqualTo(stored.size());
        }
    }

    @Test
    void slowGladlyTimesOutAndIsRetriedLater() {
        try (GladlySimulator sim = Simulators.start(35, 200)) {
            TestCompany company = newCompany();
            Instant before = now();
            assertThat(connect(company, sim, 1).status()).isEqualTo(200);
            Simulators.assertHealthy(Simulators.awaitSettled(http, company, before));
            sim.faults().failNext(50);
            Instant failedAt = now();
            http.post("/api/v1/integrations/gladly/sync", company.auth(), Map.of());
            JsonNode failed = Simulators.awaitSettled(http, company, failedAt);
            assertThat(failed.get("status").asString()).as("a server error is not a permissions problem").isEqualTo("healthy");
            assertThat(failed.get("last_error").get("gladly_status").asInt()).isEqualTo(500);
            assertThat(failed.get("last_error").get("hint").asString()).contains("retries automatically");
            assertThat(Http.JSON.writeValueAsString(failed)).doesNotContain(sim.config().apiToken());
        }
    }
}
