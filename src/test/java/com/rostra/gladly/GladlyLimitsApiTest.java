package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.simulator.GladlySimulator;
import com.rostra.support.ApiTest;
import com.rostra.support.Simulators;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gladly's limits driven to the edge and read back from the simulator's request log: a company's client sends
 * twelve Contact Export reports while two more threads list agents as fast as the budget lets them, for over a
 * minute. Gladly's 10 per second, Rostra's own 500 per minute and the Reports API's 10 per sliding minute are all
 * reached and none is crossed — no 429 at all.
 */
class GladlyLimitsApiTest extends ApiTest {

    @Autowired
    RequestBudget budget;
    @Autowired
    GladlyProperties properties;

    @Test
    void everyLimitIsReachedAndNoneIsCrossed() throws Exception {
        try (GladlySimulator sim = Simulators.start(91, 300)) {
            CompanyId company = new CompanyId(newCompany().id());
            GladlyClient client = new GladlyClient(company, sim.baseUrl(), sim.config().apiUserEmail(), sim.config().apiToken(),
                    budget, properties);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            AtomicBoolean reportsDone = new AtomicBoolean();
            try {
                List<Future<?>> listing = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    listing.add(pool.submit(() -> {
                        while (!reportsDone.get()) client.agents();
                        return null;
                    }));
                }
                Instant end = now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
                for (int i = 0; i < 12; i++) {
                    client.contactExport(end.minus(Duration.ofHours(i + 1)), end.minus(Duration.ofHours(i)));
                }
                reportsDone.set(true);
                for (Future<?> f : listing) f.get();
            } finally {
                reportsDone.set(true);
                pool.shutdownNow();
            }

            List<GladlySimulator.RecordedRequest> log = sim.requests();
            List<GladlySimulator.RecordedRequest> reports = log.stream().filter(r -> r.path().endsWith("/reports")).toList();
            assertThat(log).filteredOn(r -> r.status() == 429).as("nothing throttled").isEmpty();
            assertThat(reports).hasSize(12);
            assertThat(SyncResilienceApiTest.maxInWindow(reports, Duration.ofMinutes(1))).as("Reports: 10 per sliding minute")
                    .isEqualTo(10);
            int perSecond = SyncResilienceApiTest.maxInWindow(log, Duration.ofSeconds(1));
            assertThat(perSecond).as("Gladly: 10 per second, reached but not crossed").isBetween(8, 10);
            int perMinute = SyncResilienceApiTest.maxInWindow(log, Duration.ofMinutes(1));
            assertThat(perMinute).as("Rostra: at most 500 per minute, and the budget is used").isBetween(400, 500);
        }
    }
}
