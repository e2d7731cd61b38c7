package com.rostra.gladly;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import com.rostra.platform.DatabaseDialect;
import com.rostra.tenancy.CompanyId;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * The per-connection request budget, shared by every Rostra node through PostgreSQL (Bucket4j's
 * select-for-update proxy manager), so several instances together still stay inside it.
 *
 * <p>A bucket of capacity C refilling R per second lets at most C + R requests into any one-second window, and
 * Gladly counts in sliding windows: capacity 1 at 8/s allows at most 9 requests in any second (Gladly: 10) and
 * 481 in any minute (ours: 500). Reports API calls are paced exactly by {@link ReportPacing} on top of this.
 *
 * <p>On the embedded H2 database there is only ever one node, so buckets live in memory.
 */
@Component
class RequestBudget {

    private final ProxyManager<Long> shared;
    private final Map<Long, Bucket> local = new ConcurrentHashMap<>();
    private final BucketConfiguration requests;
    private final ReportPacing reports;
    private final TimeMeter time;

    @org.springframework.beans.factory.annotation.Autowired
    RequestBudget(DataSource dataSource, DatabaseDialect dialect, GladlyProperties properties, ReportPacing reports) {
        this(dataSource, dialect, properties, reports, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** {@code time}: the clock buckets refill by; tests pass one they move. */
    RequestBudget(DataSource dataSource, DatabaseDialect dialect, GladlyProperties properties, ReportPacing reports,
                  TimeMeter time) {
        this.time = time;
        this.shared = dialect.isPostgres()
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).table("gladly_rate_buckets").clientClock(time).build()
                : null;
        this.requests = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(1).refillGreedy(properties.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
        this.reports = reports;
    }

    /** Blocks until one request to Gladly may be sent for this company. */
    void acquire(CompanyId company) throws InterruptedException {
        bucket(company.value() * 2, requests).asBlocking().consume(1);
    }

    /** Takes one request permit if there is one now, without waiting. */
    boolean tryAcquire(CompanyId company) {
        return bucket(company.value() * 2, requests).tryConsume(1);
    }

    /** Blocks until one Reports API call may be sent (take {@link #acquire} as well: it is also a request). */
    void acquireReport(CompanyId company) throws InterruptedException {
        reports.acquire(company);
    }

    private Bucket bucket(long key, BucketConfiguration configuration) {
        if (shared != null) {
            return shared.builder().build(key, () -> configuration);
        }
        return local.computeIfAbsent(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(configuration.getBandwidths()[0]).build());
    }
}
