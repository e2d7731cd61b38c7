package com.rostra;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.rostra.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on whichever database the suite is pointed at (.ci/run runs it on H2 and on PostgreSQL). */
class MigrationsTest extends ApiTest {

    @Test
    void everyMigrationAppliedSuccessfully() {
        long failed = jdbc.sql("select count(*) from flyway_schema_history where success = false").query(Long.class).single();
        long applied = jdbc.sql("select count(*) from flyway_schema_history where success = true").query(Long.class).single();
        assertThat(failed).isZero();
        assertThat(applied).isGreaterThanOrEqualTo(1);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /** .ci/run sets ROSTRA_EXPECT_DB so a misconfigured run cannot silently test H2 twice. */
    @Test
    void runsOnTheDatabaseCiAskedFor() throws Exception {
        String product;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        }
        String expected = System.getenv().getOrDefault("ROSTRA_EXPECT_DB", product);
        assertThat(product).contains(expected.toLowerCase());
    }

    @Test
    void instantsRoundTripAsUtc() {
        TestCompany company = newCompany("Asia/Tokyo");
        java.time.OffsetDateTime created = jdbc.sql("select created_at from companies where id = ?").param(company.id())
                .query(java.time.OffsetDateTime.class).single();
        assertThat(java.time.Duration.between(created.toInstant(), java.time.Instant.now()).abs())
                .isLessThan(java.time.Duration.ofMinutes(5));
    }
}
