package com.rostra.schedules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's usual activity types are created on their first read. Found by bench/webhook-load.sh: the live stream's
 * snapshot and its first delivery read them at the same moment and one answered 500 (duplicate name).
 */
class ActivityTypesFirstReadApiTest extends ApiTest {

    @Test
    void simultaneousFirstReadsAllSeeTheUsualTypesOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestCompany company = newCompany();
            int readers = 12;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(readers);
            try {
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (int i = 0; i < readers; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return http.get("/api/v1/activity-types", company.auth());
                    }));
                }
                go.countDown();
                for (Future<Http.Response> answer : answers) {
                    Http.Response r = answer.get();
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertThat(r.json()).hasSize(ActivityTypes.DEFAULTS.size());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.sql("select count(*) from activity_types where company_id = ?").param(company.id())
                    .query(Long.class).single()).isEqualTo(ActivityTypes.DEFAULTS.size());
        }
    }
}
