package com.rostra;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.rostra.platform.Db;
import com.rostra.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on whichever database the suite is pointed at (.ci/run runs it on H2 and on PostgreSQL). */
class MigrationsTest extends ApiTest {

    /** A migration file Flyway skipped (a misnamed file, a version below the baseline) would show up here. */
    @Test
    void everyShippedMigrationIsAppliedInVersionOrder() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql");
        List<Integer> shipped = Arrays.stream(files).map(Resource::getFilename)
                .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).sorted().toList();
        List<Integer> applied = jdbc.sql("select version from flyway_schema_history where success = true and version is not null")
                .query(String.class).list().stream().map(Integer::parseInt).sorted().toList();
        assertThat(shipped).isNotEmpty();
        assertThat(applied).isEqualTo(shipped);
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

    /**
     * Instants are stored as UTC whatever the JVM's zone: with the JVM on Tokyo time, the instant written is the one
     * PostgreSQL/H2 compare against a UTC literal, and the one read back. (On a UTC JVM this could not fail.)
     */
    @Test
    void instantsRoundTripAsUtcWhateverTheJvmZone() {
        Instant dstNight = Instant.parse("2026-03-29T01:30:00Z"); // the hour Europe skips
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try {
            Boolean same = jdbc.sql("select cast(? as timestamp with time zone) = timestamp with time zone '2026-03-29 01:30:00+00:00'")
                    .param(Db.ts(dstNight)).query(Boolean.class).single();
            assertThat(same).isTrue();
            OffsetDateTime back = jdbc.sql("select cast(? as timestamp with time zone)").param(Db.ts(dstNight))
                    .query(OffsetDateTime.class).single();
            assertThat(back.toInstant()).isEqualTo(dstNight);
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
