package com.rostra.gladly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.platform.DatabaseDialect;
import com.rostra.support.ApiTest;
import com.rostra.support.MutableClock;
import com.rostra.tenancy.CompanyId;

import io.github.bucket4j.TimeMeter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared Gladly budget, on a clock the test moves. On PostgreSQL two nodes (two budgets and two pacers on one
 * database: Bucket4j's rows and the advisory-locked Reports log) draw from one budget per connection; on the embedded
 * H2 database there is only ever one node, so the same rule is checked on one.
 */
class SharedBudgetTest extends ApiTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseDialect dialect;
    @Autowired
    GladlyProperties properties;
    @Autowired
    TransactionTemplate tx;

    /** A TimeMeter that stands still until moved. */
    static final class ManualTime implements TimeMeter {
        final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    private List<RequestBudget> nodes(TimeMeter time) {
        int count = dialect.isPostgres() ? 2 : 1;
        List<RequestBudget> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(new RequestBudget(dataSource, dialect, properties, null, time));
        }
        return nodes;
    }

    @Test
    void requestsAreGrantedEightASecondWhicheverNodeAsks() {
        CompanyId company = new CompanyId(newCompany().id());
        ManualTime time = new ManualTime();
        List<RequestBudget> nodes = nodes(time);
        List<Long> grantedAtMillis = new ArrayList<>();
        for (int step = 0; step <= 3000 / 5; step++) {
            // Every node asks every 5 ms, as a busy sync would.
            for (RequestBudget node : nodes) {
                if (node.tryAcquire(company)) {
                    grantedAtMillis.add(step * 5L);
                }
            }
            time.nanos.addAndGet(Duration.ofMillis(5).toNanos());
        }
        // Capacity 1 refilling 8/s: one at once, then one every 125 ms — at most 9 in any second (Gladly allows 10).
        List<Long> expected = new ArrayList<>();
        for (long t = 0; t <= 3000; t += 125) expected.add(t);
        assertThat(grantedAtMillis).isEqualTo(expected);
    }

    @Test
    void concurrentAsksAtOneInstantGetOnePermitBetweenThem() throws Exception {
        CompanyId company = new CompanyId(newCompany().id());
        ManualTime time = new ManualTime();
        List<RequestBudget> nodes = nodes(time);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                AtomicInteger granted = new AtomicInteger();
                List<Future<?>> asks = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    RequestBudget node = nodes.get(t % nodes.size());
                    asks.add(pool.submit(() -> {
                        if (node.tryAcquire(company)) granted.incrementAndGet();
                    }));
                }
                for (Future<?> f : asks) f.get();
                assertThat(granted.get()).as("round " + round).isEqualTo(1);
                time.nanos.addAndGet(Duration.ofMillis(125).toNanos());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsArePacedTenPerSlidingMinuteAcrossNodes() throws Exception {
        CompanyId company = new CompanyId(newCompany().id());
        MutableClock clock = new MutableClock(now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Duration window = Duration.ofSeconds(61);
        int nodeCount = dialect.isPostgres() ? 2 : 1;
        List<ReportPacing> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new ReportPacing(jdbc, tx, dialect.isPostgres(), 10, window, clock, clock::advance));
        }
        // Eight threads ask at the same frozen instant: exactly ten calls start, whichever node they asked.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger started = new AtomicInteger();
        try {
            List<Future<?>> asks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                ReportPacing node = nodes.get(t % nodeCount);
                asks.add(pool.submit(() -> {
                    if (node.tryAcquire(company) == null) started.incrementAndGet();
                }));
            }
            for (Future<?> f : asks) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(started.get()).isEqualTo(10);
        Duration wait = nodes.get(nodeCount - 1).tryAcquire(company);
        assertThat(wait).as("the eleventh waits for the first to be a window old").isEqualTo(window);
        clock.advance(window.minusMillis(1));
        assertThat(nodes.get(0).tryAcquire(company)).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(nodes.get(0).tryAcquire(company)).isNull();
    }
}
