package com.rostra.gladly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact sliding-window rule, in memory (the PostgreSQL log is exercised by SharedBudgetPostgresTest). */
class ReportPacingTest {

    @Test
    void aCallWaitsUntilTheOldestOfTheWindowIsAWindowOld() throws Exception {
        Duration window = Duration.ofMillis(400);
        ReportPacing pacing = new ReportPacing(null, null, false, 3, window);
        CompanyId company = new CompanyId(1);
        List<Long> starts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 7; i++) {
            pacing.acquire(company);
            starts.add((System.nanoTime() - t0) / 1_000_000);
        }
        assertThat(starts.get(2)).as("the first three go at once").isLessThan(200);
        for (int i = 3; i < starts.size(); i++) {
            // Stamped after acquire returns, so an earlier call's stamp may lag its grant by a few milliseconds.
            assertThat(starts.get(i) - starts.get(i - 3)).as("call " + i).isGreaterThanOrEqualTo(window.toMillis() - 25);
        }
        assertThat(starts.get(3)).as("no slower than the rule").isLessThan(window.toMillis() + 400);
        pacing.acquire(new CompanyId(2));
        assertThat((System.nanoTime() - t0) / 1_000_000 - starts.get(6)).as("companies do not share a budget").isLessThan(200);
    }
}
