package com.rostra.gladly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rostra.RostraApplication;
import com.rostra.support.ApiTest;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Rostra nodes on one PostgreSQL draw from one request budget per connection. (On the embedded H2 database
 * there is only ever one node, so this runs in the PostgreSQL pass of .ci/run.)
 */
@EnabledIfEnvironmentVariable(named = "ROSTRA_DB_URL", matches = "jdbc:postgresql:.*")
class SharedBudgetPostgresTest extends ApiTest {

    @Autowired
    RequestBudget firstNode;

    @Test
    void twoNodesTogetherStayInsideOneConnectionsBudget() throws Exception {
        TestCompany company = newCompany();
        try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(RostraApplication.class)
                .profiles("test").run("--server.port=0", "--db-scheduler.enabled=false")) {
            RequestBudget second = secondNode.getBean(RequestBudget.class);
            List<Instant> permits = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            Instant start = Instant.now();
            for (RequestBudget node : List.of(firstNode, second, firstNode, second)) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        node.acquire(new CompanyId(company.id()));
                        permits.add(Instant.now());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            Duration elapsed = Duration.between(start, Instant.now());
            // 40 permits at 8/s with one in hand: at least 39/8 s, whichever node asked.
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(4600));
            List<Instant> sorted = permits.stream().sorted().toList();
            for (int i = 0; i + 10 < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i), sorted.get(i + 10))).as("11 permits never fit in one second")
                        .isGreaterThan(Duration.ofSeconds(1));
            }
        }
    }
}
