package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rostra.support.MutableClock;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact sliding-window rule, in memory, on a clock the test moves: waiting advances it, so the grant times are
 * exactly what the rule says (the PostgreSQL log is exercised by ReportPacingPostgresTest).
 */
class ReportPacingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aCallWaitsUntilTheThirdMostRecentIsAWindowOld() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Duration window = Duration.ofSeconds(60);
        ReportPacing pacing = new ReportPacing(null, null, false, 3, window, clock, clock::advance);
        CompanyId company = new CompanyId(1);
        List<Duration> starts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pacing.acquire(company);
            starts.add(Duration.between(T0, clock.instant()));
            clock.advance(Duration.ofSeconds(1)); // each call takes a second
        }
        // Three at once-ish (a second apart), then each waits for the call three back to be a window old.
        assertThat(starts).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(60), Duration.ofSeconds(61), Duration.ofSeconds(62), Duration.ofSeconds(120));
    }

    @Test
    void companiesDoNotShareABudget() {
        MutableClock clock = new MutableClock(T0);
        ReportPacing pacing = new ReportPacing(null, null, false, 2, Duration.ofSeconds(60), clock, clock::advance);
        CompanyId one = new CompanyId(1);
        assertThat(pacing.tryAcquire(one)).isNull();
        assertThat(pacing.tryAcquire(one)).isNull();
        assertThat(pacing.tryAcquire(one)).as("the third waits a whole window").isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(pacing.tryAcquire(one)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacing.tryAcquire(new CompanyId(2))).as("another company is not held back").isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(pacing.tryAcquire(one)).isNull();
    }
}
